import type { ComponentPropsWithRef, ElementType } from "react";

/**
 * A component's own props plus those of its root element (`id`, `style`, `aria-*`, `data-*`,
 * handlers and `ref`), which the component spreads onto the root. Own props win on a clash.
 *
 * @example type BadgeProps = RootProps<"span", { status?: BadgeStatus }>;
 */
export type RootProps<TRoot extends ElementType, TOwn> = TOwn &
  Omit<ComponentPropsWithRef<TRoot>, keyof TOwn | "children">;

/** Joins the kit's class with the one given. */
export function withClassName(base: string, className: string | undefined): string {
  return className ? `${base} ${className}` : base;
}
