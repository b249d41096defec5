import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/** Library build: one ESM file per package entry, peers and runtime deps left external. */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { client: "src/client/index.ts" },
      formats: ["es"],
    },
    rolldownOptions: {
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^zustand($|\/)/,
        /^@tanstack\//,
        "eventsource-parser",
      ],
    },
  },
});
