import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { createClient } from "../../src/client";
import { RunsProvider } from "../../src/hooks";
import { useRunsContext } from "../../src/hooks/RunsContext";
import type { StreamStore } from "../../src/store/createStreamStore";

/**
 * A provider with no server behind it (its client answers 404; the components under test do
 * not call it) that hands out its stream buffer, for tests that write a session the way the
 * controller would.
 */
export function withStore(children: ReactNode): { ui: ReactNode; store: () => StreamStore } {
  let store: StreamStore | undefined;
  const client = createClient({
    apiUrl: "http://stub.local",
    fetch: async () => new Response("no server", { status: 404 }),
  });
  const queryClient = new QueryClient();
  function Grab() {
    store = useRunsContext().store;
    return null;
  }
  return {
    ui: (
      <RunsProvider client={client} queryClient={queryClient}>
        <Grab />
        {children}
      </RunsProvider>
    ),
    store: () => store as StreamStore,
  };
}
