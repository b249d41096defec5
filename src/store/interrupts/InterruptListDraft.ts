import type { PendingInterrupt } from "./PendingInterrupt";

/**
 * id → position of the interrupts in the longest list written with it. Shared, append-only,
 * between a list and the lists that extend it: every list using an index is a prefix of the
 * longest one, so "id at a position below my length" is exactly "id pending in my list".
 */
interface SharedIndex {
  readonly positions: Map<string, number>;
  /** Length of the longest list indexed; only a list of this length may extend the index. */
  length: number;
}

const indexByList = new WeakMap<readonly PendingInterrupt<unknown>[], SharedIndex>();

/**
 * A copy-on-write editor for the pending interrupts, used to fold a whole batch of events with
 * one list copy. Adding an interrupt is O(1) amortized: "is this id pending?" is answered by an
 * id index carried from batch to batch (built once per list lineage, extended in place), not by
 * scanning the pending ones. The base list is never changed.
 *
 * @example
 * const draft = new InterruptListDraft(session.interrupts);
 * draft.add([{ id: "i1", value: "ok?" }]);
 * const interrupts = draft.finish(); // the base itself when nothing was new
 */
export class InterruptListDraft<TValue> {
  readonly #base: readonly PendingInterrupt<TValue>[];
  #list: PendingInterrupt<TValue>[] | null = null;
  #index: SharedIndex | null = null;

  constructor(base: readonly PendingInterrupt<TValue>[]) {
    this.#base = base;
  }

  /** The pending interrupts as edited so far. */
  get items(): readonly PendingInterrupt<TValue>[] {
    return this.#list ?? this.#base;
  }

  /** Whether an interrupt with this id is pending. */
  has(id: string): boolean {
    const position = this.#lookup().positions.get(id);
    return position !== undefined && position < this.items.length;
  }

  /** Adds the interrupts whose id is not pending yet (an id already pending keeps its first object). */
  add(incoming: readonly PendingInterrupt<TValue>[]): void {
    for (const interrupt of incoming) {
      if (!this.has(interrupt.id)) this.#push(interrupt);
    }
  }

  /** Drops every pending interrupt (a new run began). */
  clear(): void {
    if (this.items.length === 0) return;
    this.#list = [];
    this.#index = null;
  }

  /** The resulting list: the base itself when nothing changed. */
  finish(): PendingInterrupt<TValue>[] {
    if (this.#list === null) return this.#base as PendingInterrupt<TValue>[];
    indexByList.set(this.#list, this.#lookup());
    return this.#list;
  }

  #push(interrupt: PendingInterrupt<TValue>): void {
    this.#list ??= this.#base.slice();
    const index = this.#writableIndex();
    index.positions.set(interrupt.id, this.#list.length);
    this.#list.push(interrupt);
    index.length = this.#list.length;
  }

  #lookup(): SharedIndex {
    this.#index ??= indexByList.get(this.items) ?? indexList(this.items);
    return this.#index;
  }

  /** The index, extended in place when this list is its longest; rebuilt for a side branch. */
  #writableIndex(): SharedIndex {
    const index = this.#lookup();
    const length = this.items.length;
    if (index.length === length) return index;
    this.#index = indexList(this.items);
    return this.#index;
  }
}

function indexList(list: readonly PendingInterrupt<unknown>[]): SharedIndex {
  const positions = new Map<string, number>();
  list.forEach(({ id }, position) => {
    if (!positions.has(id)) positions.set(id, position);
  });
  return { positions, length: list.length };
}
