"use client";
import { QueryClient, QueryClientProvider, isServer } from "@tanstack/react-query";
import { RunsProvider } from "langgraph-runs-react";
import { createClient } from "langgraph-runs-react/client";
import type { ReactNode } from "react";

function makeQueryClient() {
  // Above 0, so the runs prefetched on the server are not refetched as soon as the page hydrates.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
}

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (isServer) return makeQueryClient(); // one per request on the server
  return (browserQueryClient ??= makeQueryClient()); // one for the page's life in the browser
}

// The browser talks to the same-origin proxy (app/api/langgraph): the API key stays on the
// server. Relative to the page (on the server render it is never called: hooks fetch in effects).
// The proxy forwards only requests with the `x-lgr-proxy: 1` header (lib/proxyRoute.ts): another
// site cannot send it without a preflight, which the proxy refuses.
const runsClient = createClient({
  apiUrl: "/api/langgraph",
  defaultHeaders: { "x-lgr-proxy": "1" },
});

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={runsClient}>{children}</RunsProvider>
    </QueryClientProvider>
  );
}
