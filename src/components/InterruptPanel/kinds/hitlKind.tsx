"use client";
/*
 * LangChain's human-in-the-loop middleware (`HumanInTheLoopMiddleware` in langchain v1,
 * libs/langchain_v1/langchain/agents/middleware/human_in_the_loop.py; `humanInTheLoopMiddleware`
 * in langchainjs, libs/langchain/src/agents/middleware/hitl.ts) interrupts with an `HITLRequest`
 * `{ action_requests: [{ name, args, description }], review_configs: [{ action_name,
 * allowed_decisions }] }` (langchainjs: `actionRequests`, `reviewConfigs`, `actionName`,
 * `allowedDecisions`; early langchain v1 releases: `arguments` instead of `args`).
 */
import { useId } from "react";
import { isPlainObject } from "../../../client/isPlainObject";
import {
  answerIssues,
  answerOk,
  issueFor,
  type AnswerIssue,
  type AnswerResult,
} from "../AnswerResult";
import { ArgsForm } from "../fields/ArgsForm";
import {
  buildArgs,
  initialArgsValues,
  readArgsForm,
  type ArgsField,
  type ArgsFieldValue,
} from "../fields/readArgsForm";
import { ArgsList } from "../fields/ArgsList";
import { ChoiceGroup } from "../fields/ChoiceGroup";
import { QuickDecision, type QuickAction } from "../fields/QuickDecision";
import { TextField } from "../fields/TextField";
import type { InterruptItemOf, InterruptKind } from "../InterruptKind";
import { parseJsonAnswer } from "../parseJsonAnswer";

export type HitlDecisionType = "approve" | "edit" | "reject";
const HITL_DECISION_TYPES: readonly HitlDecisionType[] = ["approve", "edit", "reject"];

/** One action of a human-in-the-loop request, read from either spelling. */
export interface HitlAction {
  name: string;
  args: Record<string, unknown>;
  description?: string;
  /** The decisions its review config allows (all three when there is no config). */
  allowedDecisions: HitlDecisionType[];
  /** The field the request used for the arguments (early langchain v1 used `arguments`). */
  argsField: "args" | "arguments";
  /**
   * The edit form its review config's `args_schema` (`argsSchema`) describes, one field per
   * argument; undefined without a usable schema (edits are then JSON).
   */
  fields?: ArgsField[];
}

/** A human-in-the-loop request, normalized. `style` is the spelling to answer in. */
export interface HitlRequest {
  style: "snake" | "camel";
  actions: HitlAction[];
}

/** What the reviewer chose for one action, as typed so far. */
export interface HitlActionDraft {
  decision?: HitlDecisionType;
  /** Edited arguments as JSON text (starts as the requested arguments). */
  argsText: string;
  /**
   * Edited arguments in the schema's form, one value per field of `action.fields`. Without
   * them, an edit sends `argsText`.
   */
  values?: ArgsFieldValue[];
  /** Optional explanation sent with a rejection. */
  message: string;
}

/**
 * One decision of LangChain's `HITLResponse`: `edited_action` is `{ name, args }` (langchainjs
 * spells it `editedAction`); `message` on a rejection is optional.
 */
export type HitlDecision =
  | { type: "approve" }
  | { type: "edit"; edited_action: { name: string; args: Record<string, unknown> } }
  | { type: "edit"; editedAction: { name: string; args: Record<string, unknown> } }
  | { type: "reject"; message?: string };

/** The resume value of an HITL request: one decision per action request, in order. */
export interface HitlResponse {
  decisions: HitlDecision[];
}

/** A pending human-in-the-loop request in the panel. */
type HitlItem = InterruptItemOf<"hitl", HitlRequest, HitlActionDraft[], HitlResponse>;

/**
 * Reads an HITL request in either spelling, or undefined.
 *
 * @example readHitlRequest({ action_requests: [{ name: "send_email", args: {} }] })?.actions[0]?.name // "send_email"
 */
function readHitlRequest(value: unknown): HitlRequest | undefined {
  if (!isPlainObject(value)) return undefined;
  const snake = Array.isArray(value.action_requests);
  const camel = !snake && Array.isArray(value.actionRequests);
  if (!snake && !camel) return undefined;
  const requests = (snake ? value.action_requests : value.actionRequests) as unknown[];
  const configsRaw = snake ? value.review_configs : value.reviewConfigs;
  const configs = Array.isArray(configsRaw) ? configsRaw.filter(isPlainObject) : [];
  if (!requests.every((request) => isPlainObject(request) && typeof request.name === "string")) {
    return undefined;
  }
  const actions = (requests as Record<string, unknown>[]).map((request, position) =>
    readAction(
      request,
      configs.find((c) => (c.action_name ?? c.actionName) === request.name) ?? configs[position],
    ),
  );
  return { style: snake ? "snake" : "camel", actions };
}

function readAction(
  request: Record<string, unknown>,
  config: Record<string, unknown> | undefined,
): HitlAction {
  const argsField =
    !isPlainObject(request.args) && isPlainObject(request.arguments) ? "arguments" : "args";
  const args = request[argsField];
  const allowedRaw = config?.allowed_decisions ?? config?.allowedDecisions;
  const allowedDecisions = Array.isArray(allowedRaw)
    ? HITL_DECISION_TYPES.filter((type) => allowedRaw.includes(type))
    : [...HITL_DECISION_TYPES];
  const description =
    typeof request.description === "string"
      ? request.description
      : typeof config?.description === "string"
        ? config.description
        : undefined;
  const readArgs = isPlainObject(args) ? args : {};
  const action: HitlAction = {
    name: request.name as string,
    args: readArgs,
    description,
    allowedDecisions,
    argsField,
  };
  const fields = readArgsForm(config?.args_schema ?? config?.argsSchema, readArgs);
  if (fields) action.fields = fields;
  return action;
}

/**
 * The first drafts: no decision yet (unless only one is allowed), the arguments as indented JSON
 * and, with a schema, in its form.
 */
function initialHitlDrafts(request: HitlRequest): HitlActionDraft[] {
  return request.actions.map((action) => {
    const draft: HitlActionDraft = {
      decision: action.allowedDecisions.length === 1 ? action.allowedDecisions[0] : undefined,
      argsText: JSON.stringify(action.args, null, 2),
      message: "",
    };
    if (action.fields) draft.values = initialArgsValues(action.fields, action.args);
    return draft;
  });
}

/**
 * Builds the resume value LangChain's human-in-the-loop middleware reads: `{ decisions: [...] }`
 * with exactly one decision per action request, in the same order (the middleware raises when
 * the counts differ and checks each decision against the action's `allowed_decisions`). See
 * `HITLResponse` / `_process_decision` in langchain_v1's `human_in_the_loop.py` and
 * `HITLResponse` in langchainjs' `hitl.ts`. Answers use the request's spelling (snake_case from
 * Python and the Agent Server, camelCase from langchainjs). A request that named the arguments
 * `arguments` (early langchain v1) gets them under both `args` and `arguments`. An edit sends the
 * schema form's `values` when the draft has them, else the JSON of `argsText`.
 *
 * @example
 * buildHitlResponse(request, [{ decision: "approve", argsText: "{}", message: "" }])
 * // { ok: true, value: { decisions: [{ type: "approve" }] }, issues: [] }
 */
export function buildHitlResponse(
  request: HitlRequest,
  drafts: readonly (HitlActionDraft | undefined)[],
): AnswerResult<HitlResponse> {
  const issues: AnswerIssue[] = [];
  const decisions: HitlDecision[] = [];
  request.actions.forEach((action, index) => {
    const decided = decisionOf(request, action, index, drafts[index]);
    if (Array.isArray(decided)) issues.push(...decided);
    else decisions.push(decided);
  });
  return issues.length > 0 ? answerIssues(issues) : answerOk({ decisions });
}

/** One action's decision, or the issues that keep it from being one. */
function decisionOf(
  request: HitlRequest,
  action: HitlAction,
  index: number,
  draft: HitlActionDraft | undefined,
): HitlDecision | AnswerIssue[] {
  const decision = draft?.decision;
  if (decision === undefined || !action.allowedDecisions.includes(decision)) {
    return [
      {
        field: `${index}.decision`,
        kind: "missing",
        message: `Choose ${listChoices(action.allowedDecisions)} for ${action.name}.`,
      },
    ];
  }
  if (decision === "approve") return { type: "approve" };
  if (decision === "reject") {
    const message = draft?.message.trim() ?? "";
    return message === "" ? { type: "reject" } : { type: "reject", message };
  }
  const editedResult = editedArgs(action, index, draft);
  if (!editedResult.ok) return editedResult.issues;
  const args = editedResult.value;
  const edited =
    action.argsField === "arguments"
      ? { name: action.name, args, arguments: args }
      : { name: action.name, args };
  return request.style === "camel"
    ? { type: "edit", editedAction: edited }
    : { type: "edit", edited_action: edited };
}

/** The edited arguments: from the schema's form, or parsed from the JSON text. */
function editedArgs(
  action: HitlAction,
  index: number,
  draft: HitlActionDraft | undefined,
): AnswerResult<Record<string, unknown>> {
  if (action.fields && draft?.values) {
    return buildArgs(action.fields, draft.values, action.args, `${index}.args.`);
  }
  const parsed = parseJsonAnswer(draft?.argsText ?? "", { object: true });
  if (!parsed.ok) {
    return answerIssues([{ field: `${index}.args`, kind: "invalid", message: parsed.message }]);
  }
  return answerOk(parsed.value as Record<string, unknown>);
}

function listChoices(types: readonly HitlDecisionType[]): string {
  if (types.length <= 1) return types[0] ? `to ${types[0]}` : "a decision";
  return `${types.slice(0, -1).join(", ")} or ${types.at(-1)}`;
}

function hitlTitle(request: HitlRequest): string {
  const [first] = request.actions;
  return request.actions.length === 1 && first
    ? `Review ${first.name}`
    : `Review ${request.actions.length} actions`;
}

const PAST: Record<HitlDecisionType, string> = {
  approve: "approved",
  edit: "edited",
  reject: "rejected",
};

/**
 * "Approved send_email"; "Rejected send_email: “Not now”"; several actions in one sentence
 * ("Approved write_file, rejected execute_sql").
 */
function describeHitl(request: HitlRequest, response: HitlResponse): string {
  const parts = response.decisions.map((decision, index) => {
    const name = request.actions[index]?.name ?? "the action";
    const said = decision.type === "reject" && decision.message ? `: “${decision.message}”` : "";
    return `${PAST[decision.type]} ${name}${said}`;
  });
  const sentence = parts.join(", ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const CHOICES: Record<HitlDecisionType, QuickAction<HitlDecisionType>> = {
  approve: { value: "approve", label: "Approve", icon: "check", tone: "primary" },
  edit: { value: "edit", label: "Edit", icon: "pencil", confirmLabel: "Send edits" },
  reject: {
    value: "reject",
    label: "Reject",
    icon: "cross",
    confirmLabel: "Reject",
    tone: "danger",
  },
};

/**
 * Per action: its description and arguments, and approve / edit / reject. Answered on its own,
 * the decisions are buttons (Approve sends at once); among others, radio chips for one Resume.
 */
function HitlFields({ item }: { item: HitlItem }) {
  const idPrefix = useId();
  const several = item.request.actions.length > 1;
  return (
    <div className="lgr-hitl">
      {item.request.actions.map((action, index) => (
        <div
          className="lgr-hitl__action"
          key={index}
          data-decision={item.draft[index]?.decision ?? "none"}
        >
          {several && (
            <p className="lgr-hitl__name">
              <code>{action.name}</code>
            </p>
          )}
          {action.description && <p className="lgr-interrupt__description">{action.description}</p>}
          {item.draft[index]?.decision !== "edit" && <ArgsList args={action.args} />}
          <HitlActionDecision
            item={item}
            action={action}
            index={index}
            idPrefix={`${idPrefix}-${index}`}
          />
        </div>
      ))}
    </div>
  );
}

interface HitlActionDecisionProps {
  item: HitlItem;
  action: HitlAction;
  index: number;
  idPrefix: string;
}

/** One action's decision, and the form an edit or a rejection needs. */
function HitlActionDecision({ item, action, index, idPrefix }: HitlActionDecisionProps) {
  const draft = item.draft[index];
  const decision = draft?.decision;
  const change =
    (next: (draft: HitlActionDraft) => HitlActionDraft) => (drafts: HitlActionDraft[]) =>
      drafts.map((d, at) => (at === index ? next(d) : d));
  const decide = (type: HitlDecisionType | undefined) => change((d) => ({ ...d, decision: type }));
  const form =
    decision === "edit" ? (
      <HitlEditor item={item} action={action} index={index} idPrefix={idPrefix} change={change} />
    ) : decision === "reject" ? (
      <TextField
        id={`${idPrefix}-message`}
        label="Message to the model (optional)"
        value={draft?.message ?? ""}
        onChange={(message) => item.update(change((d) => ({ ...d, message })))}
        rows={2}
      />
    ) : null;
  const choices = action.allowedDecisions.map((type) => CHOICES[type]);
  if (item.sendsItself) {
    return (
      <QuickDecision
        label={`Decision for ${action.name}`}
        actions={choices}
        open={decision}
        onSend={(type) => item.send(decide(type))}
        onOpen={(type) => item.update(decide(type))}
        onConfirm={() => item.send()}
        onCancel={() => item.update(decide(undefined))}
        canConfirm={item.issues.length === 0}
      >
        {form}
      </QuickDecision>
    );
  }
  return (
    <>
      <ChoiceGroup
        legend={`Decision for ${action.name}`}
        hideLegend
        name={`${idPrefix}-decision`}
        value={decision}
        options={choices}
        onChange={(type) => item.update(decide(type))}
      />
      {form}
    </>
  );
}

interface HitlEditorProps extends HitlActionDecisionProps {
  change: (
    next: (draft: HitlActionDraft) => HitlActionDraft,
  ) => (drafts: HitlActionDraft[]) => HitlActionDraft[];
}

/** The edited arguments: the schema's form, or the arguments as a JSON object. */
function HitlEditor({ item, action, index, idPrefix, change }: HitlEditorProps) {
  const draft = item.draft[index];
  if (action.fields && draft?.values) {
    const { fields } = action;
    return (
      <ArgsForm
        idPrefix={`${idPrefix}-arg`}
        fields={fields}
        values={draft.values}
        issueAt={(at) => issueFor(item.answer, `${index}.args.${at}`)}
        onChange={(at, value) =>
          item.update(
            change((d) => ({
              ...d,
              values: (d.values ?? initialArgsValues(fields, action.args)).map((v, i) =>
                i === at ? value : v,
              ),
            })),
          )
        }
      />
    );
  }
  return (
    <TextField
      id={`${idPrefix}-args`}
      label={`Arguments of ${action.name} (JSON object)`}
      value={draft?.argsText ?? ""}
      onChange={(argsText) => item.update(change((d) => ({ ...d, argsText })))}
      issue={issueFor(item.answer, `${index}.args`)}
      code
    />
  );
}

/**
 * A LangChain human-in-the-loop request (`action_requests` + `review_configs`, either
 * spelling): approve, edit (in a form built from the action's `args_schema`, else as JSON) or
 * reject each action.
 */
export const hitlKind: InterruptKind<"hitl", HitlRequest, HitlActionDraft[], HitlResponse> = {
  kind: "hitl",
  classify: readHitlRequest,
  initialDraft: initialHitlDrafts,
  build: buildHitlResponse,
  title: hitlTitle,
  describe: describeHitl,
  // One action with something to decide: its buttons send it (several get radio chips).
  sendsItself: ({ actions }) => actions.length === 1 && actions[0]!.allowedDecisions.length > 0,
  Fields: HitlFields,
};
