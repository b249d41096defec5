/**
 * Child processes for the packaging tests: every command has a time limit (its whole process
 * group is killed when it runs over) and fails with its command line and the tail of its output.
 */
import { spawn } from "node:child_process";

export interface RunOptions {
  cwd: string;
  /** Kill the command (and everything it started) after this many ms. */
  timeoutMs: number;
  /** Extra environment, on top of the cleaned parent environment. */
  env?: Record<string, string>;
  /** Said first when the command fails (what probably went wrong). */
  hint?: string;
  /** Exit codes that are not a failure (default [0]). */
  okCodes?: number[];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * The parent environment without what `npm test` and Vitest put there: `npm_*` (npm would
 * read them as its own config), `VITEST*`, `NODE_ENV=test` (Vite would build React's
 * development code), `NODE_OPTIONS` (loaders).
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|vitest|node_env$|node_options$|test$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0", ...extra };
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const line = `${command} ${args.join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: cleanEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // own process group: a timeout kills npm's and Vite's children too
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    const fail = (why: string) =>
      reject(
        new Error(
          [
            options.hint ? `${options.hint}\n` : "",
            `\`${line}\` (in ${options.cwd}) ${why}`,
            `--- stdout (tail) ---\n${tail(stdout)}`,
            `--- stderr (tail) ---\n${tail(stderr)}`,
          ].join("\n"),
        ),
      );
    child.on("error", (error) => {
      clearTimeout(timer);
      fail(`could not start: ${error.message}`);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = Math.round(performance.now() - started);
      if (timedOut) fail(`did not finish within ${options.timeoutMs} ms and was killed`);
      else if (code === null || !(options.okCodes ?? [0]).includes(code)) {
        fail(`exited with ${code ?? signal} after ${ms} ms`);
      } else resolve({ code, stdout, stderr, ms });
    });
  });
}

export interface Started {
  /** Everything the process printed so far. */
  output(): string;
  /** Kills the process group; resolves when it exited. */
  stop(): Promise<void>;
}

/** Starts a long-running command (a server) in its own process group. */
export function start(
  command: string,
  args: string[],
  options: Omit<RunOptions, "timeoutMs">,
): Started {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => {
    child.on("close", () => resolve());
    child.on("error", () => resolve());
  });
  return {
    output: () => tail(output),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };
}
