import type { StorybookConfig } from "@storybook/react-vite";

/**
 * Hand-written Storybook config (never `storybook init`/`add`: they reach the network).
 * The stories run as Vitest tests in Chromium through `@storybook/addon-vitest` (the `storybook`
 * project in vitest.config.ts); `@storybook/addon-a11y` fails them on violations (see preview).
 */
const config: StorybookConfig = {
  stories: ["../stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-vitest", "@storybook/addon-a11y"],
  framework: {
    name: "@storybook/react-vite",
    options: { builder: { viteConfigPath: ".storybook/vite.config.ts" } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // A static Storybook is one big preview bundle: the chunk-size and plugin-timing notices are noise.
  viteFinal: (config) => ({
    ...config,
    build: {
      ...config.build,
      chunkSizeWarningLimit: 5_000,
      rolldownOptions: {
        ...config.build?.rolldownOptions,
        checks: { ...config.build?.rolldownOptions?.checks, pluginTimings: false },
      },
    },
  }),
};

export default config;
