"use client";
import { QueryClient, QueryClientContext, QueryClientProvider } from "@tanstack/react-query";
import { useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { createClient, type LangGraphRunsClient } from "../client/createClient";
import { createRunAnnouncer } from "../store/createRunAnnouncer";
import { createStreamStore } from "../store/createStreamStore";
import { RunsContext, type RunsContextValue } from "./RunsContext";

export interface RunsProviderProps {
  /** A runs client; or give `apiUrl` (and `apiKey`) and the provider makes one. */
  client?: LangGraphRunsClient;
  apiUrl?: string;
  apiKey?: string;
  /** The TanStack QueryClient to cache runs in (default: the one above, else a new one). */
  queryClient?: QueryClient;
  /** Events each run's log keeps (default 5,000). */
  eventLogCap?: number;
  /** Estimated bytes of events each run's log keeps (default 8 MiB). */
  eventLogByteCap?: number;
  children?: ReactNode;
}

/**
 * Gives the hooks and components below it a runs client, a stream buffer and a query cache.
 *
 * @example
 * <RunsProvider apiUrl="http://127.0.0.1:2024">
 *   <Chat />
 * </RunsProvider>
 */
export function RunsProvider({
  client,
  apiUrl,
  apiKey,
  queryClient,
  eventLogCap,
  eventLogByteCap,
  children,
}: RunsProviderProps) {
  const outerQueryClient = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() =>
    queryClient || outerQueryClient ? null : new QueryClient(),
  );
  const [store] = useState(() => createStreamStore({ eventLogCap, eventLogByteCap }));
  const [ownClient] = useState(() => {
    if (client) return null;
    if (!apiUrl) throw new Error("RunsProvider needs a client or an apiUrl.");
    return createClient({ apiUrl, apiKey });
  });
  const [announcer] = useState(createRunAnnouncer);
  const runsClient = client ?? ownClient!;
  // A stable value: consumers of the context must not re-render when the provider does.
  const value = useMemo<RunsContextValue>(
    () => ({ client: runsClient, store, announcer }),
    [runsClient, store, announcer],
  );
  useEffect(() => () => store.dispose(), [store]);
  const content = <RunsContext.Provider value={value}>{children}</RunsContext.Provider>;
  const cache = queryClient ?? ownQueryClient;
  return cache ? <QueryClientProvider client={cache}>{content}</QueryClientProvider> : content;
}
