/** The assistant (graph) the demo runs: ASSISTANT_ID when `npm start` ran, else "agent". */
export const ASSISTANT_ID: string = __DEMO_ASSISTANT_ID__;

/** What the page is connected to, for the header ("embedded Agent Server" or its URL). */
export const SERVER_LABEL: string = __DEMO_SERVER_LABEL__;

/**
 * The Agent Server as the page sees it: the same-origin `/api` path, which the demo's server
 * proxies to the real one (adding the API key there, so it never reaches the browser).
 */
export function apiUrl(): string {
  return new URL("/api", window.location.href).href;
}
