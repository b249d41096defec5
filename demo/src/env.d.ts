// Replaced at build time (demo/vite.config.ts, demo/startDemo.mjs).
declare const __DEMO_ASSISTANT_ID__: string;
declare const __DEMO_SERVER_LABEL__: string;
