import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { agentServerUrl } from "../support/agentServer";

/** Runs in Node with no DOM: importing an entry must not touch window, document or storage. */
describe("every entry imports and server-renders without a DOM", () => {
  it("has no DOM globals in this environment", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
  });

  it("the client, testing and main entries import in Node", async () => {
    const client = await import("../../src/client");
    const testing = await import("../../src/testing");
    const main = await import("../../src/index");
    expect(typeof client.createClient).toBe("function");
    expect(typeof testing.createReplayFetch).toBe("function");
    expect(typeof main.useRunStream).toBe("function");
    expect(typeof main.RunsProvider).toBe("function");
  });

  it("renderToString of a provider with hooks and every component", async () => {
    const kit = await import("../../src/index");
    function Page() {
      const stream = kit.useRunStream({ assistantId: "agent", threadId: null });
      const list = kit.useRunsList(null);
      return (
        <main>
          <kit.RunStatusBadge status={stream.status} />
          <kit.ConnectionStatus run={stream} />
          <kit.MessageStream run={stream} />
          <kit.StreamEventLog run={stream} />
          <kit.InterruptPanel run={stream} onResume={() => undefined} />
          <span data-testid="list">{list.status}</span>
        </main>
      );
    }
    const html = renderToString(
      <kit.RunsProvider apiUrl={agentServerUrl()}>
        <Page />
      </kit.RunsProvider>,
    );
    expect(html).toContain("<main");
    expect(html).toMatch(/idle/i);
  });
});
