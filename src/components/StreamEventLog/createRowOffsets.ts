/** A row's identity (for example an event's seq), so a measured height can follow the row. */
export type RowKey = number | string;

/**
 * Where each row of a virtualized list starts, for rows of an estimated height of which some
 * are measured: a Fenwick tree holds the corrections (measured − estimate) by row index, so the
 * total height, a row's offset and the row at an offset all cost O(log n), also at 100,000
 * rows; more rows cost O(1) each (amortized). Heights are also kept by key: rows that shifted
 * (old ones dropped, a new filter) get theirs back with `restore` when they are shown again.
 *
 * @example
 * const offsets = createRowOffsets(28);
 * offsets.sync(1_000);
 * offsets.setSize(2, 100); // row 2 measured, expanded
 * offsets.startOf(3); // 3 * 28 + 72 = 156
 * offsets.indexAt(150); // 2
 * offsets.total; // 1_000 * 28 + 72
 */
export function createRowOffsets(estimate: number): RowOffsets {
  return new RowOffsets(estimate);
}

export class RowOffsets {
  #estimate: number;
  #count = 0;
  /**
   * 1-based Fenwick tree of corrections: node j sums rows [j - lowbit(j), j) (0-based). Its
   * capacity (length - 1) is a power of two ≥ count; rows ≥ count have no correction.
   */
  #tree = new Float64Array(2);
  /** Measured rows: index → height. */
  #sizes = new Map<number, number>();
  /** Keys of measured rows: index → key, to notice that rows shifted. */
  #keys = new Map<number, RowKey>();
  /** Measured heights by key. */
  #byKey = new Map<RowKey, number>();
  /** The lowest and highest measured index (-1: none). */
  #first = -1;
  #last = -1;

  constructor(estimate: number) {
    this.#estimate = Math.max(1, estimate);
  }

  /** Rows. */
  get count(): number {
    return this.#count;
  }

  /** The height of all rows. */
  get total(): number {
    return this.#count * this.#estimate + this.#prefix(this.#count);
  }

  /** The height of row `index`: measured, or the estimate. */
  sizeOf(index: number): number {
    return this.#sizes.get(index) ?? this.#estimate;
  }

  /** Where row `index` starts (`count` → the total). */
  startOf(index: number): number {
    const i = Math.max(0, Math.min(this.#count, Math.floor(index)));
    return i * this.#estimate + this.#prefix(i);
  }

  /** The row at `offset` px (clamped to the rows; 0 without rows). */
  indexAt(offset: number): number {
    const tree = this.#tree;
    let pos = 0;
    let acc = 0;
    for (let step = tree.length - 1; step > 0; step >>= 1) {
      const next = pos + step;
      if (next > this.#count) continue;
      const end = acc + (tree[next] as number) + step * this.#estimate;
      if (end <= offset) {
        pos = next;
        acc = end;
      }
    }
    return Math.max(0, Math.min(pos, this.#count - 1));
  }

  /**
   * Records the measured height of row `index` (and of `key`). Heights ≤ 0 are ignored (a row
   * that is not laid out: jsdom, `display: none`). True when the offsets changed.
   */
  setSize(index: number, size: number, key?: RowKey): boolean {
    if (!(index >= 0 && index < this.#count && size > 0)) return false;
    if (key !== undefined) {
      this.#byKey.set(key, size);
      this.#keys.set(index, key);
    }
    const delta = size - this.sizeOf(index);
    this.#sizes.set(index, size);
    this.#span(index);
    if (delta === 0) return false;
    this.#add(index, delta);
    return true;
  }

  /** Gives row `index` the height measured for `key` before, if it has none. True if it did. */
  restore(index: number, key: RowKey): boolean {
    if (this.#sizes.has(index)) return false;
    const size = this.#byKey.get(key);
    return size !== undefined && this.setSize(index, size, key);
  }

  /**
   * Sets the row count. With `keyAt`, measured rows whose key moved (checked at the first and
   * the last measured row: old rows dropped, another filter) lose their place (their heights
   * stay known by key). True when they did.
   */
  sync(count: number, keyAt?: (index: number) => RowKey): boolean {
    const moved =
      keyAt !== undefined &&
      [this.#first, this.#last].some((i) => {
        const key = this.#keys.get(i);
        return key !== undefined && (i >= count || keyAt(i) !== key);
      });
    if (moved) this.forget();
    if (count < this.#count) {
      for (const index of this.#sizes.keys()) if (index >= count) this.#unset(index);
      this.#last = -1;
      this.#first = -1;
      for (const index of this.#sizes.keys()) this.#span(index);
    }
    this.#count = count;
    while (this.#tree.length - 1 < count) {
      // Doubling a Fenwick tree: the new top node sums everything; the others start at 0.
      const cap = this.#tree.length - 1;
      const tree = new Float64Array(cap * 2 + 1);
      tree.set(this.#tree);
      tree[cap * 2] = this.#tree[cap] as number;
      this.#tree = tree;
    }
    return moved;
  }

  /** Changes the estimate (measured rows keep their heights). */
  setEstimate(estimate: number): void {
    const next = Math.max(1, estimate);
    if (next === this.#estimate) return;
    this.#tree.fill(0);
    this.#estimate = next;
    for (const [index, size] of this.#sizes) this.#add(index, size - next);
  }

  /** Forgets where measured rows are: O(measured). Heights by key stay (bounded). */
  forget(): void {
    for (const index of this.#sizes.keys()) this.#unset(index);
    this.#first = -1;
    this.#last = -1;
    if (this.#byKey.size > 2 * this.#count + 1024) this.#byKey.clear();
  }

  #unset(index: number): void {
    this.#add(index, this.#estimate - this.sizeOf(index));
    this.#sizes.delete(index);
    this.#keys.delete(index);
  }

  #span(index: number): void {
    if (this.#first < 0 || index < this.#first) this.#first = index;
    if (index > this.#last) this.#last = index;
  }

  /** Sum of the corrections of rows [0, end). */
  #prefix(end: number): number {
    let sum = 0;
    for (let j = end; j > 0; j &= j - 1) sum += this.#tree[j] as number;
    return sum;
  }

  #add(index: number, delta: number): void {
    const tree = this.#tree;
    for (let j = index + 1; j < tree.length; j += j & -j) tree[j] = (tree[j] as number) + delta;
  }
}
