// A same-origin proxy to the Agent Server: the browser calls /api/langgraph/..., the handler
// (lib/proxyRoute.ts) checks the caller and the route, adds the API key and streams the answer
// back unbuffered.
import { LANGGRAPH_API_KEY, LANGGRAPH_API_URL } from "@/lib/langgraph";
import { createProxyRoute } from "@/lib/proxyRoute";
import { getSession } from "@/lib/session";

export const dynamic = "force-dynamic"; // never cache or prerender a proxy

const proxy = createProxyRoute({
  apiUrl: LANGGRAPH_API_URL,
  apiKey: LANGGRAPH_API_KEY,
  prefix: "/api/langgraph",
  getSession,
});

// OPTIONS too, so a preflight is refused by the handler rather than answered by Next.js.
export { proxy as GET, proxy as POST, proxy as DELETE, proxy as OPTIONS };
