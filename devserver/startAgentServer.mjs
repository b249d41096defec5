// Starts the embedded LangGraph Agent Server (devserver/serve.ts) as a child process.
// Plain ESM so that .mjs scripts and TypeScript tests can both import it; types are in
// startAgentServer.d.mts.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import * as fs from "node:fs/promises";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, "..");
const SERVE_FILE = path.join(HERE, "serve.ts");
const READY_LINE = "AGENT_SERVER_READY ";
const START_TIMEOUT_MS = 60_000;
const KILL_AFTER_MS = 3_000;
const TAIL_CHARS = 8_000;

/** Asks the OS for a free loopback port (bind 127.0.0.1:0, read the port, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close((error) => (error ? reject(error) : resolve(port)));
    });
  });
}

function tail(text) {
  return text.length > TAIL_CHARS ? text.slice(-TAIL_CHARS) : text;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function isOk(url) {
  try {
    const response = await fetch(`${url}/ok`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return false;
    const body = await response.json();
    return body?.ok === true;
  } catch {
    return false;
  }
}

/**
 * Starts one Agent Server serving the demo graph as assistant "agent".
 *
 * @param {{ port?: number, stateDir?: string, log?: (line: string) => void, workers?: number, logLevel?: string }} [options]
 * @returns {Promise<{ url: string, port: number, stateDir: string, pid: number, stop: () => Promise<void> }>}
 */
export async function startAgentServer({ port, stateDir, log, workers, logLevel } = {}) {
  const chosenPort = port ?? (await freePort());
  const ownsStateDir = stateDir == null;
  const dir = stateDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), "agent-server-")));
  const url = `http://127.0.0.1:${chosenPort}`;

  const args = [
    "--import",
    "tsx",
    SERVE_FILE,
    "--port",
    String(chosenPort),
    "--state-dir",
    dir,
    "--exit-on-stdin-close",
  ];
  if (workers != null) args.push("--workers", String(workers));
  if (ownsStateDir) args.push("--remove-state-dir-when-orphaned");

  const env = {
    ...process.env,
    LANGGRAPH_CLI_NO_ANALYTICS: "1",
    LANGSMITH_TRACING: "false",
    LANGCHAIN_TRACING_V2: "false",
  };
  if (logLevel != null) env.LOG_LEVEL = logLevel;

  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT, // so that `--import tsx` resolves from this repository's node_modules
    detached: true, // own process group: stop() kills the whole group
    stdio: ["pipe", "pipe", "pipe"],
    env,
  });

  let stdoutTail = "";
  let stderrTail = "";
  let ready = false;
  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.once("error", (error) => {
      stderrTail = tail(`${stderrTail}\n${String(error)}`);
      exitInfo ??= { code: null, signal: null };
      resolve(exitInfo);
    });
  });

  const onLines = (stream, which) => {
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (text) => {
      if (which === "stdout") stdoutTail = tail(stdoutTail + text);
      else stderrTail = tail(stderrTail + text);
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (which === "stdout" && line.startsWith(READY_LINE)) ready = true;
        log?.(line);
      }
    });
  };
  onLines(child.stdout, "stdout");
  onLines(child.stderr, "stderr");
  child.stdin.on("error", () => {}); // EPIPE when the child is gone

  // Last resort if this process exits without calling stop(): kill the group synchronously and
  // remove the state folder we made (best effort: nothing async can run in an exit handler).
  const killOnExit = () => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    if (ownsStateDir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once("exit", killOnExit);

  let stopPromise = null;
  const stop = ({ force = false } = {}) => {
    // Forced: no graceful flush (also while a graceful stop is under way); still awaited and
    // cleaned up like any stop.
    if (force && exitInfo == null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    stopPromise ??= (async () => {
      if (exitInfo == null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          /* already gone */
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            /* already gone */
          }
        }, KILL_AFTER_MS);
        await exited;
        clearTimeout(timer);
      }
      // The group may hold other processes (none today); make sure nothing survives.
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
      process.removeListener("exit", killOnExit);
      child.stdin.destroy();
      if (ownsStateDir) await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
    })();
    return stopPromise;
  };

  const describe = (why) => {
    const parts = [
      `Agent Server on ${url} ${why}.`,
      `command: ${process.execPath} ${args.join(" ")} (cwd ${REPO_ROOT})`,
    ];
    if (stderrTail.trim()) parts.push(`--- stderr (tail) ---\n${stderrTail.trimEnd()}`);
    if (stdoutTail.trim()) parts.push(`--- stdout (tail) ---\n${stdoutTail.trimEnd()}`);
    return parts.join("\n");
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exitInfo != null) {
      await stop();
      const { code, signal } = exitInfo;
      throw new Error(describe(`exited before it was ready (code ${code}, signal ${signal})`));
    }
    // Wait for the child's own ready line first: another process on the same port could
    // otherwise answer /ok in its place.
    if (ready && (await isOk(url))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(describe(`was not ready after ${START_TIMEOUT_MS / 1000} s`));
    }
    await sleep(100);
  }

  return { url, port: chosenPort, stateDir: dir, pid: child.pid, stop };
}
