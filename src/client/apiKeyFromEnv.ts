/** The variables the official client reads, in its order of precedence. */
const API_KEY_VARIABLES = ["LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"] as const;

/**
 * The API key from the environment, as the official client finds it: the first of
 * `LANGGRAPH_API_KEY`, `LANGSMITH_API_KEY`, `LANGCHAIN_API_KEY` that is set, trimmed and
 * unquoted. Only where a Node-style `process.env` exists: in a browser bundle `process` is
 * undefined (nothing is read, nothing is polyfilled) and the answer is `undefined`.
 *
 * @example apiKeyFromEnv() // "lsv2_…" when LANGSMITH_API_KEY is set, else undefined
 */
export function apiKeyFromEnv(): string | undefined {
  // Read through globalThis: the kit's types do not assume Node, and bundlers leave it alone.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  if (env === undefined) return undefined;
  for (const name of API_KEY_VARIABLES) {
    let value: string | undefined;
    try {
      value = env.env?.[name];
    } catch {
      // Some edge runtimes throw on env access outside their allow-list.
      return undefined;
    }
    if (value) return value.trim().replace(/^["']|["']$/g, "");
  }
  return undefined;
}
