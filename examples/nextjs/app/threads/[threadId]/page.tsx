import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { runsListQueryOptions, type RunsListFilters } from "langgraph-runs-react/query";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { serverRunsClient } from "@/lib/langgraph";
import { getSession } from "@/lib/session";
import { Chat } from "./Chat";

export const dynamic = "force-dynamic";

const FILTERS: RunsListFilters = { limit: 10 };

export default async function ThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  const { threadId } = await params;
  const session = await getSession({ headers: await headers() });
  if (!session) notFound(); // or redirect to your sign-in page
  const queryClient = new QueryClient();
  if (threadId !== "new") {
    // This page reads the Agent Server directly (not through the proxy), so it checks the
    // thread's owner itself, as the proxy does.
    const thread = await serverRunsClient()
      .threads.get(threadId)
      .catch(() => null);
    if (thread?.metadata?.owner !== session.userId) notFound();
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
