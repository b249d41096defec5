/**
 * `npm start` stopped by a signal to its whole process group (Ctrl-C in a terminal sends SIGINT
 * to the group; `kill -TERM -<pgid>` and process managers send SIGTERM) while a run is going:
 * everything stops and the embedded Agent Server's state folder is removed. The group signal
 * reaches npm, its shell and scripts/start.mjs at once, so start.mjs sees its parent go away
 * and npm forward the signal a second time while it is still stopping the server.
 *
 * TMPDIR points at a folder of the test's own, so the state folder (a `mkdtemp` there) is found
 * without guessing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let child: ChildProcess | undefined;
let tmp: string | undefined;

afterEach(() => {
  if (child?.pid) killGroup(child.pid, "SIGKILL");
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  child = tmp = undefined;
});

function killGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // no such group: everything in it has exited
  }
}

/** Resolves with the first match of `pattern` in the child's stdout. */
function waitForOutput(proc: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match) {
        proc.stdout!.off("data", onData);
        resolve(match);
      }
    };
    proc.stdout!.on("data", onData);
    proc.once("exit", (code) => reject(new Error(`npm start exited (${code}):\n${text}`)));
  });
}

/** Starts a run that holds at a gate nobody opens; resolves once it is certainly running. */
async function startHeldRun(apiUrl: string): Promise<void> {
  const json = { "content-type": "application/json" };
  const thread = (await (
    await fetch(`${apiUrl}/threads`, { method: "POST", headers: json, body: "{}" })
  ).json()) as { thread_id: string };
  const abort = new AbortController();
  const response = await fetch(`${apiUrl}/threads/${thread.thread_id}/runs/stream`, {
    method: "POST",
    headers: json,
    signal: abort.signal,
    body: JSON.stringify({
      assistant_id: "agent",
      input: { messages: [{ type: "human", content: "/gate never-opened" }] },
      stream_mode: ["custom"],
    }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes('"gate"')) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the run ended before its gate: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  abort.abort(); // the run goes on (on_disconnect: continue)
}

/** Resolves once no process of the group is left. */
async function groupGone(pgid: number): Promise<void> {
  while (killGroup(pgid, 0)) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe("npm start and a signal to its process group", () => {
  it.each([
    ["SIGTERM", 1],
    ["SIGINT", 1],
    ["SIGINT", 2], // Ctrl-C, then Ctrl-C again while it is stopping
  ] as const)(
    "%s (%i×) mid-run stops both servers and removes the state folder",
    async (signal, times) => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), "npm-start-signal-"));
      child = spawn("npm", ["start"], {
        cwd: ROOT,
        detached: true, // its own process group, as in a terminal
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, TMPDIR: tmp, LANGGRAPH_API_URL: "", PORT: "" },
      });
      const server = waitForOutput(child, /Agent Server \(embedded\): (http:\S+)/);
      await waitForOutput(child, /Demo ready at/);
      const apiUrl = (await server)[1]!;
      const stateDirs = () =>
        fs.readdirSync(tmp!).filter((name) => name.startsWith("agent-server-"));
      expect(stateDirs()).toHaveLength(1);
      await startHeldRun(apiUrl);

      const stopping = waitForOutput(child, /stopping…/);
      killGroup(child.pid!, signal);
      if (times === 2) {
        await stopping;
        killGroup(child.pid!, signal);
      }
      await groupGone(child.pid!);

      expect(stateDirs()).toEqual([]);
      const stillUp = await fetch(`${apiUrl}/ok`).then(
        () => true,
        () => false,
      );
      expect(stillUp).toBe(false);
    },
    90_000,
  );
});
