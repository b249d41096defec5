import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Storybook's own Vite config: the root one builds the library (lib mode), which Storybook must not inherit. */
export default defineConfig({
  plugins: [react()],
});
