/*
 * The interrupt payloads the panel knows, and how to tell them apart.
 *
 * LangChain's human-in-the-loop middleware (`HumanInTheLoopMiddleware` in langchain v1,
 * libs/langchain_v1/langchain/agents/middleware/human_in_the_loop.py; `humanInTheLoopMiddleware`
 * in langchainjs, libs/langchain/src/agents/middleware/hitl.ts) interrupts with an `HITLRequest`
 * `{ action_requests: [{ name, args, description }], review_configs: [{ action_name,
 * allowed_decisions }] }` (langchainjs: `actionRequests`, `reviewConfigs`, `actionName`,
 * `allowedDecisions`; early langchain v1 releases: `arguments` instead of `args`).
 *
 * The older agent-inbox `HumanInterrupt` (langgraph.prebuilt.interrupt) is `{ action_request:
 * { action, args }, config: { allow_accept, allow_edit, allow_respond, allow_ignore },
 * description }`, usually sent as a one-element list.
 */
import { isPlainObject } from "../../client/isPlainObject";

export type HitlDecisionType = "approve" | "edit" | "reject";
export const HITL_DECISION_TYPES: readonly HitlDecisionType[] = ["approve", "edit", "reject"];

/** One action of a human-in-the-loop request, read from either spelling. */
export interface HitlAction {
  name: string;
  args: Record<string, unknown>;
  description?: string;
  /** The decisions its review config allows (all three when there is no config). */
  allowedDecisions: HitlDecisionType[];
  /** The field the request used for the arguments (early langchain v1 used `arguments`). */
  argsField: "args" | "arguments";
}

/** A human-in-the-loop request, normalized. `style` is the spelling to answer in. */
export interface HitlRequest {
  style: "snake" | "camel";
  actions: HitlAction[];
}

export type InboxResponseType = "accept" | "edit" | "response" | "ignore";

/** An agent-inbox `HumanInterrupt`, normalized. */
export interface InboxRequest {
  action: string;
  args: Record<string, unknown>;
  description?: string;
  /** Allowed answers, in the order accept, edit, response, ignore. */
  allowed: InboxResponseType[];
}

/** What kind of form an interrupt value needs. */
export type ClassifiedInterrupt =
  | { kind: "hitl"; request: HitlRequest }
  | { kind: "inbox"; request: InboxRequest }
  | { kind: "value" };

/**
 * Tells which form an interrupt value needs: a LangChain HITL request, an agent-inbox
 * `HumanInterrupt` (or a one-element list of one), or any other value.
 *
 * @example classifyInterrupt({ action_requests: [{ name: "send_email", args: {} }], review_configs: [] }).kind // "hitl"
 */
export function classifyInterrupt(value: unknown): ClassifiedInterrupt {
  const hitl = readHitlRequest(value);
  if (hitl) return { kind: "hitl", request: hitl };
  const inbox = readInboxRequest(value);
  if (inbox) return { kind: "inbox", request: inbox };
  return { kind: "value" };
}

/** Reads an HITL request in either spelling, or undefined. */
export function readHitlRequest(value: unknown): HitlRequest | undefined {
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
  const actions = (requests as Record<string, unknown>[]).map((request, position): HitlAction => {
    const name = request.name as string;
    const argsField =
      !isPlainObject(request.args) && isPlainObject(request.arguments) ? "arguments" : "args";
    const args = isPlainObject(request[argsField])
      ? (request[argsField] as Record<string, unknown>)
      : {};
    const config =
      configs.find((c) => (c.action_name ?? c.actionName) === name) ?? configs[position];
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
    return { name, args, description, allowedDecisions, argsField };
  });
  return { style: snake ? "snake" : "camel", actions };
}

/** Reads an agent-inbox `HumanInterrupt` (or a one-element list of one), or undefined. */
export function readInboxRequest(value: unknown): InboxRequest | undefined {
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
