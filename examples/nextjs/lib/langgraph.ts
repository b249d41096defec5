// Server-only settings: read from the environment, never sent to the browser (no NEXT_PUBLIC_).
import { createClient } from "langgraph-runs-react/client";

export const LANGGRAPH_API_URL = (process.env.LANGGRAPH_API_URL ?? "http://127.0.0.1:2024").replace(
  /\/+$/,
  "",
);
export const LANGGRAPH_API_KEY = process.env.LANGGRAPH_API_KEY;

/** The runs client for server components and route handlers: talks to the Agent Server directly. */
export function serverRunsClient() {
  return createClient({ apiUrl: LANGGRAPH_API_URL, apiKey: LANGGRAPH_API_KEY });
}
