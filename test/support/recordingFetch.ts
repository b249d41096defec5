import type { FetchLike } from "../../src/client";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A `fetch` that records every request (method, URL, headers, JSON body) and then sends it on
 * to the real server unchanged.
 */
export function recordingFetch(next: FetchLike = (input, init) => fetch(input, init)): {
  fetch: FetchLike;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    fetch: (input, init) => {
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key] = value));
      requests.push({
        method: init.method ?? "GET",
        url: new URL(input),
        headers,
        body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      });
      return next(input, init);
    },
  };
}

/** A `fetch` that answers every request with the given response (for what a real server cannot produce). */
export function fakeFetch(respond: (url: URL, init: RequestInit) => Response | Promise<Response>): {
  fetch: FetchLike;
  requests: RecordedRequest[];
} {
  return recordingFetch(async (input, init) => respond(new URL(input), init));
}

/** A streaming SSE response from text chunks (split wherever the test likes). */
export function sseResponse(chunks: (string | Uint8Array)[], init: ResponseInit = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    ...init,
    headers: {
      "content-type": "text/event-stream",
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}
