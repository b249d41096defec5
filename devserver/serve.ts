/**
 * Child-process entry of the embedded LangGraph Agent Server:
 *
 *   node --import tsx devserver/serve.ts --port N --state-dir DIR [--workers N]
 *        [--exit-on-stdin-close [--remove-state-dir-when-orphaned]]
 *
 * Runs `startServer` from `@langchain/langgraph-api/server` in this process on 127.0.0.1 with
 * the demo graph as assistant `agent`. DIR becomes the working directory and holds the server's
 * state (`DIR/.langgraph_api/`, deleted before start so every start is fresh). Prints one line
 * `AGENT_SERVER_READY <url>` on stdout once listening. SIGTERM/SIGINT flush and exit 0. With
 * `--exit-on-stdin-close` it also exits when stdin ends, so a parent that dies without calling
 * stop() does not leave an orphan server behind (startAgentServer.mjs passes it, and the second
 * flag too when the state dir is a temporary one it created).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    "state-dir": { type: "string" },
    workers: { type: "string", default: "16" },
    "exit-on-stdin-close": { type: "boolean", default: false },
    "remove-state-dir-when-orphaned": { type: "boolean", default: false },
  },
  strict: true,
});

const port = Number.parseInt(values.port ?? "", 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`serve.ts: --port must be a TCP port, got ${String(values.port)}`);
  process.exit(2);
}
if (!values["state-dir"]) {
  console.error("serve.ts: --state-dir DIR is required");
  process.exit(2);
}
const nWorkers = Number.parseInt(values.workers ?? "16", 10);
const stateDir = path.resolve(values["state-dir"]);
const graphFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "graph.ts");

// Environment must be set before the server's modules load (the logger reads it at import).
process.env.LANGGRAPH_CLI_NO_ANALYTICS = "1";
process.env.LANGSMITH_TRACING = "false";
process.env.LANGCHAIN_TRACING_V2 = "false";
process.env.LOG_LEVEL ??= "warn";
process.env.PORT = String(port);
process.env.LANGGRAPH_API_URL ??= `http://127.0.0.1:${port}`;

fs.mkdirSync(stateDir, { recursive: true });
fs.rmSync(path.join(stateDir, ".langgraph_api"), { recursive: true, force: true });
process.chdir(stateDir);

let cleanup: () => Promise<void>;
try {
  const { startServer } = await import("@langchain/langgraph-api/server");
  ({ cleanup } = await startServer({
    port,
    host: "127.0.0.1",
    nWorkers: Number.isInteger(nWorkers) && nWorkers > 0 ? nWorkers : 16,
    cwd: stateDir,
    graphs: { agent: `${graphFile}:graph` },
  }));
} catch (error) {
  console.error("serve.ts: the Agent Server failed to start:", error);
  process.exit(1);
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(code), 2_000);
  force.unref();
  try {
    await cleanup();
  } catch (error) {
    console.error("serve.ts: cleanup failed", error);
  }
  process.exit(code);
}

process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
if (values["exit-on-stdin-close"]) {
  // The parent is gone: its pipes are broken (a flush that logs would stall on them) and nobody
  // will read the state again, so exit at once.
  const orphaned = () => {
    if (values["remove-state-dir-when-orphaned"]) {
      process.chdir("/");
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
    process.exit(0);
  };
  process.stdin.on("end", orphaned);
  process.stdin.on("error", orphaned);
  process.stdin.resume();
}
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

console.log(`AGENT_SERVER_READY http://127.0.0.1:${port}`);
