import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RunsProvider } from "langgraph-runs-react";
import { createClient } from "langgraph-runs-react/client";
import "langgraph-runs-react/styles.css";
import "./demo.css";
import { App } from "./App";
import { apiUrl } from "./config";

// The demo's /api proxy forwards only requests that carry this header (demo/apiGuard.mjs): a
// page on another origin cannot send it without a preflight, which the proxy refuses.
const client = createClient({ apiUrl: apiUrl(), defaultHeaders: { "x-lgr-proxy": "1" } });

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <RunsProvider client={client}>
      <App />
    </RunsProvider>
  </StrictMode>,
);
