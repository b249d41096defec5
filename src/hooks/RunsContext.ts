"use client";
import { createContext, useContext } from "react";
import type { LangGraphRunsClient } from "../client/createClient";
import type { StreamStore } from "../store/createStreamStore";

export interface RunsContextValue {
  client: LangGraphRunsClient;
  store: StreamStore;
}

export const RunsContext = createContext<RunsContextValue | null>(null);

/** The provider's client and stream store; throws a helpful error outside a `RunsProvider`. */
export function useRunsContext(): RunsContextValue {
  const value = useContext(RunsContext);
  if (!value) throw new Error("langgraph-runs-react: wrap your components in <RunsProvider>.");
  return value;
}
