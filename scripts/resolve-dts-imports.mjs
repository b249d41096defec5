// Runs after `tsc -p tsconfig.build.json` (the `postbuild` script): rewrites the module
// specifiers of the emitted declarations, dist/**/*.d.ts, so that they resolve under every
// `moduleResolution` a consumer may use.
//
// - Relative specifiers get the extension Node needs: `./x` becomes `./x.js` or
//   `./x/index.js`, whichever declaration file exists. The sources import without extensions
//   (bundler resolution); under node16/nodenext an extensionless import in an ESM .d.ts
//   resolves to nothing, so the main entry loses its re-exports (TS2305) and `/client` becomes
//   `any`. A relative import that resolves to no declaration fails the build.
// - `@tanstack/query-core`, which tsc writes into inferred query-option types, becomes
//   `@tanstack/react-query`: that peer re-exports all of query-core (`export *`), while
//   query-core itself is only its dependency, which a strict installer (pnpm) does not let
//   our files see.
// - Any other bare import must be a dependency or peer of the package (or the package itself).
//
// Idempotent: a specifier that already ends in `.js` is left alone.
// Usage: node scripts/resolve-dts-imports.mjs [dir] (default dist).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** Bare specifiers tsc may write that a consumer cannot resolve, and what re-exports them. */
const REPLACEMENTS = { "@tanstack/query-core": "@tanstack/react-query" };

const allowedPackages = new Set([
  pkg.name,
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]);

/** `react/jsx-runtime` → `react`, `@tanstack/react-query/x` → `@tanstack/react-query`. */
function packageOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function declarationFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) return declarationFiles(file);
    return name.endsWith(".d.ts") ? [file] : [];
  });
}

/** The string literal of every import, export, `import("…")` type and `declare module` in a file. */
function moduleSpecifiers(sourceFile) {
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push(node.argument.literal);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      found.push(node.name);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The specifier a consumer's resolver can follow, or an error message. */
function rewrite(specifier, file) {
  if (!specifier.startsWith(".")) {
    const replaced = REPLACEMENTS[specifier] ?? specifier;
    if (!allowedPackages.has(packageOf(replaced))) {
      return { error: `imports "${specifier}", which is no dependency or peer of ${pkg.name}` };
    }
    return { specifier: replaced };
  }
  if (/\.(c|m)?js$/.test(specifier)) return { specifier };
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return { specifier: `${specifier}.js` };
  if (existsSync(join(target, "index.d.ts"))) {
    return { specifier: `${specifier.replace(/\/$/, "")}/index.js` };
  }
  return { error: `imports "${specifier}", which resolves to no declaration file` };
}

function resolveDeclarationImports(dir) {
  const errors = [];
  let rewritten = 0;
  const files = declarationFiles(dir);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    // Replace from the end so earlier positions stay valid.
    const literals = moduleSpecifiers(sourceFile).sort(
      (a, b) => b.getStart(sourceFile) - a.getStart(sourceFile),
    );
    let out = text;
    for (const literal of literals) {
      const result = rewrite(literal.text, file);
      if (result.error) {
        errors.push(`${relative(root, file)}: ${result.error}`);
        continue;
      }
      if (result.specifier === literal.text) continue;
      const quote = text[literal.getStart(sourceFile)];
      out =
        out.slice(0, literal.getStart(sourceFile)) +
        `${quote}${result.specifier}${quote}` +
        out.slice(literal.getEnd());
      rewritten += 1;
    }
    if (out !== text) writeFileSync(file, out);
  }
  return { files: files.length, rewritten, errors };
}

const dir = resolve(root, process.argv[2] ?? "dist");
const { files, rewritten, errors } = resolveDeclarationImports(dir);
if (errors.length > 0) {
  console.error(`Declarations that no consumer can resolve:\n  ${errors.join("\n  ")}`);
  process.exit(1);
}
console.log(
  `${relative(root, dir)}: ${rewritten} import specifiers rewritten in ${files} .d.ts files`,
);
