import { QueryClient } from "@tanstack/react-query";
import type { Decorator } from "@storybook/react-vite";
import { useState, type ReactNode } from "react";
import { createClient, type LangGraphRunsClient } from "../../src/client/createClient";
import type { FetchLike } from "../../src/client/types";
import { RunsProvider } from "../../src/hooks";
import { useRunsContext } from "../../src/hooks/RunsContext";
import type { RunSession } from "../../src/store/RunSession";
import type { StreamStore } from "../../src/store/createStreamStore";

/** Fields of a stream-buffer session to start a story with (merged into a fresh session). */
export type SessionSeed = Partial<Omit<RunSession, "id">>;

export interface RunsProviderDecoratorOptions {
  /** A runs client (or a function making one per story render). */
  client?: LangGraphRunsClient | (() => LangGraphRunsClient);
  /** A fetch for `createClient({ apiUrl, fetch })`, e.g. `createRunsFetchStub(...).fetch`. */
  fetch?: FetchLike;
  /**
   * Makes a fresh fetch for every story render: use it for stateful fetches such as
   * `() => createReplayFetch(transcripts.chatTokens, { speed: 1 })`.
   */
  makeFetch?: () => FetchLike;
  /** Base URL for the client made from `fetch` (default `http://stub.local`). */
  apiUrl?: string;
  /** Sessions to put in the stream buffer before the story renders, by session (run) id. */
  sessions?: Record<string, SessionSeed>;
  /** Events each session's log keeps. */
  eventLogCap?: number;
}

/**
 * A story decorator that renders the story inside a `RunsProvider` with its own query cache (no
 * retries) and stream buffer. Without a client or fetch, every request answers 404, which is
 * enough for stories that only read seeded sessions.
 *
 * @example
 * export const Reconnecting: Story = {
 *   args: { run: { id: "t:r" } },
 *   decorators: [withRunsProvider({ sessions: { "t:r": { connection: { state: "reconnecting", attempt: 2 } } } })],
 * };
 */
export function withRunsProvider(options: RunsProviderDecoratorOptions = {}): Decorator {
  const RunsProviderDecorator: Decorator = (Story) => (
    <StoryRunsProvider options={options}>
      <Story />
    </StoryRunsProvider>
  );
  return RunsProviderDecorator;
}

const notFoundFetch: FetchLike = async (input) =>
  new Response(`No server in this story (${input})`, { status: 404 });

/** The provider behind {@link withRunsProvider}, for stories that render it themselves. */
export function StoryRunsProvider({
  options,
  children,
}: {
  options: RunsProviderDecoratorOptions;
  children: ReactNode;
}) {
  const [client] = useState(() => makeClient(options));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  );
  return (
    <RunsProvider client={client} queryClient={queryClient} eventLogCap={options.eventLogCap}>
      <SeedSessions sessions={options.sessions}>{children}</SeedSessions>
    </RunsProvider>
  );
}

function makeClient(options: RunsProviderDecoratorOptions): LangGraphRunsClient {
  if (options.client)
    return typeof options.client === "function" ? options.client() : options.client;
  const fetch = options.makeFetch?.() ?? options.fetch ?? notFoundFetch;
  return createClient({ apiUrl: options.apiUrl ?? "http://stub.local", fetch, maxRetries: 0 });
}

function SeedSessions({
  sessions,
  children,
}: {
  sessions: Record<string, SessionSeed> | undefined;
  children: ReactNode;
}) {
  const { store } = useRunsContext();
  // Seeded once, before the children first read the store.
  useState(() => seedSessions(store, sessions ?? {}));
  return children;
}

/**
 * Puts sessions into a stream buffer (fresh sessions with `seed` merged in).
 *
 * @example seedSessions(store, { "t:r": { status: "running", cancelling: true } })
 */
export function seedSessions(store: StreamStore, sessions: Record<string, SessionSeed>): void {
  for (const [id, seed] of Object.entries(sessions)) {
    store.ensureSession(id, { threadId: seed.threadId ?? null, runId: seed.runId ?? null });
    store.updateSession(id, (session) => ({ ...session, ...seed, id }));
  }
}
