// Values the global setup (test/support/globalSetup.ts) provides to tests via `inject()`.
declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the embedded Agent Server, e.g. "http://127.0.0.1:43123" (no trailing slash). */
    agentServerUrl: string;
  }
}

export {};
