import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Composer } from "../../../src/components/Composer";
import type { StreamStore } from "../../../src/store/createStreamStore";
import type { AnyRunHandle } from "../../../src/store/RunHandle";
import { withStore } from "../../support/withStore";

afterEach(cleanup);

const textarea = () => screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement;
const type = (text: string) => fireEvent.change(textarea(), { target: { value: text } });
const pressEnter = (init: KeyboardEventInit & { keyCode?: number } = {}) =>
  fireEvent.keyDown(textarea(), { key: "Enter", ...init });

/**
 * A run handle whose submits wait until the test settles them, over a real stream buffer: the
 * test writes the session the way the controller would (an error, a refusal) before settling.
 */
function fakeRun(id = "chat") {
  const pending: (() => void)[] = [];
  const run = {
    id,
    threadId: "thread-1",
    submit: vi.fn(
      (_input: unknown, _options?: unknown) =>
        new Promise<void>((resolve) => pending.push(resolve)),
    ),
    resume: vi.fn(async () => undefined),
    resumeAll: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
    disconnect: vi.fn(),
    join: vi.fn(async () => undefined),
    resubmit: vi.fn(async (_strategy: string): Promise<void> => undefined),
    dismissRefusal: vi.fn(),
    showCheckpoint: vi.fn(async () => undefined),
  } satisfies AnyRunHandle;
  return {
    run,
    /** Ends the oldest pending submit. */
    settle: async () => {
      await act(async () => pending.shift()?.());
    },
  };
}

/** Writes what the controller writes when a submit fails. */
function failSession(store: StreamStore, id: string, runId: string | null) {
  act(() => {
    store.ensureSession(id, { threadId: "thread-1" });
    store.updateSession(id, (session) => ({
      ...session,
      status: "error",
      runId,
      error: { kind: "server", message: "the server fell over", status: 500 },
    }));
  });
}

/** Writes a busy refusal (or clears it) as the controller does. */
function setRefusal(store: StreamStore, id: string, waiting: boolean | null) {
  act(() => {
    store.ensureSession(id, { threadId: "thread-1" });
    store.updateSession(id, (session) => ({
      ...session,
      status: "running",
      refusal:
        waiting === null ? null : { kind: "busy", message: "busy", busyRunId: "run-0", waiting },
    }));
  });
}

describe("Composer: keyboard", () => {
  it("sends on Enter, not on Shift+Enter, and not while an IME composes", () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    type("こんにちは");
    pressEnter({ isComposing: true });
    pressEnter({ keyCode: 229 });
    pressEnter({ shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    expect(textarea().value).toBe("こんにちは");

    pressEnter();
    expect(onSend).toHaveBeenCalledWith("こんにちは");
    expect(textarea().value).toBe("");
  });

  it("sends nothing blank, and says so with aria-disabled on Send", () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    type("   \n ");
    pressEnter();
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Send" }).getAttribute("aria-disabled")).toBe("true");
  });
});

describe("Composer: the run", () => {
  it("submits toInput(text) with the submit options", async () => {
    const { run } = fakeRun();
    const { ui } = withStore(
      <Composer
        run={run}
        toInput={(text) => ({ question: text })}
        submitOptions={{ multitaskStrategy: "enqueue" }}
      />,
    );
    render(ui);
    type("What is up?");
    pressEnter();
    expect(run.submit).toHaveBeenCalledWith(
      { question: "What is up?" },
      { multitaskStrategy: "enqueue" },
    );
  });

  it("submits a human message by default", () => {
    const { run } = fakeRun();
    const { ui } = withStore(<Composer run={run} />);
    render(ui);
    type("Hi");
    pressEnter();
    expect(run.submit).toHaveBeenCalledWith(
      { messages: [{ type: "human", content: "Hi" }] },
      undefined,
    );
  });

  it("keeps what the user typed since a failed message, and Retry sends the failed one", async () => {
    const { run, settle } = fakeRun();
    const { ui, store } = withStore(<Composer run={run} />);
    render(ui);
    type("first");
    pressEnter();
    type("second, typed meanwhile");
    failSession(store(), run.id, null);
    await settle();

    expect(screen.getByRole("alert").textContent).toBe("Not sent: the server fell over");
    expect(textarea().value).toBe("second, typed meanwhile");
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(run.submit).toHaveBeenLastCalledWith(
      { messages: [{ type: "human", content: "first" }] },
      undefined,
    );
    expect(textarea().value).toBe("second, typed meanwhile");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says the run failed when the server took the message, and puts it back", async () => {
    const { run, settle } = fakeRun();
    const { ui, store } = withStore(<Composer run={run} />);
    render(ui);
    type("first");
    pressEnter();
    failSession(store(), run.id, "run-1");
    await settle();
    expect(screen.getByRole("alert").textContent).toBe("The run failed: the server fell over");
    expect(textarea().value).toBe("first");
  });

  it("lets a later message win: an older submit ending puts nothing back", async () => {
    const { run, settle } = fakeRun();
    const { ui, store } = withStore(<Composer run={run} />);
    render(ui);
    type("first");
    pressEnter();
    type("second");
    pressEnter();
    failSession(store(), run.id, null);
    await settle();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(textarea().value).toBe("");
  });

  it("shows the busy choices of a refusal; a choice resubmits and the message leaves the draft", async () => {
    const { run, settle } = fakeRun();
    const { ui, store } = withStore(<Composer run={run} strategies={["enqueue", "interrupt"]} />);
    render(ui);
    type("queued one");
    pressEnter();
    setRefusal(store(), run.id, false);
    await settle();
    expect(textarea().value).toBe("queued one");
    const group = screen.getByRole("group", { name: "What to do with your message" });
    expect([...group.querySelectorAll("button")].map((button) => button.textContent)).toEqual([
      "Queue it",
      "Interrupt it",
      "Dismiss",
    ]);
    // The controller clears the refusal as the resubmit starts.
    run.resubmit.mockImplementationOnce(async () => setRefusal(store(), run.id, null));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Queue it" })));
    expect(run.resubmit).toHaveBeenCalledWith("enqueue");
    expect(textarea().value).toBe("");
    expect(screen.queryByRole("group")).toBeNull();
  });

  it("takes a waiting message back into the draft on Don't send", async () => {
    const { run, settle } = fakeRun();
    const { ui, store } = withStore(<Composer run={run} />);
    render(ui);
    type("later");
    pressEnter();
    setRefusal(store(), run.id, false);
    await settle();
    run.resubmit.mockImplementationOnce(async () => setRefusal(store(), run.id, true));
    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "Send when it finishes" })),
    );
    expect(run.resubmit).toHaveBeenCalledWith("wait");
    expect(textarea().value).toBe("");
    expect(screen.getByRole("status").textContent).toBe(
      "Your message will be sent when the current run finishes.",
    );
    // Another message now would drop the waiting one: Enter does nothing.
    type("something else");
    pressEnter();
    expect(run.submit).toHaveBeenCalledTimes(1);
    expect(textarea().value).toBe("something else");
    type("");
    fireEvent.click(screen.getByRole("button", { name: "Don't send" }));
    expect(run.dismissRefusal).toHaveBeenCalledTimes(1);
    expect(textarea().value).toBe("later");
  });

  it("shows Stop while the run is active, Stopping… while the stop is pending", () => {
    const { run } = fakeRun();
    const { ui, store } = withStore(<Composer run={run} />);
    render(ui);
    act(() => {
      store().ensureSession(run.id, { threadId: "thread-1" });
      store().updateSession(run.id, (session) => ({ ...session, status: "running" }));
    });
    fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    expect(run.stop).toHaveBeenCalledTimes(1);
    act(() => store().updateSession(run.id, (session) => ({ ...session, cancelling: true })));
    const stopping = screen.getByRole("button", { name: "Stopping…" });
    expect(stopping.getAttribute("aria-busy")).toBe("true");
    fireEvent.click(stopping);
    expect(run.stop).toHaveBeenCalledTimes(1);
  });

  it("with stop={false} keeps Send while the run is active: it sends, and never stops the run", () => {
    const { run } = fakeRun();
    const { ui, store } = withStore(<Composer run={run} stop={false} />);
    render(ui);
    act(() => {
      store().ensureSession(run.id, { threadId: "thread-1" });
      store().updateSession(run.id, (session) => ({ ...session, status: "running" }));
    });
    expect(screen.queryByRole("button", { name: "Stop" })).toBeNull();
    type("while it runs");
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(run.submit).toHaveBeenCalledWith(
      { messages: [{ type: "human", content: "while it runs" }] },
      undefined,
    );
    expect(run.stop).not.toHaveBeenCalled();
    act(() => store().updateSession(run.id, (session) => ({ ...session, cancelling: true })));
    expect(screen.getByRole("button", { name: "Send" }).getAttribute("aria-busy")).toBeNull();
  });
});

describe("Composer: props", () => {
  it("works controlled: value and onValueChange, a failed message back through onValueChange", async () => {
    const { run, settle } = fakeRun();
    const changes: string[] = [];
    function Controlled() {
      const [draft, setDraft] = useState("from the app");
      return (
        <Composer
          run={run}
          value={draft}
          onValueChange={(text) => {
            changes.push(text);
            setDraft(text);
          }}
        />
      );
    }
    const { ui, store } = withStore(<Controlled />);
    render(ui);
    expect(textarea().value).toBe("from the app");
    pressEnter();
    expect(changes).toEqual([""]);
    failSession(store(), run.id, null);
    await settle();
    expect(changes).toEqual(["", "from the app"]);
    expect(textarea().value).toBe("from the app");
  });

  it("takes labels and a placeholder, and spreads the rest on its form", () => {
    render(
      <Composer
        onSend={() => undefined}
        labels={{ input: "Ask the agent", send: "Go" }}
        placeholder="Ask anything"
        data-testid="composer"
        className="mine"
      />,
    );
    const input = screen.getByRole("textbox", { name: "Ask the agent" });
    expect(input.getAttribute("placeholder")).toBe("Ask anything");
    expect(input.getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Go" })).toBeTruthy();
    expect(screen.getByTestId("composer").className).toBe("lgr-composer mine");
  });

  it("renders static states from data props: busy and waiting", () => {
    const refusal = { kind: "busy" as const, message: "busy", busyRunId: null, waiting: false };
    const { rerender } = render(
      <Composer onSend={() => undefined} status="running" refusal={refusal} />,
    );
    expect(screen.getByRole("button", { name: "Stop" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "What to do with your message" })).toBeTruthy();
    rerender(
      <Composer
        onSend={() => undefined}
        status="running"
        refusal={{ ...refusal, waiting: true }}
      />,
    );
    expect(screen.getByRole("button", { name: "Don't send" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe(
      "Your message will be sent when the current run finishes.",
    );
  });
});
