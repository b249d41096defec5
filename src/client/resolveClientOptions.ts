import { apiKeyFromEnv } from "./apiKeyFromEnv";
import type { ClientOptions, FetchLike, HeadersInput, ResolvedClientOptions } from "./types";

/** The official client's default server address. */
const DEFAULT_API_URL = "http://localhost:8123";

/**
 * The official `ClientConfig` shape (and ours) as the options the transport reads: the default
 * `apiUrl`, the API key from the environment unless `apiKey` is `null`, `callerOptions.fetch` and
 * `.maxRetries`, `null` header values left out, and `onRequest` applied around `fetch`.
 *
 * @example resolveClientOptions({ apiKey: null }).apiUrl // "http://localhost:8123"
 */
export function resolveClientOptions(options: ClientOptions = {}): ResolvedClientOptions {
  const runtime = runtimeDefaults(options.apiUrl);
  const apiKey = options.apiKey === null ? undefined : options.apiKey || apiKeyFromEnv();
  const baseFetch =
    options.fetch ?? (options.callerOptions?.fetch as FetchLike | undefined) ?? runtime.fetch;
  return {
    apiUrl: options.apiUrl || runtime.apiUrl,
    apiKey,
    defaultHeaders: withoutNullHeaders(options.defaultHeaders),
    fetch: options.onRequest ? withRequestHook(baseFetch, options.onRequest) : baseFetch,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries ?? options.callerOptions?.maxRetries,
  };
}

/**
 * Like the official client: with no `apiUrl`, a runtime may provide the address and `fetch`
 * through `Symbol.for("langgraph_api:url")` / `Symbol.for("langgraph_api:fetch")` globals.
 */
function runtimeDefaults(apiUrl: string | undefined): { apiUrl: string; fetch?: FetchLike } {
  if (apiUrl) return { apiUrl };
  const scope = globalThis as Record<symbol, unknown>;
  const url = scope[Symbol.for("langgraph_api:url")];
  const fetchImpl = scope[Symbol.for("langgraph_api:fetch")];
  return {
    apiUrl: typeof url === "string" && url ? url : DEFAULT_API_URL,
    fetch: typeof fetchImpl === "function" ? (fetchImpl as FetchLike) : undefined,
  };
}

function withoutNullHeaders(
  headers: ClientOptions["defaultHeaders"],
): ResolvedClientOptions["defaultHeaders"] {
  if (headers === undefined || typeof headers === "function") return headers;
  const clean: HeadersInput = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== null && value !== undefined) clean[name] = value;
  }
  return clean;
}

function withRequestHook(
  fetchImpl: FetchLike | undefined,
  hook: NonNullable<ClientOptions["onRequest"]>,
): FetchLike {
  return async (input, init) => {
    const next = await hook(new URL(input), init);
    return fetchImpl ? fetchImpl(input, next) : globalThis.fetch(input, next);
  };
}
