import {
  act,
  cleanup,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StreamEvent } from "../../../src/client/types";
import { StreamEventLog, useStreamEventLog } from "../../../src/components/StreamEventLog";
import { createEventLogIndex } from "../../../src/components/StreamEventLog/createEventLogIndex";
import { createEventMatcher } from "../../../src/components/StreamEventLog/createEventMatcher";
import { eventPreview } from "../../../src/components/StreamEventLog/eventPreview";
import { eventsToNdjson } from "../../../src/components/StreamEventLog/eventsToNdjson";
import {
  formatRelativeTime,
  namespaceLabel,
  namespaceOf,
  prettyEvent,
  previewEvent,
} from "../../../src/components/StreamEventLog/formatEvent";
import { appendEvents, createEventLog, type EventLog } from "../../../src/store";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const XSS = "<img src=x onerror=alert(1)>";

function event(type: string, data: unknown, ns: string[] = []): StreamEvent {
  return { type, ns, data, interrupts: [], event: [type, ...ns].join("|") } as StreamEvent;
}

/** Events cycling through modes and namespaces: i % 3 → values/messages/custom, i % 2 → ns. */
function sampleEvents(from: number, count: number): StreamEvent[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const type = ["values", "messages", "custom"][i % 3] as string;
    return event(type, { i }, i % 2 === 0 ? [] : ["sub:1"]);
  });
}

function logOf(count: number, cap = 100_000, start = 1_000): EventLog {
  return appendEvents(
    // No byte cap: these tests are about counts (100,000 small events pass the 8 MiB default).
    createEventLog({ cap, byteCap: Number.POSITIVE_INFINITY }),
    sampleEvents(0, count),
    Array.from({ length: count }, (_, i) => start + i * 10),
  );
}

describe("formatting", () => {
  it("formats relative times, previews and the namespace key", () => {
    expect(formatRelativeTime(2_234, 1_000)).toBe("+1.23s");
    expect(formatRelativeTime(500, 1_000)).toBe("+0.00s");
    expect(previewEvent(event("values", { a: [1, 2] }))).toBe('{"a":[1,2]}');
    const long = previewEvent(event("values", "x".repeat(500)), 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith("…")).toBe(true);
    expect(namespaceOf(event("custom", 1, ["a:1", "b:2"]))).toBe("a:1|b:2");
    expect(namespaceOf(event("custom", 1))).toBe("");
    expect(namespaceLabel("")).toBe("root");
    expect(namespaceLabel("inner:d53f0306-3341-5f85-bce6-07c4c49d32c4|tool:abc")).toBe(
      "inner:d53f0306 › tool:abc",
    );
    expect(namespaceLabel("__proto__")).toBe("__proto__");
    expect(JSON.parse(prettyEvent({ ...event("values", { v: 1 }), id: "7" }))).toEqual({
      type: "values",
      ns: [],
      event: "values",
      id: "7",
      data: { v: 1 },
    });
  });
});

/** A message chunk event (messages-tuple mode). */
function chunk(message: Record<string, unknown>): StreamEvent {
  return event("messages", [{ type: "ai", ...message }, { langgraph_node: "chat" }]);
}

describe("eventPreview", () => {
  it("shows a message chunk's text itself, and the tool call a chunk streams", () => {
    expect(eventPreview(chunk({ content: "Hello there" }))).toBe("Hello there");
    expect(eventPreview(chunk({ content: [{ type: "text", text: "a" }, "b", { x: 1 }] }))).toBe(
      "ab",
    );
    expect(eventPreview(chunk({ content: "line 1\nline 2" }))).toBe("line 1 ↵ line 2");
    expect(eventPreview(chunk({ content: " " }))).toBe('" "');
    expect(eventPreview(chunk({ content: "" }))).toBe("(empty chunk)");
    expect(
      eventPreview(
        chunk({ content: "", tool_call_chunks: [{ name: "get_weather", args: '{"city":' }] }),
      ),
    ).toBe('tool call get_weather {"city":');
    expect(eventPreview(chunk({ type: "tool", name: "search", content: "3 results" }))).toBe(
      "search → 3 results",
    );
  });

  it("counts messages and names the keys a values event changed", () => {
    const first = event("values", { messages: [{}, {}], step: 1 });
    expect(eventPreview(first)).toBe("2 messages · keys: messages, step");
    const next = event("values", { messages: [{}, {}], step: 2, todo: [] });
    expect(eventPreview(next, first)).toBe("2 messages · changed: step, todo");
    expect(eventPreview(first, first)).toBe("2 messages · no change");
    const paused = { ...event("values", { messages: [{}] }), interrupts: [{ value: "?" }] };
    expect(eventPreview(paused as StreamEvent)).toBe("1 message · keys: messages · 1 interrupt");
  });

  it("names the nodes of an update, the run of metadata and the message of an error", () => {
    expect(eventPreview(event("updates", { agent: {}, tools: {} }))).toBe("agent, tools");
    expect(eventPreview(event("metadata", { run_id: "run-1", attempt: 1 }))).toBe("run run-1");
    expect(eventPreview(event("error", { error: "ValueError", message: "boom" }))).toBe(
      "ValueError: boom",
    );
    expect(eventPreview(event("custom", { step: "reply" }))).toBe('{"step":"reply"}');
  });

  it("falls back to JSON for data of an unexpected shape, and stays one short line", () => {
    expect(eventPreview(event("messages", "oops"))).toBe('"oops"');
    expect(eventPreview(event("values", [1, 2]))).toBe("[1,2]");
    expect(eventPreview(event("metadata", null))).toBe("null");
    expect(eventPreview(event("updates", { ["__proto__"]: 1 }))).toBe("__proto__");
    const long = eventPreview(chunk({ content: "x".repeat(1_000) }));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("createEventMatcher", () => {
  it("finds text in the mode, namespace and data, ignoring case", () => {
    const hello = chunk({ content: 'She said "Hello"' });
    expect(createEventMatcher("")).toBeNull();
    expect(createEventMatcher("hello")?.(hello)).toBe(true);
    expect(createEventMatcher('said "hello"')?.(hello)).toBe(true);
    expect(createEventMatcher('"langgraph_node":"chat"')?.(hello)).toBe(true);
    expect(createEventMatcher("goodbye")?.(hello)).toBe(false);
    expect(createEventMatcher("SUB:1")?.(event("custom", 1, ["sub:1"]))).toBe(true);
    expect(createEventMatcher("messages")?.(hello)).toBe(true);
  });
});

describe("eventsToNdjson", () => {
  it("writes the rows shown as one JSON event per line", () => {
    const log = appendEvents(
      createEventLog(),
      [{ ...event("metadata", { run_id: "r1" }), id: "1" }, event("custom", { deep: [1] })],
      [1_000, 1_250],
    );
    const view = createEventLogIndex().view(log, { types: [], namespace: null });
    const text = eventsToNdjson(view);
    expect(text.endsWith("\n")).toBe(true);
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        seq: 0,
        receivedAt: 1_000,
        type: "metadata",
        ns: [],
        event: "metadata",
        id: "1",
        data: { run_id: "r1" },
      },
      { seq: 1, receivedAt: 1_250, type: "custom", ns: [], event: "custom", data: { deep: [1] } },
    ]);
    expect(
      eventsToNdjson(createEventLogIndex().view(createEventLog(), { types: [], namespace: null })),
    ).toBe("");
  });
});

describe("createEventLogIndex", () => {
  it("reads rows by position without a filter", () => {
    const log = logOf(1_000);
    const view = createEventLogIndex().view(log, { types: [], namespace: null });
    expect(view.count).toBe(1_000);
    expect(view.entryAt(999)?.seq).toBe(999);
    expect(view.entryAt(1_000)).toBeUndefined();
  });

  it("filters by mode and namespace, incrementally as the log grows", () => {
    const index = createEventLogIndex();
    let log = logOf(30);
    const filter = { types: ["messages"], namespace: "sub:1" };
    let view = index.view(log, filter);
    // i % 3 === 1 and i odd: i = 1, 7, 13, 19, 25
    expect(Array.from({ length: view.count }, (_, r) => view.entryAt(r)?.seq)).toEqual([
      1, 7, 13, 19, 25,
    ]);
    log = appendEvents(log, sampleEvents(30, 12), 5_000);
    view = index.view(log, filter);
    expect(Array.from({ length: view.count }, (_, r) => view.entryAt(r)?.seq)).toEqual([
      1, 7, 13, 19, 25, 31, 37,
    ]);
    const root = index.view(log, { types: [], namespace: "" });
    expect(root.count).toBe(21);
    expect(root.entryAt(0)?.seq).toBe(0);
  });

  it("counts modes and namespaces seen", () => {
    const index = createEventLogIndex();
    const facets = index.facets(logOf(9));
    expect(facets.types).toEqual([
      { key: "values", count: 3 },
      { key: "messages", count: 3 },
      { key: "custom", count: 3 },
    ]);
    expect(facets.namespaces).toEqual([
      { key: "", count: 5 },
      { key: "sub:1", count: 4 },
    ]);
  });

  it("skips dropped events and keeps earlier views valid", () => {
    const index = createEventLogIndex();
    const filter = { types: ["custom"], namespace: null };
    let log = logOf(20, 10);
    const before = index.view(log, filter);
    expect(log.dropped).toBe(10);
    // custom: i % 3 === 2 → kept 10..19: 11, 14, 17
    expect(Array.from({ length: before.count }, (_, r) => before.entryAt(r)?.seq)).toEqual([
      11, 14, 17,
    ]);
    log = appendEvents(log, sampleEvents(20, 6), 9_000);
    const after = index.view(log, filter);
    expect(Array.from({ length: after.count }, (_, r) => after.entryAt(r)?.seq)).toEqual([
      17, 20, 23,
    ]);
  });

  it("starts over on a different log and remembers the first event's time", () => {
    const index = createEventLogIndex();
    const first = logOf(50, 100, 1_000);
    expect(index.origin(first)).toBe(1_000);
    const grown = appendEvents(first, sampleEvents(50, 200), 7_000);
    expect(grown.dropped).toBeGreaterThan(0);
    expect(index.origin(grown)).toBe(1_000);
    const other = logOf(5, 100, 42);
    expect(index.view(other, { types: [], namespace: null }).count).toBe(5);
    expect(index.origin(other)).toBe(42);
    expect(index.facets(other).types.reduce((n, t) => n + t.count, 0)).toBe(5);
  });

  it("searches text, with the other filters, and as the log grows", () => {
    const index = createEventLogIndex();
    let log = logOf(30);
    const seqsOf = (filter: { types: string[]; namespace: string | null; query: string }) => {
      const view = index.view(log, filter);
      return Array.from({ length: view.count }, (_, r) => view.entryAt(r)?.seq);
    };
    // '"i":1' is in events 1 and 10..19.
    expect(seqsOf({ types: [], namespace: null, query: '"i":1' })).toEqual([
      1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
    expect(seqsOf({ types: ["custom"], namespace: null, query: '"i":1' })).toEqual([11, 14, 17]);
    log = appendEvents(log, sampleEvents(30, 90), 9_000);
    expect(seqsOf({ types: ["custom"], namespace: null, query: '"i":1' })).toEqual([
      11, 14, 17, 101, 104, 107, 110, 113, 116, 119,
    ]);
    expect(index.view(log, { types: [], namespace: null, query: "  " }).count).toBe(120);
  });

  it("times each event from the start of its run (its root metadata event)", () => {
    const index = createEventLogIndex();
    const run = (id: string) => [
      event("metadata", { run_id: id }),
      event("custom", 1),
      event("metadata", { run_id: "inner" }, ["sub:1"]),
    ];
    const log = appendEvents(
      appendEvents(createEventLog(), [event("custom", 0), ...run("a")], [500, 1_000, 1_500, 1_600]),
      run("b"),
      [9_000, 9_700, 9_800],
    );
    // Before any run start: the first event seen.
    expect(index.timeBase(log, 0)).toBe(500);
    expect(index.timeBase(log, 2)).toBe(1_000);
    expect(index.timeBase(log, 3)).toBe(1_000);
    expect(index.timeBase(log, 5)).toBe(9_000);
    expect(index.timeBase(log, 6)).toBe(9_000);
  });

  it("links each values event to the one before it in its namespace, while it is kept", () => {
    const index = createEventLogIndex();
    const events = [
      event("values", { n: 1 }),
      event("values", { n: 2 }, ["sub:1"]),
      event("custom", 0),
      event("values", { n: 3 }),
    ];
    const log = appendEvents(createEventLog({ cap: 10 }), events, 0);
    expect(index.previousValues(log, 3)?.seq).toBe(0);
    expect(index.previousValues(log, 1)).toBeUndefined();
    expect(index.previousValues(log, 0)).toBeUndefined();
    const later = appendEvents(
      log,
      Array.from({ length: 9 }, () => event("custom", 0)),
      0,
    );
    expect(later.dropped).toBeGreaterThan(0);
    expect(index.previousValues(later, 3)).toBeUndefined();
  });

  // How fast it scans is measured in bench/, never asserted here.
  it("views a 100,000-event log, then the same log with what is new", () => {
    const index = createEventLogIndex();
    let log = logOf(100_000);
    const filter = { types: ["custom"], namespace: null };
    expect(index.view(log, filter).count).toBe(33_333);
    const fresh = sampleEvents(100_000, 3);
    log = appendEvents(log, fresh, 0);
    const customs = (events: StreamEvent[]) => events.filter((e) => e.type === "custom").length;
    // The log is full: the three new events push the three oldest out.
    expect(index.view(log, filter).count).toBe(
      33_333 + customs(fresh) - customs(sampleEvents(0, 3)),
    );
  });
});

describe("useStreamEventLog", () => {
  it("filters, expands and formats", () => {
    const eventLog = logOf(30);
    const { result } = renderHook(() => useStreamEventLog({ eventLog }));
    expect(result.current.rows.count).toBe(30);
    expect(result.current.facets.types.map((t) => t.key)).toEqual(["values", "messages", "custom"]);
    act(() => result.current.toggleType("custom"));
    expect(result.current.rows.count).toBe(10);
    expect(result.current.filtered).toBe(true);
    act(() => result.current.setNamespace(""));
    expect(result.current.rows.count).toBe(5);
    act(() => result.current.clearFilters());
    expect(result.current.rows.count).toBe(30);

    const entry = result.current.rows.entryAt(12);
    if (!entry) throw new Error("no entry");
    expect(result.current.relativeTime(entry)).toBe("+0.12s");
    // Event 12 is a values event; event 9 was the one before it.
    expect(result.current.preview(entry)).toBe("changed: i");
    act(() => result.current.toggleExpanded(12));
    expect(result.current.isExpanded(12)).toBe(true);
    act(() => result.current.toggleExpanded(12));
    expect(result.current.isExpanded(12)).toBe(false);
  });

  it("searches the payloads, exports what it shows and clears the search with the filters", () => {
    const { result } = renderHook(() => useStreamEventLog({ eventLog: logOf(30) }));
    act(() => result.current.setQuery(' "i":2 '));
    // "i":2 is in events 2 and 20..29.
    expect(result.current.rows.count).toBe(11);
    expect(result.current.search).toBe('"i":2');
    expect(result.current.filtered).toBe(true);
    const lines = result.current
      .toNdjson()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { seq: number; data: unknown });
    expect(lines.map((line) => line.seq)).toEqual([2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(lines[0]?.data).toEqual({ i: 2 });
    act(() => result.current.clearFilters());
    expect(result.current.query).toBe("");
    expect(result.current.rows.count).toBe(30);
  });

  it("pauses on the events it has, counts what arrives, and shows it on resume", () => {
    const first = logOf(30);
    const { result, rerender } = renderHook(
      ({ eventLog }: { eventLog: EventLog }) => useStreamEventLog({ eventLog }),
      { initialProps: { eventLog: first } },
    );
    act(() => result.current.pause());
    rerender({ eventLog: appendEvents(first, sampleEvents(30, 5), 9_000) });
    expect(result.current.paused).toBe(true);
    expect(result.current.pending).toBe(5);
    expect(result.current.rows.count).toBe(30);
    act(() => result.current.resume());
    expect(result.current.paused).toBe(false);
    expect(result.current.pending).toBe(0);
    expect(result.current.rows.count).toBe(35);
    expect(result.current.facets.types.reduce((n, t) => n + t.count, 0)).toBe(35);
  });

  it("times events from the start of their own run", () => {
    const eventLog = appendEvents(
      createEventLog(),
      [
        event("metadata", { run_id: "a" }),
        event("custom", 1),
        event("metadata", { run_id: "b" }),
        event("custom", 2),
      ],
      [1_000, 1_500, 9_000, 9_250],
    );
    const { result } = renderHook(() => useStreamEventLog({ eventLog }));
    const times = [0, 1, 2, 3].map((row) =>
      result.current.relativeTime(result.current.rows.entryAt(row)!),
    );
    expect(times).toEqual(["+0.00s", "+0.50s", "+0.00s", "+0.25s"]);
    expect(
      [0, 1, 2].map((row) => result.current.isRunStart(result.current.rows.entryAt(row)!)),
    ).toEqual([true, false, true]);
  });

  it("builds a log from plain events", () => {
    const { result } = renderHook(() => useStreamEventLog({ events: sampleEvents(0, 4) }));
    expect(result.current.size).toBe(4);
    expect(result.current.dropped).toBe(0);
  });

  it("copies an event as JSON, and reports no clipboard as a failure", async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const eventLog = logOf(3);
    const { result } = renderHook(() => useStreamEventLog({ eventLog }));
    const entry = result.current.rows.entryAt(1);
    if (!entry) throw new Error("no entry");
    await act(async () => expect(await result.current.copy(entry)).toBe(true));
    expect(JSON.parse(writeText.mock.calls[0]?.[0] ?? "")).toMatchObject({
      type: "messages",
      data: { i: 1 },
    });
    expect(result.current.copyState(1)).toBe("copied");

    vi.stubGlobal("navigator", { ...navigator, clipboard: undefined });
    await act(async () => expect(await result.current.copy(entry)).toBe(false));
    expect(result.current.copyState(1)).toBe("failed");
  });
});

/** jsdom has no layout: a size for the scrolling element, so the virtualizer renders rows. */
function withLayout() {
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(600);
}

const rowSeqs = (container: HTMLElement) =>
  Array.from(container.querySelectorAll(".lgr-log__row"), (row) =>
    Number(row.getAttribute("data-seq")),
  );

describe("<StreamEventLog>", () => {
  it("is a labelled log with filters, a count and the dropped notice", () => {
    render(<StreamEventLog eventLog={logOf(50, 20)} label="Run events" />);
    const log = screen.getByRole("log", { name: "Run events" });
    expect(log).toBeTruthy();
    expect(screen.getByText("30 older events dropped (the log keeps the latest 20).")).toBeTruthy();
    expect(screen.getByText("20 events")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /custom/ }));
    expect(screen.getByRole("button", { name: /custom/ }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(screen.getByText("6 of 20 events match")).toBeTruthy();
  });

  it("has mode toggles that show a check when on", () => {
    render(<StreamEventLog events={sampleEvents(0, 6)} />);
    const group = screen.getByRole("group", { name: "Filter by stream mode" });
    const custom = within(group).getByRole("button", { name: /^custom/ });
    expect(custom.getAttribute("aria-pressed")).toBe("false");
    expect(custom.querySelector("svg")).toBeNull();
    fireEvent.click(custom);
    expect(custom.getAttribute("aria-pressed")).toBe("true");
    expect(custom.querySelector('svg[data-icon="check"]')).not.toBeNull();
    expect(screen.getByText("2 of 6 events match")).toBeTruthy();
  });

  it("searches by text from a labelled box, says how many match, and clears", async () => {
    withLayout();
    const user = userEvent.setup();
    const events = [
      chunk({ content: "The weather in Paris" }),
      event("custom", { step: "lookup" }),
      event("updates", { weather_node: {} }),
    ];
    const { container } = render(<StreamEventLog events={events} />);
    await user.type(screen.getByRole("searchbox", { name: "Search events" }), "WEATHER");
    await waitFor(() => expect(screen.getByText("2 of 3 events match")).toBeTruthy());
    expect(screen.getByRole("status").textContent).toBe("2 of 3 events match.");
    expect(rowSeqs(container)).toEqual([0, 2]);
    // The message chunk's row shows its text, not JSON, with the match marked (as typed in any
    // case); so does the other row's preview.
    const previews = [...container.querySelectorAll(".lgr-log__preview")];
    expect(previews[0]?.textContent).toBe("The weather in Paris");
    expect(
      [...container.querySelectorAll(".lgr-log__preview mark")].map((mark) => mark.textContent),
    ).toEqual(["weather", "weather"]);
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(
      (screen.getByRole("searchbox", { name: "Search events" }) as HTMLInputElement).value,
    ).toBe("");
    await waitFor(() => expect(screen.getByText("3 events")).toBeTruthy());
  });

  it("marks every match in an expanded row's JSON", async () => {
    withLayout();
    const user = userEvent.setup();
    const { container } = render(
      <StreamEventLog events={[event("custom", { step: "Lookup", next: "lookup again" })]} />,
    );
    await user.type(screen.getByRole("searchbox", { name: "Search events" }), "lookup");
    await waitFor(() => expect(screen.getByText("1 of 1 event matches")).toBeTruthy());
    await user.click(container.querySelector(".lgr-log__summary") as HTMLElement);
    const json = container.querySelector(".lgr-log__json") as HTMLElement;
    expect([...json.querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual([
      "Lookup",
      "lookup",
    ]);
    expect(json.textContent).toContain('"next": "lookup again"');
  });

  it("exports the rows shown as NDJSON", async () => {
    const user = userEvent.setup();
    const onExport = vi.fn();
    render(<StreamEventLog eventLog={logOf(9)} initialTypes={["custom"]} onExport={onExport} />);
    await user.click(screen.getByRole("button", { name: "Export NDJSON" }));
    const text = onExport.mock.calls[0]?.[0] as string;
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([2, 5, 8].map((i) => expect.objectContaining({ seq: i, data: { i } })));
    expect(screen.getByRole("status").textContent).toBe("Exported 3 events as NDJSON.");
  });

  it("pauses with a toggle: new events wait, Jump to latest shows them", async () => {
    withLayout();
    const user = userEvent.setup();
    const first = logOf(5);
    const { rerender, container } = render(<StreamEventLog eventLog={first} />);
    const pause = screen.getByRole("button", { name: "Pause" });
    expect(pause.getAttribute("aria-pressed")).toBe("false");
    await user.click(pause);
    expect(pause.getAttribute("aria-pressed")).toBe("true");
    rerender(<StreamEventLog eventLog={appendEvents(first, sampleEvents(5, 2), 9_000)} />);
    expect(screen.getByText("5 events · Paused, 2 new")).toBeTruthy();
    expect(rowSeqs(container)).not.toContain(6);
    await user.click(screen.getByRole("button", { name: "Jump to latest" }));
    expect(pause.getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByText("7 events")).toBeTruthy();
    expect(rowSeqs(container)).toContain(6);
  });

  it("says Copied ✓ on the copy button, and tells assistive technology", async () => {
    withLayout();
    const user = userEvent.setup();
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    render(<StreamEventLog events={[event("custom", { a: 1 })]} />);
    await user.click(screen.getByRole("button", { expanded: false }));
    const copy = screen.getByRole("button", { name: "Copy as JSON" });
    await user.click(copy);
    expect(screen.getByRole("button", { name: "Copied" })).toBe(copy);
    expect(copy.querySelector('svg[data-icon="check"]')).not.toBeNull();
    expect(screen.getByRole("status").textContent).toBe("Event #0 copied as JSON.");
  });

  it("says when there are no events", () => {
    render(<StreamEventLog events={[]} />);
    expect(screen.getByText("No events yet.")).toBeTruthy();
  });

  it("shows event JSON with markup as inert text", () => {
    // jsdom has no layout: give the scrolling element a size so the virtualizer renders rows.
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(600);
    const events = [
      event("custom", { html: XSS, link: "javascript:alert(1)" }, [XSS]),
      event(XSS, XSS),
    ];
    const { container } = render(<StreamEventLog events={events} />);
    const rows = container.querySelectorAll(".lgr-log__row");
    expect(rows.length).toBeGreaterThan(0);
    for (const summary of screen.getAllByRole("button", { expanded: false })) {
      fireEvent.click(summary);
    }
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain(XSS);
    expect(container.textContent).toContain("javascript:alert(1)");
    expect(container.querySelector("pre")?.textContent).toContain(JSON.stringify(XSS));
  });
});
