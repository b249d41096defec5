import { isPlainObject } from "../../client/isPlainObject";

/**
 * Parses `text` when it is a complete JSON object, else undefined. Cheap for the usual partial
 * fragment: it only calls `JSON.parse` when the text ends with `}`.
 *
 * @example parseJsonObject('{"a":1}') // { a: 1 }; parseJsonObject('{"a":') // undefined
 */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimEnd().endsWith("}")) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
