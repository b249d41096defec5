export interface StartDemoOptions {
  /** Port of the demo page (default: a free one). */
  port?: number;
  /** Host to bind (default 127.0.0.1). */
  host?: string;
  /** An Agent Server to use instead of the embedded one (default: LANGGRAPH_API_URL). */
  apiUrl?: string;
  /** Added to every proxied request as `x-api-key` (default: LANGGRAPH_API_KEY). */
  apiKey?: string;
  /** The assistant (or graph) the demo runs (default: ASSISTANT_ID, else "agent"). */
  assistantId?: string;
  /** Watch demo/ and src/ for changes (hot reload). Default true. */
  watch?: boolean;
  /** Vite's log level (default "warn"). */
  logLevel?: "info" | "warn" | "error" | "silent";
  /** Receives status lines ("Agent Server (embedded): …"). */
  log?: (line: string) => void;
  /** Receives the embedded Agent Server's output lines. */
  agentServerLog?: (line: string) => void;
}

export interface DemoHandle {
  /** The page, e.g. "http://127.0.0.1:5173". */
  url: string;
  /** The Agent Server the page's /api proxies to. */
  apiUrl: string;
  /** Whether the Agent Server was started by this call. */
  embedded: boolean;
  /** Process id of the embedded Agent Server (process group leader), when embedded. */
  agentServerPid: number | undefined;
  /**
   * Stops the Vite server and the embedded Agent Server. Idempotent. With `force` (a second
   * Ctrl-C), kills the Agent Server at once and resolves when it is gone and its state folder
   * removed, without waiting for Vite.
   */
  stop(options?: { force?: boolean }): Promise<void>;
}

export declare const API_PREFIX: string;

export declare function startDemo(options?: StartDemoOptions): Promise<DemoHandle>;
