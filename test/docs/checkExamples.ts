/**
 * Type-checks the code examples of the docs: every ```ts and ```tsx block of README.md and
 * docs/*.md is written to test/docs/.generated/ (one file each) and checked by the TypeScript
 * compiler with the repository's tsconfig.json, strict, so `langgraph-runs-react` resolves to
 * src/. A block marked ```tsx no-check is left out: keep that for fragments that cannot be made
 * whole. A block whose first line is `// some/file.tsx` is written at that path (inside its
 * doc's folder), so the files of a recipe can import each other (`./providers`, `@/lib/…`).
 *
 * Used by examples.test.ts (one test per block), and runnable on its own while writing docs:
 * `npx tsx test/docs/checkExamples.ts` prints every failure with its file and line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { EXAMPLE_PRELUDE, NEXT_STUBS } from "./examplePrelude";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Git-ignored; starts with a dot so `tsc -p tsconfig.json` (include "test") never picks it up. */
const GENERATED_DIR = path.join(ROOT, "test/docs/.generated");
/** Where the Next.js recipe's files land: its `@/*` path alias points here. */
const NEXTJS_RECIPE_DIR = path.join(GENERATED_DIR, "docs/nextjs");

/** One code block of a doc. */
interface DocExample {
  /** The doc, relative to the repository root (`README.md`, `docs/interrupts.md`). */
  doc: string;
  /** 1-based line of the opening fence in the doc. */
  line: number;
  lang: "ts" | "tsx";
  code: string;
  /** `no-check` on the fence: a fragment, left out of the check. */
  checked: boolean;
  /** The file the block is written to, relative to GENERATED_DIR. */
  file: string;
  /** The test's name: `README.md:42`, or `docs/nextjs.md:120 (app/page.tsx)`. */
  name: string;
}

/** The docs whose examples are checked: README.md and every docs/*.md. */
export function docFiles(): string[] {
  const guides = fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => `docs/${file}`);
  return ["README.md", ...guides];
}

const FENCE = /^```(\S*)\s*(.*)$/;
const FILE_HEADER = /^\/\/ ((?:[\w.@-]|\[|\]|\/)+\.tsx?)$/;

/**
 * The ```ts / ```tsx blocks of one markdown text (fences at the start of a line).
 *
 * @example extractExamples("README.md", "```ts\nconst a = 1;\n```\n")[0]?.code // "const a = 1;\n"
 */
function extractExamples(doc: string, markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const lines = markdown.split("\n");
  const slug = doc.replace(/\.md$/, "");
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index]!);
    if (!open) continue;
    const start = index;
    let end = index + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end += 1;
    index = end;
    const lang = open[1];
    if (lang !== "ts" && lang !== "tsx") continue;
    const body = lines.slice(start + 1, end);
    const code = body.length === 0 ? "" : `${body.join("\n")}\n`;
    const line = start + 1;
    const header = FILE_HEADER.exec(body[0] ?? "");
    const file = header
      ? path.posix.join(slug, header[1]!)
      : path.posix.join(slug, `L${String(line).padStart(4, "0")}.${lang}`);
    examples.push({
      doc,
      line,
      lang,
      code,
      checked: !open[2]!.split(/\s+/).includes("no-check"),
      file,
      name: header ? `${doc}:${line} (${header[1]})` : `${doc}:${line}`,
    });
  }
  return examples;
}

/** Every example of every doc, in order. */
export function collectExamples(): DocExample[] {
  return docFiles().flatMap((doc) =>
    extractExamples(doc, fs.readFileSync(path.join(ROOT, doc), "utf8")),
  );
}

/** The compiler options: the repository's tsconfig.json, plus the recipe's `@/*` alias. */
function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("tsconfig.json could not be read");
  return {
    ...parsed.options,
    noEmit: true,
    // App code: Node's types for `process.env` in the Next.js recipe, no test globals.
    types: ["node"],
    paths: {
      ...parsed.options.paths,
      "@/*": [`./${path.relative(ROOT, NEXTJS_RECIPE_DIR)}/*`],
    },
    pathsBasePath: ROOT,
  };
}

/**
 * Writes the checked examples to GENERATED_DIR and type-checks them in one program. Returns,
 * by example name, the problems found (`README.md:45:7 TS2322: …`; empty when it compiles).
 */
export function checkExamples(examples: readonly DocExample[]): Map<string, string[]> {
  fs.rmSync(GENERATED_DIR, { recursive: true, force: true });
  const checked = examples.filter((example) => example.checked);
  const written = new Map<string, DocExample>();
  const write = (file: string, text: string) => {
    const absolute = path.join(GENERATED_DIR, file);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, text);
    return absolute;
  };
  const support = [write("prelude.d.ts", EXAMPLE_PRELUDE), write("next.d.ts", NEXT_STUBS)];
  for (const example of checked) {
    if ([...written.values()].some((other) => other.file === example.file)) {
      throw new Error(`${example.name}: ${example.file} is shown twice`);
    }
    // `export {}` makes every block a module, so blocks never share their names.
    written.set(write(example.file, `${example.code}export {};\n`), example);
  }

  const program = ts.createProgram([...support, ...written.keys()], compilerOptions());
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length > 0) throw new Error(global.map((d) => formatDiagnostic(d)).join("\n"));

  const results = new Map<string, string[]>();
  for (const [file, example] of written) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${example.name}: not in the program`);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    results.set(
      example.name,
      diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, example)),
    );
  }
  return results;
}

/** `README.md:45:7 TS2322: message`, at the line of the doc (not of the generated file). */
function formatDiagnostic(diagnostic: ts.Diagnostic, example?: DocExample): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const at = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const where = example
    ? `${example.doc}:${example.line + 1 + at.line}:${at.character + 1}`
    : `${path.relative(ROOT, diagnostic.file.fileName)}:${at.line + 1}:${at.character + 1}`;
  return `${where} TS${diagnostic.code}: ${message}`;
}

/** Removes GENERATED_DIR (after a run where every example passed). */
export function removeGenerated(): void {
  fs.rmSync(GENERATED_DIR, { recursive: true, force: true });
}

/** `npx tsx test/docs/checkExamples.ts`: every failure, then a count; exit 1 on failures. */
function main(): void {
  const examples = collectExamples();
  const results = checkExamples(examples);
  const failed = [...results].filter(([, problems]) => problems.length > 0);
  for (const [name, problems] of failed) console.log(`✗ ${name}\n  ${problems.join("\n  ")}`);
  const skipped = examples.length - results.size;
  console.log(
    `${results.size - failed.length} of ${results.size} examples type-check` +
      (skipped > 0 ? ` (${skipped} marked no-check)` : ""),
  );
  if (failed.length === 0) removeGenerated();
  else process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
