"use client";
import { createContext, useContext } from "react";
import type { LangGraphRunsClient } from "../client/createClient";
import type { RunAnnouncer } from "../store/createRunAnnouncer";
import type { StreamStore } from "../store/createStreamStore";

export interface RunsContextValue {
  client: LangGraphRunsClient;
  store: StreamStore;
  /** Runs started without a stream (`useCreateRun`), for the chats on their threads to follow. */
  announcer: RunAnnouncer;
}

export const RunsContext = createContext<RunsContextValue | null>(null);

/** The provider's client and stream store; throws a helpful error outside a `RunsProvider`. */
export function useRunsContext(): RunsContextValue {
  const value = useContext(RunsContext);
  if (!value) throw new Error("langgraph-runs-react: wrap your components in <RunsProvider>.");
  return value;
}
