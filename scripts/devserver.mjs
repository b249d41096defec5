#!/usr/bin/env node
// Runs the embedded LangGraph Agent Server with the demo graph until Ctrl-C.
//
//   node scripts/devserver.mjs [--port N] [--state-dir DIR] [--log-level info]
//
// Without --port a free port is picked. Without --state-dir a temporary directory is used and
// removed on exit. The server's log lines are forwarded to stderr.
import { parseArgs } from "node:util";
import { startAgentServer } from "../devserver/startAgentServer.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    "state-dir": { type: "string" },
    "log-level": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});

if (values.help) {
  console.log("usage: node scripts/devserver.mjs [--port N] [--state-dir DIR] [--log-level LEVEL]");
  process.exit(0);
}

let port;
if (values.port != null) {
  port = Number.parseInt(values.port, 10);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`--port must be a TCP port, got ${values.port}`);
    process.exit(2);
  }
}

let server;
try {
  server = await startAgentServer({
    port,
    stateDir: values["state-dir"],
    logLevel: values["log-level"] ?? process.env.LOG_LEVEL ?? "info",
    log: (line) => process.stderr.write(`[agent-server] ${line}\n`),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

console.log(`Agent Server ready at ${server.url}`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the Agent Server...`);
  await server.stop();
  console.log("Agent Server stopped.");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
