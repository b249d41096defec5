import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/**
 * Library build: one ESM file per package entry, peers and runtime deps left external. The
 * React entry keeps its "use client" directive (checked by the packaging test).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: "src/index.ts",
        client: "src/client/index.ts",
        core: "src/core/index.ts",
        query: "src/query/index.ts",
        testing: "src/testing/index.ts",
        markdown: "src/markdown/index.ts",
      },
      formats: ["es"],
    },
    rolldownOptions: {
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^zustand($|\/)/,
        /^@tanstack\//,
        "eventsource-parser",
        /^marked($|\/)/,
      ],
    },
  },
});
