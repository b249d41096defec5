import { HttpTransport } from "./HttpTransport";
import { resolveClientOptions } from "./resolveClientOptions";
import { RunsClient } from "./RunsClient";
import { ThreadsClient } from "./ThreadsClient";
import type { ClientOptions, JsonObject } from "./types";

export interface LangGraphRunsClient<
  TStateType = JsonObject,
  TUpdateType = TStateType,
  TCustomEventType = unknown,
> {
  runs: RunsClient<TStateType, TUpdateType, TCustomEventType>;
  threads: ThreadsClient;
  /** The server's base URL, without a trailing slash. */
  apiUrl: string;
}

/**
 * A runs client for one Agent Server. Works wherever `fetch` does: browsers, Node, edge
 * runtimes, React Server Components. Takes the official client's `ClientConfig` as it is, so
 * switching is `new Client(config).runs` → `createClient(config).runs`.
 *
 * @example
 * const client = createClient({ apiUrl: "http://127.0.0.1:2024", apiKey: process.env.LANGSMITH_API_KEY });
 * const run = await client.runs.create(threadId, "agent", { input: { messages: [] } });
 */
export function createClient<
  TStateType = JsonObject,
  TUpdateType = TStateType,
  TCustomEventType = unknown,
>(options: ClientOptions = {}): LangGraphRunsClient<TStateType, TUpdateType, TCustomEventType> {
  const http = new HttpTransport(resolveClientOptions(options));
  return {
    runs: new RunsClient<TStateType, TUpdateType, TCustomEventType>(http),
    threads: new ThreadsClient(http),
    apiUrl: http.apiUrl,
  };
}
