// TEMPORARY: screenshots of the RunsTable stories for a visual review (deleted afterwards).
import { composeStories, setProjectAnnotations } from "@storybook/react-vite";
import { cleanup, render } from "@testing-library/react";
import { afterEach, it } from "vitest";
import { page } from "vitest/browser";
import preview from "../../../.storybook/preview";
import * as stories from "../../../stories/RunsTable.stories";

setProjectAnnotations([preview]);
const composed = composeStories(stories);
afterEach(cleanup);

const SHOTS: [keyof typeof composed, number][] = [
  ["AllStatuses", 1100],
  ["AllStatusesDark", 1100],
  ["Loading", 1100],
  ["Empty", 1100],
  ["EmptyFiltered", 1100],
  ["ErrorState", 1100],
  ["ErrorWithRuns", 1100],
  ["Paginated", 1100],
  ["ManyPagesLastPage", 1100],
  ["BulkSelection", 1100],
  ["BulkSelectionDark", 1100],
  ["BulkDeleteConfirm", 1100],
  ["MenuOpen", 1100],
  ["MenuOpenDark", 1100],
  ["RowDeleteConfirm", 1100],
  ["LiveIndicator", 1100],
  ["PhoneWidth", 390],
  ["PhoneWidthDark", 390],
  ["PhoneWidthMenuOpen", 390],
  ["PhoneWidthEmpty", 390],
  ["Connected", 1100],
  ["AllStatuses", 860],
  ["AllStatuses", 800],
  ["AllStatuses", 760],
  ["BulkSelection", 800],
];

for (const [name, width] of SHOTS) {
  it(`${name} at ${width}`, async () => {
    await page.viewport(width, 900);
    const Story = composed[name];
    await Story.run();
    await new Promise((r) => setTimeout(r, 400));
    await page.screenshot({ path: `../../../test-results/runs-table/${name}-${width}.png` });
  });
}
void render;

it("zoomed row", async () => {
  await page.viewport(1100, 900);
  await composed.BulkSelection.run();
  document.documentElement.style.zoom = "2";
  await new Promise((r) => setTimeout(r, 300));
  const row = document.querySelector('tr[data-run-id="run-running"]')!;
  await page.screenshot({ element: row, path: "../../../test-results/runs-table/zoom-row.png" });
  document.documentElement.style.zoom = "";
});
