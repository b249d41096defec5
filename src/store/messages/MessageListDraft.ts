import type { Message } from "./Message";
import { TextAppends } from "./TextAppends";

/**
 * id → position of every list a draft produced, so the next batch finds a message without
 * scanning. Shared between list versions and copied before a draft changes it.
 */
const positionsByList = new WeakMap<readonly Message[], ReadonlyMap<string, number>>();

/**
 * A copy-on-write editor for a message list, used to fold a whole batch of events with one list
 * copy. Lookups are O(1): the streaming message is almost always last, and otherwise an id →
 * position map (built once, then carried from batch to batch) answers. The base list is never
 * changed; `finish()` returns it unchanged when nothing was written.
 *
 * @example
 * const draft = new MessageListDraft(list);
 * draft.set(draft.indexOf("run-1"), updated);
 * const next = draft.finish(); // a new array; every other message is the same object
 */
export class MessageListDraft {
  readonly #base: readonly Message[];
  #list: Message[] | null = null;
  #positions: ReadonlyMap<string, number> | null = null;
  #ownsPositions = false;
  /** True while messages sit where they sat in the base (only replaced or appended). */
  #baseShape = true;
  /** Text that streamed chunks appended in this draft; `finish()` settles it. */
  readonly textAppends = new TextAppends();

  constructor(base: readonly Message[]) {
    this.#base = base;
  }

  /** The list as edited so far. */
  get items(): readonly Message[] {
    return this.#list ?? this.#base;
  }

  /** Position of the message with this id, or -1. */
  indexOf(id: string): number {
    const items = this.items;
    const last = items.length - 1;
    if (last >= 0 && items[last]?.id === id) return last;
    return this.#lookup().get(id) ?? -1;
  }

  /** Replaces the message at `position` by one with the same id. */
  set(position: number, message: Message): void {
    this.#own()[position] = message;
  }

  /** Appends a message whose id is not in the list. */
  push(message: Message): void {
    const positions = this.#ownPositions();
    const list = this.#own();
    list.push(message);
    positions.set(message.id, list.length - 1);
  }

  /** Removes the message with this id, if any. */
  remove(id: string): void {
    const position = this.indexOf(id);
    if (position < 0) return;
    this.#own().splice(position, 1);
    this.#forgetPositions();
  }

  /** Replaces the whole list (the draft takes ownership of `messages`). */
  replaceAll(messages: Message[]): void {
    this.#list = messages;
    this.#forgetPositions();
  }

  /** The resulting list: the base itself when nothing changed. */
  finish(): Message[] {
    // Text appended chunk by chunk becomes one append per message (not a full-text copy).
    this.textAppends.settle();
    if (this.#list === null) return this.#base as Message[];
    positionsByList.set(this.#list, this.#lookup());
    return this.#list;
  }

  #own(): Message[] {
    this.#list ??= this.#base.slice();
    return this.#list;
  }

  #lookup(): ReadonlyMap<string, number> {
    if (this.#positions === null) {
      const cached = this.#baseShape ? positionsByList.get(this.#base) : undefined;
      this.#positions = cached ?? indexPositions(this.items);
      this.#ownsPositions = cached === undefined;
    }
    return this.#positions;
  }

  #forgetPositions(): void {
    this.#positions = null;
    this.#baseShape = false;
  }

  #ownPositions(): Map<string, number> {
    const positions = this.#lookup();
    if (!this.#ownsPositions) {
      this.#positions = new Map(positions);
      this.#ownsPositions = true;
    }
    return this.#positions as Map<string, number>;
  }
}

function indexPositions(messages: readonly Message[]): Map<string, number> {
  const positions = new Map<string, number>();
  messages.forEach((message, position) => positions.set(message.id, position));
  return positions;
}
