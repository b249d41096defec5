import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RunsProvider } from "langgraph-runs-react";
import "langgraph-runs-react/styles.css";
import "./demo.css";
import { App } from "./App";
import { apiUrl } from "./config";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <RunsProvider apiUrl={apiUrl()}>
      <App />
    </RunsProvider>
  </StrictMode>,
);
