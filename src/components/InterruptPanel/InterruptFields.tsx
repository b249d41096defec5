"use client";
import type { ReactNode } from "react";
import type { AnyInterruptKind } from "./InterruptKind";
import { interruptKinds, type InterruptItem } from "./interruptKinds";

export interface InterruptFieldsProps {
  item: InterruptItem;
}

/** The kind module of an item (looked up when rendering: no table built at import time). */
function kindOf(kind: string): AnyInterruptKind | undefined {
  return interruptKinds.find((candidate) => candidate.kind === kind) as
    AnyInterruptKind | undefined;
}

/**
 * The form fields of one pending interrupt, as its kind draws them (approve / edit / reject,
 * accept / edit / respond / ignore, or a text or JSON answer). Edits go to `item.update`.
 *
 * @example
 * <section><h4>{item.title}</h4><InterruptFields item={item} /></section>
 */
export function InterruptFields({ item }: InterruptFieldsProps) {
  // The item and its kind match by name; TypeScript cannot relate the two unions.
  const Fields = kindOf(item.kind)?.Fields as
    ((props: { item: InterruptItem }) => ReactNode) | undefined;
  return Fields ? <Fields item={item} /> : null;
}
