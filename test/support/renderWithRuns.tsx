import { QueryClient } from "@tanstack/react-query";
import { renderHook, type RenderHookResult } from "@testing-library/react";
import { StrictMode, type ReactNode } from "react";
import { createClient, type ClientOptions, type LangGraphRunsClient } from "../../src/client";
import { RunsProvider } from "../../src/hooks";
import { agentServerUrl } from "./agentServer";

export interface RunsHarness {
  client: LangGraphRunsClient;
  queryClient: QueryClient;
  wrapper: (props: { children?: ReactNode }) => ReactNode;
}

/** A provider over the real test server, with its own query cache (no retries, no gc delay). */
export function runsHarness(
  options: Partial<ClientOptions> & { strict?: boolean } = {},
): RunsHarness {
  const { strict, ...clientOptions } = options;
  const client = createClient({ apiUrl: agentServerUrl(), ...clientOptions });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children?: ReactNode }) => {
    const tree = (
      <RunsProvider client={client} queryClient={queryClient}>
        {children}
      </RunsProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
  return { client, queryClient, wrapper };
}

export function renderHookWithRuns<T, P>(
  hook: (props: P) => T,
  harness: RunsHarness = runsHarness(),
  initialProps?: P,
): RenderHookResult<T, P> & { harness: RunsHarness } {
  const result = renderHook(hook, { wrapper: harness.wrapper, initialProps });
  return { ...result, harness };
}

/** A human chat message as the demo graph reads it. */
export function humanInput(text: string) {
  return { messages: [{ type: "human", content: text }] };
}

/** The text of the last AI message. */
export function lastAiText(messages: { type: string; content: unknown }[]): string | undefined {
  const ai = messages.filter((m) => m.type === "ai").at(-1);
  return typeof ai?.content === "string" ? ai.content : undefined;
}
