import { isPlainObject } from "../../client/isPlainObject";
import type { Message } from "../../store/messages/Message";

// 2001-09-09 and 2286-11-20: a number outside is not a time in ms (nor, ×1000, in seconds).
const MIN_MS = 1e12;
const MAX_MS = 1e13;

/**
 * When a message says it was created (epoch ms), or undefined. Reads `created_at` in
 * `response_metadata` (OpenAI's Responses API: epoch seconds; Ollama: an ISO date) or in
 * `additional_kwargs`, and `additional_kwargs.timestamp`. A value that is not a plausible date
 * is ignored: no time is better than a wrong one.
 *
 * @example statedTime({ id: "a", type: "ai", content: "", response_metadata: { created_at: 1767225600 } }) // 1767225600000
 */
export function statedTime(message: Message): number | undefined {
  for (const holder of [message.response_metadata, message.additional_kwargs]) {
    if (!isPlainObject(holder)) continue;
    const time = toMs(holder.created_at) ?? toMs(holder.timestamp);
    if (time !== undefined) return time;
  }
  return undefined;
}

function toMs(value: unknown): number | undefined {
  let ms: number | undefined;
  if (typeof value === "number") ms = value < MIN_MS ? value * 1000 : value;
  else if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value)) ms = Date.parse(value);
  return ms !== undefined && ms >= MIN_MS && ms < MAX_MS ? ms : undefined;
}
