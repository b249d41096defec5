import { isPlainObject } from "../../client/isPlainObject";

/** An interrupt waiting for an answer (`command: { resume }`), unique by `id` in a session. */
export interface PendingInterrupt<TValue = unknown> {
  /** The server's id, or `__interrupt_<position>` when the server sent none (older servers). */
  id: string;
  value: TValue;
  /** Older servers. */
  when?: string;
  resumable?: boolean;
  ns?: string[];
}

/**
 * Reads interrupts as the server sends them (`{ id, value, … }`); other fields are kept. An
 * interrupt without an id gets a synthetic one from its position, so the same interrupt sent again
 * (in `updates` and then `values`) keeps the same id.
 *
 * @example toPendingInterrupts([{ value: "ok?" }]) // [{ id: "__interrupt_0", value: "ok?" }]
 */
export function toPendingInterrupts<TValue = unknown>(
  raws: readonly unknown[],
): PendingInterrupt<TValue>[] {
  return raws.map((raw, position) => {
    const fields = isPlainObject(raw) ? raw : { value: raw };
    const id =
      typeof fields.id === "string" && fields.id !== "" ? fields.id : `__interrupt_${position}`;
    return { ...fields, id, value: fields.value as TValue };
  });
}
