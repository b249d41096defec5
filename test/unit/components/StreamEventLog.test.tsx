import { act, cleanup, fireEvent, render, renderHook, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StreamEvent } from "../../../src/client/types";
import { StreamEventLog, useStreamEventLog } from "../../../src/components/StreamEventLog";
import { createEventLogIndex } from "../../../src/components/StreamEventLog/createEventLogIndex";
import {
  formatRelativeTime,
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
    expect(JSON.parse(prettyEvent({ ...event("values", { v: 1 }), id: "7" }))).toEqual({
      type: "values",
      ns: [],
      event: "values",
      id: "7",
      data: { v: 1 },
    });
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
    expect(result.current.preview(entry)).toBe('{"i":12}');
    act(() => result.current.toggleExpanded(12));
    expect(result.current.isExpanded(12)).toBe(true);
    act(() => result.current.toggleExpanded(12));
    expect(result.current.isExpanded(12)).toBe(false);
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
    expect(screen.getByText(/Showing 6 of 20 events/)).toBeTruthy();
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
