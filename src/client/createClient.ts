import { HttpTransport } from "./HttpTransport";
import { RunsClient } from "./RunsClient";
import { ThreadsClient } from "./ThreadsClient";
import type { ClientOptions, JsonObject } from "./types";

export interface LangGraphRunsClient<TStateType = JsonObject> {
  runs: RunsClient<TStateType>;
  threads: ThreadsClient;
  /** The server's base URL, without a trailing slash. */
  apiUrl: string;
}

/**
 * A runs client for one Agent Server. Works wherever `fetch` does: browsers, Node, edge
 * runtimes, React Server Components.
 *
 * @example
 * const client = createClient({ apiUrl: "http://127.0.0.1:2024", apiKey: process.env.LANGSMITH_API_KEY });
 * const run = await client.runs.create(threadId, "agent", { input: { messages: [] } });
 */
export function createClient<TStateType = JsonObject>(
  options: ClientOptions,
): LangGraphRunsClient<TStateType> {
  const http = new HttpTransport(options);
  return {
    runs: new RunsClient<TStateType>(http),
    threads: new ThreadsClient(http),
    apiUrl: http.apiUrl,
  };
}
