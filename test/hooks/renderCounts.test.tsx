import { act, render, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { useRunController, useRunMessages, useRunStatus, type RunRef } from "../../src/hooks";
import { humanInput, runsHarness } from "../support/renderWithRuns";

const TOKENS = 5_000;

/**
 * Renders of a component that reads only the status and of one that reads the messages, while a
 * 5,000-token stream comes in. The store applies events once per frame (a macrotask outside
 * browsers), so neither may render anywhere near once per token.
 */
describe("render counts under a 5,000-token stream (real server)", () => {
  it("status and message readers render a bounded number of times", async () => {
    const counts = { status: 0, messages: 0, parent: 0 };
    let finalText = "";

    function StatusReader({ run }: { run: RunRef }) {
      counts.status += 1;
      return <span>{useRunStatus(run)}</span>;
    }
    function MessagesReader({ run }: { run: RunRef }) {
      counts.messages += 1;
      const messages = useRunMessages(run);
      const last = messages.at(-1);
      finalText = typeof last?.content === "string" ? last.content : "";
      return <span>{messages.length}</span>;
    }
    /** Owns the stream but reads nothing from it, so it renders only for its own reasons. */
    function Chat({ id, onReady }: { id: string; onReady: (submit: () => Promise<void>) => void }) {
      counts.parent += 1;
      const chat = useRunController({
        assistantId: "agent",
        id,
        streamMode: ["messages-tuple"],
      });
      const { submit } = chat;
      useEffect(() => onReady(() => submit(humanInput(`/tokens ${TOKENS}`))), [onReady, submit]);
      return (
        <>
          <StatusReader run={chat} />
          <MessagesReader run={chat} />
        </>
      );
    }

    const harness = runsHarness();
    let start: (() => Promise<void>) | undefined;
    const Wrapper = harness.wrapper;
    render(
      <Wrapper>
        <Chat id="render-count" onReady={(submit) => (start = submit)} />
      </Wrapper>,
    );
    await waitFor(() => expect(start).toBeDefined());
    const before = { ...counts };
    await act(() => start!());
    expect(finalText.split(" ").filter(Boolean)).toHaveLength(TOKENS);
    const statusRenders = counts.status - before.status;
    const messageRenders = counts.messages - before.messages;
    console.info(
      `render counts for ${TOKENS} tokens: status ${statusRenders}, messages ${messageRenders}, parent ${counts.parent - before.parent}`,
    );
    // A status reader renders for status changes only: starting, running, success (and the
    // parent re-rendering it does not count: it does not re-render at all).
    expect(statusRenders).toBeLessThanOrEqual(6);
    expect(counts.parent - before.parent).toBe(0);
    // Measured on 2026-11-21: 73 renders in jsdom, 114 in Chromium (one per flush). The bound
    // keeps a wide margin for slow machines and is still a tenth of one render per token.
    expect(messageRenders).toBeLessThan(TOKENS / 10);
  });
});
