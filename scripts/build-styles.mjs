// Builds dist/styles.css: src/styles/index.css with its local @import lines inlined, so the
// package ships one stylesheet with no build step needed by its users.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function inline(file, seen = new Set()) {
  if (seen.has(file)) return "";
  seen.add(file);
  return readFileSync(file, "utf8").replace(/^@import\s+["'](\.\/[^"']+)["'];\s*$/gm, (_, path) =>
    inline(join(dirname(file), path), seen),
  );
}

const css = inline(join(root, "src/styles/index.css"));
mkdirSync(join(root, "dist"), { recursive: true });
writeFileSync(join(root, "dist/styles.css"), css);
console.log(`dist/styles.css ${(css.length / 1024).toFixed(1)} kB`);
