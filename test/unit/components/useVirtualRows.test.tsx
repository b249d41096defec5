import { act, cleanup, render, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRowOffsets } from "../../../src/components/StreamEventLog/createRowOffsets";
import {
  useVirtualRows,
  type VirtualRows,
} from "../../../src/components/StreamEventLog/useVirtualRows";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The offsets the slow way: a prefix sum over every row. */
function naive(count: number, estimate: number, sizes: Map<number, number>) {
  const starts = [0];
  for (let i = 0; i < count; i++) starts.push(starts[i]! + (sizes.get(i) ?? estimate));
  return {
    startOf: (i: number) => starts[i]!,
    total: starts[count]!,
    indexAt: (offset: number) => {
      let index = 0;
      while (index < count - 1 && starts[index + 1]! <= offset) index++;
      return index;
    },
  };
}

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("createRowOffsets", () => {
  it("places unmeasured rows at the estimate", () => {
    const offsets = createRowOffsets(28);
    offsets.sync(10);
    expect(offsets.count).toBe(10);
    expect(offsets.total).toBe(280);
    expect(offsets.startOf(0)).toBe(0);
    expect(offsets.startOf(3)).toBe(84);
    expect(offsets.startOf(10)).toBe(280);
    expect(offsets.sizeOf(4)).toBe(28);
    expect(offsets.indexAt(0)).toBe(0);
    expect(offsets.indexAt(27.9)).toBe(0);
    expect(offsets.indexAt(28)).toBe(1);
    expect(offsets.indexAt(-50)).toBe(0);
    expect(offsets.indexAt(10_000)).toBe(9);
  });

  it("has no rows to find without rows", () => {
    const offsets = createRowOffsets(28);
    expect(offsets.total).toBe(0);
    expect(offsets.indexAt(100)).toBe(0);
    expect(offsets.startOf(5)).toBe(0);
  });

  it("moves later rows by what measured rows add, and finds rows inside them", () => {
    const offsets = createRowOffsets(28);
    offsets.sync(1_000);
    expect(offsets.setSize(2, 100)).toBe(true);
    expect(offsets.setSize(2, 100)).toBe(false); // unchanged
    expect(offsets.setSize(5, 20)).toBe(true);
    expect(offsets.sizeOf(2)).toBe(100);
    expect(offsets.startOf(2)).toBe(56);
    expect(offsets.startOf(3)).toBe(156);
    expect(offsets.startOf(6)).toBe(6 * 28 + 72 - 8);
    expect(offsets.total).toBe(1_000 * 28 + 72 - 8);
    expect(offsets.indexAt(56)).toBe(2);
    expect(offsets.indexAt(155.5)).toBe(2);
    expect(offsets.indexAt(156)).toBe(3);
    expect(offsets.indexAt(offsets.startOf(5) + 19)).toBe(5);
    expect(offsets.indexAt(offsets.startOf(5) + 20)).toBe(6);
  });

  it("ignores heights of rows that are not laid out, and rows out of range", () => {
    const offsets = createRowOffsets(28);
    offsets.sync(3);
    expect(offsets.setSize(0, 0)).toBe(false);
    expect(offsets.setSize(0, Number.NaN)).toBe(false);
    expect(offsets.setSize(3, 50)).toBe(false);
    expect(offsets.setSize(-1, 50)).toBe(false);
    expect(offsets.total).toBe(84);
  });

  it("matches a full prefix sum as rows arrive and get measured", () => {
    const next = random(7);
    const offsets = createRowOffsets(28);
    const sizes = new Map<number, number>();
    let count = 0;
    for (let round = 0; round < 40; round++) {
      count += Math.floor(next() * 300);
      offsets.sync(count);
      for (let k = 0; k < 20 && count > 0; k++) {
        const index = Math.floor(next() * count);
        const size = 10 + Math.round(next() * 400) / 4;
        offsets.setSize(index, size);
        sizes.set(index, size);
      }
      const expected = naive(count, 28, sizes);
      expect(offsets.total).toBeCloseTo(expected.total, 6);
      for (let k = 0; k < 20 && count > 0; k++) {
        const index = Math.floor(next() * count);
        expect(offsets.startOf(index)).toBeCloseTo(expected.startOf(index), 6);
        const offset = next() * expected.total;
        expect(offsets.indexAt(offset)).toBe(expected.indexAt(offset));
        // A row's own start finds the row.
        expect(offsets.indexAt(expected.startOf(index))).toBe(index);
      }
    }
  });

  it("drops measured rows past a smaller count", () => {
    const offsets = createRowOffsets(10);
    offsets.sync(100);
    offsets.setSize(10, 50);
    offsets.setSize(90, 50);
    expect(offsets.total).toBe(1_080);
    offsets.sync(50);
    expect(offsets.total).toBe(540);
    offsets.sync(100); // the rows that come back are new: unmeasured
    expect(offsets.total).toBe(1_040);
    expect(offsets.sizeOf(90)).toBe(10);
  });

  it("notices shifted rows by key and gives them their height back", () => {
    const offsets = createRowOffsets(28);
    let firstSeq = 0; // rows are seqs firstSeq, firstSeq + 1, …
    const keyAt = (index: number) => firstSeq + index;
    offsets.sync(100, keyAt);
    offsets.setSize(10, 128, keyAt(10));
    offsets.setSize(20, 28, keyAt(20));
    expect(offsets.sync(100, keyAt)).toBe(false);
    expect(offsets.startOf(11)).toBe(11 * 28 + 100);

    // Three old rows dropped, three new ones: seq 10 is row 7 now.
    firstSeq = 3;
    expect(offsets.sync(100, keyAt)).toBe(true);
    expect(offsets.total).toBe(100 * 28);
    expect(offsets.sizeOf(10)).toBe(28);
    expect(offsets.restore(7, keyAt(7))).toBe(true);
    expect(offsets.restore(7, keyAt(7))).toBe(false); // already has it
    expect(offsets.restore(8, keyAt(8))).toBe(false); // never measured
    expect(offsets.sizeOf(7)).toBe(128);
    expect(offsets.startOf(8)).toBe(8 * 28 + 100);
  });

  it("keeps measured heights when the estimate changes", () => {
    const offsets = createRowOffsets(28);
    offsets.sync(10);
    offsets.setSize(0, 100);
    offsets.setEstimate(20);
    expect(offsets.total).toBe(100 + 9 * 20);
    expect(offsets.startOf(1)).toBe(100);
    expect(offsets.indexAt(119)).toBe(1);
  });

  it("stays cheap at 100,000 rows: no work per row per lookup", () => {
    const offsets = createRowOffsets(28);
    const sizes = new Map<number, number>();
    // 100 renders of a growing log, each measuring the 30 newest rows (following the tail).
    for (let count = 1_000; count <= 100_000; count += 1_000) {
      offsets.sync(count, (i) => i);
      for (let i = count - 30; i < count; i++) {
        const size = i % 7 === 0 ? 90 : 28;
        offsets.setSize(i, size, i);
        sizes.set(i, size);
      }
      offsets.indexAt(offsets.total - 400);
    }
    for (let k = 0; k < 100_000; k++) offsets.indexAt((k * 27.3) % offsets.total);
    const expected = naive(100_000, 28, sizes);
    expect(offsets.total).toBe(expected.total);
    expect(offsets.startOf(99_999)).toBe(expected.startOf(99_999));
    expect(offsets.indexAt(expected.startOf(54_321) + 1)).toBe(54_321);
  });
});

/** A scrolling element of 280 px in jsdom (which has no layout) and rows of `rowHeight`. */
function layout(rowHeight: (row: HTMLElement) => number) {
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(280);
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (
    this: HTMLElement,
  ) {
    const height = this.dataset.index === undefined ? 0 : rowHeight(this);
    return {
      height,
      width: 100,
      top: 0,
      left: 0,
      bottom: height,
      right: 100,
      x: 0,
      y: 0,
    } as DOMRect;
  });
}

function List({ count, onRows }: { count: number; onRows: (rows: VirtualRows) => void }) {
  const rows = useVirtualRows({ count, estimateSize: 28, overscan: 2 });
  onRows(rows);
  const { setScrollElement, measureElement } = rows;
  const items = rows.getVirtualItems();
  const total = rows.getTotalSize();
  return (
    <div ref={setScrollElement} data-testid="viewport">
      <div style={{ height: total }}>
        {items.map((row) => (
          <div
            key={row.key}
            ref={measureElement}
            data-index={row.index}
            data-start={row.start}
            data-size={row.size}
          >
            {row.index}
          </div>
        ))}
      </div>
    </div>
  );
}

describe("useVirtualRows (jsdom)", () => {
  it("renders nothing while the element has no height", () => {
    const { result } = renderHook(() => useVirtualRows({ count: 1_000 }));
    expect(result.current.getVirtualItems()).toEqual([]);
    expect(result.current.getTotalSize()).toBe(28_000);
  });

  it("renders the rows in view plus overscan, measured before paint", () => {
    expect(typeof globalThis.ResizeObserver).toBe("undefined"); // guarded: jsdom has none
    layout((row) => (row.dataset.index === "1" ? 100 : 28));
    let rows: VirtualRows | undefined;
    const { container } = render(<List count={100_000} onRows={(r) => (rows = r)} />);
    const items = rows!.getVirtualItems();
    // 280 px: rows 0–7 (row 1 is 100 px, so row 7 holds pixel 280) plus 2 overscan.
    expect(items.map((item) => item.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(items[1]).toMatchObject({ start: 28, size: 100, end: 128 });
    expect(items[2]).toMatchObject({ start: 128, size: 28 });
    expect(rows!.getTotalSize()).toBe(100_000 * 28 + 72);
    expect(container.querySelector('[data-index="2"]')?.getAttribute("data-start")).toBe("128");
    expect(rows!.viewportSize).toBe(280);
  });

  it("scrolls to a row", () => {
    layout(() => 28);
    let rows: VirtualRows | undefined;
    const { getByTestId } = render(<List count={1_000} onRows={(r) => (rows = r)} />);
    const viewport = getByTestId("viewport");
    let top = 0;
    vi.spyOn(viewport, "scrollTop", "get").mockImplementation(() => top);
    vi.spyOn(viewport, "scrollTop", "set").mockImplementation((value) => {
      top = value;
    });
    act(() => rows!.scrollToIndex(500, { align: "start" }));
    expect(top).toBe(500 * 28);
    expect(rows!.scrollOffset).toBe(500 * 28);
    expect(rows!.getVirtualItems()[0]?.index).toBe(498);
    act(() => rows!.scrollToIndex(100, { align: "end" }));
    expect(top).toBe(101 * 28 - 280);
    act(() => rows!.scrollToIndex(95)); // in view: auto does not move
    expect(top).toBe(101 * 28 - 280);
  });
});
