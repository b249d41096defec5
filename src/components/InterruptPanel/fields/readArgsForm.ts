import { isPlainObject } from "../../../client/isPlainObject";
import { answerIssues, answerOk, type AnswerIssue, type AnswerResult } from "../AnswerResult";
import { parseJsonAnswer } from "../parseJsonAnswer";

/** A choice of an `enum` field: what it shows, and the value it sends. */
export interface ArgsOption {
  label: string;
  value: unknown;
}

interface ArgsFieldBase {
  /** The argument's name. */
  key: string;
  /** The schema's `title`, else the name in words ("send_at" → "Send at"). */
  label: string;
  /** The schema's `description`. */
  hint?: string;
  required: boolean;
  /** The schema's `default`: the value when the request has none. */
  fallback?: unknown;
}

/**
 * One field of an edit form built from an action's JSON schema: a text input (`string`), a
 * number input (`number`, `integer`), a checkbox (`boolean`), a choice (`enum`, or a union of
 * `const`s), or JSON text for anything else (objects, arrays, unknown types).
 */
export type ArgsField = ArgsFieldBase &
  (
    | { kind: "text"; multiline: boolean }
    | { kind: "number"; integer: boolean; minimum?: number; maximum?: number }
    | { kind: "boolean" }
    | { kind: "enum"; options: readonly ArgsOption[] }
    | { kind: "json" }
  );

/** What is typed in a field: its text (a number, JSON, an option's index), or a checkbox's state. */
export type ArgsFieldValue = string | boolean;

type Schema = Record<string, unknown>;

/**
 * The edit form an action's `args_schema` describes: one field per property, in the schema's
 * order, or undefined when the schema is not an object schema with properties (the form then
 * falls back to the arguments as JSON). Local `$ref`s (`#/$defs/…`, `#/definitions/…`) and
 * nullable unions (`anyOf: [{ type: "string" }, { type: "null" }]`, as pydantic writes
 * `Optional[str]`) are followed.
 *
 * @example readArgsForm({ type: "object", properties: { to: { type: "string" } }, required: ["to"] }, {})
 * // [{ key: "to", label: "To", required: true, kind: "text", multiline: false }]
 */
export function readArgsForm(
  schema: unknown,
  args: Readonly<Record<string, unknown>>,
): ArgsField[] | undefined {
  if (!isPlainObject(schema)) return undefined;
  const root = resolve(schema, schema);
  const properties = root.properties;
  if (!isPlainObject(properties) || Object.keys(properties).length === 0) return undefined;
  const required = Array.isArray(root.required) ? root.required : [];
  return Object.entries(properties).map(([key, node]) =>
    fieldOf(key, unwrap(resolve(node, schema)), required.includes(key), ownValue(args, key)),
  );
}

/**
 * What each field shows first: the request's argument, else the schema's default.
 *
 * @example initialArgsValues(fields, { to: "ada@example.com" }) // ["ada@example.com"]
 */
export function initialArgsValues(
  fields: readonly ArgsField[],
  args: Readonly<Record<string, unknown>>,
): ArgsFieldValue[] {
  return fields.map((field) => {
    const own = ownValue(args, field.key);
    return valueOf(field, own === undefined ? field.fallback : own);
  });
}

/**
 * The arguments the form makes, or one `invalid` issue per field that is wrong, its `field`
 * being `fieldPrefix` + the field's position. Arguments the schema does not name pass through
 * unchanged; an empty optional field is left out.
 *
 * @example buildArgs(fields, ["bob@example.com"], {}, "0.args.").value // { to: "bob@example.com" }
 */
export function buildArgs(
  fields: readonly ArgsField[],
  values: readonly (ArgsFieldValue | undefined)[],
  args: Readonly<Record<string, unknown>>,
  fieldPrefix: string,
): AnswerResult<Record<string, unknown>> {
  const named = new Set(fields.map((field) => field.key));
  // Entries, not assignments: an argument named `__proto__` stays an argument.
  const entries = Object.entries(args).filter(([key]) => !named.has(key));
  const issues: AnswerIssue[] = [];
  fields.forEach((field, index) => {
    const read = readValue(field, values[index]);
    if ("message" in read) {
      issues.push({ field: `${fieldPrefix}${index}`, kind: "invalid", message: read.message });
    } else if ("value" in read) {
      entries.push([field.key, read.value]);
    }
  });
  return issues.length > 0 ? answerIssues(issues) : answerOk(Object.fromEntries(entries));
}

/** What one field sends: a value, nothing (left out), or why it cannot. */
type ReadValue = { value: unknown } | { omitted: true } | { message: string };

function readValue(field: ArgsField, raw: ArgsFieldValue | undefined): ReadValue {
  if (field.kind === "boolean") return { value: raw === true };
  const text = typeof raw === "string" ? raw : "";
  if (text.trim() === "") {
    return field.required ? { message: `${field.label} is required.` } : { omitted: true };
  }
  switch (field.kind) {
    case "text":
      return { value: text };
    case "enum": {
      const option = field.options[Number(text)];
      return option ? { value: option.value } : { message: `Choose a ${field.label}.` };
    }
    case "number":
      return readNumber(field, text);
    case "json": {
      const parsed = parseJsonAnswer(text);
      return parsed.ok ? { value: parsed.value } : { message: parsed.message };
    }
  }
}

function readNumber(field: ArgsField & { kind: "number" }, text: string): ReadValue {
  const value = Number(text.trim());
  if (!Number.isFinite(value)) return { message: "Enter a number." };
  if (field.integer && !Number.isInteger(value)) return { message: "Enter a whole number." };
  if (field.minimum !== undefined && value < field.minimum) {
    return { message: `Must be at least ${field.minimum}.` };
  }
  if (field.maximum !== undefined && value > field.maximum) {
    return { message: `Must be at most ${field.maximum}.` };
  }
  return { value };
}

function valueOf(field: ArgsField, arg: unknown): ArgsFieldValue {
  switch (field.kind) {
    case "boolean":
      return arg === true;
    case "text":
      return typeof arg === "string" ? arg : arg === undefined || arg === null ? "" : toJson(arg);
    case "number":
      return typeof arg === "number" || typeof arg === "string" ? String(arg) : "";
    case "enum": {
      const index = field.options.findIndex((option) => toJson(option.value) === toJson(arg));
      return index < 0 ? "" : String(index);
    }
    case "json":
      return arg === undefined ? "" : toJson(arg, 2);
  }
}

function fieldOf(key: string, node: Schema, required: boolean, arg: unknown): ArgsField {
  const base: ArgsFieldBase = {
    key,
    label: typeof node.title === "string" && node.title.trim() !== "" ? node.title : words(key),
    required,
  };
  if (typeof node.description === "string") base.hint = node.description;
  if (node.default !== undefined) base.fallback = node.default;
  const options = optionsOf(node);
  if (options) return { ...base, kind: "enum", options };
  switch (typeOf(node)) {
    case "string": {
      const long = typeof arg === "string" && (arg.includes("\n") || arg.length > 60);
      return { ...base, kind: "text", multiline: long };
    }
    case "number":
    case "integer": {
      const field: ArgsField = { ...base, kind: "number", integer: typeOf(node) === "integer" };
      if (typeof node.minimum === "number") field.minimum = node.minimum;
      if (typeof node.maximum === "number") field.maximum = node.maximum;
      return field;
    }
    case "boolean":
      return { ...base, kind: "boolean" };
    default:
      return { ...base, kind: "json" };
  }
}

/** The choices of an `enum`, or of a union of `const`s (labelled by their titles). */
function optionsOf(node: Schema): ArgsOption[] | undefined {
  if (Array.isArray(node.enum) && node.enum.length > 0) {
    return node.enum.map((value) => ({ label: labelOf(value), value }));
  }
  const union = node.oneOf ?? node.anyOf;
  if (!Array.isArray(union) || union.length === 0) return undefined;
  if (!union.every((branch) => isPlainObject(branch) && "const" in branch)) return undefined;
  return (union as Schema[]).map((branch) => ({
    label: typeof branch.title === "string" ? branch.title : labelOf(branch.const),
    value: branch.const,
  }));
}

function typeOf(node: Schema): string | undefined {
  const { type } = node;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return type.find((t) => t !== "null");
  return undefined;
}

/** A nullable union read as its one other branch, keeping the outer title and description. */
function unwrap(node: Schema): Schema {
  const union = node.anyOf ?? node.oneOf;
  if (!Array.isArray(union)) return node;
  const branches = union.filter((branch) => !(isPlainObject(branch) && branch.type === "null"));
  const [only] = branches;
  if (branches.length !== 1 || !isPlainObject(only)) return node;
  const { anyOf: _anyOf, oneOf: _oneOf, ...outer } = node;
  return { ...only, ...outer };
}

/** A local `$ref` followed (a few levels, so a cycle ends), its siblings kept. */
function resolve(node: unknown, root: Schema, depth = 0): Schema {
  if (!isPlainObject(node)) return {};
  const ref = node.$ref;
  if (typeof ref !== "string" || depth > 8) return node;
  const match = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
  const defs = match ? root[match[1] as string] : undefined;
  const target = match && isPlainObject(defs) ? ownValue(defs, match[2] as string) : undefined;
  const { $ref: _ref, ...siblings } = node;
  return { ...resolve(target, root, depth + 1), ...siblings };
}

function ownValue(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function labelOf(value: unknown): string {
  return typeof value === "string" ? value : toJson(value);
}

function toJson(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent) ?? String(value);
  } catch {
    return String(value);
  }
}

/** "send_at" / "sendAt" → "Send at". */
function words(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return spaced === "" ? key : spaced[0]!.toUpperCase() + spaced.slice(1);
}
