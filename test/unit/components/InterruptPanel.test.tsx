import { act, cleanup, render, renderHook, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  buildHitlResponse,
  buildInboxResponse,
  buildResumeValue,
  buildValueAnswer,
  classifyInterrupt,
  InterruptPanel,
  parseJsonAnswer,
  readHitlRequest,
  readInboxRequest,
  useInterruptPanel,
  type HitlRequest,
  type InboxRequest,
} from "../../../src/components/InterruptPanel";
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
const XSS = "<img src=x onerror=alert(1)>";

const pending = (id: string, value: unknown): PendingInterrupt => ({ id, value });

function hitlOf(value: unknown): HitlRequest {
  const request = readHitlRequest(value);
  if (!request) throw new Error("not an HITL request");
  return request;
}

function inboxOf(value: unknown): InboxRequest {
  const request = readInboxRequest(value);
  if (!request) throw new Error("not an inbox request");
  return request;
}

describe("classifyInterrupt", () => {
  it("recognizes LangChain HITL requests in both spellings", () => {
    expect(classifyInterrupt(HITL).kind).toBe("hitl");
    const camel = classifyInterrupt({
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
    expect(classifyInterrupt(INBOX).kind).toBe("inbox");
    expect(classifyInterrupt([INBOX])).toEqual({
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
      expect(classifyInterrupt(value).kind).toBe("value");
    }
  });
});

describe("buildHitlResponse", () => {
  const draft = (decision?: "approve" | "edit" | "reject", argsText = "{}", message = "") => ({
    decision,
    argsText,
    message,
  });

  it("approves", () => {
    expect(buildHitlResponse(hitlOf(HITL), [draft("approve")])).toEqual({
      ok: true,
      value: { decisions: [{ type: "approve" }] },
      issues: [],
    });
  });

  it("edits with the parsed arguments (under both names for an `arguments` request)", () => {
    const result = buildHitlResponse(hitlOf(HITL), [draft("edit", '{"to":"bob@example.com"}')]);
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
    expect(buildHitlResponse(modern, [draft("edit", '{"a":2}')]).value).toEqual({
      decisions: [{ type: "edit", edited_action: { name: "f", args: { a: 2 } } }],
    });
  });

  it("answers a camelCase (langchainjs) request in camelCase", () => {
    const camel = hitlOf({ actionRequests: [{ name: "f", args: {} }], reviewConfigs: [] });
    expect(buildHitlResponse(camel, [draft("edit", '{"b":true}')]).value).toEqual({
      decisions: [{ type: "edit", editedAction: { name: "f", args: { b: true } } }],
    });
  });

  it("rejects with an optional, trimmed message", () => {
    const request = hitlOf(HITL);
    expect(buildHitlResponse(request, [draft("reject")]).value).toEqual({
      decisions: [{ type: "reject" }],
    });
    expect(buildHitlResponse(request, [draft("reject", "{}", "  not now ")]).value).toEqual({
      decisions: [{ type: "reject", message: "not now" }],
    });
  });

  it("reports invalid JSON and non-object arguments on the field", () => {
    const request = hitlOf(HITL);
    const invalid = buildHitlResponse(request, [draft("edit", "{oops")]);
    expect(invalid.ok).toBe(false);
    expect(invalid.issues).toEqual([
      { field: "0.args", kind: "invalid", message: expect.stringMatching(/^Invalid JSON/) },
    ]);
    const list = buildHitlResponse(request, [draft("edit", "[1,2]")]);
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
    const missing = buildHitlResponse(request, [draft("approve"), draft("edit"), undefined]);
    expect(missing.ok).toBe(false);
    expect(missing.issues.map((issue) => issue.field)).toEqual(["1.decision", "2.decision"]);
    const done = buildHitlResponse(request, [draft("reject"), draft("approve"), draft("approve")]);
    expect(done.value).toEqual({
      decisions: [{ type: "reject" }, { type: "approve" }, { type: "approve" }],
    });
  });
});

describe("buildInboxResponse", () => {
  const request = inboxOf([INBOX]);
  const draft = (choice?: "accept" | "edit" | "response" | "ignore", extra = {}) => ({
    choice,
    argsText: '{"to":"ada@example.com"}',
    response: "",
    ...extra,
  });

  it("builds agent-inbox HumanResponse lists", () => {
    expect(buildInboxResponse(request, draft("accept")).value).toEqual([
      { type: "accept", args: null },
    ]);
    expect(buildInboxResponse(request, draft("ignore")).value).toEqual([
      { type: "ignore", args: null },
    ]);
    expect(buildInboxResponse(request, draft("response", { response: "Use Bob" })).value).toEqual([
      { type: "response", args: "Use Bob" },
    ]);
    expect(
      buildInboxResponse(request, draft("edit", { argsText: '{"to":"bob@example.com"}' })).value,
    ).toEqual([{ type: "edit", args: { action: "send_email", args: { to: "bob@example.com" } } }]);
  });

  it("needs a choice the config allows, a response text, and valid JSON when editing", () => {
    expect(buildInboxResponse(request, draft(undefined)).issues[0]?.field).toBe("choice");
    const onlyAccept = { ...request, allowed: ["accept" as const] };
    expect(buildInboxResponse(onlyAccept, draft("ignore")).ok).toBe(false);
    expect(
      buildInboxResponse(request, draft("response", { response: "  " })).issues[0],
    ).toMatchObject({ field: "response", kind: "missing" });
    expect(
      buildInboxResponse(request, draft("edit", { argsText: "nope" })).issues[0],
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
    expect(buildValueAnswer({ mode: "text", text: "yes" }).value).toBe("yes");
    expect(buildValueAnswer({ mode: "text", text: "" }).issues[0]?.kind).toBe("missing");
    expect(buildValueAnswer({ mode: "json", text: '{"ok":false}' }).value).toEqual({ ok: false });
    expect(buildValueAnswer({ mode: "json", text: '"yes"' }).value).toBe("yes");
    expect(buildValueAnswer({ mode: "json", text: "yes" }).issues[0]).toMatchObject({
      field: "text",
      kind: "invalid",
    });
  });

  it("resumes a breakpoint with null, one interrupt with its answer, several by id", () => {
    expect(buildResumeValue([])).toBeNull();
    expect(buildResumeValue([{ id: "a", value: { decisions: [] } }])).toEqual({ decisions: [] });
    expect(
      buildResumeValue([
        { id: "a", value: "yes" },
        { id: "b", value: { ok: false } },
      ]),
    ).toEqual({ a: "yes", b: { ok: false } });
  });
});

describe("useInterruptPanel", () => {
  it("answers several interrupts together by id", async () => {
    const onResume = vi.fn();
    const interrupts = [pending("id-a", { question: "Approve A?" }), pending("id-b", HITL)];
    const { result } = renderHook(() => useInterruptPanel({ interrupts, onResume }));
    expect(result.current.items.map((item) => item.kind)).toEqual(["value", "hitl"]);
    expect(result.current.canSubmit).toBe(false);
    expect(result.current.problems).toHaveLength(2);
    expect(result.current.submitLabel).toBe("Resume with 2 answers");

    act(() => {
      result.current.setAnswerMode("id-a", "json");
      result.current.setAnswerText("id-a", '{"ok": true}');
      result.current.setHitlDecision("id-b", 0, "reject");
      result.current.setHitlMessage("id-b", 0, "Wrong person");
    });
    expect(result.current.canSubmit).toBe(true);
    await act(() => result.current.submit());
    expect(onResume).toHaveBeenCalledTimes(1);
    expect(onResume).toHaveBeenCalledWith({
      "id-a": { ok: true },
      "id-b": { decisions: [{ type: "reject", message: "Wrong person" }] },
    });
    expect(result.current.sent).toBe(true);
  });

  it("continues a breakpoint with stream.submit(null), not an empty resume", async () => {
    const stream = {
      resume: vi.fn(async () => undefined),
      submit: vi.fn(async () => undefined),
      interrupts: [],
      breakpoint: true,
    };
    const { result } = renderHook(() => useInterruptPanel({ stream }));
    expect(result.current.pending).toBe(true);
    expect(result.current.submitLabel).toBe("Continue");
    await act(() => result.current.submit());
    expect(stream.submit).toHaveBeenCalledWith(null);
    expect(stream.resume).not.toHaveBeenCalled();
  });

  it("continues a breakpoint with onContinue, else onResume(null)", async () => {
    const onContinue = vi.fn();
    const onResume = vi.fn();
    const first = renderHook(() => useInterruptPanel({ breakpoint: true, onContinue, onResume }));
    await act(() => first.result.current.submit());
    expect(onContinue).toHaveBeenCalledTimes(1);
    expect(onResume).not.toHaveBeenCalled();
    const second = renderHook(() => useInterruptPanel({ breakpoint: true, onResume }));
    await act(() => second.result.current.submit());
    expect(onResume).toHaveBeenCalledWith(null);
  });

  it("keeps the error of a failed resume and does not submit while incomplete", async () => {
    const onResume = vi.fn(async () => {
      throw new Error("409 busy");
    });
    const { result } = renderHook(() =>
      useInterruptPanel({ interrupts: [pending("x", "Name?")], onResume }),
    );
    await act(() => result.current.submit());
    expect(onResume).not.toHaveBeenCalled();
    act(() => result.current.setAnswerText("x", "Ada"));
    await act(() => result.current.submit());
    expect(onResume).toHaveBeenCalledWith("Ada");
    expect(result.current.error).toBe("409 busy");
    expect(result.current.sent).toBe(false);
  });

  it("answer state belongs to interrupt ids: a new interrupt starts clean, not 'sent'", async () => {
    const onResume = vi.fn();
    const { result, rerender } = renderHook(
      ({ interrupts }) => useInterruptPanel({ interrupts, onResume }),
      { initialProps: { interrupts: [pending("first", HITL)] } },
    );
    act(() => result.current.setHitlDecision("first", 0, "approve"));
    await act(() => result.current.submit());
    expect(result.current.sent).toBe(true);

    // The resumed run cleared it, then paused again at a new interrupt.
    rerender({ interrupts: [] });
    expect(result.current.resumed).toBe(true);
    rerender({ interrupts: [pending("second", HITL)] });
    expect(result.current.sent).toBe(false);
    expect(result.current.resumed).toBe(false);
    expect(result.current.error).toBeNull();
    act(() => result.current.setHitlDecision("second", 0, "reject"));
    expect(result.current.canSubmit).toBe(true);
  });

  it("a later breakpoint is not 'sent' either (it has no id)", async () => {
    const onContinue = vi.fn();
    const { result, rerender } = renderHook(
      ({ breakpoint }) => useInterruptPanel({ breakpoint, onContinue }),
      { initialProps: { breakpoint: true } },
    );
    await act(() => result.current.submit());
    expect(result.current.sent).toBe(true);
    rerender({ breakpoint: false });
    rerender({ breakpoint: true });
    expect(result.current.sent).toBe(false);
    expect(result.current.canSubmit).toBe(true);
  });

  it("has nothing pending without interrupts or a breakpoint", () => {
    const { result } = renderHook(() => useInterruptPanel({ interrupts: [] }));
    expect(result.current.pending).toBe(false);
    expect(result.current.canSubmit).toBe(false);
  });
});

describe("<InterruptPanel>", () => {
  it("approves an HITL request and resumes with the decisions", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[pending("i1", HITL)]} onResume={onResume} />);
    const submit = screen.getByRole("button", { name: /Resume/ });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Choose approve, edit or reject for send_email/)).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "Approve" }));
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    await user.click(submit);
    expect(onResume).toHaveBeenCalledWith({ decisions: [{ type: "approve" }] });
    expect(screen.getByRole("status").textContent).toContain("Answer sent.");
  });

  it("edits the arguments in a JSON editor with inline validation", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[pending("i1", HITL)]} onResume={onResume} />);
    await user.click(screen.getByRole("radio", { name: "Edit" }));
    const editor = screen.getByRole("textbox", { name: /Arguments of send_email/ });
    expect(JSON.parse((editor as HTMLTextAreaElement).value)).toEqual({
      to: "ada@example.com",
      subject: "Hello",
    });
    await user.clear(editor);
    await user.type(editor, "{{oops");
    expect(editor.getAttribute("aria-invalid")).toBe("true");
    const error = document.getElementById(editor.getAttribute("aria-describedby") ?? "");
    expect(error?.textContent).toMatch(/Invalid JSON/);
    const submit = screen.getByRole("button", { name: /Resume/ }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);

    await user.clear(editor);
    await user.type(editor, '{{"to":"bob@example.com"}');
    expect(editor.getAttribute("aria-invalid")).toBeNull();
    await user.click(submit);
    expect(onResume).toHaveBeenCalledWith({
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
  });

  it("answers an agent-inbox interrupt with a response", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[pending("i1", [INBOX])]} onResume={onResume} />);
    for (const name of ["Accept", "Edit", "Respond", "Ignore"]) {
      expect(screen.getByRole("radio", { name })).toBeTruthy();
    }
    await user.click(screen.getByRole("radio", { name: "Respond" }));
    await user.type(screen.getByRole("textbox", { name: "Your response" }), "Send it tomorrow");
    await user.click(screen.getByRole("button", { name: /Resume/ }));
    expect(onResume).toHaveBeenCalledWith([{ type: "response", args: "Send it tomorrow" }]);
  });

  it("shows only the answers an inbox config allows", () => {
    render(
      <InterruptPanel
        interrupts={[
          pending("i1", { ...INBOX, config: { allow_accept: true, allow_ignore: true } }),
        ]}
        onResume={() => undefined}
      />,
    );
    expect(screen.getAllByRole("radio").map((radio) => radio.getAttribute("value"))).toEqual([
      "accept",
      "ignore",
    ]);
  });

  it("continues a static breakpoint", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(<InterruptPanel interrupts={[]} breakpoint onResume={onResume} />);
    expect(screen.getByRole("heading", { name: /Paused at a breakpoint/ })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /Continue/ }));
    expect(onResume).toHaveBeenCalledWith(null);
  });

  it("answers two interrupts with one submit", async () => {
    const user = userEvent.setup();
    const onResume = vi.fn();
    render(
      <InterruptPanel
        interrupts={[
          pending("a", { question: "Approve A?" }),
          pending("b", { question: "Approve B?" }),
        ]}
        onResume={onResume}
      />,
    );
    const [first, second] = screen.getAllByRole("region");
    await user.type(within(first as HTMLElement).getByRole("textbox"), "yes");
    await user.click(within(second as HTMLElement).getByRole("radio", { name: "JSON" }));
    await user.type(within(second as HTMLElement).getByRole("textbox"), '{{"ok":false}');
    await user.click(screen.getByRole("button", { name: "Resume with 2 answers" }));
    expect(onResume).toHaveBeenCalledWith({ a: "yes", b: { ok: false } });
  });

  it("shows invalid JSON inline and keeps submit disabled", async () => {
    const user = userEvent.setup();
    render(<InterruptPanel interrupts={[pending("a", 1)]} onResume={() => undefined} />);
    await user.click(screen.getByRole("radio", { name: "JSON" }));
    await user.type(screen.getByRole("textbox"), "not json");
    expect(screen.getByText(/Invalid JSON/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Resume" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it("calls stream.resume and shows a failed resume as an alert", async () => {
    const user = userEvent.setup();
    const stream = {
      resume: vi.fn(async () => {
        throw new Error("The thread is busy");
      }),
      interrupts: [pending("a", "Name?")],
    };
    render(<InterruptPanel stream={stream} />);
    await user.type(screen.getByRole("textbox"), "Ada");
    await user.click(screen.getByRole("button", { name: "Resume" }));
    expect(stream.resume).toHaveBeenCalledWith("Ada");
    expect(screen.getByRole("alert").textContent).toContain("The thread is busy");
  });

  it("renders nothing without pending interrupts, or the empty text", () => {
    const { container, rerender } = render(<InterruptPanel interrupts={[]} />);
    expect(container.innerHTML).toBe("");
    rerender(<InterruptPanel interrupts={[]} emptyText="Nothing to answer." />);
    expect(screen.getByText("Nothing to answer.")).toBeTruthy();
  });

  it("shows payload markup as inert text", async () => {
    const user = userEvent.setup();
    const { container } = render(
      <InterruptPanel
        interrupts={[
          pending("a", {
            action_requests: [{ name: XSS, args: { html: XSS }, description: XSS }],
            review_configs: [],
          }),
          pending("b", [
            { ...INBOX, action_request: { action: XSS, args: { x: XSS } }, description: XSS },
          ]),
          pending("c", { question: XSS, link: "javascript:alert(1)" }),
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
    expect(screen.getAllByText(XSS).length).toBeGreaterThanOrEqual(4);
    expect(container.textContent).toContain("javascript:alert(1)");
  });
});
