import { RunsClientError } from "../client/RunsClientError";
import type { SessionError } from "./RunSession";

/**
 * Any thrown value as a typed client error: errors that did not come from the client (a
 * `fetch` that threw its own error, a bug in a custom `fetch`) count as network failures.
 *
 * @example asRunsClientError(new TypeError("fetch failed")).kind // "network"
 */
export function asRunsClientError(error: unknown): RunsClientError {
  if (error instanceof RunsClientError) return error;
  return new RunsClientError({
    kind: "network",
    message: String((error as Error | undefined)?.message ?? error),
    cause: error,
  });
}

/**
 * The plain-JSON form of a client error that the store keeps: kind, message, status and the
 * server's error name.
 *
 * @example toSessionError(error) // { kind: "busy", message: "…", status: 409 }
 */
export function toSessionError(error: RunsClientError): SessionError {
  const sessionError: SessionError = {
    kind: error.kind,
    message: error.message,
    status: error.status,
  };
  if (error.serverError) sessionError.name = error.serverError.error;
  return sessionError;
}
