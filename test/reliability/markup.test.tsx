// @vitest-environment jsdom
/**
 * Markup in content is inert text in every component: message content, tool names and
 * arguments, interrupt payloads, event data and names, run records, labels and error messages
 * holding `<img onerror>`, `<script>`, `javascript:` links, iframes and SVG handlers render as
 * visible text, never as elements. Every component exported from src/components is rendered
 * (a new export without a case here fails the test), in one RunsProvider whose session was
 * streamed from a fake fetch.
 */
import { act, cleanup, fireEvent, render } from "@testing-library/react";
import { useState, type ComponentType, type ReactNode } from "react";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import * as components from "../../src/components";
import type { InterruptItem } from "../../src/components";
import type { Run } from "../../src/client";
import { useRunStream } from "../../src/hooks";
import type { AnyRunHandle } from "../../src/store/RunHandle";
import { fakeFetch, sseResponse } from "../support/recordingFetch";
import { harness, human, newFigures, reportFigures } from "./support";

const figures = newFigures();
afterAll(() => reportFigures("markup", figures));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

declare global {
  var __xss: number | undefined;
}

const XSS =
  '<img src=x onerror="globalThis.__xss=1"><script>globalThis.__xss=2</script>' +
  '<a href="javascript:globalThis.__xss=3">link</a><iframe src="javascript:globalThis.__xss=4"></iframe>' +
  '<svg onload="globalThis.__xss=5"></svg>';
/** What must be visible as text wherever XSS was rendered (also inside JSON, quotes escaped). */
const VISIBLE = "<img src=x onerror=";
const JS_LINK = "javascript:globalThis.__xss=6";

const THREAD = "t-xss";
const RUN = "r-xss";

const frame = (event: string, data: unknown, id: number) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\nid: ${id}\n\n`;

const HITL = {
  action_requests: [{ name: XSS, arguments: { html: XSS, link: JS_LINK }, description: XSS }],
  review_configs: [{ action_name: XSS, allowed_decisions: ["approve", "edit", "reject"] }],
};
const INBOX = {
  action_request: { action: XSS, args: { html: XSS, link: JS_LINK } },
  config: { allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true },
  description: XSS,
};

const STREAM = [
  frame("metadata", { run_id: RUN, attempt: 1 }, 0),
  frame("values", { messages: [{ type: "human", id: "h1", content: XSS }] }, 1),
  frame(
    "messages",
    [{ type: "ai", id: "a1", content: XSS, tool_call_chunks: [] }, { langgraph_node: XSS }],
    2,
  ),
  frame(
    "updates",
    {
      call_tool: {
        messages: [
          {
            type: "ai",
            id: "a1",
            content: [
              { type: "text", text: XSS },
              { type: "image_url", image_url: { url: JS_LINK } },
              { type: "image", source_type: "url", url: "javascript:alert(1)" },
            ],
            tool_calls: [{ id: "c1", name: XSS, args: { html: XSS, link: JS_LINK } }],
          },
        ],
      },
    },
    3,
  ),
  frame(
    "updates",
    {
      tools: {
        messages: [{ type: "tool", id: "t1", name: XSS, tool_call_id: "c1", content: XSS }],
      },
    },
    4,
  ),
  frame(`custom|${XSS}:1`, { html: XSS, link: JS_LINK }, 5),
  frame(
    "values",
    {
      __interrupt__: [
        { id: "i1", value: HITL },
        { id: "i2", value: INBOX },
        { id: "i3", value: XSS },
      ],
    },
    6,
  ),
];

function run(overrides: Partial<Run> = {}): Run {
  return {
    run_id: XSS,
    thread_id: THREAD,
    assistant_id: XSS,
    created_at: new Date(Date.now() - 5_000).toISOString(),
    updated_at: new Date().toISOString(),
    status: "running",
    metadata: { name: XSS, link: JS_LINK },
    multitask_strategy: "reject",
    kwargs: { input: XSS },
    ...overrides,
  };
}

const fake = fakeFetch((url, init) => {
  const method = init.method ?? "GET";
  if (method === "POST" && url.pathname === `/threads/${THREAD}/runs/stream`) {
    return sseResponse(STREAM, {
      headers: { "content-location": `/threads/${THREAD}/runs/${RUN}` },
    });
  }
  if (method === "GET" && url.pathname === `/threads/${THREAD}/runs/${RUN}`) {
    return Response.json(run({ run_id: RUN, status: "success" }));
  }
  if (method === "GET" && url.pathname === `/threads/${THREAD}/runs`) {
    return Response.json([run(), run({ run_id: `${XSS}-2`, status: "error" })]);
  }
  return new Response(`no route ${XSS}`, { status: 404 });
});

/** Props of each exported component, given the run handle. */
const CASES: Record<string, (run: AnyRunHandle) => Record<string, unknown>> = {
  RunStatusBadge: (run) => ({
    run,
    announce: true,
    labels: { "needs-input": XSS, interrupted: XSS, success: XSS, running: XSS, idle: XSS },
  }),
  // `show="always"`: normal states show nothing by default, and the markup is in their labels.
  ConnectionStatus: (run) => ({
    run,
    show: "always",
    labels: { closed: XSS, open: XSS, idle: XSS, failed: XSS },
  }),
  // A running run by ids, its status a data prop (no fetch): the click below opens the confirm step.
  CancelRunButton: () => ({
    threadId: THREAD,
    runId: RUN,
    status: "running",
    confirm: true,
    labels: { cancel: XSS, prompt: XSS, confirm: XSS, dismiss: XSS, failed: XSS, cancelling: XSS },
  }),
  RunsTable: () => ({ threadId: THREAD, caption: XSS, liveIntervalMs: false, onOpenRun: () => {} }),
  RunsTableView: () => ({
    runs: [
      run(),
      run({
        run_id: `${XSS}-3`,
        status: "success",
        kwargs: {
          input: { messages: [{ type: "human", content: [{ type: "text", text: XSS }] }] },
        },
      }),
    ],
    caption: XSS,
    error: new Error(XSS),
    actionError: { runIds: [XSS], action: "delete", error: new Error(XSS) },
    deleteRun: () => {},
    deleteRuns: () => {},
    selectedIds: new Set([`${XSS}-3`]),
    setSelectedIds: () => {},
    updatedAt: Date.now(),
    onOpenRun: () => {},
  }),
  StreamEventLog: (run) => ({ run, label: XSS, height: 400 }),
  MessageStream: (run) => ({ run, label: XSS }),
  InterruptPanel: (run) => ({ run, onResume: () => {} }),
  ResumeControls: () => ({ label: XSS, canSubmit: true, error: XSS, problems: [XSS], sent: false }),
  Composer: (run) => ({ run, placeholder: XSS, labels: { input: XSS, hint: XSS, send: XSS } }),
  MessageActions: (run) => ({
    run,
    message: { id: XSS, type: "human", content: XSS },
    branch: { parentCheckpoint: { checkpoint_id: XSS }, branches: [XSS, `${XSS}-2`], index: 0 },
    labels: { position: () => XSS, branch: () => XSS, copy: XSS, edit: XSS, actions: XSS },
  }),
  InterruptItemSection: () => ({ item: markupItem(), total: 2 }),
  InterruptFields: () => ({ item: markupItem() }),
};

/** An interrupt item (a part's input) with markup in every text it shows. */
function markupItem(): InterruptItem {
  const issues = [{ field: "text", kind: "invalid" as const, message: XSS }];
  return {
    kind: "value",
    id: XSS,
    interrupt: { id: XSS, value: XSS },
    position: 0,
    title: XSS,
    request: { value: XSS, question: XSS },
    draft: { mode: "json", text: XSS },
    answer: { ok: false, issues },
    issues,
    decision: undefined,
    sendsItself: false,
    update: () => {},
    send: () => {},
  };
}

/** Every React component among the exports (functions named in PascalCase, not classes). */
function exportedComponents(): [string, ComponentType<Record<string, unknown>>][] {
  return Object.entries(components).filter(
    ([name, value]) =>
      /^[A-Z][a-z]/.test(name) &&
      typeof value === "function" &&
      !/^class\s/.test(Function.prototype.toString.call(value)),
  ) as [string, ComponentType<Record<string, unknown>>][];
}

/** Problems an element tree must not have: live markup of any kind. */
function liveMarkup(root: Element): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll(
    "img, script, iframe, object, embed, frame, base, meta, link",
  )) {
    problems.push(`<${el.tagName.toLowerCase()}> element`);
  }
  for (const el of root.querySelectorAll("*")) {
    for (const attr of Array.from(el.attributes)) {
      // Browsers ignore whitespace and control characters inside a URL scheme.
      const value = Array.from(attr.value)
        .filter((c) => c.charCodeAt(0) > 0x20)
        .join("")
        .toLowerCase();
      if (/^on/i.test(attr.name)) problems.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
      if (
        ["href", "src", "action", "formaction", "xlink:href", "srcdoc"].includes(attr.name) &&
        /^(javascript|data|vbscript):/.test(value)
      ) {
        problems.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value.slice(0, 30)}]`);
      }
    }
  }
  return problems;
}

describe("markup renders as inert text in every component", () => {
  it("every exported component, with sessions and props full of markup", async () => {
    globalThis.__xss = undefined;
    // The virtualized event log needs a viewport in jsdom.
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(800);
    const exported = exportedComponents();
    const uncovered = exported.map(([name]) => name).filter((name) => !(name in CASES));
    expect(uncovered, "exported components without a markup case").toEqual([]);
    const missing = Object.keys(CASES).filter((name) => !exported.some(([n]) => n === name));

    const h = harness({ apiUrl: "http://fake.local", fetch: fake.fetch });
    let submit!: () => Promise<void>;
    function Everything(): ReactNode {
      const stream = useRunStream({
        assistantId: "agent",
        threadId: THREAD,
        loadThreadState: false,
      });
      const [, setTick] = useState(0);
      submit = async () => {
        await stream.submit(human(XSS));
        setTick((n) => n + 1);
      };
      return (
        <>
          {exported.map(([name, Component]) => (
            <section key={name} data-component={name}>
              <Component {...CASES[name]!(stream)} />
            </section>
          ))}
        </>
      );
    }
    const { container } = render(<Everything />, { wrapper: h.wrapper });
    await act(() => submit());
    // Let queries (RunsTable) settle, then open everything that can be opened.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    for (let round = 0; round < 2; round++) {
      for (const button of Array.from(container.querySelectorAll('[aria-expanded="false"]'))) {
        act(() => void fireEvent.click(button));
      }
    }
    const cancel = container.querySelector('[data-component="CancelRunButton"] button');
    if (cancel) act(() => void fireEvent.click(cancel));

    const report: string[] = [];
    for (const [name] of exported) {
      const section = container.querySelector(`[data-component="${name}"]`)!;
      expect(liveMarkup(section), name).toEqual([]);
      const text = section.textContent ?? "";
      expect(text, `${name} shows the markup as text`).toContain(VISIBLE);
      report.push(`${name}: ${text.split(VISIBLE).length - 1}×`);
      figures.casesTried += 1;
    }
    // The session really held the markup everywhere it can be.
    const messages = container.querySelector('[data-component="MessageStream"]')!.textContent!;
    expect(messages).toContain("javascript:"); // the image block, as JSON text
    const panel = container.querySelector('[data-component="InterruptPanel"]')!.textContent!;
    expect(panel.split(VISIBLE).length - 1).toBeGreaterThanOrEqual(3);
    expect(globalThis.__xss).toBeUndefined();
    figures.notes.push(
      `markup: ${exported.length} components, visible as text (${report.join(", ")})${missing.length ? `; not exported yet: ${missing.join(", ")}` : ""}`,
    );
  });
});

describe("the markup detector itself", () => {
  it("reports live markup when there is some (so a pass above means something)", () => {
    const { container } = render(<div dangerouslySetInnerHTML={{ __html: XSS }} />);
    const problems = liveMarkup(container);
    expect(problems).toEqual(
      expect.arrayContaining([
        "<img> element",
        "<script> element",
        "<iframe> element",
        "img[onerror]",
        "svg[onload]",
        expect.stringMatching(/^a\[href=javascript:/),
      ]),
    );
  });
});
