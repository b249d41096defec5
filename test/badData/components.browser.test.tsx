/**
 * The bad-data corpus through the real components in Chromium: nothing takes the app down. A
 * malformed message renders as "Can't display this item" with its raw JSON collapsed; deep JSON
 * shows a placeholder; hostile ids and names work like any other; and every component has an
 * error boundary as its last line of defence (issue 12, items 6–8).
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CancelRunButton } from "../../src/components/CancelRunButton";
import { ConnectionStatus } from "../../src/components/ConnectionStatus";
import { InterruptPanel } from "../../src/components/InterruptPanel";
import { MessageStream } from "../../src/components/MessageStream";
import { RunStatusBadge } from "../../src/components/RunStatusBadge";
import { RunsTable, RunsTableView } from "../../src/components/RunsTable";
import { StreamEventLog } from "../../src/components/StreamEventLog";
import { applyEvents, createEventLog, createSession, appendEvents } from "../../src/store";
import type { PendingInterrupt } from "../../src/store";
import { humanInput, runsHarness } from "../support/renderWithRuns";
import { BAD_EVENTS, BAD_INTERRUPTS, BAD_MESSAGES, badRuns, streamEvent } from "./corpus";

afterEach(cleanup);

/** The app around a component: a sibling that must survive whatever the component does. */
function App({ children }: { children: ReactNode }) {
  return (
    <main>
      <p data-testid="app-alive">The rest of the app</p>
      {children}
    </main>
  );
}

const expectAppAlive = () => expect(screen.getByTestId("app-alive")).toBeInTheDocument();

/** The corpus messages as the store assembles them from a `values` event. */
function corpusMessages() {
  const session = applyEvents(
    createSession("k"),
    [streamEvent("values", { messages: BAD_MESSAGES.map((c) => c.message) })],
    1,
  );
  return session.messages;
}

describe("bad data in the real components", () => {
  it('MessageStream shows each malformed message as "Can\'t display this item", the rest as usual', async () => {
    const { container } = render(
      <App>
        <MessageStream messages={corpusMessages()} />
      </App>,
    );
    expectAppAlive();
    const list = screen.getByRole("list", { name: "Messages" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(BAD_MESSAGES.length);
    BAD_MESSAGES.forEach((badCase, i) => {
      const item = items[i]!;
      const malformed = item.querySelector('[data-malformed="true"]');
      expect(malformed !== null, badCase.name).toBe(badCase.malformed);
      if (!badCase.malformed) return;
      expect(item).toHaveTextContent("Can't display this item");
      // The raw JSON is there, collapsed.
      const details = item.querySelector("details")!;
      expect(details.open).toBe(false);
      expect(details.querySelector("pre")?.textContent).toContain(String(badCase.message.id));
    });
    // A message type `constructor` is labelled with that word, not a function's source.
    expect(screen.getByRole("article", { name: "constructor message" })).toBeInTheDocument();
    // Deep content shows a placeholder past the depth cap, not megabytes of indentation.
    const deep = container.querySelector<HTMLElement>('[data-block-type="data"] pre');
    expect(deep?.textContent).toContain("nested deeper than");
    expect(deep!.textContent!.length).toBeLessThan(20_000);
  });

  it("InterruptPanel answers an interrupt with id `constructor` when a decision is clicked", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    const interrupt = BAD_INTERRUPTS.find((c) => c.interrupt.id === "constructor")!.interrupt;
    render(
      <App>
        <InterruptPanel interrupts={[interrupt as PendingInterrupt]} onResume={onResume} />
      </App>,
    );
    // Reject opens its message field; Cancel closes it; Approve sends at once.
    await user.click(screen.getByRole("button", { name: "Reject" }));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await user.click(screen.getByRole("button", { name: "Approve" }));
    await waitFor(() =>
      expect(onResume).toHaveBeenCalledWith(
        { decisions: [{ type: "approve" }] },
        { method: "resume", interrupts: [interrupt], decisions: ["Approved send_email"] },
      ),
    );
    expectAppAlive();
  });

  it("InterruptPanel shows every hostile interrupt, deep values with a placeholder, and answers them by id", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    const interrupts = BAD_INTERRUPTS.map((c) => c.interrupt as PendingInterrupt);
    const { container } = render(
      <App>
        <InterruptPanel interrupts={interrupts} onResume={onResume} />
      </App>,
    );
    expectAppAlive();
    const sections = container.querySelectorAll("section[data-interrupt-id]");
    expect([...sections].map((s) => s.getAttribute("data-interrupt-id"))).toEqual(
      interrupts.map((i) => i.id),
    );
    const deep = container.querySelector('section[data-interrupt-id="deep"] pre');
    expect(deep?.textContent).toContain("nested deeper than");
    await user.click(within(sections[0] as HTMLElement).getByRole("radio", { name: /Approve/ }));
    for (const section of [...sections].slice(1)) {
      await user.type(within(section as HTMLElement).getByRole("textbox"), "ok");
    }
    await user.click(screen.getByRole("button", { name: /Resume with 4 answers/ }));
    await waitFor(() => expect(onResume).toHaveBeenCalledTimes(1));
    const [answer, info] = onResume.mock.calls[0] as [Record<string, unknown>, { method: string }];
    expect(info.method).toBe("resumeAll");
    expect(Object.getPrototypeOf(answer)).toBe(Object.prototype);
    expect(Object.keys(answer).sort()).toEqual(["__proto__", "constructor", "deep", "toString"]);
  });

  it("StreamEventLog lists hostile and deep events and expands them with a placeholder", async () => {
    const user = userEvent.setup();
    const events = BAD_EVENTS.map((c) => c.event);
    const log = appendEvents(createEventLog(), events, 1);
    const onExport = vi.fn();
    const { container } = render(
      <App>
        <StreamEventLog eventLog={log} height={4000} onExport={onExport} />
      </App>,
    );
    expectAppAlive();
    await waitFor(() =>
      expect(container.querySelectorAll(".lgr-log__row")).toHaveLength(events.length),
    );
    expect(container.querySelector('.lgr-log__row[data-type="__proto__"]')).not.toBeNull();
    for (const summary of container.querySelectorAll<HTMLElement>(".lgr-log__summary")) {
      await user.click(summary);
    }
    const json = [...container.querySelectorAll(".lgr-log__json")].map((p) => p.textContent ?? "");
    expect(json).toHaveLength(events.length);
    expect(json.filter((text) => text.includes("nested deeper than"))).toHaveLength(2);
    expect(Math.max(...json.map((text) => text.length))).toBeLessThan(20_000);
    const options = [...container.querySelectorAll("option")].map((o) => o.textContent);
    expect(options).toContain("__proto__ (1)");
    // Every row has a preview; the deep values event names its key.
    const previews = [...container.querySelectorAll(".lgr-log__preview")].map((p) => p.textContent);
    expect(previews.every((text) => (text ?? "") !== "")).toBe(true);
    expect(previews).toContain("keys: deep");

    // The export writes one line per event, deep ones included.
    await user.click(screen.getByRole("button", { name: "Export NDJSON" }));
    const lines = (onExport.mock.calls[0]?.[0] as string).trimEnd().split("\n");
    expect(lines).toHaveLength(events.length);
    expect(lines.every((line) => line.startsWith('{"seq":'))).toBe(true);

    // A search over hostile keys and deep data finds the events that hold the text.
    await user.type(screen.getByRole("searchbox", { name: "Search events" }), "__proto__");
    await waitFor(() => expect(screen.getByText("3 of 7 events match")).toBeTruthy());
    expectAppAlive();
  });

  it("RunsTable leaves out runs without a string run_id (fake fetch: the real server always sends one)", async () => {
    const harness = runsHarness();
    const thread = await harness.client.threads.create();
    const run = await harness.client.runs.create(thread.thread_id, "agent", {
      input: humanInput("hello"),
    });
    await harness.client.runs.join(thread.thread_id, run.run_id);
    // The real server answers; runs.list responses get the corpus's broken runs added.
    const hostile = runsHarness({ fetch: withBadRuns(thread.thread_id) });
    const { container } = render(
      <App>
        <RunsTable threadId={thread.thread_id} />
      </App>,
      { wrapper: hostile.wrapper },
    );
    await waitFor(() =>
      expect(container.querySelectorAll("tbody tr[data-run-id]")).toHaveLength(1),
    );
    expect(container.querySelector(`tr[data-run-id="${run.run_id}"]`)).not.toBeNull();
    expectAppAlive();
  });

  it("RunsTable previews malformed inputs and metadata as text or 'No input' (fake fetch)", async () => {
    const harness = runsHarness();
    const thread = await harness.client.threads.create();
    const base = {
      thread_id: thread.thread_id,
      assistant_id: "agent",
      created_at: "2024-01-01T00:00:00Z",
      updated_at: "2024-01-01T00:00:01Z",
      status: "success",
      multitask_strategy: null,
    };
    let deep: unknown = "bottom";
    for (let level = 0; level < 5_000; level++) deep = { nested: deep };
    const odd = [
      { ...base, run_id: "kwargs-string", metadata: {}, kwargs: "not an object" },
      { ...base, run_id: "messages-string", metadata: null, kwargs: { input: { messages: "hi" } } },
      {
        ...base,
        run_id: "messages-junk",
        metadata: { graph_id: 42 },
        kwargs: { input: { messages: [null, 42, { type: "human", content: { text: 1 } }] } },
      },
      { ...base, run_id: "deep-input", metadata: [], kwargs: { input: deep } },
      { ...base, run_id: "resume-undefined", assistant_id: 7, kwargs: { command: {} } },
    ];
    const hostile = runsHarness({ fetch: withExtraRuns(odd) });
    const { container } = render(
      <App>
        <RunsTable threadId={thread.thread_id} />
      </App>,
      { wrapper: hostile.wrapper },
    );
    await waitFor(() =>
      expect(container.querySelectorAll("tbody tr[data-run-id]")).toHaveLength(odd.length),
    );
    const input = (runId: string) =>
      container.querySelector(`tr[data-run-id="${runId}"] .lgr-runs-table__input`)?.textContent;
    expect(input("kwargs-string")).toBe("No input");
    expect(input("messages-string")).toBe('{"messages":"hi"}');
    expect(input("messages-junk")).toContain("messages");
    // Deep input: its JSON, depth-capped, cut to one line.
    expect(input("deep-input")).toMatch(/^\{"nested":\{"nested":.*…$/);
    expect(input("deep-input")!.length).toBeLessThanOrEqual(160);
    expect(input("resume-undefined")).toBe("No input");
    expectAppAlive();
  });

  // What no reader foresaw: a value whose string conversion throws, in a prop every component
  // turns into text. The component's boundary shows its notice; the app stays.
  const throwing = {
    toString() {
      throw new Error("boom");
    },
  } as unknown as string;
  const GUARDED: readonly [string, () => ReactNode][] = [
    ["MessageStream", () => <MessageStream messages={[]} className={throwing} />],
    [
      "InterruptPanel",
      () => <InterruptPanel breakpoint className={throwing} onResume={() => {}} />,
    ],
    ["StreamEventLog", () => <StreamEventLog eventLog={createEventLog()} className={throwing} />],
    ["RunStatusBadge", () => <RunStatusBadge status="running" className={throwing} />],
    [
      "ConnectionStatus",
      () => <ConnectionStatus connection={{ state: "open", attempt: 0 }} className={throwing} />,
    ],
    ["RunsTableView", () => <RunsTableView runs={[]} className={throwing} />],
  ];

  it.each(GUARDED)("%s has an error boundary as its last line of defence", (name, element) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(<App>{element()}</App>);
    expectAppAlive();
    const notice = screen.getByRole("alert");
    expect(notice).toHaveTextContent(`${name} could not be shown.`);
    expect(notice).toHaveAttribute("data-component", name);
    vi.restoreAllMocks();
  });

  it("CancelRunButton and RunsTable have an error boundary as their last line of defence", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const harness = runsHarness();
    render(
      <App>
        <CancelRunButton threadId="t" runId="r" status="running" className={throwing} />
        <RunsTable threadId={null} className={throwing} />
      </App>,
      { wrapper: harness.wrapper },
    );
    expectAppAlive();
    const notices = screen.getAllByRole("alert").map((n) => n.getAttribute("data-component"));
    expect(notices).toEqual(["CancelRunButton", "RunsTableView"]);
    vi.restoreAllMocks();
  });
});

/** `fetch` to the real server, with the corpus's broken runs appended to `runs.list` answers. */
function withBadRuns(threadId: string): typeof fetch {
  return withExtraRuns(badRuns(threadId));
}

/** `fetch` to the real server, with `extra` appended to the thread's `runs.list` answers. */
function withExtraRuns(extra: readonly unknown[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? "GET").toUpperCase();
    if (method !== "GET" || !/\/threads\/[^/]+\/runs(\?|$)/.test(url) || !response.ok) {
      return response;
    }
    const runs = (await response.json()) as unknown[];
    return new Response(JSON.stringify([...runs, ...extra]), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
}
