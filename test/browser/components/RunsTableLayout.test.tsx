/**
 * The runs table's layout with the kit's stylesheet, in Chromium: pages keep one height, one
 * empty state shows, and at 390 px the rows are cards whose actions (and ⋯ menu) are on screen.
 */
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import type { Run } from "../../../src/client";
import { RunsTableView } from "../../../src/components/RunsTable";
import "../../../src/styles/index.css";
import { runsHarness } from "../../support/renderWithRuns";

afterEach(async () => {
  cleanup();
  await page.viewport(1280, 800);
});

const NOW = Date.parse("2025-03-14T15:09:26Z");

function runs(count: number, from = 1): Run[] {
  return Array.from({ length: count }, (_, index) => {
    const n = from + index;
    return {
      run_id: `run-${n}`,
      thread_id: "thread-1",
      assistant_id: "agent",
      created_at: new Date(NOW - n * 60_000).toISOString(),
      updated_at: new Date(NOW - n * 60_000 + 4_000).toISOString(),
      status: n === 1 ? "running" : "success",
      metadata: { graph_id: "agent" },
      multitask_strategy: null,
      kwargs: { input: { messages: [{ type: "human", content: `Question number ${n}` }] } },
    };
  });
}

const pager = { pageSize: 5, pageCount: 3, total: 12, setPage: () => undefined };
const box = (element: Element) => element.getBoundingClientRect();

describe("RunsTable layout", () => {
  it("keeps one height across pages: the last page's missing rows are blank rows", async () => {
    await page.viewport(1280, 800);
    const harness = runsHarness();
    const { rerender } = render(
      <RunsTableView runs={runs(5)} now={NOW} page={0} hasNext {...pager} />,
      { wrapper: harness.wrapper },
    );
    const table = screen.getByRole("table");
    const full = box(table).height;
    const nav = screen.getByRole("navigation", { name: "Runs pages" });
    const navTop = box(nav).top;

    rerender(<RunsTableView runs={runs(2, 11)} now={NOW} page={2} hasPrevious {...pager} />);
    expect(table.querySelectorAll("tbody tr[data-run-id]")).toHaveLength(2);
    expect(box(table).height).toBe(full);
    expect(box(screen.getByRole("navigation", { name: "Runs pages" })).top).toBe(navTop);
  });

  it("shows one empty state", () => {
    render(<RunsTableView runs={[]} setStatus={() => undefined} />);
    const shown = screen
      .getAllByText("No runs yet.")
      .filter((element) => box(element).width > 1 && box(element).height > 1);
    expect(shown).toHaveLength(1);
    expect(screen.getByRole("table")).toContainElement(shown[0]!);
  });

  it("stacks the rows as cards at 390 px, with every row's actions on screen", async () => {
    await page.viewport(390, 844);
    const harness = runsHarness();
    const { container } = render(
      <RunsTableView
        runs={runs(4)}
        now={NOW}
        selectedIds={new Set(["run-2"])}
        setSelectedIds={() => undefined}
        deleteRuns={() => undefined}
        deleteRun={() => undefined}
        onOpenRun={() => undefined}
        setStatus={() => undefined}
      />,
      { wrapper: harness.wrapper },
    );
    const scroller = container.querySelector(".lgr-runs__scroll")!;
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
    const groups = screen.getAllByRole("group", { name: /^Actions for run / });
    expect(groups).toHaveLength(4);
    for (const group of groups) {
      expect(box(group).left).toBeGreaterThanOrEqual(0);
      expect(box(group).right).toBeLessThanOrEqual(390);
    }
    const running = container.querySelector<HTMLElement>('tr[data-run-id="run-1"]')!;
    const cancel = within(running).getByRole("button", { name: "Cancel" });
    expect(box(cancel).right).toBeLessThanOrEqual(390);
    // The select-all box is still there, header cells are read but not shown.
    expect(screen.getByRole("checkbox", { name: "Select all runs on this page" })).toBeVisible();
    expect(box(screen.getByRole("columnheader", { name: "Created" })).width).toBeLessThanOrEqual(1);

    // The ⋯ menu opens on screen.
    await userEvent.click(
      within(running).getByRole("button", { name: "More actions for run run-1" }),
    );
    const menu = screen.getByRole("menu");
    expect(box(menu).left).toBeGreaterThanOrEqual(0);
    expect(box(menu).right).toBeLessThanOrEqual(390);
    expect(box(menu).bottom).toBeLessThanOrEqual(844);
  });

  it("shows the ⋯ menu outside the table's scroll box, under its button", async () => {
    const harness = runsHarness();
    const { container } = render(
      <div style={{ height: 260, overflow: "auto" }}>
        <RunsTableView runs={runs(2, 2)} now={NOW} deleteRun={() => undefined} />
      </div>,
      { wrapper: harness.wrapper },
    );
    const last = container.querySelector<HTMLElement>('tr[data-run-id="run-3"]')!;
    const button = within(last).getByRole("button", { name: "More actions for run run-3" });
    await userEvent.click(button);
    const menu = screen.getByRole("menu");
    // In the top layer: nothing clips it, though it reaches past the table's scroll box.
    expect(menu.matches(":popover-open")).toBe(true);
    expect(box(menu).top).toBeGreaterThanOrEqual(box(button).bottom);
    expect(box(menu).right).toBeCloseTo(box(button).right, 0);
    expect(box(menu).bottom).toBeGreaterThan(
      box(container.querySelector(".lgr-runs__scroll")!).bottom,
    );
  });
});
