import type { KnipConfig } from "knip";

/**
 * Knip: unused files, exports and dependencies (`npm run knip`). Its plugins find most entries
 * on their own: the package's entries from vite.config.ts (`build.lib.entry`), the tests from
 * vitest.config.ts, the stories from .storybook, the demo from demo/vite.config.ts, the
 * example's pages from Next.js. What they cannot see is listed here, each with why.
 */
const config: KnipConfig = {
  // An export its own file uses is a named part of that module (tests and benches import such
  // helpers freely); only exports nothing uses at all are reported.
  ignoreExportsUsedInFile: true,
  workspaces: {
    ".": {
      entry: [
        // Run by `node` from package.json scripts, .ci/run, the README and the tests.
        "scripts/*.mjs",
        "bench/*.mjs",
        // Built by bench/lib/browser.mjs (Vite, bench/pages/index.html).
        "bench/pages/main.tsx",
        // Started as a child process by devserver/startAgentServer.mjs; the Agent Server then
        // loads the graph by path (`graph.ts:graph`).
        "devserver/serve.ts",
        "devserver/graph.ts",
        // Type declarations for the .mjs files next to them (TypeScript reads them, nothing
        // imports them).
        "**/*.d.mts",
      ],
      // Not test/docs/.generated: the docs' code blocks, written out by test/docs/checkExamples.ts
      // to be type-checked, not imported.
      project: ["**/*.{ts,tsx,mts,mjs}", "!test/docs/.generated/**"],
      // Run from the packed tarball by scripts/check-packed.mjs (through node_modules/.bin).
      ignoreDependencies: ["@arethetypeswrong/cli", "publint"],
    },
    "examples/nextjs": {
      // Peers of langgraph-runs-react that the example must install, though it imports none
      // of them itself.
      ignoreDependencies: ["react-dom", "zustand", "@types/react-dom"],
      // Installed in the example's own node_modules only by the package test.
      ignoreBinaries: ["next"],
    },
  },
};

export default config;
