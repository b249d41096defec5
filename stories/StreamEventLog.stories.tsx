import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, spyOn, userEvent, waitFor, within } from "storybook/test";
import type { StreamEvent } from "../src/client/types";
import { StreamEventLog, type StreamEventLogProps } from "../src/components/StreamEventLog";
import { appendEvents, createEventLog, type EventLog } from "../src/store";
import { chatTokens, subgraph } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { withRunsProvider } from "./support/withRunsProvider";

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const SUB = "subgraph:d53f0306-3341-5f85-bce6-07c4c49d32c4";

function ev(type: string, data: unknown, ns: string[] = [], id?: string): StreamEvent {
  return { type, ns, data, interrupts: [], event: [type, ...ns].join("|"), id } as StreamEvent;
}

/** A small, realistic run: metadata, progress, streamed tokens, a subgraph, updates and values. */
function sampleEvents(): StreamEvent[] {
  const meta = { langgraph_node: "chat", langgraph_step: 1 };
  const words = ["You ", "said: ", "hello ", "world"];
  return [
    ev("metadata", { run_id: "01a1fdc0-1e89-753e-831e-e1736588eda2", attempt: 1 }),
    ev("custom", { type: "progress", step: "reply" }),
    ...words.map((content) => ev("messages", [{ content, type: "ai", id: "run-7f3a" }, meta])),
    ev("custom", { type: "progress", step: "inner" }, [SUB]),
    ev(
      "messages",
      [{ content: "Hello ", type: "ai", id: "run-9c1e" }, { langgraph_node: "inner" }],
      [SUB],
    ),
    ev("updates", { chat: { messages: [{ type: "ai", content: "You said: hello world" }] } }),
    ev("values", {
      messages: [
        { type: "human", content: "hello world" },
        { type: "ai", content: "You said: hello world" },
      ],
    }),
  ].map((event, i) => ({ ...event, id: String(i) }));
}

function sampleLog(): EventLog {
  const events = sampleEvents();
  return appendEvents(
    createEventLog(),
    events,
    events.map((_, i) => T0 + i * 137),
  );
}

/** Two runs on one log (a resubmit): each run's times start again at +0.00s. */
function twoRunsLog(): EventLog {
  const first = sampleEvents();
  const second = sampleEvents().map((event) =>
    event.type === "metadata"
      ? { ...event, data: { run_id: "01a1fe22-7c41-7a3b-9d0e-5b2f8e4c1a90", attempt: 1 } }
      : event,
  );
  const log = appendEvents(
    createEventLog(),
    first,
    first.map((_, i) => T0 + i * 137),
  );
  return appendEvents(
    log,
    second,
    second.map((_, i) => T0 + 95_000 + i * 91),
  );
}

/** One event of each mode, as a person would want to read it in a row. */
function everyModeEvents(): StreamEvent[] {
  const meta = { langgraph_node: "agent" };
  return [
    ev("metadata", { run_id: "01a1fdc0-1e89-753e-831e-e1736588eda2", attempt: 1 }),
    ev("messages", [{ type: "ai", content: "Let me check the weather in Paris.", id: "m1" }, meta]),
    ev("messages", [
      {
        type: "ai",
        content: "",
        id: "m1",
        tool_call_chunks: [{ name: "get_weather", args: '{"city": "Paris"}', index: 0 }],
      },
      meta,
    ]),
    ev("messages", [
      { type: "tool", name: "get_weather", content: "18 °C, light rain", id: "t1" },
      { langgraph_node: "tools" },
    ]),
    ev("updates", { agent: { messages: [] }, tools: { messages: [] } }),
    ev("values", { messages: [{ type: "human", content: "Weather?" }], city: null }),
    ev("values", { messages: [{ type: "human", content: "Weather?" }, {}], city: "Paris" }),
    ev("custom", { type: "progress", step: "forecast", percent: 40 }),
    ev("error", { error: "RateLimitError", message: "Too many requests to the weather API" }),
  ].map((event, i) => ({ ...event, id: String(i) }));
}

/** `count` token events (every 50th a values event), 1 ms apart, in a log of `cap`. */
function bigLog(count: number, cap: number): EventLog {
  // Counted, not weighed: 100,000 token events pass the default 8 MiB byte cap.
  let log = createEventLog({ cap, byteCap: Number.POSITIVE_INFINITY });
  const batch = 10_000;
  for (let from = 0; from < count; from += batch) {
    const events: StreamEvent[] = [];
    const times: number[] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      events.push(
        i % 50 === 0
          ? ev("values", { step: i / 50 })
          : ev("messages", [
              { content: `t${i} `, type: "ai", id: "run-long" },
              { langgraph_node: "tokens" },
            ]),
      );
      times.push(T0 + i);
    }
    log = appendEvents(log, events, times);
  }
  return log;
}

/** Three more events of the short run, for stories where events keep arriving. */
function moreEvents(from: number): StreamEvent[] {
  return ["Nice ", "to ", "meet you"].map((content, i) => ({
    ...ev("messages", [{ content, type: "ai", id: "run-7f3a" }, { langgraph_node: "chat" }]),
    id: String(from + i),
  }));
}

/** A log that grows by three events at the click of a (story-only) button. */
function GrowingLog(props: StreamEventLogProps) {
  const [eventLog, setEventLog] = useState(sampleLog);
  const add = () =>
    setEventLog((log) => appendEvents(log, moreEvents(log.total), T0 + log.total * 137));
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <StreamEventLog {...props} eventLog={eventLog} />
      <button type="button" onClick={add} style={{ justifySelf: "start" }}>
        Add 3 events
      </button>
    </div>
  );
}

/** The log with an in-memory EventLog made once per story render. */
function WithLog({ make, ...props }: StreamEventLogProps & { make: () => EventLog }) {
  const [eventLog] = useState(make);
  return <StreamEventLog {...props} eventLog={eventLog} />;
}

const meta = {
  title: "Components/StreamEventLog",
  component: StreamEventLog,
  args: { height: 320 },
  parameters: { layout: "padded" },
} satisfies Meta<typeof StreamEventLog>;

export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = (root: HTMLElement) => root.querySelectorAll(".lgr-log__row");
const seqsOf = (root: HTMLElement) =>
  Array.from(rowsOf(root), (row) => Number(row.getAttribute("data-seq")));

/** Nothing received yet. */
export const Empty: Story = {
  args: { events: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("log", { name: "Stream events" })).toBeInTheDocument();
    await expect(canvas.getByText("No events yet.")).toBeInTheDocument();
  },
};

/** A short run: modes and namespaces as filter chips and a select; root and subgraph rows. */
export const Run: Story = {
  render: (args) => <WithLog {...args} make={sampleLog} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(10));
    await expect(canvas.getByText("10 events")).toBeInTheDocument();
    await expect(canvas.getByRole("button", { name: /^messages/ })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expect(canvas.getByRole("combobox", { name: "Namespace" })).toBeInTheDocument();
  },
};

/** One event expanded to its JSON, with the copy button (rows are measured, so no overlap). */
export const Expanded: Story = {
  render: (args) => <WithLog {...args} make={sampleLog} follow={false} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>(
        '.lgr-log__row[data-seq="1"] .lgr-log__summary',
      );
      if (!found) throw new Error("row 1 not rendered");
      return found;
    });
    await userEvent.click(row);
    await expect(row).toHaveAttribute("aria-expanded", "true");
    const details = canvasElement.querySelector('.lgr-log__row[data-seq="1"] pre');
    await expect(details?.textContent).toContain('"step": "reply"');
    await expect(canvas.getByRole("button", { name: /Copy as JSON/ })).toBeInTheDocument();
  },
};

/** Filtered to the `custom` mode, in the subgraph's namespace. */
export const Filtered: Story = {
  render: (args) => <WithLog {...args} make={sampleLog} initialTypes={["custom"]} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("2 of 10 events match")).toBeInTheDocument();
    await expect(canvas.getByRole("button", { name: /^custom/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Namespace" }), SUB);
    await expect(canvas.getByText("1 of 10 events matches")).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Clear filters" }));
    await expect(canvas.getByText("10 events")).toBeInTheDocument();
  },
};

/**
 * 100,000 events in memory: only a window of rows is in the DOM, and the view starts at the
 * newest event (it follows the tail).
 */
export const LongLog: Story = {
  name: "Long log (100,000 events)",
  render: (args) => <WithLog {...args} make={() => bigLog(100_000, 100_000)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("100,000 events")).toBeInTheDocument();
    await waitFor(() => expect(seqsOf(canvasElement)).toContain(99_999));
    await expect(rowsOf(canvasElement).length).toBeLessThan(100);
    // Scrolling up stops following; "Jump to latest" brings the tail back.
    const log = canvas.getByRole("log");
    log.scrollTop = 0;
    await waitFor(() => expect(seqsOf(canvasElement)).toContain(0));
    const jump = await canvas.findByRole("button", { name: "Jump to latest" });
    await userEvent.click(jump);
    await waitFor(() => expect(seqsOf(canvasElement)).toContain(99_999));
  },
};

/** The bounded log dropped the oldest events: it says how many. */
export const Dropped: Story = {
  render: (args) => <WithLog {...args} make={() => bigLog(6_500, 5_000)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByText("1,500 older events dropped (the log keeps the latest 5,000)."),
    ).toBeInTheDocument();
    await waitFor(() => expect(seqsOf(canvasElement)).toContain(6_499));
  },
};

/** Payloads are text: markup in event data never becomes HTML. */
export const InertMarkup: Story = {
  args: {
    events: [
      ev("custom", { html: "<img src=x onerror=alert(1)>", link: "javascript:alert(1)" }),
      ev("<b>type</b>", "<script>alert(1)</script>", ["<img src=x>"]),
    ],
    follow: false,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const toggle of canvas.getAllByRole("button", { expanded: false }))
      await userEvent.click(toggle);
    await expect(
      canvasElement.querySelector(".lgr-log img, .lgr-log script, .lgr-log b"),
    ).toBeNull();
    await expect(canvasElement.textContent).toContain("<img src=x onerror=alert(1)>");
  },
};

/** Reading a session of the stream buffer by its run. */
export const FromRun: Story = {
  args: { run: { id: "thread-1:run-1" } },
  decorators: [withRunsProvider({ sessions: { "thread-1:run-1": { eventLog: sampleLog() } } })],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(10));
  },
};

/** A recorded chat run replayed through the real hooks: the log grows and follows the tail. */
export const Live: Story = {
  render: (args) => (
    <LiveRun transcript={chatTokens}>
      {(stream) => <StreamEventLog {...args} run={stream} />}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () => expect(canvas.getByRole("button", { name: /^metadata/ })).toBeInTheDocument(),
      {
        timeout: 10_000,
      },
    );
    await waitFor(
      () =>
        expect(canvasElement.querySelector('.lgr-log__chip[data-type="values"]')).not.toBeNull(),
      {
        timeout: 10_000,
      },
    );
  },
};

/** The `/subgraph` run with stream_subgraphs: namespaced events and the namespace filter. */
export const LiveSubgraph: Story = {
  render: (args) => (
    <LiveRun transcript={subgraph}>{(stream) => <StreamEventLog {...args} run={stream} />}</LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = canvas.getByRole("combobox", { name: "Namespace" });
    await waitFor(() => expect(select.querySelectorAll("option").length).toBeGreaterThan(2), {
      timeout: 10_000,
    });
  },
};

/** The short run in the dark theme (the a11y check covers dark contrast too). */
export const RunDark: Story = { ...Run, globals: { theme: "dark" } };

/** Each mode's row says what the event is about: a chunk's text, a tool call, changed keys, … */
export const ReadablePreviews: Story = {
  args: { events: everyModeEvents(), follow: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const text of [
      "run 01a1fdc0-1e89-753e-831e-e1736588eda2",
      "Let me check the weather in Paris.",
      'tool call get_weather {"city": "Paris"}',
      "get_weather → 18 °C, light rain",
      "agent, tools",
      "1 message · keys: messages, city",
      "2 messages · changed: messages, city",
      "RateLimitError: Too many requests to the weather API",
    ]) {
      await expect(canvas.getByText(text)).toBeInTheDocument();
    }
  },
};

/** The previews in the dark theme (each mode's colour keeps its contrast). */
export const ReadablePreviewsDark: Story = { ...ReadablePreviews, globals: { theme: "dark" } };

/** Text search across the payloads: the rows that mention it, and how many match. */
export const Search: Story = {
  render: (args) => <WithLog {...args} make={sampleLog} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("searchbox", { name: "Search events" }), "hello");
    await waitFor(() => expect(canvas.getByText("4 of 10 events match")).toBeInTheDocument());
    // A token, a subgraph's token, the update and the state that hold it.
    await expect(seqsOf(canvasElement)).toEqual([4, 7, 8, 9]);
  },
};

/** A search that finds nothing says so, and "Clear filters" brings every row back. */
export const SearchNoMatch: Story = {
  render: (args) => <WithLog {...args} make={sampleLog} initialQuery="goodbye" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("No events match the filters.")).toBeInTheDocument();
    await expect(canvas.getByText("0 of 10 events match")).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(10));
  },
};

/** Paused: new events wait (counted in the footer) until "Jump to latest" or un-pausing. */
export const Paused: Story = {
  render: (args) => <GrowingLog {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pause = canvas.getByRole("button", { name: "Pause" });
    await userEvent.click(pause);
    await expect(pause).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(canvas.getByRole("button", { name: "Add 3 events" }));
    await expect(canvas.getByText("10 events · Paused, 3 new")).toBeInTheDocument();
    await expect(rowsOf(canvasElement)).toHaveLength(10);
    await expect(canvas.getByRole("button", { name: "Jump to latest" })).toBeInTheDocument();
  },
};

/** Un-pausing shows what arrived and follows the newest event again. */
export const Resumed: Story = {
  render: (args) => <GrowingLog {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pause = canvas.getByRole("button", { name: "Pause" });
    await userEvent.click(pause);
    await userEvent.click(canvas.getByRole("button", { name: "Add 3 events" }));
    await userEvent.click(pause);
    await expect(pause).toHaveAttribute("aria-pressed", "false");
    await expect(canvas.getByText("13 events")).toBeInTheDocument();
    await waitFor(() => expect(seqsOf(canvasElement)).toContain(12));
  },
};

/** "Copy as JSON" turns into "Copied ✓" for a moment, and the log says so to screen readers. */
export const Copied: Story = {
  render: (args) => <WithLog {...args} make={sampleLog} follow={false} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const writeText = spyOn(navigator.clipboard, "writeText").mockResolvedValue(undefined);
    try {
      const summary = await waitFor(() => {
        const found = canvasElement.querySelector<HTMLElement>(
          '.lgr-log__row[data-seq="1"] .lgr-log__summary',
        );
        if (!found) throw new Error("row 1 not rendered");
        return found;
      });
      await userEvent.click(summary);
      await userEvent.click(canvas.getByRole("button", { name: "Copy as JSON" }));
      await expect(writeText).toHaveBeenCalledWith(expect.stringContaining('"step": "reply"'));
      await expect(canvas.getByRole("button", { name: "Copied" })).toBeInTheDocument();
      await expect(canvas.getByRole("status")).toHaveTextContent("Event #1 copied as JSON.");
    } finally {
      writeText.mockRestore();
    }
  },
};

/** "Export NDJSON" hands over the rows shown (here the `custom` ones), one event per line. */
export const Export: Story = {
  args: { onExport: fn() },
  render: (args) => <WithLog {...args} make={sampleLog} initialTypes={["custom"]} />,
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Export NDJSON" }));
    await expect(args.onExport).toHaveBeenCalledTimes(1);
    const text = (args.onExport as ReturnType<typeof fn>).mock.calls[0]?.[0] as string;
    const lines = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { seq: number; type: string });
    await expect(lines.map((line) => [line.seq, line.type])).toEqual([
      [1, "custom"],
      [6, "custom"],
    ]);
    await expect(canvas.getByRole("status")).toHaveTextContent("Exported 2 events as NDJSON.");
  },
};

/** Two runs in one log: times restart at each run's metadata event, with a line between runs. */
export const TwoRuns: Story = {
  render: (args) => <WithLog {...args} make={twoRunsLog} follow={false} />,
  play: async ({ canvasElement }) => {
    const timeOf = (seq: number) =>
      canvasElement.querySelector(`.lgr-log__row[data-seq="${seq}"] .lgr-log__time`);
    await waitFor(() => expect(timeOf(12)).not.toBeNull());
    await expect(timeOf(9)).toHaveTextContent("+1.23s");
    await expect(timeOf(10)).toHaveTextContent("+0.00s");
    await expect(timeOf(12)).toHaveTextContent("+0.18s");
    await expect(canvasElement.querySelector('.lgr-log__row[data-seq="10"]')).toHaveAttribute(
      "data-run-start",
      "true",
    );
  },
};

/** At a phone's 390 px: the controls wrap, and each row's preview gets a line of its own. */
export const Mobile: Story = {
  render: (args) => (
    <div style={{ width: 390, maxWidth: "100%" }}>
      <WithLog {...args} make={sampleLog} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowsOf(canvasElement)).toHaveLength(10));
    const preview = canvas.getByText("You");
    const log = canvas.getByRole("log");
    // The preview spans the row below its seq/time/mode line, inside the log.
    await expect(preview.getBoundingClientRect().width).toBeGreaterThan(250);
    await expect(preview.getBoundingClientRect().right).toBeLessThanOrEqual(
      log.getBoundingClientRect().right,
    );
  },
};

/** The phone width in the dark theme, a row expanded. */
export const MobileDark: Story = {
  ...Mobile,
  globals: { theme: "dark" },
  play: async (context) => {
    await Mobile.play?.(context);
    const canvas = within(context.canvasElement);
    await userEvent.click(canvas.getByText("You"));
    await expect(canvas.getByRole("button", { name: "Copy as JSON" })).toBeVisible();
  },
};
