#!/usr/bin/env node
// `npm start`: the demo app against the embedded LangGraph Agent Server.
//
//   npm start                                   # embedded Agent Server + demo page
//   PORT=5173 npm start                         # a fixed port for the page
//   LANGGRAPH_API_URL=https://… [LANGGRAPH_API_KEY=…] [ASSISTANT_ID=agent] npm start
//                                               # any Agent Server instead (none is started)
//
// Prints "Demo ready at http://127.0.0.1:N". Ctrl-C (SIGINT), SIGTERM or SIGHUP stop both
// servers. The work is done by demo/startDemo.mjs, which the browser test uses too.
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { startDemo } from "../demo/startDemo.mjs";

export { startDemo };

async function main() {
  let port;
  if (process.env.PORT) {
    port = Number.parseInt(process.env.PORT, 10);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      console.error(`PORT must be a TCP port, got ${process.env.PORT}`);
      process.exit(2);
    }
  }

  console.log(
    process.env.LANGGRAPH_API_URL
      ? "Starting the demo…"
      : "Starting the embedded Agent Server and the demo…",
  );
  let demo;
  try {
    demo = await startDemo({
      port,
      logLevel: "info",
      log: (line) => console.log(line),
      agentServerLog: process.env.AGENT_SERVER_LOG
        ? (line) => process.stderr.write(`[agent-server] ${line}\n`)
        : undefined,
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }

  console.log(`Assistant: ${process.env.ASSISTANT_ID || "agent"}`);
  console.log(`Demo ready at ${demo.url}`);
  console.log("Press Ctrl-C to stop.");

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) {
      // A second Ctrl-C: leave now (the Agent Server is killed by its exit hook).
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await demo.stop();
    console.log("Stopped.");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => void shutdown(signal));
  }
  // `kill <npm's pid>` ends npm and its shell but does not reach this process: notice being
  // orphaned (re-parented) and stop too, so nothing is left running.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown("parent process exited");
  }, 500).unref();
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : "";
if (import.meta.url === invoked) await main();
