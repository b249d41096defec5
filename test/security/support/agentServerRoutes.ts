import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const API_DIR = path.join(ROOT, "node_modules/@langchain/langgraph-api/dist/api");

/** One route of the Agent Server's HTTP API, as its source declares it. */
export interface ServerRoute {
  /** Upper case: GET, POST, PUT, PATCH, DELETE. */
  method: string;
  /** Hono's pattern, e.g. `/threads/:thread_id/runs/:run_id`. */
  pattern: string;
  /** The file that declares it, e.g. `runs.mjs`. */
  file: string;
}

/**
 * Every route the installed Agent Server declares (`api.get("/…", …)` and the like in
 * `@langchain/langgraph-api/dist/api/*.mjs`), read from its source so a new server route is
 * walked without editing the test.
 *
 * @example
 * agentServerRoutes().find((r) => r.pattern === "/threads/search") // { method: "POST", … }
 */
export function agentServerRoutes(): ServerRoute[] {
  const routes: ServerRoute[] = [];
  const declaration = /\bapi\.(get|post|put|patch|delete)\(\s*["'`]([^"'`]+)["'`]/g;
  for (const file of fs.readdirSync(API_DIR).filter((name) => name.endsWith(".mjs"))) {
    const source = fs.readFileSync(path.join(API_DIR, file), "utf8");
    for (const match of source.matchAll(declaration)) {
      routes.push({ method: match[1]!.toUpperCase(), pattern: match[2]!, file });
    }
  }
  return routes;
}

/**
 * A concrete path for a route pattern: `:thread_id` and `:run_id` become the given ids, any
 * other parameter a fresh-looking UUID, and optional parameters (`:namespace?`) are dropped.
 *
 * @example
 * concretePath("/threads/:thread_id/runs/:run_id", { threadId: "t", runId: "r" }) // "/threads/t/runs/r"
 */
export function concretePath(pattern: string, ids: { threadId: string; runId: string }): string {
  return pattern
    .replace(/\/:[a-z_]+\?/g, "")
    .replace(/:thread_id\b/g, ids.threadId)
    .replace(/:run_id\b/g, ids.runId)
    .replace(/:[a-z_]+/g, "00000000-0000-4000-8000-000000000123");
}
