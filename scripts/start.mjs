#!/usr/bin/env node
// `npm start`: the demo app against the embedded LangGraph Agent Server.
//
//   npm start                                   # embedded Agent Server + demo page
//   PORT=5173 npm start                         # a fixed port for the page
//   LANGGRAPH_API_URL=https://… [LANGGRAPH_API_KEY=…] [ASSISTANT_ID=agent] npm start
//                                               # any Agent Server instead (none is started)
//
// Prints "Demo ready at http://127.0.0.1:N". Ctrl-C (SIGINT), SIGTERM or SIGHUP stop both
// servers and remove the embedded server's state folder; a second one kills the Agent Server at
// once (still removing the folder). The work is done by demo/startDemo.mjs, which the browser
// test uses too.
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

  // A signal to the whole process group (Ctrl-C in a terminal, `kill -TERM -<pgid>`) reaches
  // npm, its shell and this process at once: the shell dies, so this process is orphaned while
  // it is still stopping. Only a second signal hurries the stop, and even then the Agent Server
  // is awaited and its state folder removed before exiting.
  let stopping = null;
  const shutdown = (reason, { hurry = false } = {}) => {
    if (stopping) {
      if (hurry) {
        console.log(`${reason} again: killing the Agent Server…`);
        void demo.stop({ force: true }).then(() => process.exit(130));
      }
      return;
    }
    console.log(`\n${reason}: stopping…`);
    stopping = demo.stop().then(() => {
      console.log("Stopped.");
      process.exit(0);
    });
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => shutdown(signal, { hurry: true }));
  }
  // `kill <npm's pid>` ends npm and its shell but does not reach this process: notice being
  // orphaned (re-parented) and stop too, so nothing is left running.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) shutdown("parent process exited");
  }, 500).unref();
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : "";
if (import.meta.url === invoked) await main();
