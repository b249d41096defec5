/**
 * The files of the scratch consumer app the packaging test installs the tarball into: a
 * Vite + React + TypeScript app (strict, type-checked twice: `moduleResolution: "bundler"` as
 * Vite and Next.js apps have it, and `"nodenext"` as TypeScript in Node has it) that imports
 * every entry, and plain Node scripts that import every JS entry and server-render the hooks
 * and components without a DOM. Kept as strings: they import `langgraph-runs-react` by name,
 * which only resolves inside the scratch app.
 */

/** The versions the scratch app installs next to the tarball: the repo's own pins. */
const SCRATCH_DEPENDENCIES = ["react", "react-dom", "@tanstack/react-query", "zustand"];
const SCRATCH_DEV_DEPENDENCIES = [
  "vite",
  "@vitejs/plugin-react",
  "typescript",
  "@types/react",
  "@types/react-dom",
];

export function scratchPackageJson(
  tarball: string,
  versions: Record<string, string>,
): Record<string, unknown> {
  const pick = (names: string[]) =>
    Object.fromEntries(
      names.map((name) => {
        const version = versions[name];
        if (!version) throw new Error(`the repo's package.json pins no version of ${name}`);
        return [name, version];
      }),
    );
  return {
    name: "langgraph-runs-react-consumer",
    private: true,
    type: "module",
    dependencies: { "langgraph-runs-react": `file:${tarball}`, ...pick(SCRATCH_DEPENDENCIES) },
    devDependencies: pick(SCRATCH_DEV_DEPENDENCIES),
  };
}

export const SCRATCH_FILES: Record<string, string> = {
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2023", "DOM", "DOM.Iterable"],
        module: "ESNext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        strict: true,
        noUncheckedIndexedAccess: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        // Our .d.ts files are checked too: they must not need anything a consumer lacks
        // (vitest, node, @langchain/*, devDependencies).
        skipLibCheck: false,
        types: [],
        noEmit: true,
      },
      include: ["src"],
    },
    null,
    2,
  ),

  // The same files under Node's resolution: extensionless imports inside our .d.ts files resolve
  // to nothing here (the main entry loses its re-exports, `/client` becomes `any`).
  "tsconfig.nodenext.json": JSON.stringify(
    {
      extends: "./tsconfig.json",
      compilerOptions: { module: "nodenext", moduleResolution: "nodenext" },
    },
    null,
    2,
  ),

  "vite.config.ts": `import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  logLevel: "warn",
  build: { outDir: "dist", emptyOutDir: true },
});
`,

  "index.html": `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>consumer</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`,

  "src/vite-env.d.ts": `/// <reference types="vite/client" />
`,

  // What a server component (or a loader) writes with the query entry: no React import, the
  // client entry for the client, the query entry for keys and options; typed, not \`any\`.
  "src/prefetch.ts": `import { QueryClient, dehydrate, type DehydratedState } from "@tanstack/react-query";
import { runKeys as runKeysFromMain, type RunsListFilters as MainFilters } from "langgraph-runs-react";
import { createClient, type Run } from "langgraph-runs-react/client";
import {
  isRunActive,
  runKeys,
  runQueryOptions,
  runsListQueryOptions,
  type RunQueryOptionsConfig,
  type RunsListFilters,
  type RunsListQueryOptionsConfig,
} from "langgraph-runs-react/query";

const FILTERS: RunsListFilters = { limit: 10, status: "running" };

export async function prefetchThread(threadId: string, runId: string): Promise<DehydratedState> {
  const client = createClient({ apiUrl: "http://127.0.0.1:2024" });
  const queryClient = new QueryClient();
  const live: RunsListQueryOptionsConfig = { liveIntervalMs: false };
  const list = runsListQueryOptions(client, threadId, FILTERS, live);
  await queryClient.prefetchQuery(list);
  const runs: Run[] | undefined = queryClient.getQueryData(list.queryKey);
  const config: RunQueryOptionsConfig = {};
  const detail = runQueryOptions(client, threadId, runId, config);
  await queryClient.prefetchQuery(detail);
  const run: Run | undefined = queryClient.getQueryData(detail.queryKey);
  const active: boolean = (runs ?? []).some(isRunActive) || (run ? isRunActive(run) : false);
  void active;
  return dehydrate(queryClient);
}

// The same key types as the main entry's (one declaration, re-exported).
export const sameKey: ReturnType<typeof runKeysFromMain.list> = runKeys.list("t", FILTERS);
export const sameFilters: MainFilters = FILTERS;
// Typed, not \`any\`: a key is no number, and a status filter is a run status.
// @ts-expect-error a query key is not a number
export const notAKey: number = runKeys.list("t");
// @ts-expect-error "nope" is not a RunStatus
export const badFilters: RunsListFilters = { status: "nope" };
`,

  // Every entry, the README's quick start, every component (with `run={handle}`, from a
  // `<RunScope>`, or with a data prop), the query layer, the client alone and the replay
  // helpers, with types a strict consumer would write.
  "src/main.tsx": `import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import {
  CancelRunButton,
  ConnectionStatus,
  InterruptPanel,
  MessageStream,
  RunScope,
  RunStatusBadge,
  RunsProvider,
  RunsTable,
  StreamEventLog,
  createClient as createClientFromMain,
  runKeys,
  runsListQueryOptions,
  useRunStatus,
  useRunStream,
  useRunsClient,
  type Message,
  type RunRef,
  type UseRunStreamResult,
} from "langgraph-runs-react";
import {
  createClient,
  isRunsClientError,
  type LangGraphRunsClient,
  type Run,
  type RunStatus,
  type StreamEvent,
} from "langgraph-runs-react/client";
import { createReplayFetch, generateTokenTranscript } from "langgraph-runs-react/testing";
import "langgraph-runs-react/styles.css";

interface State {
  messages: Message[];
}

function Runs({ threadId }: { threadId: string }) {
  const client: LangGraphRunsClient = useRunsClient();
  const { data } = useQuery(runsListQueryOptions(client, threadId, { limit: 5 }));
  const runs: Run[] = data ?? [];
  const statuses: RunStatus[] = runs.map((run) => run.status);
  return <output data-key={JSON.stringify(runKeys.lists(threadId))}>{statuses.join(",")}</output>;
}

function Status({ run }: { run: RunRef }) {
  return <span>{useRunStatus(run)}</span>;
}

function Chat() {
  const [threadId, setThreadId] = useState<string | undefined>();
  const chat: UseRunStreamResult<State> = useRunStream<State>({
    assistantId: "agent",
    threadId,
    onThreadId: setThreadId,
  });
  const count: number = chat.values?.messages.length ?? 0;
  return (
    <main>
      <RunStatusBadge status={chat.status} />
      <ConnectionStatus run={chat} />
      <Status run={chat} />
      <RunScope run={chat}>
        <MessageStream />
        <InterruptPanel />
        <StreamEventLog />
      </RunScope>
      <CancelRunButton run={chat} />
      {threadId && <RunsTable threadId={threadId} />}
      {threadId && <Runs threadId={threadId} />}
      <p>{count}</p>
      <button onClick={() => chat.submit({ messages: [{ type: "human", content: "Hi!" }] })}>
        Send
      </button>
    </main>
  );
}

// The main entry re-exports the client with its types (not \`any\`): a number is no client.
// @ts-expect-error a LangGraphRunsClient is not a number
const notAClient: number = createClientFromMain({ apiUrl: "http://replay.local" });
void notAClient;

const transcript = generateTokenTranscript({ tokens: 20 });
const client = createClient({
  apiUrl: "http://replay.local",
  fetch: createReplayFetch(transcript, { speed: 0 }),
});
export function describeError(error: unknown): string {
  return isRunsClientError(error) ? error.kind : String(error);
}
export function eventType(event: StreamEvent): string {
  return event.type;
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <RunsProvider client={client}>
        <Chat />
      </RunsProvider>
    </QueryClientProvider>
  </StrictMode>,
);
`,

  // The shape of issue 14 ("One run handle, typed end to end"), as its users will write it:
  // one handle, typed state and interrupts, resume and resumeAll, a scope, and the controller's
  // handle on the performance path.
  "src/runHandle.tsx": `import { useRunStream, useRunController, RunScope, RunStatusBadge, ConnectionStatus, MessageStream, InterruptPanel, StreamEventLog, CancelRunButton, type Message } from "langgraph-runs-react";
type State = { messages: Message[] };
type Review = { question: string }; type Decision = { approved: boolean };
export function App({ assistantId, threadId, idA, idB }: { assistantId: string; threadId: string; idA: string; idB: string }) {
  const chat = useRunStream<State, { interrupt: Review; resume: Decision }>({ assistantId, threadId, id: "chat" });
  void chat.submit({ messages: [{ type: "human", content: "hi" }] });
  void chat.resume({ approved: true });
  void chat.resumeAll({ [idA]: { approved: true }, [idB]: { approved: false } });
  const fast = useRunController({ assistantId, id: "fast" });
  return (<><RunScope run={chat}><RunStatusBadge /> <ConnectionStatus /> <MessageStream /> <InterruptPanel /> <StreamEventLog /> <CancelRunButton /></RunScope><CancelRunButton run={fast} /></>);
}
`,

  // Every entry is typed, not \`any\` (what an unresolved import inside our .d.ts files turns
  // it into): each line below is an error only while the types are really there.
  "src/typedEntries.ts": `import { useRunStream } from "langgraph-runs-react";
import { createClient, type Run } from "langgraph-runs-react/client";
import { createStreamStore } from "langgraph-runs-react/core";
import { runKeys } from "langgraph-runs-react/query";
import { generateTokenTranscript } from "langgraph-runs-react/testing";

export function typedEntries(run: Run): unknown[] {
  // @ts-expect-error apiUrl is a string
  const client = createClient({ apiUrl: 42 });
  // @ts-expect-error a run's status is no number
  const status: number = run.status;
  // @ts-expect-error a stream store is no string
  const store: string = createStreamStore();
  // @ts-expect-error a query key is no number
  const key: number = runKeys.all;
  // @ts-expect-error a transcript is no number
  const transcript: number = generateTokenTranscript({ tokens: 1 });
  return [client, status, store, key, transcript];
}

export function WithoutAssistant(): null {
  // @ts-expect-error a stream needs an assistantId
  useRunStream({});
  return null;
}
`,

  // The framework-free entry in Node, with no React anywhere: a controller and a store drive a
  // replayed run to its end. Prints one JSON line.
  "core.mjs": `import * as core from "langgraph-runs-react/core";
import { createClient } from "langgraph-runs-react/client";
import { createReplayFetch, generateTokenTranscript, readTranscriptRun } from "langgraph-runs-react/testing";

const transcript = generateTokenTranscript({ tokens: 5 });
const { threadId } = readTranscriptRun(transcript);
const client = createClient({ apiUrl: "http://replay.local", fetch: createReplayFetch(transcript, { speed: 0 }) });
const store = core.createStreamStore();
const controller = core.createRunController({ client, store, id: "chat", assistantId: "agent", threadId });
controller.attach();
await controller.submit(null);
store.flush();
const session = core.selectSession("chat")(store.getState());
console.log(JSON.stringify({
  exports: Object.keys(core).sort(),
  status: session?.status,
  messages: session?.messages.length ?? 0,
  text: session?.messages.at(-1)?.content,
}));
`,

  // Node, no DOM, no bundler: every JS entry as Node resolves it (the query entry before any
  // other), one shared copy of the client and of the query layer between the entries, a replayed stream through the built client, and
  // renderToString of a provider with hooks and components. Prints one JSON line.
  "ssr.mjs": `import { createElement as h } from "react";
import { renderToString } from "react-dom/server";

if (typeof window !== "undefined" || typeof document !== "undefined") throw new Error("DOM globals in Node");

// The query entry first and alone: it must load without the React entry.
const query = await import("langgraph-runs-react/query");
const kit = await import("langgraph-runs-react");
const client = await import("langgraph-runs-react/client");
const testing = await import("langgraph-runs-react/testing");
const styles = import.meta.resolve("langgraph-runs-react/styles.css");

// A replayed run through the built client (eventsource-parser included).
const transcript = testing.generateTokenTranscript({ tokens: 5 });
const { threadId } = testing.readTranscriptRun(transcript);
const replay = client.createClient({
  apiUrl: "http://replay.local",
  fetch: testing.createReplayFetch(transcript, { speed: 0 }),
});
const events = [];
for await (const event of replay.runs.stream(threadId, "agent", { input: null, streamVersion: "v2" })) {
  events.push(event.type);
}

function Page() {
  const chat = kit.useRunStream({ assistantId: "agent", threadId: null });
  return h(
    kit.RunScope,
    { run: chat },
    h(
      "main",
      null,
      h(kit.RunStatusBadge),
      h(kit.ConnectionStatus),
      h(kit.MessageStream),
      h(kit.InterruptPanel),
      h(kit.StreamEventLog),
      h(kit.CancelRunButton),
    ),
  );
}
const html = renderToString(
  h(kit.RunsProvider, { client: client.createClient({ apiUrl: "http://127.0.0.1:9" }) }, h(Page)),
);

console.log(
  JSON.stringify({
    main: Object.keys(kit).sort(),
    client: Object.keys(client).sort(),
    testing: Object.keys(testing).sort(),
    query: Object.keys(query).sort(),
    queryKey: query.runKeys.list("t", { limit: 10 }),
    // The main entry re-exports the query entry's functions (one copy, one key factory).
    sharedQuery:
      kit.runKeys === query.runKeys &&
      kit.runsListQueryOptions === query.runsListQueryOptions &&
      kit.runQueryOptions === query.runQueryOptions &&
      kit.isRunActive === query.isRunActive,
    sharedClient: kit.createClient === client.createClient && kit.RunsClientError === client.RunsClientError,
    styles,
    events,
    html,
  }),
);
`,
};
