#!/usr/bin/env node
// Records a streamed run of the demo graph (or any Agent Server) as a transcript fixture.
//
//   node --import tsx scripts/record-transcript.mjs --name chat-tokens --input "/tokens 50" \
//     --stream-mode messages-tuple,values [--subgraphs] [--resume '{"decisions":[...]}']
//   node --import tsx scripts/record-transcript.mjs --all     # re-record every kit fixture
//
// Without --api-url the embedded Agent Server (devserver/) is started and stopped again. Writes
// <out-dir>/<name>.json (default test/fixtures/transcripts). Run --help for every flag.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startAgentServer } from "../devserver/startAgentServer.mjs";
import { createClient } from "../src/client/index.ts";
import { recordTranscript } from "../src/testing/index.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_OUT_DIR = path.join(REPO_ROOT, "test/fixtures/transcripts");

const HELP = `usage: node --import tsx scripts/record-transcript.mjs --name NAME --input TEXT [options]
       node --import tsx scripts/record-transcript.mjs --all [--api-url URL] [--out-dir DIR]

  --name NAME              transcript name and file name (<out-dir>/<name>.json)
  --input TEXT             the human message (demo graph commands: "/tokens 50", "/interrupt", ...)
  --stream-mode LIST       comma-separated stream modes (default: values)
  --subgraphs              stream_subgraphs: true
  --resumable              stream_resumable: true
  --interrupt-before LIST  static breakpoints before these nodes ("*" for all)
  --interrupt-after LIST   static breakpoints after these nodes
  --stateless              run without a thread (POST /runs/stream)
  --assistant ID           assistant or graph (default: agent)
  --description TEXT       stored in the transcript (default: describes the flags)
  --resume JSON            then resume the thread with command {resume: JSON} and record that run
                           too, as <resume-name>
  --resume-by-id           send --resume as {[interruptId]: JSON} for every pending interrupt
  --continue               then continue the thread with input null (after a static breakpoint)
                           and record that run as <resume-name>
  --resume-name NAME       name of the second transcript (default: <name>-resume)
  --api-url URL            record from this server (default: start the embedded one)
  --api-key KEY            sent as x-api-key (default: $LANGGRAPH_API_KEY); never recorded
  --out-dir DIR            where to write (default: test/fixtures/transcripts)
  --all                    record every fixture the kit's tests and stories use
  -h, --help               this text`;

/** The kit's fixtures (test/fixtures/transcripts/index.ts lists them). */
const FIXTURES = [
  {
    name: "chat-tokens",
    input: "Hello there, how are you today?",
    streamMode: ["messages-tuple", "values", "custom"],
    description: "A plain chat turn: a custom progress event, the reply word by word, values.",
  },
  {
    name: "tool-calls",
    input: "/tools",
    streamMode: ["messages-tuple", "values", "updates"],
    description: "An AI message with streamed tool_call_chunks, the ToolMessage, the final reply.",
  },
  {
    name: "interrupt-hitl",
    input: "/interrupt",
    streamMode: ["values", "messages-tuple", "updates"],
    resume: { decisions: [{ type: "approve" }] },
    description: "A LangChain human-in-the-loop request (action_requests + review_configs).",
  },
  {
    name: "interrupt-inbox",
    input: "/inbox",
    streamMode: ["values", "messages-tuple", "updates"],
    resume: [{ type: "accept", args: null }],
    description: "An agent-inbox HumanInterrupt (action_request + config.allow_*).",
  },
  {
    name: "two-interrupts",
    input: "/two-interrupts",
    streamMode: ["values", "messages-tuple", "updates"],
    resume: { approved: true },
    resumeById: true,
    description: "Two interrupts pending at once (approve_a and approve_b in one superstep).",
  },
  {
    name: "breakpoint",
    input: "Hello breakpoint",
    streamMode: ["values", "messages-tuple", "updates", "custom"],
    interruptBefore: ["chat"],
    continue: true,
    description: 'A static breakpoint: interrupt_before ["chat"] stops a chat turn before it ran.',
  },
  {
    name: "error-run",
    input: "/error",
    streamMode: ["values", "messages-tuple", "updates"],
    description: "A run whose node throws: the stream ends with an error event.",
  },
  {
    name: "subgraph",
    input: "/subgraph",
    streamMode: ["messages-tuple", "custom", "updates"],
    subgraphs: true,
    description: "A nested graph with stream_subgraphs: namespaced messages, custom and updates.",
  },
  {
    name: "long-stream",
    input: "/tokens 2000",
    streamMode: ["messages-tuple"],
    description: "2,000 message chunks (t0 … t1999) as fast as the server streams them.",
  },
];

const { values: flags } = parseArgs({
  options: {
    name: { type: "string" },
    input: { type: "string" },
    "stream-mode": { type: "string" },
    subgraphs: { type: "boolean", default: false },
    resumable: { type: "boolean", default: false },
    "interrupt-before": { type: "string" },
    "interrupt-after": { type: "string" },
    stateless: { type: "boolean", default: false },
    assistant: { type: "string", default: "agent" },
    description: { type: "string" },
    resume: { type: "string" },
    "resume-by-id": { type: "boolean", default: false },
    continue: { type: "boolean", default: false },
    "resume-name": { type: "string" },
    "api-url": { type: "string" },
    "api-key": { type: "string" },
    "out-dir": { type: "string" },
    all: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});

if (flags.help) {
  console.log(HELP);
  process.exit(0);
}

function usage(message) {
  console.error(`${message}\n\n${HELP}`);
  process.exit(2);
}

const list = (text) =>
  text === undefined
    ? undefined
    : text === "*"
      ? "*"
      : text
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean);

function specFromFlags() {
  if (!flags.name) usage("--name is required (or --all)");
  if (flags.input === undefined) usage("--input is required");
  if (!/^[\w.-]+$/.test(flags.name)) usage("--name may only use letters, digits, _ . -");
  let resume;
  if (flags.resume !== undefined) {
    try {
      resume = JSON.parse(flags.resume);
    } catch {
      usage(`--resume must be JSON, got ${flags.resume}`);
    }
  }
  if (flags.resume !== undefined && flags.continue) usage("use --resume or --continue, not both");
  if ((flags.resume !== undefined || flags.continue) && flags.stateless) {
    usage("--resume and --continue need a thread: drop --stateless");
  }
  return {
    name: flags.name,
    input: flags.input,
    streamMode: list(flags["stream-mode"]) ?? ["values"],
    subgraphs: flags.subgraphs,
    resumable: flags.resumable,
    interruptBefore: list(flags["interrupt-before"]),
    interruptAfter: list(flags["interrupt-after"]),
    stateless: flags.stateless,
    description: flags.description,
    resume,
    resumeById: flags["resume-by-id"],
    continue: flags.continue,
    resumeName: flags["resume-name"],
  };
}

function describe(spec, second) {
  const parts = [`${flags.assistant} ← ${JSON.stringify(spec.input)}`];
  parts.push(`stream_mode ${spec.streamMode.join(",")}`);
  if (spec.subgraphs) parts.push("stream_subgraphs");
  if (spec.interruptBefore) parts.push(`interrupt_before ${JSON.stringify(spec.interruptBefore)}`);
  if (spec.interruptAfter) parts.push(`interrupt_after ${JSON.stringify(spec.interruptAfter)}`);
  const how = parts.join(", ");
  if (second === "continue") return `Continues (input null) the thread of "${spec.name}" (${how}).`;
  if (second === "resume") {
    return `Resumes the thread of "${spec.name}" (${how}) with ${JSON.stringify(spec.resume)}${
      spec.resumeById ? " for every pending interrupt id" : ""
    }.`;
  }
  return spec.description ? `${spec.description} (${how})` : `Recorded: ${how}.`;
}

async function pendingInterruptIds(client, threadId) {
  const state = await client.threads.getState(threadId);
  return state.tasks.flatMap((task) =>
    Array.isArray(task.interrupts) ? task.interrupts.map((i) => i.id).filter(Boolean) : [],
  );
}

async function record(spec, { apiUrl, apiKey, outDir }) {
  const client = createClient({ apiUrl, apiKey });
  const threadId = spec.stateless ? null : (await client.threads.create()).thread_id;
  const common = {
    streamMode: spec.streamMode,
    streamSubgraphs: spec.subgraphs || undefined,
    streamResumable: spec.resumable || undefined,
  };
  const runs = [
    {
      name: spec.name,
      description: describe(spec),
      payload: {
        ...common,
        input: { messages: [{ type: "human", content: spec.input }] },
        interruptBefore: spec.interruptBefore,
        interruptAfter: spec.interruptAfter,
      },
    },
  ];
  if (spec.resume !== undefined || spec.continue) {
    runs.push({
      name: spec.resumeName ?? `${spec.name}-resume`,
      description: describe(spec, spec.continue ? "continue" : "resume"),
      payload: spec.continue ? { ...common, input: null } : { ...common, command: {} },
    });
  }
  const written = [];
  for (const run of runs) {
    if (run.payload.command) {
      let resume = spec.resume;
      if (spec.resumeById) {
        const ids = await pendingInterruptIds(client, threadId);
        if (ids.length === 0) throw new Error(`${spec.name}: no pending interrupt to resume`);
        resume = Object.fromEntries(ids.map((id) => [id, spec.resume]));
      }
      run.payload.command = { resume };
    }
    const transcript = await recordTranscript({
      apiUrl,
      apiKey,
      threadId,
      assistantId: flags.assistant,
      payload: run.payload,
      name: run.name,
      description: run.description,
    });
    const text = `${JSON.stringify(transcript, null, 2)}\n`;
    const file = path.join(outDir, `${run.name}.json`);
    await writeFile(file, text);
    const events = transcript.frames
      .map((frame) => frame.text)
      .join("")
      .split(/\r?\n\r?\n/)
      .filter((block) => /^data:/m.test(block)).length;
    const bytes = Buffer.byteLength(text);
    console.log(
      `${path.relative(process.cwd(), file)}: status ${transcript.response.status}, ${events} events, ` +
        `${transcript.frames.length} frames, ${(bytes / 1024).toFixed(1)} KiB`,
    );
    written.push(file);
  }
  return written;
}

const specs = flags.all ? FIXTURES : [specFromFlags()];
const outDir = path.resolve(flags["out-dir"] ?? DEFAULT_OUT_DIR);
const apiKey = flags["api-key"] ?? process.env.LANGGRAPH_API_KEY;
await mkdir(outDir, { recursive: true });

let server;
let exitCode = 0;
try {
  let apiUrl = flags["api-url"];
  if (!apiUrl) {
    server = await startAgentServer();
    apiUrl = server.url;
  }
  for (const spec of specs) await record(spec, { apiUrl, apiKey, outDir });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await server?.stop();
}
process.exit(exitCode);
