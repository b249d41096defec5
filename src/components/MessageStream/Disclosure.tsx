"use client";
import { useId, useState, type ReactNode } from "react";
import { Icon } from "../icons/Icon";

/**
 * A disclosure: a button (its text is `summary`, with a chevron) that shows and hides `children`,
 * closed at first. The hidden part stays in the page (`hidden`), so it renders once, not again on
 * every toggle.
 *
 * @example <Disclosure summary="Thinking" panelClassName="lgr-thinking__text">{text}</Disclosure>
 */
export function Disclosure({
  summary,
  panelClassName,
  children,
}: {
  summary: ReactNode;
  panelClassName: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <button
        type="button"
        className="lgr-disclosure"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {summary}
        <Icon name="chevron-down" className="lgr-disclosure__chevron" />
      </button>
      <div id={panelId} className={panelClassName} hidden={!open}>
        {children}
      </div>
    </>
  );
}
