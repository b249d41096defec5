"use client";
import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type FocusEvent,
  type RefObject,
} from "react";

export interface MenuButtonOptions {
  /** The button's ref, when something else needs it too (a confirm step returning focus to it). */
  buttonRef?: RefObject<HTMLButtonElement | null>;
}

export interface MenuItemOptions {
  /**
   * Whether focus goes back to the menu button once the item ran (default true); false when the
   * item moves focus itself (it opens a confirm step, say).
   */
  returnFocus?: boolean;
}

export interface MenuButton {
  open: boolean;
  /** Spread on the `<button>` that opens the menu. */
  buttonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    id: string;
    "aria-haspopup": "menu";
    "aria-expanded": boolean;
    "aria-controls": string | undefined;
    onClick: () => void;
    onKeyDown: (event: KeyboardEvent) => void;
  };
  /** Spread on the menu (rendered only while `open`). */
  menuProps: {
    ref: RefObject<HTMLDivElement | null>;
    id: string;
    role: "menu";
    "aria-labelledby": string;
    popover: "manual";
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onBlur: (event: FocusEvent<HTMLElement>) => void;
  };
  /** Spread on each item's `<button>`: runs `onSelect` after closing the menu. */
  itemProps: (
    onSelect: () => void,
    options?: MenuItemOptions,
  ) => { type: "button"; role: "menuitem"; tabIndex: -1; onClick: () => void };
  close: (returnFocus: boolean) => void;
}

const ITEMS = '[role="menuitem"]:not([aria-disabled="true"])';

/**
 * A menu button after the WAI-ARIA pattern: Enter, Space or ArrowDown open the menu on its first
 * item (ArrowUp on its last); ArrowUp/ArrowDown/Home/End move between items; Escape closes it
 * and returns focus to the button; Tab, a click outside or focus leaving close it. The menu
 * shows in the top layer (`popover`), placed under the button (above when there is no room), so
 * no scrolling container clips it.
 *
 * @example
 * const menu = useMenuButton();
 * <button {...menu.buttonProps}>⋯</button>
 * {menu.open ? <div {...menu.menuProps}><button {...menu.itemProps(copy)}>Copy</button></div> : null}
 */
export function useMenuButton({ buttonRef: givenRef }: MenuButtonOptions = {}): MenuButton {
  const ownRef = useRef<HTMLButtonElement | null>(null);
  const buttonRef = givenRef ?? ownRef;
  const menuRef = useRef<HTMLDivElement | null>(null);
  const id = useId();
  const [opened, setOpened] = useState<"first" | "last" | null>(null);

  // Plain functions, not callbacks: the ref may come from the caller, and each row has its own.
  const close = (returnFocus: boolean) => {
    setOpened(null);
    if (returnFocus) buttonRef.current?.focus();
  };

  useLayoutEffect(() => {
    const menu = menuRef.current;
    const button = buttonRef.current;
    if (!opened || !menu || !button) return;
    // jsdom and old browsers have no popover: the menu is then a fixed box like any other.
    // (Effects run twice in StrictMode: an open popover is not shown again.)
    if (typeof menu.showPopover === "function" && !menu.matches(":popover-open"))
      menu.showPopover();
    const place = () => placeMenu(menu, button);
    place();
    const items = Array.from(menu.querySelectorAll<HTMLElement>(ITEMS));
    (opened === "last" ? items.at(-1) : items[0])?.focus({ preventScroll: true });

    // Only scrolls that move the button move the menu (a live log scrolling elsewhere does not).
    const onScroll = (event: Event) => {
      if (event.target instanceof Node && event.target.contains(button)) place();
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.contains(target) && !button.contains(target)) setOpened(null);
    };
    window.addEventListener("scroll", onScroll, true);
    window.addEventListener("resize", place);
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => {
      window.removeEventListener("scroll", onScroll, true);
      window.removeEventListener("resize", place);
      document.removeEventListener("pointerdown", onPointerDown, true);
    };
  }, [opened, buttonRef]);

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    setOpened(event.key === "ArrowUp" ? "last" : "first");
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key === "Tab") {
      close(false);
      return;
    }
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(ITEMS));
    const next = nextIndex(event.key, items.indexOf(event.target as HTMLElement), items.length);
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  };

  const onMenuBlur = (event: FocusEvent<HTMLElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node && (event.currentTarget.contains(to) || to === buttonRef.current))
      return;
    setOpened(null);
  };

  const itemProps = (onSelect: () => void, { returnFocus = true }: MenuItemOptions = {}) => ({
    type: "button" as const,
    role: "menuitem" as const,
    tabIndex: -1 as const,
    onClick: () => {
      close(returnFocus);
      onSelect();
    },
  });

  const open = opened !== null;
  return {
    open,
    buttonProps: {
      ref: buttonRef,
      id: `${id}-button`,
      "aria-haspopup": "menu",
      "aria-expanded": open,
      "aria-controls": open ? `${id}-menu` : undefined,
      onClick: () => setOpened((current) => (current ? null : "first")),
      onKeyDown: onButtonKeyDown,
    },
    menuProps: {
      ref: menuRef,
      id: `${id}-menu`,
      role: "menu",
      "aria-labelledby": `${id}-button`,
      popover: "manual",
      onKeyDown: onMenuKeyDown,
      onBlur: onMenuBlur,
    },
    itemProps,
    close,
  };
}

/** The item a navigation key moves to (wrapping around), or undefined for other keys. */
function nextIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case "ArrowDown":
      return (current + 1) % count;
    case "ArrowUp":
      return current <= 0 ? count - 1 : current - 1;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return undefined;
  }
}

/** Under the button, right edges aligned; above it when it does not fit below; in the viewport. */
function placeMenu(menu: HTMLElement, button: HTMLElement): void {
  const gap = 4;
  const margin = 8;
  const anchor = button.getBoundingClientRect();
  const { width, height } = menu.getBoundingClientRect();
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - height;
  const top = below + height > window.innerHeight - margin && above >= margin ? above : below;
  const left = Math.max(margin, Math.min(anchor.right - width, window.innerWidth - width - margin));
  menu.style.top = `${top}px`;
  menu.style.left = `${left}px`;
}
