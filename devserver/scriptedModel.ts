/**
 * A deterministic chat model for the demo graph: it ignores its input and "streams" a fixed
 * script of message chunks, with no delay, no network and no randomness.
 *
 * It is the same idea as `FakeStreamingChatModel` (`@langchain/core/utils/testing`) with its
 * `chunks` option, but it also passes `tool_call_chunks` through (the fake model only forwards
 * `content`, `tool_calls` and `additional_kwargs`, so a tool call would never stream as chunks)
 * and its non-streaming path returns the concatenation of the script instead of echoing input.
 *
 * Every chunk goes through `runManager.handleLLMNewToken(..., { chunk })`, which is what
 * LangGraph's `messages` stream mode listens to, so the server emits one `messages` SSE event
 * per scripted chunk. LangChain gives all chunks of one call the same id (`run-<uuid>`).
 */
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import {
  AIMessageChunk,
  type AIMessageChunkFields,
  type BaseMessage,
} from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";

export type ScriptChunk = AIMessageChunkFields;

const YIELD_EVERY = 50;

const chunkText = (fields: ScriptChunk): string =>
  typeof fields.content === "string" ? fields.content : "";

export class ScriptedChatModel extends BaseChatModel {
  readonly script: ScriptChunk[];

  constructor(script: ScriptChunk[]) {
    super({});
    this.script = script;
  }

  static override lc_name(): string {
    return "ScriptedChatModel";
  }

  _llmType(): string {
    return "scripted";
  }

  override async *_streamResponseChunks(
    _messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    let sinceYield = 0;
    for (const fields of this.script) {
      if (options.signal?.aborted) break;
      // Long scripts would otherwise run as one chain of microtasks and starve the server's
      // event loop (no bytes reach the client until the whole message is generated, and other
      // requests stall). A macrotask break every YIELD_EVERY chunks keeps the stream flowing.
      if (++sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const text = chunkText(fields);
      const chunk = new ChatGenerationChunk({ message: new AIMessageChunk(fields), text });
      yield chunk;
      await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, {
        chunk,
      });
    }
  }

  async _generate(): Promise<ChatResult> {
    let merged: AIMessageChunk | undefined;
    for (const fields of this.script) {
      const next = new AIMessageChunk(fields);
      merged = merged === undefined ? next : merged.concat(next);
    }
    const message = merged ?? new AIMessageChunk({ content: "" });
    return { generations: [{ text: chunkText({ content: message.content }), message }] };
  }
}

/**
 * Splits text into the tokens the demo graph streams: each run of non-space characters keeps
 * the whitespace that follows it ("You said: hi there" -> "You ", "said: ", "hi ", "there");
 * leading whitespace is a token of its own. Joining the tokens gives back the text exactly.
 */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|\S+\s*/gy) ?? [];
}

/** A script that streams `text` one word (with its trailing whitespace) per chunk. */
export function textScript(text: string): ScriptChunk[] {
  const tokens = wordTokens(text);
  return (tokens.length > 0 ? tokens : [""]).map((content) => ({ content }));
}
