/** Journeys of the runs table: a confirmed delete, and keyboard focus through the pager. */
import { describe, expect, test } from "vitest";
import { demoJourneys, type Journey } from "./support/demoJourney";

const demo = demoJourneys();

function table(j: Journey) {
  return j.page.locator(".lgr-runs-table");
}

function rows(j: Journey) {
  return table(j).locator("tbody tr[data-run-id]");
}

async function isFocused(locator: ReturnType<Journey["button"]>): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Sends `count` chat turns, one after the other, each to its end. */
async function finishedTurns(j: Journey, count: number) {
  for (let turn = 1; turn <= count; turn += 1) {
    await j.send(`turn ${turn}`);
    await j
      .aiMessages()
      .filter({ hasText: `You said: turn ${turn}` })
      .waitFor();
    await j.waitForStatus("success");
  }
  await expect.poll(() => rows(j).count()).toBe(Math.min(count, 5));
}

describe("the runs table", () => {
  test("Delete (in the row's ⋯ menu) asks first; Keep (or Escape) keeps the run and focus returns to ⋯", async () => {
    const j = await demo.open();
    await finishedTurns(j, 1);
    const row = rows(j).first();
    const runId = await row.getAttribute("data-run-id");
    const more = row.getByRole("button", { name: /^More actions for run / });

    await more.click();
    await row.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = row.getByRole("group", { name: /Delete run .*\?/ });
    await confirm.waitFor();
    // The safe choice has focus; the run is still there.
    await expect.poll(() => isFocused(confirm.getByRole("button", { name: "Keep" }))).toBe(true);
    await j.page.keyboard.press("Enter");
    await expect.poll(() => isFocused(more)).toBe(true);
    expect(await rows(j).count()).toBe(1);

    // By keyboard: Enter opens the menu on its first item, End moves to Delete.
    await j.page.keyboard.press("Enter");
    await j.page.keyboard.press("End");
    await j.page.keyboard.press("Enter");
    await confirm.waitFor();
    await j.page.keyboard.press("Escape");
    await expect.poll(() => isFocused(more)).toBe(true);
    expect(await confirm.count()).toBe(0);
    expect(await table(j).locator(`tr[data-run-id="${runId}"]`).count()).toBe(1);
  });

  test("a confirmed Delete removes the run, by keyboard, and focus goes to the table", async () => {
    const j = await demo.open();
    await finishedTurns(j, 2);
    const row = rows(j).first();
    const runId = (await row.getAttribute("data-run-id")) ?? "";
    await row.getByRole("button", { name: /^More actions for run / }).focus();
    await j.page.keyboard.press("Enter");
    await j.page.keyboard.press("End");
    await j.page.keyboard.press("Enter");
    await row.getByRole("button", { name: "Yes, delete" }).focus();
    await j.page.keyboard.press("Enter");

    await expect.poll(() => table(j).locator(`tr[data-run-id="${runId}"]`).count()).toBe(0);
    expect(await j.page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    await expect.poll(() => isFocused(table(j).locator("caption"))).toBe(true);
    expect(await rows(j).count()).toBe(1);
  });

  test("Next onto the last page keeps focus on the pager (not the page body)", async () => {
    const j = await demo.open();
    await finishedTurns(j, 6);
    const next = j.page.getByRole("navigation", { name: "Runs pages" }).getByRole("button", {
      name: /Next/,
    });
    await next.focus();
    await j.page.keyboard.press("Enter");
    await j.page.getByText("Page 2 of 2").waitFor();
    await expect.poll(() => rows(j).count()).toBe(1);
    expect(await j.page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    expect(await isFocused(next)).toBe(true);
    // On the last page Next does nothing, and says so.
    expect(await next.getAttribute("aria-disabled")).toBe("true");
    await j.page.keyboard.press("Enter");
    expect(await j.page.getByText("Page 2 of 2").count()).toBe(1);
  });
});
