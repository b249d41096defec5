"use client";
import { memo, type CSSProperties, type ReactNode } from "react";
import { textChunksOf } from "../../store/messages/textChunksOf";
import { textHolderOf, type ContentPart } from "./messageContent";

/**
 * A closed chunk is a block of its own: the browser then lays out only the block that changed
 * (the growing tail), not the whole reply, on every frame. Inline, because the layout depends on
 * it whatever the stylesheet says; chunks end at line breaks where the text has any, so the
 * blocks break lines where the text already did.
 */
const CLOSED_CHUNK_STYLE: CSSProperties = { display: "block" };

/**
 * The text of a text part, as the store chunked it while it streamed: each closed chunk renders
 * once (memoized, keyed by position: closed chunks never change and are only added after), and
 * only the tail, a few kB at most, renders as tokens arrive. A short text is just its tail: the
 * same single text node as before.
 *
 * @example <p className="lgr-message__text"><MessageText part={part} /></p>
 */
export function MessageText({ part }: { part: ContentPart & { kind: "text" } }): ReactNode {
  const holder = textHolderOf(part);
  if (holder === undefined) return part.text;
  const { closed, tail } = textChunksOf(holder, part.text);
  if (closed.length === 0) return tail;
  return (
    <>
      {closed.map((chunk, position) => (
        <ClosedChunk key={position} text={chunk} />
      ))}
      {tail}
    </>
  );
}

const ClosedChunk = /* @__PURE__ */ memo(function ClosedChunk({ text }: { text: string }) {
  return (
    <span className="lgr-message__chunk" style={CLOSED_CHUNK_STYLE}>
      {text}
    </span>
  );
});
