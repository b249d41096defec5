import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useRunStream } from "../../src/hooks";
import { humanInput, lastAiText, renderHookWithRuns } from "../support/renderWithRuns";

const expectedTokens = (n: number) => Array.from({ length: n }, (_, i) => `t${i} `).join("");

describe("useRunStream against the real Agent Server", () => {
  it("streams tokens into assembled messages and settles on success", async () => {
    const { result } = renderHookWithRuns(() => useRunStream({ assistantId: "agent" }));
    expect(result.current.status).toBe("idle");
    await act(() => result.current.submit(humanInput("/tokens 40")));
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.threadId).toBeTruthy();
    expect(result.current.runId).toBeTruthy();
    expect(lastAiText(result.current.messages)).toBe(expectedTokens(40));
    expect(result.current.messages.filter((m) => m.type === "human")).toHaveLength(1);
    expect(result.current.connection.state).toBe("closed");
  });
});
