import { isPlainObject } from "../../client/isPlainObject";
import type { ContentBlock, Message } from "../../store/messages/Message";

/**
 * The model's reasoning in a content block, or undefined when the block is not reasoning. Reads
 * LangChain's `{ type: "reasoning", reasoning }`, OpenAI's `{ type: "reasoning", summary: [{ text }] }`
 * and Anthropic's `{ type: "thinking", thinking }`; a `redacted_thinking` block says so. Empty
 * reasoning (a summary not written yet) is `""`.
 *
 * @example reasoningText({ type: "thinking", thinking: "The user wants…" }) // "The user wants…"
 */
export function reasoningText(block: ContentBlock): string | undefined {
  switch (block.type) {
    case "reasoning":
      return typeof block.reasoning === "string" ? block.reasoning : summaryText(block.summary);
    case "thinking":
      return typeof block.thinking === "string" ? block.thinking : "";
    case "redacted_thinking":
      return "(The provider redacted this reasoning.)";
    default:
      return undefined;
  }
}

/**
 * Reasoning that a provider puts beside the content, in `additional_kwargs`: `reasoning_content`
 * (DeepSeek, Qwen, vLLM, …) or an OpenAI `reasoning` summary. Empty when there is none.
 *
 * @example kwargsReasoning({ id: "a", type: "ai", content: "", additional_kwargs: { reasoning_content: "Hm." } }) // "Hm."
 */
export function kwargsReasoning(message: Message): string {
  const kwargs = message.additional_kwargs;
  if (!isPlainObject(kwargs)) return "";
  if (typeof kwargs.reasoning_content === "string") return kwargs.reasoning_content;
  return isPlainObject(kwargs.reasoning) ? summaryText(kwargs.reasoning.summary) : "";
}

function summaryText(summary: unknown): string {
  if (!Array.isArray(summary)) return "";
  return summary
    .map((entry: unknown) =>
      isPlainObject(entry) && typeof entry.text === "string" ? entry.text : "",
    )
    .filter((text) => text !== "")
    .join("\n\n");
}
