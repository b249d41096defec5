import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { chromiumPath, chromiumArgs } from "./scripts/chromium.mjs";

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Five projects; four share one embedded Agent Server (started once by the global setup and
 * handed to tests with `inject("agentServerUrl")`):
 * - unit: pure code and hooks in jsdom;
 * - e2e: the runs client in Node against the real server;
 * - browser: hooks and components in Chromium;
 * - storybook: every story as a test in Chromium;
 * - types: the public API's type tests (`*.test-d.ts(x)`), checked by tsc, never run.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ["./test/support/globalSetup.ts"],
    // Two files at a time: the suite waits mostly on the server and Chromium, not the CPU (it
    // holds under two busy loops), and one at a time doubles CI's wall time on 2 cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // How long `expect.poll` waits for a condition (not a timing assertion): generous, since a
    // loaded 2-core machine is slow.
    expect: { poll: { timeout: 30_000 } },
    projects: [
      {
        test: {
          name: "types",
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ["test/**/*.test-d.{ts,tsx}"],
            tsconfig: "./tsconfig.json",
          },
        },
      },
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "test/unit/**/*.test.{ts,tsx}",
            "test/hooks/**/*.test.{ts,tsx}",
            "test/badData/**/*.test.{ts,tsx}",
          ],
          exclude: [...configDefaults.exclude, "test/badData/**/*.browser.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["./test/support/testingLibrary.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: [
            "test/e2e/**/*.test.{ts,tsx}",
            "test/reliability/**/*.test.{ts,tsx}",
            "test/demo/**/*.test.ts",
            "test/journeys/**/*.test.ts",
            "test/parity/**/*.test.ts",
            "test/package/**/*.test.ts",
            "test/security/**/*.test.{ts,tsx}",
            "test/docs/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: [
            "test/browser/**/*.test.{ts,tsx}",
            "test/hooks/**/*.test.{ts,tsx}",
            "test/badData/**/*.browser.test.{ts,tsx}",
          ],
          setupFiles: ["./test/support/testingLibrary.ts"],
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
      {
        // Every story in stories/ as a test in Chromium (play functions + a11y checks).
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, ".storybook") })],
        test: {
          name: "storybook",
          setupFiles: ["./test/support/storybookTestingLibrary.ts"],
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
