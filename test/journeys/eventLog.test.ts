/**
 * Journeys of the event log by keyboard: one tab stop that lands on a row in view, arrow keys
 * (and Home, End, PageUp, PageDown) between rows, and focusing it never stops it following.
 */
import type { Locator } from "playwright-core";
import { describe, expect, test } from "vitest";
import { demoJourneys, WAIT, type Journey } from "./support/demoJourney";

const demo = demoJourneys();
const JOURNEY = 180_000;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 4 * WAIT });

const chatLog = (j: Journey): Locator =>
  j.page.getByRole("log", { name: "Events of the chat's stream" });

/** The row that has focus, and whether it is wholly inside the log's visible area. */
const focusedRow = (log: Locator) =>
  log.evaluate((viewport) => {
    const row = document.activeElement?.closest(".lgr-log__row");
    if (!row || !viewport.contains(row)) return null;
    const view = viewport.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    return {
      seq: Number(row.getAttribute("data-seq")),
      inView: box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
    };
  });

/**
 * A window tall enough for the log to show a dozen rows: in the demo the log takes the height
 * the runs table leaves it, and PageDown moves by what is in view.
 */
const openDemo = () => demo.open({ width: 1280, height: 1000 });

const below = (log: Locator) =>
  log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

/** Runs `/custom n` in the chat and waits for the log to hold its events. */
async function fillLog(j: Journey, n: number): Promise<void> {
  await j.send(`/custom ${n}`);
  await j.waitForStatus("success");
  await poll(() => chatLog(j).locator(".lgr-log__row").count()).toBeGreaterThan(10);
  await poll(() => below(chatLog(j))).toBeLessThanOrEqual(4);
}

/** Tabs into the log from the control before it (the namespace filter). */
async function tabIntoLog(j: Journey): Promise<void> {
  await j.page.getByRole("combobox", { name: "Namespace" }).focus();
  await j.page.keyboard.press("Tab");
}

describe("the event log by keyboard", () => {
  test(
    "Tab lands on a row in view, without scrolling the log or stopping it following",
    async () => {
      const j = await openDemo();
      await fillLog(j, 300);
      const log = chatLog(j);
      const top = await log.evaluate((el) => el.scrollTop);

      await tabIntoLog(j);
      const row = await focusedRow(log);
      expect(row).toMatchObject({ inView: true });
      expect(await log.evaluate((el) => el.scrollTop)).toBe(top);
      expect(await log.locator("xpath=..").getAttribute("data-following")).toBe("true");

      // One tab stop: the next Tab leaves the log, Shift+Tab comes back to the same row.
      await j.page.keyboard.press("Tab");
      expect(await focusedRow(log)).toBeNull();
      await j.page.keyboard.press("Shift+Tab");
      expect(await focusedRow(log)).toEqual(row);
    },
    JOURNEY,
  );

  test(
    "arrow keys, Home, End, PageUp and PageDown move between rows",
    async () => {
      const j = await openDemo();
      await fillLog(j, 300);
      const log = chatLog(j);
      await tabIntoLog(j);
      const start = (await focusedRow(log))!.seq;

      await j.page.keyboard.press("ArrowUp");
      await poll(() => focusedRow(log)).toEqual({ seq: start - 1, inView: true });
      await j.page.keyboard.press("ArrowDown");
      await poll(() => focusedRow(log)).toEqual({ seq: start, inView: true });

      await j.page.keyboard.press("Home");
      await poll(() => focusedRow(log)).toEqual({ seq: 0, inView: true });
      expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
      await j.page.keyboard.press("PageDown");
      await poll(async () => (await focusedRow(log))?.seq).toBeGreaterThan(5);
      expect(await focusedRow(log)).toMatchObject({ inView: true });
      const afterPage = (await focusedRow(log))!.seq;
      await j.page.keyboard.press("PageUp");
      await poll(async () => (await focusedRow(log))?.seq).toBeLessThan(afterPage);

      await j.page.keyboard.press("End");
      const last = Number(await log.locator(".lgr-log__row").last().getAttribute("data-seq"));
      await poll(() => focusedRow(log)).toMatchObject({ inView: true });
      expect((await focusedRow(log))!.seq).toBeGreaterThanOrEqual(last);
      await poll(() => below(log)).toBeLessThanOrEqual(4);

      // Enter still opens the focused row.
      await j.page.keyboard.press("Enter");
      await poll(() =>
        j.page.evaluate(() => document.activeElement?.getAttribute("aria-expanded") ?? null),
      ).toBe("true");
    },
    JOURNEY,
  );

  test(
    "a focused row keeps focus while the log follows new events",
    async () => {
      const j = await openDemo();
      await fillLog(j, 200);
      const log = chatLog(j);
      const gate = j.gate("log");
      await j.send(gate.command);
      await poll(() => j.aiMessages().last().textContent()).toContain("Holding at");
      await poll(() => below(log)).toBeLessThanOrEqual(4);
      await tabIntoLog(j);
      const row = await focusedRow(log);
      expect(row).toMatchObject({ inView: true });

      await gate.open();
      await j.waitForStatus("success");
      // The log went on following the new events, and focus stayed on the row.
      await poll(() => below(log)).toBeLessThanOrEqual(4);
      expect(await log.locator("xpath=..").getAttribute("data-following")).toBe("true");
      expect((await focusedRow(log))?.seq).toBe(row!.seq);
    },
    JOURNEY,
  );
});
