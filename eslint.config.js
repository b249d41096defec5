// ESLint flat config. Not type-aware on purpose (fast); `npm run typecheck` covers types.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Globals for plain JS/MJS files (TypeScript files are checked by tsc, and typescript-eslint
// turns `no-undef` off for them). Kept inline so the config needs no extra package.
const runtimeGlobals = Object.fromEntries(
  [
    "AbortController",
    "AbortSignal",
    "Blob",
    "Buffer",
    "clearInterval",
    "clearTimeout",
    "console",
    "fetch",
    "FormData",
    "globalThis",
    "Headers",
    "performance",
    "process",
    "queueMicrotask",
    "ReadableStream",
    "Request",
    "Response",
    "setImmediate",
    "setInterval",
    "setTimeout",
    "structuredClone",
    "TextDecoder",
    "TextEncoder",
    "URL",
    "URLSearchParams",
    "document",
    "window",
  ].map((name) => [name, "readonly"]),
);

// ---- Layering (src/) --------------------------------------------------------------------------
// client  <- store  <- query  <- hooks  <- components   (arrows: "may be imported by")
// Relative imports are matched at any depth (`../store`, `../../store/x`, ...).
const relative = (...dirs) => `^(\\.\\./)+(${dirs.join("|")})(/.*)?$`;

const noLangchain = {
  regex: "^@langchain/",
  message: "src/ must not depend on @langchain/* (dev-only: tests, devserver, bench).",
};
const noReact = {
  regex: "^react(-dom)?(/.*)?$",
  message: "This layer must stay React-free.",
};
const noTanstack = {
  regex: "^@tanstack/",
  message: "This layer must not depend on TanStack.",
};

/** `no-restricted-imports` for one layer; always includes the @langchain ban. */
const restrict = (...patterns) => [
  "error",
  { patterns: [noLangchain, ...patterns.filter(Boolean)] },
];

export default defineConfig([
  globalIgnores([
    "**/node_modules/",
    "dist/",
    "storybook-static/",
    "coverage/",
    ".devserver-state/",
    ".langgraph_api/",
    "test-results/",
    "test/fixtures/",
    ".scratch/",
    "demo/dist/",
    "**/.next/",
    "examples/*/next-env.d.ts",
    "test/docs/.generated/",
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
    ...reactHooks.configs.flat.recommended,
  },

  {
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: runtimeGlobals,
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-explicit-any": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },

  // ---- src/: the published kit ----------------------------------------------------------------
  {
    files: ["src/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
      "no-restricted-imports": restrict(),
    },
  },
  {
    files: ["src/client/**"],
    rules: {
      "no-restricted-imports": restrict(
        noReact,
        noTanstack,
        {
          regex: "^zustand(/.*)?$",
          message: "src/client is the framework-free transport layer: no zustand.",
        },
        {
          regex: relative("store", "hooks", "components", "query"),
          message:
            "src/client is the bottom layer: it may not import store/hooks/components/query.",
        },
      ),
    },
  },
  {
    files: ["src/store/**"],
    rules: {
      "no-restricted-imports": restrict(
        noReact,
        noTanstack,
        {
          regex: "^zustand$",
          message: "The store layer must stay React-free: import from 'zustand/vanilla'.",
        },
        {
          regex: relative("hooks", "components", "query"),
          message: "src/store may import only ../client (not hooks/components/query).",
        },
      ),
    },
  },
  {
    // The ./core entry: the framework-free controller and store, re-exported (no React).
    files: ["src/core/**"],
    rules: {
      "no-restricted-imports": restrict(
        noReact,
        noTanstack,
        {
          regex: "^zustand$",
          message: "The core entry must stay React-free: import from 'zustand/vanilla'.",
        },
        {
          regex: relative("hooks", "components", "query"),
          message: "src/core may import only ../store and ../client.",
        },
      ),
    },
  },
  {
    // The ./markdown entry: React and marked only. The main entry never imports it (its bytes
    // stay out of the main budget), and it imports nothing of the kit, so it shares no chunk.
    files: ["src/markdown/**"],
    rules: {
      "no-restricted-imports": restrict(
        noTanstack,
        { regex: "^zustand(/.*)?$", message: "src/markdown may import React and marked only." },
        {
          regex: relative("client", "store", "query", "hooks", "components", "core", "testing"),
          message: "src/markdown may import React and marked only, nothing of the kit.",
        },
      ),
    },
  },
  {
    // The main entry must not pull the markdown entry (and its parser) in.
    files: ["src/index.ts", "src/components/**"],
    rules: {
      "no-restricted-imports": restrict({
        regex: "^(\\./|(\\.\\./)+)markdown(/.*)?$",
        message: "The main entry must not import ./markdown: it is its own entry and budget.",
      }),
    },
  },
  {
    files: ["src/query/**"],
    rules: {
      "no-restricted-imports": restrict(noReact, {
        regex: relative("hooks", "components"),
        message: "src/query may not import hooks or components.",
      }),
    },
  },
  {
    files: ["src/hooks/**"],
    rules: {
      "no-restricted-imports": restrict({
        regex: relative("components", "markdown"),
        message:
          "src/hooks may not import components (components build on hooks) or the markdown entry.",
      }),
    },
  },

  // ---- tests and tooling ------------------------------------------------------------------------
  {
    files: ["scripts/**", "devserver/**", "bench/**", "demo/**", ".storybook/**"],
    rules: { "no-console": "off" },
  },
]);
