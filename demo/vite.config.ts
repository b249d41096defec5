import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The demo app (`npm start` serves it through demo/startDemo.mjs, which adds the /api proxy to
 * the Agent Server). It imports the kit only by its package names, resolved here to the sources
 * so edits show up at once:
 *
 *   langgraph-runs-react            -> src/index.ts
 *   langgraph-runs-react/client     -> src/client/index.ts
 *   langgraph-runs-react/core       -> src/core/index.ts
 *   langgraph-runs-react/markdown   -> src/markdown/index.ts
 *   langgraph-runs-react/styles.css -> src/styles/index.css
 *
 * `npm run demo:build` builds it to demo/dist. Serve it with a server that proxies /api under the
 * rules of demo/apiGuard.mjs (same origin only, the `x-lgr-proxy: 1` header, the demo's routes
 * only, no `access-control-*` headers passed on): a plain proxy lends its API key to any page.
 */
const demoDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(demoDir, "..");
const src = (file: string) => path.join(repoRoot, "src", file);

export default defineConfig({
  root: demoDir,
  // Its own optimizer cache: tests, Storybook and the demo may start Vite at the same time.
  cacheDir: path.join(repoRoot, "node_modules/.vite-demo"),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^langgraph-runs-react\/client$/, replacement: src("client/index.ts") },
      { find: /^langgraph-runs-react\/core$/, replacement: src("core/index.ts") },
      { find: /^langgraph-runs-react\/markdown$/, replacement: src("markdown/index.ts") },
      { find: /^langgraph-runs-react\/styles\.css$/, replacement: src("styles/index.css") },
      { find: /^langgraph-runs-react$/, replacement: src("index.ts") },
    ],
  },
  define: {
    // startDemo.mjs overrides both.
    __DEMO_ASSISTANT_ID__: JSON.stringify(process.env.ASSISTANT_ID || "agent"),
    __DEMO_SERVER_LABEL__: JSON.stringify(process.env.LANGGRAPH_API_URL || "Agent Server"),
  },
  // Pre-bundle every dependency at start, so the first page load never triggers a re-optimize
  // and full reload.
  optimizeDeps: {
    include: [
      "react",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "react-dom",
      "react-dom/client",
      "zustand",
      "zustand/vanilla",
      "zustand/react/shallow",
      "@tanstack/react-query",
      "eventsource-parser",
      // The markdown entry's parser: found only at the first request otherwise, and Vite would
      // re-optimize and reload the page a fresh clone is loading.
      "marked",
    ],
  },
  server: {
    host: "127.0.0.1",
    fs: { allow: [repoRoot] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
});
