"use client";
import type { RefObject } from "react";
import { Icon, type IconName } from "../icons/Icon";
import { useMenuButton } from "./useMenuButton";

/** One entry of a row's ⋯ menu. */
export interface RunsTableMenuItem {
  label: string;
  icon: IconName;
  onSelect: () => void;
  /** Styled as destructive. */
  danger?: boolean;
  /** The item moves focus itself (opens a confirm step): focus does not go back to ⋯. */
  movesFocus?: boolean;
}

export interface RunsTableRowMenuProps {
  /** The ⋯ button's accessible name ("More actions for run …861b98f"). */
  label: string;
  items: readonly RunsTableMenuItem[];
  /** The ⋯ button's ref, shared with whatever returns focus to it (a confirm step). */
  buttonRef?: RefObject<HTMLButtonElement | null>;
}

/**
 * A row's ⋯ menu: the less frequent actions of a run (open, copy its id, delete). A menu button
 * (see `useMenuButton`) whose menu shows in the top layer.
 *
 * @example <RunsTableRowMenu label="More actions for run …861b98f" items={[{ label: "Copy run id", icon: "copy", onSelect: copy }]} />
 */
export function RunsTableRowMenu({ label, items, buttonRef }: RunsTableRowMenuProps) {
  const menu = useMenuButton({ buttonRef });
  return (
    <>
      <button
        type="button"
        className="lgr-button lgr-runs-menu__button"
        data-size="small"
        aria-label={label}
        title="More actions"
        {...menu.buttonProps}
      >
        <Icon name="more" />
      </button>
      {menu.open ? (
        <div className="lgr-runs-menu" {...menu.menuProps}>
          {items.map((item) => (
            <button
              key={item.label}
              className="lgr-runs-menu__item"
              data-variant={item.danger ? "danger" : undefined}
              {...menu.itemProps(item.onSelect, { returnFocus: !item.movesFocus })}
            >
              <Icon name={item.icon} />
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
