/**
 * Vitest global setup: ONE embedded Agent Server (devserver/, demo graph "agent") per test run,
 * handed to every project's tests as `inject("agentServerUrl")`.
 *
 * Vitest runs the global setup once per project (the root project and each of unit, e2e and
 * browser), all in this one Node process. The server is therefore started once, kept on
 * `globalThis` (module state is not shared: each project imports this file afresh), reference
 * counted, and stopped when the last project's teardown runs.
 *
 * Set AGENT_SERVER_URL to use an already running server instead (nothing is started then).
 */
import type { TestProject } from "vitest/node";
import { startAgentServer, type AgentServerHandle } from "../../devserver/startAgentServer.mjs";

interface SharedServer {
  handle: Promise<AgentServerHandle>;
  users: number;
}

const KEY = Symbol.for("langgraph-runs-react.agentServer");
const registry = globalThis as typeof globalThis & { [KEY]?: SharedServer };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.AGENT_SERVER_URL;
  if (external) {
    project.provide("agentServerUrl", external.replace(/\/+$/, ""));
    return async () => {};
  }

  let shared = registry[KEY];
  if (shared === undefined) {
    const handle = startAgentServer({
      log: process.env.AGENT_SERVER_LOG
        ? (line) => console.error(`[agent-server] ${line}`)
        : undefined,
    });
    shared = { handle, users: 0 };
    registry[KEY] = shared;
    // A failed start must not stay cached: the next setup (or a rerun) tries again.
    handle.catch(() => {
      if (registry[KEY] === shared) delete registry[KEY];
    });
  }
  shared.users += 1;
  const current = shared;

  let server: AgentServerHandle;
  try {
    server = await current.handle;
  } catch (error) {
    current.users -= 1;
    throw error;
  }
  project.provide("agentServerUrl", server.url);

  let released = false;
  return async () => {
    if (released) return;
    released = true;
    current.users -= 1;
    if (current.users > 0) return;
    if (registry[KEY] === current) delete registry[KEY];
    await server.stop();
  };
}
