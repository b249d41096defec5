import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { chromiumPath, chromiumArgs } from "./scripts/chromium.mjs";

/**
 * Three projects share one embedded Agent Server (started once by the global setup and handed
 * to tests with `inject("agentServerUrl")`):
 * - unit: pure code and hooks in jsdom;
 * - e2e: the runs client in Node against the real server;
 * - browser: hooks and components in Chromium.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ["./test/support/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}", "test/hooks/**/*.test.{ts,tsx}"],
          environment: "jsdom",
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.{ts,tsx}", "test/hooks/**/*.test.{ts,tsx}"],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
