export interface StartAgentServerOptions {
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /**
   * Working/state directory of the server (its `.langgraph_api/` is deleted before start).
   * Default: a fresh `mkdtemp` under `os.tmpdir()`, removed again by `stop()`.
   */
  stateDir?: string;
  /** Receives every stdout/stderr line of the child. Silent when omitted. */
  log?: (line: string) => void;
  /** Number of run workers (default 16). */
  workers?: number;
  /** The server's LOG_LEVEL (default "warn", or the LOG_LEVEL of the environment). */
  logLevel?: string;
}

export interface AgentServerHandle {
  /** e.g. "http://127.0.0.1:43123" (no trailing slash) */
  url: string;
  port: number;
  stateDir: string;
  pid: number;
  /**
   * SIGTERM to the process group, SIGKILL after 3 s (at once with `force`, also during a stop
   * already under way); resolves once the child exited and the state folder it made is removed.
   * Idempotent.
   */
  stop(options?: { force?: boolean }): Promise<void>;
}

export declare function startAgentServer(
  options?: StartAgentServerOptions,
): Promise<AgentServerHandle>;

/** A free loopback port (bind 127.0.0.1:0, read it, close). */
export declare function freePort(): Promise<number>;
