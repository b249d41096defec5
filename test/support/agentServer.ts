import { inject } from "vitest";
import { createClient, type LangGraphRunsClient } from "../../src/client";

/** The URL of the Agent Server the global setup started for this test run. */
export function agentServerUrl(): string {
  return inject("agentServerUrl");
}

/** A runs client for the test server (or another URL, e.g. a fault proxy in front of it). */
export function testClient(
  apiUrl = agentServerUrl(),
  options: { apiKey?: string } = {},
): LangGraphRunsClient {
  return createClient({ apiUrl, ...options });
}

/** A human message as the demo graph reads it. */
export function human(text: string): { messages: { type: string; content: string }[] } {
  return { messages: [{ type: "human", content: text }] };
}

/** Collects an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
