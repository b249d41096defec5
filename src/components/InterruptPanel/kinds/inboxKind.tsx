"use client";
/*
 * The agent-inbox `HumanInterrupt` (langgraph.prebuilt.interrupt): `{ action_request: { action,
 * args }, config: { allow_accept, allow_edit, allow_respond, allow_ignore }, description }`,
 * usually sent as a one-element list, answered with a one-element list of `HumanResponse`.
 */
import { useId } from "react";
import { isPlainObject } from "../../../client/isPlainObject";
import { answerIssues, answerOk, issueFor, type AnswerResult } from "../AnswerResult";
import { ArgsList } from "../fields/ArgsList";
import { ChoiceGroup } from "../fields/ChoiceGroup";
import { QuickDecision, type QuickAction } from "../fields/QuickDecision";
import { TextField } from "../fields/TextField";
import type { InterruptItemOf, InterruptKind } from "../InterruptKind";
import { parseJsonAnswer } from "../parseJsonAnswer";

export type InboxResponseType = "accept" | "edit" | "response" | "ignore";

/** An agent-inbox `HumanInterrupt`, normalized. */
export interface InboxRequest {
  action: string;
  args: Record<string, unknown>;
  description?: string;
  /** Allowed answers, in the order accept, edit, response, ignore. */
  allowed: InboxResponseType[];
}

/** The answer to an agent-inbox interrupt, as typed so far. */
export interface InboxDraft {
  choice?: InboxResponseType;
  /** Edited arguments as JSON text (starts as the requested arguments). */
  argsText: string;
  /** The text of a `response`. */
  response: string;
}

/** An agent-inbox `HumanResponse` (langgraph.prebuilt.interrupt). */
export type InboxResponse =
  | { type: "accept"; args: null }
  | { type: "ignore"; args: null }
  | { type: "response"; args: string }
  | { type: "edit"; args: { action: string; args: Record<string, unknown> } };

/** A pending agent-inbox interrupt in the panel. */
type InboxItem = InterruptItemOf<"inbox", InboxRequest, InboxDraft, InboxResponse[]>;

/**
 * Reads an agent-inbox `HumanInterrupt` (or a one-element list of one), or undefined.
 *
 * @example readInboxRequest([{ action_request: { action: "send", args: {} }, config: { allow_accept: true } }])?.allowed // ["accept"]
 */
function readInboxRequest(value: unknown): InboxRequest | undefined {
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (!isPlainObject(single)) return undefined;
  const { action_request: actionRequest, config, description } = single;
  if (!isPlainObject(actionRequest) || !isPlainObject(config)) return undefined;
  if (typeof actionRequest.action !== "string") return undefined;
  const allowed: InboxResponseType[] = [];
  if (config.allow_accept === true) allowed.push("accept");
  if (config.allow_edit === true) allowed.push("edit");
  if (config.allow_respond === true) allowed.push("response");
  if (config.allow_ignore === true) allowed.push("ignore");
  return {
    action: actionRequest.action,
    args: isPlainObject(actionRequest.args) ? actionRequest.args : {},
    description: typeof description === "string" ? description : undefined,
    allowed,
  };
}

/** The first draft: the only allowed answer chosen (if there is one), arguments as JSON. */
function initialInboxDraft(request: InboxRequest): InboxDraft {
  return {
    choice: request.allowed.length === 1 ? request.allowed[0] : undefined,
    argsText: JSON.stringify(request.args, null, 2),
    response: "",
  };
}

/**
 * Builds the resume value agent-inbox sends: a list with one `HumanResponse`, e.g.
 * `[{ type: "accept", args: null }]`, `[{ type: "edit", args: { action, args } }]`,
 * `[{ type: "response", args: "text" }]` or `[{ type: "ignore", args: null }]`.
 *
 * @example buildInboxResponse(request, { choice: "accept", argsText: "{}", response: "" }).value
 * // [{ type: "accept", args: null }]
 */
export function buildInboxResponse(
  request: InboxRequest,
  draft: InboxDraft | undefined,
): AnswerResult<InboxResponse[]> {
  const choice = draft?.choice;
  if (choice === undefined || !request.allowed.includes(choice)) {
    return answerIssues([
      { field: "choice", kind: "missing", message: `Choose how to answer ${request.action}.` },
    ]);
  }
  switch (choice) {
    case "accept":
    case "ignore":
      return answerOk([{ type: choice, args: null }]);
    case "response": {
      const text = draft?.response ?? "";
      if (text.trim() === "") {
        return answerIssues([{ field: "response", kind: "missing", message: "Write a response." }]);
      }
      return answerOk([{ type: "response", args: text }]);
    }
    case "edit": {
      const parsed = parseJsonAnswer(draft?.argsText ?? "", { object: true });
      if (!parsed.ok) {
        return answerIssues([{ field: "args", kind: "invalid", message: parsed.message }]);
      }
      const args = parsed.value as Record<string, unknown>;
      return answerOk([{ type: "edit", args: { action: request.action, args } }]);
    }
  }
}

const CHOICES: Record<InboxResponseType, QuickAction<InboxResponseType>> = {
  accept: { value: "accept", label: "Accept", icon: "check", tone: "primary" },
  edit: { value: "edit", label: "Edit", icon: "pencil", confirmLabel: "Send edits" },
  response: { value: "response", label: "Respond", icon: "reply", confirmLabel: "Send response" },
  ignore: { value: "ignore", label: "Ignore", icon: "skip" },
};

/** "Accepted send_email", "Responded to send_email: “Not today”", … */
function describeInbox(request: InboxRequest, [response]: InboxResponse[]): string {
  switch (response?.type) {
    case "accept":
      return `Accepted ${request.action}`;
    case "edit":
      return `Edited ${request.action}`;
    case "response":
      return `Responded to ${request.action}: “${response.args}”`;
    default:
      return `Ignored ${request.action}`;
  }
}

/**
 * Accept / edit / respond / ignore, as the interrupt's config allows: buttons when it is answered
 * on its own (Accept and Ignore send at once), radio chips among others.
 */
function InboxFields({ item }: { item: InboxItem }) {
  const idPrefix = useId();
  const { request, draft } = item;
  const choose = (choice: InboxResponseType | undefined) => (d: InboxDraft) => ({ ...d, choice });
  const form =
    draft.choice === "edit" ? (
      <TextField
        id={`${idPrefix}-args`}
        label={`Arguments of ${request.action} (JSON object)`}
        value={draft.argsText}
        onChange={(argsText) => item.update((d) => ({ ...d, argsText }))}
        issue={issueFor(item.answer, "args")}
        code
      />
    ) : draft.choice === "response" ? (
      <TextField
        id={`${idPrefix}-response`}
        label="Your response"
        value={draft.response}
        onChange={(response) => item.update((d) => ({ ...d, response }))}
        rows={3}
      />
    ) : null;
  const choices = request.allowed.map((type) => CHOICES[type]);
  return (
    <div className="lgr-inbox">
      {request.description && <p className="lgr-interrupt__description">{request.description}</p>}
      {draft.choice !== "edit" && <ArgsList args={request.args} />}
      {request.allowed.length === 0 ? (
        <p className="lgr-interrupt__note">This interrupt allows no answer.</p>
      ) : item.sendsItself ? (
        <QuickDecision
          label={`Answer to ${request.action}`}
          actions={choices}
          open={draft.choice}
          onSend={(choice) => item.send(choose(choice))}
          onOpen={(choice) => item.update(choose(choice))}
          onConfirm={() => item.send()}
          onCancel={() => item.update(choose(undefined))}
          canConfirm={item.issues.length === 0}
        >
          {form}
        </QuickDecision>
      ) : (
        <>
          <ChoiceGroup
            legend={`Answer to ${request.action}`}
            hideLegend
            name={`${idPrefix}-choice`}
            value={draft.choice}
            options={choices}
            onChange={(choice) => item.update(choose(choice))}
          />
          {form}
        </>
      )}
    </div>
  );
}

/** An agent-inbox `HumanInterrupt`: accept, edit, respond or ignore, as its config allows. */
export const inboxKind: InterruptKind<"inbox", InboxRequest, InboxDraft, InboxResponse[]> = {
  kind: "inbox",
  classify: readInboxRequest,
  initialDraft: initialInboxDraft,
  build: buildInboxResponse,
  title: (request) => `Review ${request.action}`,
  describe: describeInbox,
  sendsItself: (request) => request.allowed.length > 0,
  Fields: InboxFields,
};
