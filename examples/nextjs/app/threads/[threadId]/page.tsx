import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { runsListQueryOptions, type RunsListFilters } from "langgraph-runs-react/query";
import { serverRunsClient } from "@/lib/langgraph";
import { Chat } from "./Chat";

export const dynamic = "force-dynamic";

const FILTERS: RunsListFilters = { limit: 10 };

export default async function ThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  const { threadId } = await params;
  const queryClient = new QueryClient();
  if (threadId !== "new") {
    // The same options (so the same key) as useRunsList(threadId, FILTERS) in <Chat>: the list
    // renders on the server and the browser does not fetch it again.
    await queryClient.prefetchQuery(runsListQueryOptions(serverRunsClient(), threadId, FILTERS));
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Chat threadId={threadId === "new" ? undefined : threadId} filters={FILTERS} />
    </HydrationBoundary>
  );
}
