import { act, cleanup, render, renderHook, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../../../src/client";
import {
  InterruptFields,
  InterruptItemSection,
  InterruptPanel,
  interruptAnswers,
  useInterruptPanel,
  type HitlRequest,
  type InboxRequest,
  type InterruptItem,
} from "../../../src/components/InterruptPanel";
import { parseJsonAnswer } from "../../../src/components/InterruptPanel/parseJsonAnswer";
import { RunScope } from "../../../src/hooks/RunScope";
import { RunsContext } from "../../../src/hooks/RunsContext";
import { createRunAnnouncer } from "../../../src/store/createRunAnnouncer";
import { createStreamStore, type StreamStore } from "../../../src/store/createStreamStore";
import type { AnyRunHandle } from "../../../src/store/RunHandle";
import type { PendingInterrupt } from "../../../src/store";

afterEach(cleanup);

// The demo graph's payloads (devserver/README.md).
const HITL = {
  action_requests: [
    {
      name: "send_email",
      arguments: { to: "ada@example.com", subject: "Hello" },
      description: "Send an email",
    },
  ],
  review_configs: [{ action_name: "send_email", allowed_decisions: ["approve", "edit", "reject"] }],
};
const INBOX = {
  action_request: { action: "send_email", args: { to: "ada@example.com" } },
  config: { allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true },
  description: "Send an email?",
};
/** A request with an `args_schema`: its edit form has one field per argument. */
const HITL_SCHEMA = {
  action_requests: [
    { name: "book", args: { city: "Paris", nights: 2, breakfast: false, room: "double" } },
  ],
  review_configs: [
    {
      action_name: "book",
      allowed_decisions: ["approve", "edit", "reject"],
      args_schema: {
        type: "object",
        properties: {
          city: { type: "string", description: "Where to stay." },
          nights: { type: "integer", minimum: 1, maximum: 30 },
          breakfast: { type: "boolean" },
          room: { enum: ["single", "double", "suite"] },
          extras: { type: "array", items: { type: "string" } },
        },
        required: ["city", "nights", "room"],
      },
    },
  ],
};
const XSS = "<img src=x onerror=alert(1)>";

const pending = (id: string, value: unknown): PendingInterrupt => ({ id, value });

function hitlOf(value: unknown): HitlRequest {
  const classified = interruptAnswers.classify(value);
  if (classified.kind !== "hitl") throw new Error("not an HITL request");
  return classified.request;
}

function inboxOf(value: unknown): InboxRequest {
  const classified = interruptAnswers.classify(value);
  if (classified.kind !== "inbox") throw new Error("not an inbox request");
  return classified.request;
}

/** A run handle whose actions only record their calls (the panel needs nothing more). */
function fakeRun(id = "chat") {
  return {
    id,
    threadId: null,
    submit: vi.fn(async (_input: unknown) => undefined),
    resume: vi.fn(async (_answer: unknown) => undefined),
    resumeAll: vi.fn(async (_answers: Readonly<Record<string, unknown>>) => undefined),
    stop: vi.fn(async () => undefined),
    disconnect: vi.fn(),
    join: vi.fn(async () => undefined),
    resubmit: vi.fn(async () => undefined),
    dismissRefusal: vi.fn(),
    showCheckpoint: vi.fn(async () => undefined),
  } satisfies AnyRunHandle;
}

/** A stream buffer holding `run`'s session (seeded), and a provider over it. */
function sessionFor(
  run: AnyRunHandle,
  seed: { interrupts?: PendingInterrupt[]; breakpoint?: boolean },
) {
  const store: StreamStore = createStreamStore();
  store.ensureSession(run.id);
  store.updateSession(run.id, (session) => ({ ...session, ...seed }));
  const value = {
    client: createClient({ apiUrl: "http://127.0.0.1:9" }),
    store,
    announcer: createRunAnnouncer(),
  };
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <RunsContext.Provider value={value}>{children}</RunsContext.Provider>
  );
  return { store, wrapper };
}

describe("interruptAnswers.classify", () => {
  it("recognizes LangChain HITL requests in both spellings", () => {
    expect(interruptAnswers.classify(HITL).kind).toBe("hitl");
    const camel = interruptAnswers.classify({
      actionRequests: [{ name: "write_file", args: { path: "a.txt" } }],
      reviewConfigs: [{ actionName: "write_file", allowedDecisions: ["approve", "reject"] }],
    });
    expect(camel).toMatchObject({
      kind: "hitl",
      request: {
        style: "camel",
        actions: [
          {
            name: "write_file",
            args: { path: "a.txt" },
            allowedDecisions: ["approve", "reject"],
            argsField: "args",
          },
        ],
      },
    });
  });

  it("reads the arguments from `args` or `arguments` and matches review configs by name", () => {
    const request = hitlOf({
      action_requests: [
        { name: "a", args: { x: 1 } },
        { name: "b", arguments: { y: 2 } },
      ],
      review_configs: [
        { action_name: "b", allowed_decisions: ["reject"] },
        { action_name: "a", allowed_decisions: ["approve", "edit"] },
      ],
    });
    expect(request.actions).toEqual([
      { name: "a", args: { x: 1 }, allowedDecisions: ["approve", "edit"], argsField: "args" },
      { name: "b", args: { y: 2 }, allowedDecisions: ["reject"], argsField: "arguments" },
    ]);
  });

  it("recognizes agent-inbox interrupts, alone or as a one-element list", () => {
    expect(interruptAnswers.classify(INBOX).kind).toBe("inbox");
    expect(interruptAnswers.classify([INBOX])).toEqual({
      kind: "inbox",
      request: {
        action: "send_email",
        args: { to: "ada@example.com" },
        description: "Send an email?",
        allowed: ["accept", "edit", "response", "ignore"],
      },
    });
    expect(
      inboxOf({ ...INBOX, config: { allow_accept: true, allow_respond: true } }).allowed,
    ).toEqual(["accept", "response"]);
  });

  it("treats anything else as a plain value", () => {
    for (const value of [
      "Approve?",
      { question: "Approve A?" },
      [INBOX, INBOX],
      null,
      42,
      { action_requests: "nope" },
    ]) {
      expect(interruptAnswers.classify(value).kind).toBe("value");
    }
  });
});

describe("interruptAnswers.hitl", () => {
  const draft = (decision?: "approve" | "edit" | "reject", argsText = "{}", message = "") => ({
    decision,
    argsText,
    message,
  });

  it("approves", () => {
    expect(interruptAnswers.hitl(hitlOf(HITL), [draft("approve")])).toEqual({
      ok: true,
      value: { decisions: [{ type: "approve" }] },
      issues: [],
    });
  });

  it("edits with the parsed arguments (under both names for an `arguments` request)", () => {
    const result = interruptAnswers.hitl(hitlOf(HITL), [draft("edit", '{"to":"bob@example.com"}')]);
    expect(result.value).toEqual({
      decisions: [
        {
          type: "edit",
          edited_action: {
            name: "send_email",
            args: { to: "bob@example.com" },
            arguments: { to: "bob@example.com" },
          },
        },
      ],
    });
    const modern = hitlOf({ action_requests: [{ name: "f", args: { a: 1 } }] });
    expect(interruptAnswers.hitl(modern, [draft("edit", '{"a":2}')]).value).toEqual({
      decisions: [{ type: "edit", edited_action: { name: "f", args: { a: 2 } } }],
    });
  });

  it("answers a camelCase (langchainjs) request in camelCase", () => {
    const camel = hitlOf({ actionRequests: [{ name: "f", args: {} }], reviewConfigs: [] });
    expect(interruptAnswers.hitl(camel, [draft("edit", '{"b":true}')]).value).toEqual({
      decisions: [{ type: "edit", editedAction: { name: "f", args: { b: true } } }],
    });
  });

  it("rejects with an optional, trimmed message", () => {
    const request = hitlOf(HITL);
    expect(interruptAnswers.hitl(request, [draft("reject")]).value).toEqual({
      decisions: [{ type: "reject" }],
    });
    expect(interruptAnswers.hitl(request, [draft("reject", "{}", "  not now ")]).value).toEqual({
      decisions: [{ type: "reject", message: "not now" }],
    });
  });

  it("reports invalid JSON and non-object arguments on the field", () => {
    const request = hitlOf(HITL);
    const invalid = interruptAnswers.hitl(request, [draft("edit", "{oops")]);
    expect(invalid.ok).toBe(false);
    expect(invalid.issues).toEqual([
      { field: "0.args", kind: "invalid", message: expect.stringMatching(/^Invalid JSON/) },
    ]);
    const list = interruptAnswers.hitl(request, [draft("edit", "[1,2]")]);
    expect(list.issues[0]).toMatchObject({
      field: "0.args",
      message: expect.stringMatching(/object/),
    });
  });

  it("needs one allowed decision per action, and keeps the order of the requests", () => {
    const request = hitlOf({
      action_requests: [
        { name: "a", args: {} },
        { name: "b", args: {} },
        { name: "c", args: {} },
      ],
      review_configs: [{ action_name: "b", allowed_decisions: ["approve", "reject"] }],
    });
    const missing = interruptAnswers.hitl(request, [draft("approve"), draft("edit"), undefined]);
    expect(missing.ok).toBe(false);
    expect(missing.issues.map((issue) => issue.field)).toEqual(["1.decision", "2.decision"]);
    const done = interruptAnswers.hitl(request, [
      draft("reject"),
      draft("approve"),
      draft("approve"),
    ]);
    expect(done.value).toEqual({
      decisions: [{ type: "reject" }, { type: "approve" }, { type: "approve" }],
    });
  });
});

describe("an args_schema", () => {
  it("becomes the action's fields, and an edit sends the form's values", () => {
    const request = hitlOf(HITL_SCHEMA);
    const [action] = request.actions;
    expect(action?.fields?.map((field) => [field.key, field.kind, field.required])).toEqual([
      ["city", "text", true],
      ["nights", "number", true],
      ["breakfast", "boolean", false],
      ["room", "enum", true],
      ["extras", "json", false],
    ]);
    const edited = interruptAnswers.hitl(request, [
      {
        decision: "edit",
        argsText: "",
        message: "",
        values: ["Rome", "3", true, "2", '["late checkout"]'],
      },
    ]);
    expect(edited.value).toEqual({
      decisions: [
        {
          type: "edit",
          edited_action: {
            name: "book",
            args: {
              city: "Rome",
              nights: 3,
              breakfast: true,
              room: "suite",
              extras: ["late checkout"],
            },
          },
        },
      ],
    });
  });

  it("reports each wrong field by its position, and leaves out empty optional ones", () => {
    const request = hitlOf(HITL_SCHEMA);
    const result = interruptAnswers.hitl(request, [
      { decision: "edit", argsText: "", message: "", values: ["", "2.5", false, "1", "{oops"] },
    ]);
    expect(result.issues).toEqual([
      { field: "0.args.0", kind: "invalid", message: "City is required." },
      { field: "0.args.1", kind: "invalid", message: "Enter a whole number." },
      { field: "0.args.4", kind: "invalid", message: expect.stringMatching(/^Invalid JSON/) },
    ]);
    const tooMany = interruptAnswers.hitl(request, [
      { decision: "edit", argsText: "", message: "", values: ["Oslo", "40", false, "0", ""] },
    ]);
    expect(tooMany.issues).toEqual([
      { field: "0.args.1", kind: "invalid", message: "Must be at most 30." },
    ]);
    const fine = interruptAnswers.hitl(request, [
      { decision: "edit", argsText: "", message: "", values: ["Oslo", "4", false, "0", ""] },
    ]);
    expect(fine.value).toEqual({
      decisions: [
        {
          type: "edit",
          edited_action: {
            name: "book",
            args: { city: "Oslo", nights: 4, breakfast: false, room: "single" },
          },
        },
      ],
    });
  });

  it("without values, an edit still sends the JSON text (answers built in code)", () => {
    const result = interruptAnswers.hitl(hitlOf(HITL_SCHEMA), [
      { decision: "edit", argsText: '{"city":"Nice"}', message: "" },
    ]);
    expect(result.value).toEqual({
      decisions: [{ type: "edit", edited_action: { name: "book", args: { city: "Nice" } } }],
    });
  });

  it("reads camelCase argsSchema, $refs and nullable unions; no usable schema means JSON", () => {
    const request = hitlOf({
      actionRequests: [{ name: "f", args: { mode: "b" } }],
      reviewConfigs: [
        {
          actionName: "f",
          allowedDecisions: ["edit"],
          argsSchema: {
            $defs: { Mode: { enum: ["a", "b"], title: "Mode" } },
            properties: {
              mode: { $ref: "#/$defs/Mode" },
              note: { anyOf: [{ type: "string" }, { type: "null" }], title: "Note" },
            },
          },
        },
      ],
    });
    expect(request.actions[0]?.fields).toEqual([
      {
        key: "mode",
        label: "Mode",
        required: false,
        kind: "enum",
        options: [
          { label: "a", value: "a" },
          { label: "b", value: "b" },
        ],
      },
      { key: "note", label: "Note", required: false, kind: "text", multiline: false },
    ]);
    for (const schema of [undefined, { type: "string" }, { properties: {} }, "nope"]) {
      const plain = hitlOf({
        action_requests: [{ name: "f", args: {} }],
        review_configs: [{ action_name: "f", allowed_decisions: ["edit"], args_schema: schema }],
      });
      expect(plain.actions[0]?.fields).toBeUndefined();
    }
  });

  it("keeps arguments named like Object's own properties as arguments", () => {
    const request = hitlOf({
      action_requests: [{ name: "f", args: JSON.parse('{"__proto__": {"x": 1}, "keep": 1}') }],
      review_configs: [
        {
          action_name: "f",
          allowed_decisions: ["edit"],
          args_schema: { properties: { constructor: { type: "string" } } },
        },
      ],
    });
    expect(request.actions[0]?.fields?.[0]?.required).toBe(false);
    const result = interruptAnswers.hitl(request, [
      { decision: "edit", argsText: "", message: "", values: ["c"] },
    ]);
    const [decision] = result.value?.decisions ?? [];
    const args = decision && "edited_action" in decision ? decision.edited_action.args : {};
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(Object.keys(args).sort()).toEqual(["__proto__", "constructor", "keep"]);
  });
});

describe("interruptAnswers.inbox", () => {
  const request = inboxOf([INBOX]);
  const draft = (choice?: "accept" | "edit" | "response" | "ignore", extra = {}) => ({
    choice,
    argsText: '{"to":"ada@example.com"}',
    response: "",
    ...extra,
  });

  it("builds agent-inbox HumanResponse lists", () => {
    expect(interruptAnswers.inbox(request, draft("accept")).value).toEqual([
      { type: "accept", args: null },
    ]);
    expect(interruptAnswers.inbox(request, draft("ignore")).value).toEqual([
      { type: "ignore", args: null },
    ]);
    expect(
      interruptAnswers.inbox(request, draft("response", { response: "Use Bob" })).value,
    ).toEqual([{ type: "response", args: "Use Bob" }]);
    expect(
      interruptAnswers.inbox(request, draft("edit", { argsText: '{"to":"bob@example.com"}' }))
        .value,
    ).toEqual([{ type: "edit", args: { action: "send_email", args: { to: "bob@example.com" } } }]);
  });

  it("needs a choice the config allows, a response text, and valid JSON when editing", () => {
    expect(interruptAnswers.inbox(request, draft(undefined)).issues[0]?.field).toBe("choice");
    const onlyAccept = { ...request, allowed: ["accept" as const] };
    expect(interruptAnswers.inbox(onlyAccept, draft("ignore")).ok).toBe(false);
    expect(
      interruptAnswers.inbox(request, draft("response", { response: "  " })).issues[0],
    ).toMatchObject({ field: "response", kind: "missing" });
    expect(
      interruptAnswers.inbox(request, draft("edit", { argsText: "nope" })).issues[0],
    ).toMatchObject({
      field: "args",
      kind: "invalid",
    });
  });
});

describe("free answers, JSON validation and the resume value", () => {
  it("parses JSON answers with a message for invalid input", () => {
    expect(parseJsonAnswer('{"ok": false}')).toEqual({ ok: true, value: { ok: false } });
    expect(parseJsonAnswer("  ")).toMatchObject({ ok: false, empty: true });
    expect(parseJsonAnswer("{ok}")).toMatchObject({ ok: false, empty: false });
    expect(parseJsonAnswer("3", { object: true })).toMatchObject({ ok: false });
    expect(parseJsonAnswer("null")).toEqual({ ok: true, value: null });
  });

  it("answers as text or JSON", () => {
    expect(interruptAnswers.value({ mode: "text", text: "yes" }).value).toBe("yes");
    expect(interruptAnswers.value({ mode: "text", text: "" }).issues[0]?.kind).toBe("missing");
    expect(interruptAnswers.value({ mode: "json", text: '{"ok":false}' }).value).toEqual({
      ok: false,
    });
    expect(interruptAnswers.value({ mode: "json", text: '"yes"' }).value).toBe("yes");
    expect(interruptAnswers.value({ mode: "json", text: "yes" }).issues[0]).toMatchObject({
      field: "text",
      kind: "invalid",
    });
  });

  it("answers with one of the interrupt's options: strings, or { label, value }", () => {
    const classified = interruptAnswers.classify({
      question: "Refund?",
      options: ["now", { label: "As credit", value: { credit: true } }, { label: "Later" }],
    });
    if (classified.kind !== "value") throw new Error("not a value");
    const { request } = classified;
    expect(request.options?.map((option) => option.label)).toEqual(["now", "As credit", "Later"]);
    const choose = (choice?: number) =>
      interruptAnswers.value({ mode: "choice", text: "", choice }, request);
    expect(choose(1).value).toEqual({ credit: true });
    expect(choose(2).value).toBe("Later");
    expect(choose(undefined).issues[0]).toMatchObject({ field: "choice", kind: "missing" });
  });

  it("resumes a breakpoint with null, one interrupt with its answer, several by id", () => {
    expect(interruptAnswers.combine([])).toBeNull();
    expect(interruptAnswers.combine([{ id: "a", value: { decisions: [] } }])).toEqual({
      decisions: [],
    });
    expect(
      interruptAnswers.combine([
        { id: "a", value: "yes" },
        { id: "b", value: { ok: false } },
      ]),
    ).toEqual({ a: "yes", b: { ok: false } });
  });
});

describe("useInterruptPanel", () => {
  it("answers several interrupts together by id, each edited with item.update", async () => {
    const onResume = vi.fn();
    const interrupts = [pending("id-a", { question: "Approve A?" }), pending("id-b", HITL)];
    const { result } = renderHook(() => useInterruptPanel({ interrupts, onResume }));
    expect(result.current.items.map((item) => item.kind)).toEqual(["value", "hitl"]);
    expect(result.current.items.map((item) => item.title)).toEqual([
      "Approve A?",
      "Review send_email",
    ]);
    expect(result.current.canSubmit).toBe(false);
    expect(result.current.problems).toHaveLength(2);
    expect(result.current.submitLabel).toBe("Resume with 2 answers");

    act(() => {
      const [a, b] = result.current.items;
      if (a?.kind !== "value" || b?.kind !== "hitl") throw new Error("unexpected kinds");
      a.update((draft) => ({ ...draft, mode: "json" }));
      a.update((draft) => ({ ...draft, text: '{"ok": true}' }));
      b.update(([action]) => [{ ...action!, decision: "reject", message: "Wrong person" }]);
    });
    expect(result.current.canSubmit).toBe(true);
    const decisions = ['Answered: {"ok":true}', "Rejected send_email: “Wrong person”"];
    expect(result.current.items.map((item) => item.decision)).toEqual(decisions);
    await act(() => result.current.submit());
    expect(onResume).toHaveBeenCalledTimes(1);
    expect(onResume).toHaveBeenCalledWith(
      {
        "id-a": { ok: true },
        "id-b": { decisions: [{ type: "reject", message: "Wrong person" }] },
      },
      { method: "resumeAll", interrupts, decisions },
    );
    expect(result.current.sent).toBe(true);
    expect(result.current.answered).toBe(true);
    expect(result.current.decisions).toEqual(decisions);
  });

  it("continues a breakpoint with run.submit(null), not an empty resume", async () => {
    const run = fakeRun();
    const { result } = renderHook(() =>
      useInterruptPanel({ run, interrupts: [], breakpoint: true }),
    );
    expect(result.current.pending).toBe(true);
    expect(result.current.submitLabel).toBe("Continue");
    await act(() => result.current.submit());
    expect(run.submit).toHaveBeenCalledWith(null);
    expect(run.resume).not.toHaveBeenCalled();
  });

  it("reports a breakpoint's continue to onResume as null, without a run", async () => {
    const onResume = vi.fn();
    const { result } = renderHook(() => useInterruptPanel({ breakpoint: true, onResume }));
    await act(() => result.current.submit());
    expect(onResume).toHaveBeenCalledWith(null, {
      method: "continue",
      interrupts: [],
      decisions: ["Continued"],
    });
  });

  it("item.send changes the draft and sends it in one step; item.decision says what it was", async () => {
    const onResume = vi.fn();
    const interrupts = [pending("x", HITL)];
    const { result } = renderHook(() => useInterruptPanel({ interrupts, onResume }));
    const [item] = result.current.items;
    if (item?.kind !== "hitl") throw new Error("not an HITL item");
    expect(item.sendsItself).toBe(true);
    expect(item.decision).toBeUndefined();
    expect(result.current.showSubmit).toBe(false);
    await act(async () => {
      item.send((drafts) => drafts.map((draft) => ({ ...draft, decision: "approve" as const })));
    });
    expect(onResume).toHaveBeenCalledWith(
      { decisions: [{ type: "approve" }] },
      { method: "resume", interrupts, decisions: ["Approved send_email"] },
    );
    expect(result.current.items[0]?.decision).toBe("Approved send_email");
    expect(result.current.decisions).toEqual(["Approved send_email"]);
  });

  it("an item among others does not send itself, and an incomplete send sends nothing", async () => {
    const onResume = vi.fn();
    const { result } = renderHook(() =>
      useInterruptPanel({ interrupts: [pending("a", HITL), pending("b", "Why?")], onResume }),
    );
    expect(result.current.items.map((item) => item.sendsItself)).toEqual([false, false]);
    expect(result.current.showSubmit).toBe(true);
    await act(async () => result.current.items[0]?.send());
    expect(onResume).not.toHaveBeenCalled();
  });

  it("reads the pending interrupts and the breakpoint from the run's session", async () => {
    const run = fakeRun();
    const { store, wrapper } = sessionFor(run, { interrupts: [pending("x", "Name?")] });
    const { result } = renderHook(() => useInterruptPanel({ run }), { wrapper });
    expect(result.current.items.map((item) => item.id)).toEqual(["x"]);
    act(() =>
      store.updateSession(run.id, (session) => ({ ...session, interrupts: [], breakpoint: true })),
    );
    expect(result.current.items).toEqual([]);
    expect(result.current.breakpoint).toBe(true);
    await act(() => result.current.submit());
    expect(run.submit).toHaveBeenCalledWith(null);
  });

  it("keeps the error of a failed resume and does not submit while incomplete", async () => {
    const run = fakeRun();
    run.resume.mockRejectedValue(new Error("409 busy"));
    const { result } = renderHook(() =>
      useInterruptPanel({ run, interrupts: [pending("x", "Name?")], breakpoint: false }),
    );
    await act(() => result.current.submit());
    expect(run.resume).not.toHaveBeenCalled();
    act(() => {
      const [item] = result.current.items;
      if (item?.kind === "value") item.update((draft) => ({ ...draft, text: "Ada" }));
    });
    await act(() => result.current.submit());
    expect(run.resume).toHaveBeenCalledWith("Ada");
    expect(result.current.error).toBe("409 busy");
    expect(result.current.sent).toBe(false);
  });

  it("cannot submit with neither a run nor onResume", () => {
    const { result } = renderHook(() => useInterruptPanel({ breakpoint: true }));
    expect(result.current.pending).toBe(true);
    expect(result.current.canSubmit).toBe(false);
  });

  it("answer state belongs to interrupt ids: a new interrupt starts clean, not 'sent'", async () => {
    const onResume = vi.fn();
    const approve = (item: InterruptItem | undefined, decision: "approve" | "reject") => {
      if (item?.kind !== "hitl") throw new Error("not an HITL item");
      item.update((drafts) => drafts.map((draft) => ({ ...draft, decision })));
    };
    const { result, rerender } = renderHook(
      ({ interrupts }) => useInterruptPanel({ interrupts, onResume }),
      { initialProps: { interrupts: [pending("first", HITL)] } },
    );
    act(() => approve(result.current.items[0], "approve"));
    await act(() => result.current.submit());
    expect(result.current.sent).toBe(true);

    // The resumed run cleared it, then paused again at a new interrupt.
    rerender({ interrupts: [] });
    expect(result.current.resumed).toBe(true);
    rerender({ interrupts: [pending("second", HITL)] });
    expect(result.current.sent).toBe(false);
    expect(result.current.resumed).toBe(false);
    expect(result.current.error).toBeNull();
    act(() => approve(result.current.items[0], "reject"));
    expect(result.current.canSubmit).toBe(true);
  });

  it("a later breakpoint is not 'sent' either (it has no id)", async () => {
    const onResume = vi.fn();
    const { result, rerender } = renderHook(
      ({ breakpoint }) => useInterruptPanel({ breakpoint, onResume }),
      { initialProps: { breakpoint: true } },
    );
    await act(() => result.current.submit());
    expect(result.current.sent).toBe(true);
    rerender({ breakpoint: false });
    rerender({ breakpoint: true });
    expect(result.current.sent).toBe(false);
    expect(result.current.canSubmit).toBe(true);
  });

  it("starts a draft afresh when the same id comes back as another kind", () => {
    const { result, rerender } = renderHook(
      ({ interrupts }) => useInterruptPanel({ interrupts, onResume: () => undefined }),
      { initialProps: { interrupts: [pending("x", "Name?")] } },
    );
    act(() => {
      const [item] = result.current.items;
      if (item?.kind === "value") item.update((draft) => ({ ...draft, text: "Ada" }));
    });
    rerender({ interrupts: [pending("x", HITL)] });
    const [item] = result.current.items;
    expect(item?.kind).toBe("hitl");
    expect(item?.draft).toEqual([
      { decision: undefined, argsText: expect.stringContaining("ada@example.com"), message: "" },
    ]);
    rerender({ interrupts: [pending("x", HITL_SCHEMA)] });
    expect(result.current.items[0]?.draft).toEqual([
      {
        decision: undefined,
        argsText: expect.stringContaining("Paris"),
        message: "",
        values: ["Paris", "2", false, "1", ""],
      },
    ]);
  });

  it("has nothing pending without interrupts or a breakpoint", () => {
    const { result } = renderHook(() => useInterruptPanel({ interrupts: [] }));
    expect(result.current.pending).toBe(false);
    expect(result.current.canSubmit).toBe(false);
  });
});

describe("<InterruptPanel>", () => {
  it("approves an HITL request with one click, then leaves a decision note that keeps focus", async () => {
    const user = userEvent.setup();
    const run = fakeRun();
    const onResume = vi.fn();
    const interrupts = [pending("i1", HITL)];
    render(
      <InterruptPanel run={run} interrupts={interrupts} breakpoint={false} onResume={onResume} />,
    );
    const form = screen.getByRole("form", { name: "Waiting for your answer" });
    expect(within(form).getByRole("heading", { name: "Review send_email" })).toBeTruthy();
    expect(within(form).queryByRole("button", { name: "Resume" })).toBeNull();
    const decision = within(form).getByRole("group", { name: "Decision for send_email" });
    expect(
      within(decision)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Approve", "Edit", "Reject"]);
    await user.click(within(decision).getByRole("button", { name: "Approve" }));
    expect(run.resume).toHaveBeenCalledWith({ decisions: [{ type: "approve" }] });
    expect(run.resumeAll).not.toHaveBeenCalled();
    expect(onResume).toHaveBeenCalledWith(
      { decisions: [{ type: "approve" }] },
      { method: "resume", interrupts, decisions: ["Approved send_email"] },
    );
    expect(screen.queryByRole("form")).toBeNull();
    const note = screen.getByRole("status");
    expect(note.textContent).toBe("Answer sent: Approved send_email");
    expect(document.activeElement?.contains(note)).toBe(true);
  });

  it("answers the interrupts of the <RunScope>'s run, and says so once they are gone", async () => {
    const user = userEvent.setup();
    const run = fakeRun();
    // The run's resume settles when the resumed run ends: until then the panel is sending.
    let finish!: () => void;
    run.resume.mockReturnValue(
      new Promise<undefined>((resolve) => (finish = () => resolve(undefined))),
    );
    const { store, wrapper } = sessionFor(run, { interrupts: [pending("i1", [INBOX])] });
    render(
      <RunScope run={run}>
        <InterruptPanel />
      </RunScope>,
      { wrapper },
    );
    const form = screen.getByRole("form", { name: "Waiting for your answer" });
    await user.click(within(form).getByRole("button", { name: "Accept" }));
    expect(run.resume).toHaveBeenCalledWith([{ type: "accept", args: null }]);
    expect(form.getAttribute("aria-busy")).toBe("true");
    expect(within(form).getByRole("status").textContent).toBe("Sending…");

    // The resumed run clears the interrupt: the form goes, the note keeps focus.
    act(() => store.updateSession(run.id, (session) => ({ ...session, interrupts: [] })));
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.getByRole("status").textContent).toContain("Accepted send_email");
    expect(document.activeElement).not.toBe(document.body);
    await act(async () => finish());
    expect(screen.getByRole("status").textContent).toContain("Accepted send_email");
  });

  it("answers two interrupts with run.resumeAll, keyed by interrupt id", async () => {
    const user = userEvent.setup();
    const run = fakeRun();
    const onResume = vi.fn();
    const interrupts = [
      pending("a", { question: "Approve A?" }),
      pending("b", { question: "Approve B?" }),
    ];
    const { wrapper } = sessionFor(run, { interrupts });
    render(<InterruptPanel run={run} onResume={onResume} />, { wrapper });
    const [first, second] = screen.getAllByRole("region");
    await user.type(within(first!).getByRole("textbox", { name: "Your answer" }), "yes");
    // How an answer is read hides under "Advanced".
    expect(within(second!).queryByRole("radio", { name: "JSON" })).toBeNull();
    const advanced = within(second!).getByRole("button", { name: "Advanced" });
    expect(advanced.getAttribute("aria-expanded")).toBe("false");
    await user.click(advanced);
    expect(advanced.getAttribute("aria-expanded")).toBe("true");
    await user.click(within(second!).getByRole("radio", { name: "JSON" }));
    await user.type(within(second!).getByRole("textbox"), '{{"ok":false}');
    await user.click(screen.getByRole("button", { name: "Resume with 2 answers" }));
    expect(run.resumeAll).toHaveBeenCalledWith({ a: "yes", b: { ok: false } });
    expect(run.resume).not.toHaveBeenCalled();
    expect(onResume).toHaveBeenCalledWith(
      { a: "yes", b: { ok: false } },
      { method: "resumeAll", interrupts, decisions: ["Answered: yes", 'Answered: {"ok":false}'] },
    );
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Answered: yes",
      'Answered: {"ok":false}',
    ]);
  });

  it("fires onResume without a run (static rendering) and records the answer", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[pending("i1", "Your name?")]} onResume={onResume} />);
    expect(screen.getByRole("heading", { name: "Your name?" })).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Your answer" }), "Ada");
    await user.click(screen.getByRole("button", { name: "Resume" }));
    expect(onResume).toHaveBeenCalledTimes(1);
    expect(onResume).toHaveBeenCalledWith("Ada", {
      method: "resume",
      interrupts: [pending("i1", "Your name?")],
      decisions: ["Answered: Ada"],
    });
    expect(screen.getByRole("status").textContent).toBe("Answer sent: Answered: Ada");
  });

  it("offers a question's options as choices", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(
      <InterruptPanel
        interrupts={[pending("i1", { question: "Which city?", options: ["Paris", "Rome"] })]}
        onResume={onResume}
      />,
    );
    expect(screen.queryByRole("textbox")).toBeNull();
    const submit = screen.getByRole("button", { name: "Resume" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(screen.getByText("Choose an answer.")).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "Paris" }));
    await user.click(screen.getByRole("radio", { name: "Rome" }));
    expect(screen.getByRole("radio", { name: "Paris" })).toHaveProperty("checked", false);
    await user.click(submit);
    expect(onResume.mock.calls[0]?.[0]).toBe("Rome");
    expect(screen.getByRole("status").textContent).toContain("Answered: Rome");
  });

  it("edits the arguments in a JSON editor when the request has no schema", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[pending("i1", HITL)]} onResume={onResume} />);
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const editor = screen.getByRole("textbox", { name: "Arguments of send_email (JSON object)" });
    expect(document.activeElement).toBe(editor);
    expect(JSON.parse((editor as HTMLTextAreaElement).value)).toEqual({
      to: "ada@example.com",
      subject: "Hello",
    });
    await user.clear(editor);
    await user.type(editor, "{{oops");
    expect(editor.getAttribute("aria-invalid")).toBe("true");
    const error = document.getElementById(editor.getAttribute("aria-describedby") ?? "");
    expect(error?.textContent).toMatch(/Invalid JSON/);
    const send = screen.getByRole("button", { name: "Send edits" }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);

    await user.clear(editor);
    await user.type(editor, '{{"to":"bob@example.com"}');
    expect(editor.getAttribute("aria-invalid")).toBeNull();
    await user.click(send);
    expect(onResume).toHaveBeenCalledWith(
      {
        decisions: [
          {
            type: "edit",
            edited_action: {
              name: "send_email",
              args: { to: "bob@example.com" },
              arguments: { to: "bob@example.com" },
            },
          },
        ],
      },
      expect.objectContaining({ method: "resume", decisions: ["Edited send_email"] }),
    );
  });

  it("edits in a form built from the args_schema, one field per type, errors on their fields", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[pending("i1", HITL_SCHEMA)]} onResume={onResume} />);
    // Read-only first: the arguments as a list.
    expect(screen.getByText("Paris")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const city = screen.getByRole("textbox", { name: "City" });
    expect(document.activeElement).toBe(city);
    expect(city.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(city.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Where to stay.",
    );
    const nights = screen.getByRole("spinbutton", { name: "Nights" });
    const breakfast = screen.getByRole("checkbox", { name: "Breakfast" });
    const room = screen.getByRole("group", { name: "Room" });
    const extras = screen.getByRole("textbox", { name: "Extras (JSON) (optional)" });
    expect([(nights as HTMLInputElement).value, (breakfast as HTMLInputElement).checked]).toEqual([
      "2",
      false,
    ]);
    expect(within(room).getByRole("radio", { name: "double" })).toHaveProperty("checked", true);

    await user.clear(city);
    await user.clear(nights);
    await user.type(nights, "0");
    expect(city.getAttribute("aria-invalid")).toBe("true");
    expect(nights.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (element: HTMLElement) =>
      (element.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent)
        .join(" | ");
    expect(describedBy(city)).toBe("Where to stay. | City is required.");
    expect(describedBy(nights)).toBe("Must be at least 1.");
    const send = screen.getByRole("button", { name: "Send edits" }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);

    await user.type(city, "Rome");
    await user.clear(nights);
    await user.type(nights, "3");
    await user.click(breakfast);
    await user.click(within(room).getByRole("radio", { name: "suite" }));
    await user.type(extras, '[["late checkout"]');
    // Enter in a field sends, like the button.
    await user.type(city, "{Enter}");
    expect(onResume).toHaveBeenCalledTimes(1);
    expect(onResume.mock.calls[0]?.[0]).toEqual({
      decisions: [
        {
          type: "edit",
          edited_action: {
            name: "book",
            args: {
              city: "Rome",
              nights: 3,
              breakfast: true,
              room: "suite",
              extras: ["late checkout"],
            },
          },
        },
      ],
    });
  });

  it("Cancel and Escape close an edit and give focus back to its button", async () => {
    const user = userEvent.setup();
    render(<InterruptPanel interrupts={[pending("i1", HITL)]} onResume={() => undefined} />);
    const edit = screen.getByRole("button", { name: "Edit" });
    await user.click(edit);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit" }));
    await user.click(screen.getByRole("button", { name: "Reject" }));
    expect(document.activeElement).toBe(
      screen.getByRole("textbox", { name: "Message to the model (optional)" }),
    );
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Reject" }));
  });

  it("rejects with a message for the model", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[pending("i1", HITL)]} onResume={onResume} />);
    await user.click(screen.getByRole("button", { name: "Reject" }));
    await user.type(
      screen.getByRole("textbox", { name: "Message to the model (optional)" }),
      "Not now",
    );
    await user.click(screen.getByRole("button", { name: "Reject" }));
    expect(onResume.mock.calls[0]?.[0]).toEqual({
      decisions: [{ type: "reject", message: "Not now" }],
    });
    expect(screen.getByRole("status").textContent).toContain("Rejected send_email: “Not now”");
  });

  it("answers an agent-inbox interrupt with a response", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[pending("i1", [INBOX])]} onResume={onResume} />);
    const group = screen.getByRole("group", { name: "Answer to send_email" });
    expect(
      within(group)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Accept", "Edit", "Respond", "Ignore"]);
    await user.click(screen.getByRole("button", { name: "Respond" }));
    await user.type(screen.getByRole("textbox", { name: "Your response" }), "Send it tomorrow");
    await user.click(screen.getByRole("button", { name: "Send response" }));
    expect(onResume.mock.calls[0]?.[0]).toEqual([{ type: "response", args: "Send it tomorrow" }]);
    expect(screen.getByRole("status").textContent).toContain(
      "Responded to send_email: “Send it tomorrow”",
    );
  });

  it("shows only the answers an inbox config allows, as radio chips among several interrupts", () => {
    render(
      <InterruptPanel
        interrupts={[
          pending("i1", { ...INBOX, config: { allow_accept: true, allow_ignore: true } }),
          pending("i2", "And?"),
        ]}
        onResume={() => undefined}
      />,
    );
    expect(screen.getAllByRole("radio").map((radio) => radio.getAttribute("value"))).toEqual([
      "accept",
      "ignore",
    ]);
  });

  it("a request that allows no decision keeps the Resume button, disabled, and says why", () => {
    render(
      <InterruptPanel
        interrupts={[
          pending("i1", {
            action_requests: [{ name: "wipe", args: {} }],
            review_configs: [{ action_name: "wipe", allowed_decisions: [] }],
          }),
        ]}
        onResume={() => undefined}
      />,
    );
    const resume = screen.getByRole("button", { name: "Resume" }) as HTMLButtonElement;
    expect(resume.disabled).toBe(true);
    expect(screen.getByText("Choose a decision for wipe.")).toBeTruthy();
  });

  it("continues a static breakpoint of the run with submit(null)", async () => {
    const user = userEvent.setup();
    const run = fakeRun();
    const onResume = vi.fn();
    const { wrapper } = sessionFor(run, { breakpoint: true });
    render(<InterruptPanel run={run} onResume={onResume} />, { wrapper });
    expect(screen.getByRole("heading", { name: /Paused at a breakpoint/ })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /Continue/ }));
    expect(run.submit).toHaveBeenCalledWith(null);
    expect(run.resume).not.toHaveBeenCalled();
    expect(onResume).toHaveBeenCalledWith(null, {
      method: "continue",
      interrupts: [],
      decisions: ["Continued"],
    });
  });

  it("shows invalid JSON inline and keeps submit disabled", async () => {
    const user = userEvent.setup();
    render(<InterruptPanel interrupts={[pending("a", 1)]} onResume={() => undefined} />);
    await user.click(screen.getByRole("button", { name: "Advanced" }));
    await user.click(screen.getByRole("radio", { name: "JSON" }));
    await user.type(screen.getByRole("textbox", { name: "Your answer (JSON)" }), "not json");
    expect(screen.getByText(/Invalid JSON/)).toBeTruthy();
    expect(screen.getByText("Fix the fields marked above.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Resume" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it("shows a failed resume as an alert and keeps the answer", async () => {
    const user = userEvent.setup();
    const run = fakeRun();
    run.resume.mockRejectedValue(new Error("The thread is busy"));
    render(<InterruptPanel run={run} interrupts={[pending("a", "Name?")]} breakpoint={false} />);
    await user.type(screen.getByRole("textbox"), "Ada");
    await user.click(screen.getByRole("button", { name: "Resume" }));
    expect(run.resume).toHaveBeenCalledWith("Ada");
    expect(screen.getByRole("alert").textContent).toContain("The thread is busy");
    expect(screen.getByRole("textbox")).toHaveProperty("value", "Ada");
  });

  it("shows a failed one-click approval as an alert, with Approve still there", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn(async () => {
      throw new Error("Saved nowhere");
    });
    render(<InterruptPanel interrupts={[pending("a", HITL)]} onResume={onResume} />);
    await user.click(screen.getByRole("button", { name: "Approve" }));
    expect(screen.getByRole("alert").textContent).toContain("Saved nowhere");
    expect(screen.getByRole("button", { name: "Approve" })).toBeTruthy();
  });

  it("renders nothing without pending interrupts, or the empty text", () => {
    const { container, rerender } = render(<InterruptPanel interrupts={[]} />);
    expect(container.innerHTML).toBe("");
    rerender(<InterruptPanel interrupts={[]} emptyText="Nothing to answer." />);
    expect(screen.getByText("Nothing to answer.")).toBeTruthy();
  });

  it("passes the rest of its props and its ref to the root", () => {
    const ref = createRef<HTMLElement>();
    const { rerender } = render(
      <InterruptPanel
        ref={ref}
        id="answers"
        aria-describedby="help"
        data-testid="panel"
        style={{ marginTop: 4 }}
        className="mine"
        interrupts={[pending("a", "Name?")]}
        onResume={() => undefined}
      />,
    );
    const form = screen.getByRole("form", { name: "Waiting for your answer" });
    expect(ref.current).toBe(form);
    expect(form.id).toBe("answers");
    expect(form.getAttribute("aria-describedby")).toBe("help");
    expect(form.dataset.testid).toBe("panel");
    expect(form.style.marginTop).toBe("4px");
    expect(form.className).toBe("lgr-interrupts mine");

    rerender(<InterruptPanel ref={ref} id="answers" interrupts={[]} emptyText="Nothing." />);
    expect(ref.current?.id).toBe("answers");
    expect(ref.current?.textContent).toBe("Nothing.");
  });

  it("renders items through renderItem, with the default section and the parts", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(
      <InterruptPanel
        interrupts={[pending("a", { question: "Approve A?" }), pending("b", HITL)]}
        onResume={onResume}
        renderItem={(item, defaultRender) =>
          item.kind === "value" ? (
            <div data-testid="custom">
              <button type="button" onClick={() => item.update((d) => ({ ...d, text: "yes" }))}>
                Say yes
              </button>
            </div>
          ) : (
            <div data-testid="wrapped">{defaultRender()}</div>
          )
        }
      />,
    );
    expect(screen.getByTestId("custom").textContent).toBe("Say yes");
    const wrapped = screen.getByTestId("wrapped");
    expect(
      within(wrapped).getByRole("region", { name: "2 of 2 · Review send_email" }),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Say yes" }));
    await user.click(within(wrapped).getByRole("radio", { name: "Approve" }));
    await user.click(screen.getByRole("button", { name: "Resume with 2 answers" }));
    expect(onResume.mock.calls[0]?.[0]).toEqual({
      a: "yes",
      b: { decisions: [{ type: "approve" }] },
    });
  });

  it("composes its parts in a form of your own", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    function MyPanel() {
      const panel = useInterruptPanel({
        interrupts: [pending("a", [INBOX]), pending("b", "And?")],
        onResume,
      });
      return (
        <div>
          {panel.items.map((item) => (
            <InterruptItemSection
              key={item.id}
              item={item}
              headingLevel={2}
              data-testid="section"
            />
          ))}
          {panel.items.slice(0, 1).map((item) => (
            <aside key={item.id} aria-label="Preview">
              <InterruptFields item={item} />
            </aside>
          ))}
          <button type="button" disabled={!panel.canSubmit} onClick={() => void panel.submit()}>
            Send
          </button>
        </div>
      );
    }
    render(<MyPanel />);
    const [section, second] = screen.getAllByTestId("section");
    expect(section!.getAttribute("data-kind")).toBe("inbox");
    expect(
      within(section!).getByRole("heading", { level: 2, name: "Review send_email" }),
    ).toBeTruthy();
    await user.click(within(section!).getByRole("radio", { name: "Ignore" }));
    // Both views edit the same draft.
    const preview = screen.getByRole("complementary", { name: "Preview" });
    expect(within(preview).getByRole("radio", { name: "Ignore" })).toHaveProperty("checked", true);
    await user.type(within(second!).getByRole("textbox"), "no");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(onResume.mock.calls[0]?.[0]).toEqual({ a: [{ type: "ignore", args: null }], b: "no" });
  });

  it("shows payload markup as inert text", async () => {
    const user = userEvent.setup();
    const { container } = render(
      <InterruptPanel
        interrupts={[
          pending("a", {
            action_requests: [{ name: XSS, args: { html: XSS }, description: XSS }],
            review_configs: [
              {
                action_name: XSS,
                allowed_decisions: ["approve", "edit"],
                args_schema: {
                  properties: { html: { type: "string", title: XSS, description: XSS } },
                },
              },
            ],
          }),
          pending("b", [
            { ...INBOX, action_request: { action: XSS, args: { x: XSS } }, description: XSS },
          ]),
          pending("c", { question: XSS, link: "javascript:alert(1)", options: [XSS] }),
          pending("d", XSS),
        ]}
        onResume={() => undefined}
      />,
    );
    await user.click(
      within(screen.getAllByRole("region")[0] as HTMLElement).getByRole("radio", { name: "Edit" }),
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain(XSS);
    expect(screen.getAllByText(XSS).length).toBeGreaterThanOrEqual(6);
    expect(container.textContent).toContain("javascript:alert(1)");
  });
});
