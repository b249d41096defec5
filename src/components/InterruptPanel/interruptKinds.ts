import type { AnyInterruptKind, ItemOfKind } from "./InterruptKind";
import { hitlKind } from "./kinds/hitlKind";
import { inboxKind } from "./kinds/inboxKind";
import { valueKind } from "./kinds/valueKind";

/**
 * The interrupt kinds the panel knows, in the order they are tried: the first whose `classify`
 * reads the value wins, and `value` (last) takes any value. Adding a kind is one module in
 * `kinds/` and one entry here; `InterruptItem` follows.
 */
export const interruptKinds: readonly [typeof hitlKind, typeof inboxKind, typeof valueKind] = [
  hitlKind,
  inboxKind,
  valueKind,
];

type BuiltInKind = (typeof interruptKinds)[number];

/** One pending interrupt in the panel: narrow on `kind` (`hitl`, `inbox`, `value`). */
export type InterruptItem = ItemOfKind<BuiltInKind>;

/** An interrupt value read by its kind: `{ kind: "hitl", request }`, … */
export type ClassifiedInterrupt = ClassifiedBy<BuiltInKind>;

type ClassifiedBy<T> = T extends AnyInterruptKind
  ? { kind: T["kind"]; request: NonNullable<ReturnType<T["classify"]>> }
  : never;

/**
 * The kind module that reads `value` and its request (the last kind takes any value).
 *
 * @example kindOf({ action_requests: [] }).kind.kind // "hitl"
 */
export function kindOf(value: unknown): { kind: AnyInterruptKind; request: unknown } {
  const kinds: readonly AnyInterruptKind[] = interruptKinds;
  for (const kind of kinds) {
    const request = kind.classify(value);
    if (request !== undefined) return { kind, request };
  }
  return { kind: valueKind, request: valueKind.classify(value) };
}

/**
 * Tells which kind of answer an interrupt value needs, with the value read as that kind's
 * request: a LangChain HITL request, an agent-inbox `HumanInterrupt`, or any other value.
 *
 * @example classifyInterrupt({ action_requests: [{ name: "send_email", args: {} }] }).kind // "hitl"
 */
export function classifyInterrupt(value: unknown): ClassifiedInterrupt {
  const { kind, request } = kindOf(value);
  return { kind: kind.kind, request } as ClassifiedInterrupt;
}
