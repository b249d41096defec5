"use client";
import type { ReactNode } from "react";
import { Icon } from "../icons/Icon";
import { Disclosure } from "./Disclosure";
import type { ContentPart } from "./messageContent";
import { MessageText } from "./MessageText";
import type { RenderText } from "./RenderText";

type ReasoningPart = ContentPart & { kind: "reasoning" };

/**
 * A message's content parts: text, reasoning as one collapsed "Thinking" section per run of
 * reasoning parts, images, and other blocks as JSON text. With `streaming`, the last part shows
 * a cursor (or "Thinking…" while the model still reasons). With `renderText`, text parts are
 * what it returns (a markdown renderer, say), in a `div` instead of a paragraph, with no cursor.
 *
 * @example <ContentParts parts={item.parts} streaming={item.streaming} />
 */
export function ContentParts({
  parts,
  streaming,
  renderText,
}: {
  parts: readonly ContentPart[];
  streaming: boolean;
  renderText?: RenderText;
}): ReactNode {
  if (parts.length === 0) {
    return streaming ? (
      <p className="lgr-message__text">
        <span className="lgr-message__cursor" aria-hidden="true" />
      </p>
    ) : null;
  }
  const shown: ReactNode[] = [];
  for (let position = 0; position < parts.length; position++) {
    const part = parts[position] as ContentPart;
    const lastPart = position === parts.length - 1;
    if (part.kind === "reasoning") {
      // Keyed by the group's first part: a group that grows keeps its section (and the user's
      // open/closed choice).
      const start = position;
      const group: ReasoningPart[] = [part];
      while (parts[position + 1]?.kind === "reasoning") {
        group.push(parts[++position] as ReasoningPart);
      }
      const thinking = streaming && position === parts.length - 1;
      shown.push(<Thinking key={start} parts={group} thinking={thinking} />);
    } else if (part.kind === "text" && renderText) {
      shown.push(
        <div className="lgr-message__text" data-rendered="true" key={position}>
          {renderText(part.text, { streaming: streaming && lastPart })}
        </div>,
      );
    } else if (part.kind === "text") {
      shown.push(
        <p className="lgr-message__text" key={position}>
          <MessageText part={part} />
          {streaming && lastPart && <span className="lgr-message__cursor" aria-hidden="true" />}
        </p>,
      );
    } else if (part.kind === "image") {
      shown.push(<ImagePart key={position} part={part} />);
    } else {
      shown.push(
        <details className="lgr-message__block" key={position} data-block-type={part.type}>
          <summary>{part.type} block</summary>
          <pre className="lgr-message__json">{part.json}</pre>
        </details>,
      );
    }
  }
  return shown;
}

/**
 * The model's reasoning: open, as "Thinking…", while the model still reasons, so the user sees it
 * work; collapsed to "Thinking" once the answer starts (unless the user opened or closed it).
 */
function Thinking({ parts, thinking }: { parts: ReasoningPart[]; thinking: boolean }) {
  return (
    <div className="lgr-thinking" data-thinking={thinking ? "true" : "false"}>
      <Disclosure
        summary={
          <>
            <Icon name="thinking" />
            {thinking ? "Thinking…" : "Thinking"}
          </>
        }
        panelClassName="lgr-thinking__text"
        openWhile={thinking}
      >
        <p>{parts.map((part) => part.text).join("\n\n")}</p>
      </Disclosure>
    </div>
  );
}

/**
 * An image block: the picture when its address is safe to load (see `imageSource`), else a note
 * with the address as text. Never the block's JSON.
 */
function ImagePart({ part }: { part: ContentPart & { kind: "image" } }) {
  if (part.src === null) {
    return (
      <p className="lgr-message__image" data-refused="true">
        <Icon name="image" /> Image not shown (unsupported address): {part.address}
      </p>
    );
  }
  return (
    <figure className="lgr-message__image">
      <img
        src={part.src}
        alt={part.alt}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
      />
    </figure>
  );
}
