"use client";
import { useId, useState, type ReactNode } from "react";
import { Icon } from "../icons/Icon";

/**
 * A disclosure: a button (its text is `summary`, with a chevron) that shows and hides `children`.
 * It is open while `openWhile` holds (the model is still thinking, say) and closes when that
 * ends, unless the user has toggled it: from then on it stays as the user left it. The hidden part
 * stays in the page (`hidden`), so it renders once, not again on every toggle.
 *
 * @example <Disclosure summary="Thinking" panelClassName="lgr-thinking__text" openWhile={thinking}>{text}</Disclosure>
 */
export function Disclosure({
  summary,
  panelClassName,
  openWhile = false,
  children,
}: {
  summary: ReactNode;
  panelClassName: string;
  openWhile?: boolean;
  children: ReactNode;
}) {
  const [chosen, setChosen] = useState<boolean | undefined>(undefined);
  const open = chosen ?? openWhile;
  const panelId = useId();
  return (
    <>
      <button
        type="button"
        className="lgr-disclosure"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setChosen(!open)}
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
