import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { userEvent } from "vitest/browser";
import type { StreamEvent } from "../../../src/client/types";
import { StreamEventLog } from "../../../src/components/StreamEventLog";
import { useRunStream } from "../../../src/hooks";
import { appendEvents, createEventLog, type EventLog } from "../../../src/store";
import "../../../src/styles/index.css";
import { humanInput, runsHarness } from "../../support/renderWithRuns";

afterEach(cleanup);

function events(from: number, count: number): StreamEvent[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const type = i % 10 === 0 ? "values" : "messages";
    return {
      type,
      ns: [],
      data: { i, text: `token ${i}` },
      interrupts: [],
      event: type,
    } as StreamEvent;
  });
}

function bigLog(count: number, cap = 100_000): EventLog {
  return appendEvents(createEventLog({ cap }), events(0, count), Date.now());
}

const rows = (container: HTMLElement) => container.querySelectorAll(".lgr-log__row");
const seqs = (container: HTMLElement) =>
  Array.from(rows(container), (row) => Number(row.getAttribute("data-seq")));
const viewport = () => screen.getByRole("log") as HTMLDivElement;

/** Scrolls the log like a user would (the scroll event fires on its own). */
async function scrollTo(top: number) {
  await act(async () => {
    viewport().scrollTop = top;
    fireEvent.scroll(viewport());
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  });
}

describe("StreamEventLog in Chromium", () => {
  it("renders only a window of 20,000 events and reaches the last by scrolling", async () => {
    const { container } = render(
      <StreamEventLog eventLog={bigLog(20_000)} follow={false} height={400} />,
    );
    expect(screen.getByRole("log", { name: "Stream events" })).toBeInTheDocument();
    await waitFor(() => expect(rows(container).length).toBeGreaterThan(5));
    expect(rows(container).length).toBeLessThan(100);
    expect(seqs(container)).toContain(0);
    expect(screen.getByText("20,000 events")).toBeInTheDocument();

    await scrollTo(viewport().scrollHeight);
    await waitFor(() => expect(seqs(container)).toContain(19_999));
    expect(rows(container).length).toBeLessThan(100);
    expect(seqs(container)).not.toContain(0);
  });

  it("keeps the newest row in view when its area shrinks while it follows", async () => {
    const { container, rerender } = render(<StreamEventLog eventLog={bigLog(500)} height={400} />);
    await waitFor(() => expect(seqs(container)).toContain(499));
    rerender(<StreamEventLog eventLog={bigLog(500)} height={150} />);
    await waitFor(() => {
      const element = viewport();
      expect(element.clientHeight).toBeLessThan(200);
      expect(element.scrollHeight - element.scrollTop - element.clientHeight).toBeLessThan(2);
    });
    expect(container.querySelector(".lgr-log")).toHaveAttribute("data-following", "true");
  });

  it("follows the tail until the user scrolls up, then offers Jump to latest", async () => {
    const harnessLog = bigLog(500);
    const { container, rerender } = render(<StreamEventLog eventLog={harnessLog} height={300} />);
    await waitFor(() => expect(seqs(container)).toContain(499));
    expect(container.querySelector(".lgr-log")).toHaveAttribute("data-following", "true");

    // New events arrive: the view stays on the newest one.
    const grown = appendEvents(harnessLog, events(500, 300), Date.now());
    rerender(<StreamEventLog eventLog={grown} height={300} />);
    await waitFor(() => expect(seqs(container)).toContain(799));
    const element = viewport();
    expect(element.scrollHeight - element.scrollTop - element.clientHeight).toBeLessThan(2);

    // The user scrolls up: following stops, more events do not move the view.
    await scrollTo(0);
    await waitFor(() =>
      expect(container.querySelector(".lgr-log")).toHaveAttribute("data-following", "false"),
    );
    const jump = screen.getByRole("button", { name: "Jump to latest" });
    const more = appendEvents(grown, events(800, 200), Date.now());
    rerender(<StreamEventLog eventLog={more} height={300} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(viewport().scrollTop).toBe(0);
    expect(seqs(container)).toContain(0);
    expect(seqs(container)).not.toContain(999);

    fireEvent.click(jump);
    await waitFor(() => expect(seqs(container)).toContain(999));
    expect(container.querySelector(".lgr-log")).toHaveAttribute("data-following", "true");
    expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();

    // Scrolling back to the bottom by hand follows again too.
    await scrollTo(0);
    await scrollTo(viewport().scrollHeight);
    await waitFor(() =>
      expect(container.querySelector(".lgr-log")).toHaveAttribute("data-following", "true"),
    );
  });

  it("is one tab stop, and a focused row stays focused while following carries it out of view", async () => {
    const first = bigLog(300);
    const { container, rerender } = render(<StreamEventLog eventLog={first} height={300} />);
    await waitFor(() => expect(seqs(container)).toContain(299));
    const tabStops = () =>
      Array.from(viewport().querySelectorAll<HTMLElement>("button")).filter((b) => b.tabIndex >= 0);
    expect(tabStops()).toHaveLength(1);
    expect(viewport().tabIndex).toBe(-1);
    // Following: the tab stop is the newest row in view.
    const stop = tabStops()[0]!;
    expect(stop.closest(".lgr-log__row")).toHaveAttribute("data-seq", "299");
    act(() => stop.focus());

    // 500 more events: far more than the rows rendered beyond the view.
    rerender(
      <StreamEventLog eventLog={appendEvents(first, events(300, 500), Date.now())} height={300} />,
    );
    await waitFor(() => expect(seqs(container)).toContain(799));
    expect(container.querySelector(".lgr-log")).toHaveAttribute("data-following", "true");
    expect(document.activeElement).toBe(stop);
    expect(stop.isConnected).toBe(true);
    expect(tabStops()).toEqual([stop]);
  });

  it("Tab goes from the namespace select to a row in view, then on to Pause", async () => {
    const { container } = render(<StreamEventLog eventLog={bigLog(300)} height={300} />);
    await waitFor(() => expect(seqs(container)).toContain(299));
    act(() => screen.getByRole("combobox", { name: "Namespace" }).focus());
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement?.closest(".lgr-log__row")).toHaveAttribute("data-seq", "299");
    await userEvent.keyboard("{Tab}");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Pause" }));
  });

  it("Jump to latest hands focus to the log, not to the page", async () => {
    const { container } = render(<StreamEventLog eventLog={bigLog(500)} height={300} />);
    await waitFor(() => expect(seqs(container)).toContain(499));
    await scrollTo(0);
    const jump = await screen.findByRole("button", { name: "Jump to latest" });
    act(() => jump.focus());
    fireEvent.click(jump);
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull(),
    );
    expect(viewport().contains(document.activeElement)).toBe(true);
  });

  it("measures expanded rows: no overlap, and the JSON is shown", async () => {
    const { container } = render(
      <StreamEventLog eventLog={bigLog(50)} follow={false} height={400} />,
    );
    await waitFor(() => expect(seqs(container)).toContain(3));
    const toggle = container.querySelector(
      '.lgr-log__row[data-seq="2"] .lgr-log__summary',
    ) as HTMLElement;
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const row = () => container.querySelector('.lgr-log__row[data-seq="2"]') as HTMLElement;
    const next = () => container.querySelector('.lgr-log__row[data-seq="3"]') as HTMLElement;
    await waitFor(() => {
      const expanded = row().getBoundingClientRect();
      expect(expanded.height).toBeGreaterThan(60);
      expect(next().getBoundingClientRect().top).toBeGreaterThanOrEqual(expanded.bottom - 0.5);
    });
    expect(row().querySelector("pre")?.textContent).toContain('"text": "token 2"');
    expect(screen.getByRole("button", { name: /Copy as JSON/ })).toBeInTheDocument();
  });

  it("filters by mode", async () => {
    const { container } = render(
      <StreamEventLog eventLog={bigLog(1_000)} follow={false} height={400} />,
    );
    fireEvent.click(screen.getByRole("button", { name: /^values/ }));
    await waitFor(() => expect(seqs(container)[0]).toBe(0));
    expect(seqs(container).every((seq) => seq % 10 === 0)).toBe(true);
    expect(screen.getByText("100 of 1,000 events match")).toBeInTheDocument();
  });

  it("searches 20,000 events from the search box, still virtualized", async () => {
    const { container } = render(
      <StreamEventLog eventLog={bigLog(20_000)} follow={false} height={400} />,
    );
    const search = screen.getByRole("searchbox", { name: "Search events" });
    fireEvent.change(search, { target: { value: "TOKEN 1999" } });
    // "token 1999" and "token 19990" … "token 19999".
    await waitFor(() => expect(screen.getByText("11 of 20,000 events match")).toBeInTheDocument());
    expect(seqs(container)).toEqual([1999, ...Array.from({ length: 10 }, (_, i) => 19_990 + i)]);
    fireEvent.change(search, { target: { value: "token 1" } });
    await waitFor(() =>
      expect(screen.getByText(/^11,111 of 20,000 events match$/)).toBeInTheDocument(),
    );
    expect(rows(container).length).toBeLessThan(100);
  });

  it("Pause freezes the rows and the view; un-pausing shows the new events and follows", async () => {
    const first = bigLog(300);
    const { container, rerender } = render(<StreamEventLog eventLog={first} height={300} />);
    await waitFor(() => expect(seqs(container)).toContain(299));
    const pause = screen.getByRole("button", { name: "Pause" });
    fireEvent.click(pause);
    expect(pause).toHaveAttribute("aria-pressed", "true");
    const top = viewport().scrollTop;

    rerender(
      <StreamEventLog eventLog={appendEvents(first, events(300, 200), Date.now())} height={300} />,
    );
    expect(screen.getByText("300 events · Paused, 200 new")).toBeInTheDocument();
    expect(seqs(container)).not.toContain(300);
    expect(viewport().scrollTop).toBe(top);
    // Focus stays on the toggle (it is no jump).
    act(() => pause.focus());
    fireEvent.click(pause);
    expect(pause).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(seqs(container)).toContain(499));
    expect(document.activeElement).toBe(pause);
    const element = viewport();
    expect(element.scrollHeight - element.scrollTop - element.clientHeight).toBeLessThan(2);
  });

  it("puts Jump to latest below the rows, never over the last one", async () => {
    const { container } = render(<StreamEventLog eventLog={bigLog(500)} height={300} />);
    await waitFor(() => expect(seqs(container)).toContain(499));
    await scrollTo(viewport().scrollTop - 100);
    const jump = await screen.findByRole("button", { name: "Jump to latest" });
    expect(jump.getBoundingClientRect().top).toBeGreaterThanOrEqual(
      viewport().getBoundingClientRect().bottom,
    );
  });

  it("says how many old events the bounded log dropped", async () => {
    const log = bigLog(250, 100);
    const { container } = render(<StreamEventLog eventLog={log} height={300} />);
    expect(
      screen.getByText("150 older events dropped (the log keeps the latest 100)."),
    ).toBeInTheDocument();
    expect(container.querySelector(".lgr-log")).toHaveAttribute("data-dropped", "true");
    await waitFor(() => expect(seqs(container)).toContain(249));
    await scrollTo(0);
    await waitFor(() => expect(seqs(container)).toContain(150));
    expect(Math.min(...seqs(container))).toBe(150);
  });

  it("shows a real run's events from its run handle", async () => {
    const harness = runsHarness();
    const handle: { submit?: () => Promise<void>; status?: string } = {};
    function Run() {
      const stream = useRunStream({ assistantId: "agent" });
      handle.submit = () => stream.submit(humanInput("/custom 40"));
      handle.status = stream.status;
      return <StreamEventLog run={stream} height={300} />;
    }
    const { container } = render(<Run />, { wrapper: harness.wrapper });
    await act(async () => handle.submit?.());
    await waitFor(() => expect(handle.status).toBe("success"));
    const chips = Array.from(container.querySelectorAll(".lgr-log__chip"), (chip) =>
      chip.getAttribute("data-type"),
    );
    expect(chips).toEqual(expect.arrayContaining(["metadata", "custom", "values"]));
    const custom = container.querySelector('.lgr-log__chip[data-type="custom"]');
    expect(custom?.textContent).toMatch(/custom\s*40$/);
    // Following the tail: the newest event is on screen.
    await waitFor(() => {
      const shown = seqs(container);
      expect(Math.max(...shown)).toBeGreaterThan(40);
    });
  });
});
