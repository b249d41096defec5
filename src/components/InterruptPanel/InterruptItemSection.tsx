"use client";
import { useId, type ElementType } from "react";
import { withClassName, type RootProps } from "../RootProps";
import { InterruptFields } from "./InterruptFields";
import type { InterruptItem } from "./interruptKinds";

export type InterruptItemSectionProps = RootProps<"section", InterruptItemSectionOwnProps>;

interface InterruptItemSectionOwnProps {
  item: InterruptItem;
  /** How many interrupts are pending: with more than one the heading starts "1 of 2 · ". */
  total?: number;
  /** Level of the heading (default 4). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

/**
 * One pending interrupt: a region named by its heading ("Review send_email", "Question", …)
 * with its kind's fields. What `InterruptPanel` renders for each item; the rest of the props go
 * to the `<section>`.
 *
 * @example
 * renderItem={(item, render) => (item.kind === "hitl" ? <InterruptItemSection item={item} className="mine" /> : render())}
 */
export function InterruptItemSection({
  item,
  total = 1,
  headingLevel = 4,
  className,
  "aria-labelledby": labelledBy,
  ...rest
}: InterruptItemSectionProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as ElementType;
  const count = total > 1 ? `${item.position + 1} of ${total} · ` : "";
  return (
    <section
      {...rest}
      className={withClassName("lgr-interrupt", className)}
      aria-labelledby={labelledBy ?? titleId}
      data-kind={item.kind}
      data-complete={item.issues.length === 0 ? "true" : "false"}
      data-interrupt-id={item.id}
    >
      <Heading className="lgr-interrupt__title" id={titleId}>
        {count}
        {item.title}
      </Heading>
      <InterruptFields item={item} />
    </section>
  );
}
