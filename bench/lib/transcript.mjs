// Records (once) and loads the raw SSE bytes of a real `messages-tuple` run of the embedded
// Agent Server. The recording lives in bench/.cache/ (gitignored); benchmarks only read it.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = path.resolve(HERE, "..", ".cache");

/**
 * The raw bytes of `POST /threads/{t}/runs/stream` for a human message `/tokens <tokens>`,
 * with `stream_mode: ["messages-tuple"]` and `stream_resumable: true` (so frames carry ids).
 * Nothing is synthesized: every byte came from the real server.
 *
 * @param {{ tokens: number, refresh?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ bytes: Uint8Array, headers: Record<string, string>, threadId: string,
 *   runId: string, tokens: number, recordedWith: Record<string, string>, file: string }>}
 */
export async function loadTranscript({ tokens, refresh = false, log = () => {} }) {
  const base = path.join(CACHE_DIR, `messages-tuple-${tokens}`);
  const sseFile = `${base}.sse`;
  // JSON, but not named .json: `prettier --check .` would check (and fail) a cached .json file.
  const metaFile = `${base}.meta`;
  if (!refresh) {
    try {
      const [bytes, meta] = await Promise.all([
        fs.readFile(sseFile),
        fs.readFile(metaFile, "utf8"),
      ]);
      return { ...JSON.parse(meta), bytes: new Uint8Array(bytes), file: sseFile };
    } catch {
      // not cached yet
    }
  }
  log(`recording /tokens ${tokens} from the embedded Agent Server (once; cached in ${CACHE_DIR})`);
  const { startAgentServer } = await import("../../devserver/startAgentServer.mjs");
  const server = await startAgentServer();
  try {
    const info = await (await fetch(`${server.url}/info`)).json();
    const thread = await (
      await fetch(`${server.url}/threads`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
    ).json();
    const started = performance.now();
    const response = await fetch(`${server.url}/threads/${thread.thread_id}/runs/stream`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        assistant_id: "agent",
        input: { messages: [{ type: "human", content: `/tokens ${tokens}` }] },
        stream_mode: ["messages-tuple"],
        stream_resumable: true,
      }),
    });
    if (!response.ok || !response.body) throw new Error(`runs/stream answered ${response.status}`);
    const parts = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.byteLength;
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.byteLength;
    }
    const headers = {};
    for (const name of ["content-type", "content-location", "location"]) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const location = headers["content-location"] ?? headers.location ?? "";
    const runId = /\/runs\/([^/?]+)/.exec(location)?.[1] ?? "";
    const meta = {
      tokens,
      threadId: thread.thread_id,
      runId,
      headers,
      recordedWith: {
        date: new Date().toISOString(),
        server: JSON.stringify(info),
        liveSeconds: ((performance.now() - started) / 1000).toFixed(2),
        networkReads: String(parts.length),
      },
    };
    await fs.mkdir(CACHE_DIR, { recursive: true });
    await fs.writeFile(sseFile, bytes);
    await fs.writeFile(metaFile, JSON.stringify(meta, null, 2));
    log(`recorded ${size} bytes in ${meta.recordedWith.liveSeconds}s (${parts.length} reads)`);
    return { ...meta, bytes, file: sseFile };
  } finally {
    await server.stop();
  }
}
