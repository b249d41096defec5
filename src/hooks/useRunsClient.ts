"use client";
import type { LangGraphRunsClient } from "../client/createClient";
import { useRunsContext } from "./RunsContext";

/**
 * The provider's runs client, for calls the hooks do not cover.
 *
 * @example const client = useRunsClient(); await client.runs.get(threadId, runId);
 */
export function useRunsClient(): LangGraphRunsClient {
  return useRunsContext().client;
}
