/**
 * Journeys of a long chat: the page itself never scrolls, the chat follows the newest message
 * while the reader is at the bottom, stops when they scroll up ("Jump to latest" brings it back),
 * and its scroll region works by keyboard (axe `scrollable-region-focusable`).
 */
import { createRequire } from "node:module";
import type { Locator } from "playwright-core";
import { describe, expect, test } from "vitest";
import { demoJourneys, WAIT, type Journey } from "./support/demoJourney";

const demo = demoJourneys();
/** A journey takes long on a loaded machine (long replies); nothing here measures time. */
const JOURNEY = 180_000;
/** Long replies stream slowly on a loaded machine: wait on them longer than on a locator. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 4 * WAIT });
const axeSource = (createRequire(import.meta.url)("axe-core") as { source: string }).source;

/** The chat's scroll region: MessageStream's, named by its label. */
const chatScroll = (j: Journey): Locator => j.chat().getByRole("region", { name: "Messages" });

/** Pixels of content below the visible part of a scroll container. */
const below = (scroller: Locator) =>
  scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

/** How far the page itself (not a panel) can scroll, and how far it did. */
const pageScroll = (j: Journey) =>
  j.page.evaluate(() => {
    const page = document.scrollingElement ?? document.documentElement;
    return { top: page.scrollTop, overflow: page.scrollHeight - page.clientHeight };
  });

describe("a long chat", () => {
  test(
    "a long reply never scrolls the page, and the chat follows it to the end",
    async () => {
      const j = await demo.open();
      await j.send("/tokens 3000");
      await poll(() => j.aiMessages().last().textContent()).toContain("t2999");
      await j.waitForStatus("success");

      expect(await pageScroll(j)).toEqual({ top: 0, overflow: 0 });
      // Even a wheel over the chat's header cannot move the page.
      await j.page.getByRole("heading", { name: "Chat" }).hover();
      await j.page.mouse.wheel(0, 2000);
      expect((await pageScroll(j)).top).toBe(0);
      await poll(() => below(chatScroll(j))).toBeLessThanOrEqual(2);
    },
    JOURNEY,
  );

  test(
    "scrolling up mid-stream stops following; Jump to latest goes back and follows again",
    async () => {
      const j = await demo.open();
      await j.send("/tokens 400");
      await poll(() => j.aiMessages().last().textContent()).toContain("t399");
      await j.waitForStatus("success");
      const gate = j.gate("scroll");
      await j.send(gate.command);
      await poll(() => j.aiMessages().last().textContent()).toContain("Holding at");
      const scroller = chatScroll(j);
      await poll(() => below(scroller)).toBeLessThanOrEqual(2);
      expect(await j.button("Jump to latest").count()).toBe(0);

      // The reader scrolls up to read, while the run is still going.
      await scroller.hover();
      await j.page.mouse.wheel(0, -400);
      await j.button("Jump to latest").waitFor();
      await poll(() => below(scroller)).toBeGreaterThan(100);
      const readingAt = await scroller.evaluate((el) => el.scrollTop);

      // New content arrives: the view stays where the reader is.
      await gate.open();
      await poll(() => j.aiMessages().last().textContent()).toContain(`Gate ${gate.name} opened.`);
      await j.waitForStatus("success");
      expect(await scroller.evaluate((el) => el.scrollTop)).toBe(readingAt);

      await j.button("Jump to latest").click();
      await poll(() => below(scroller)).toBeLessThanOrEqual(2);
      expect(await j.button("Jump to latest").count()).toBe(0);
      // The button went away: focus is on the chat, not dropped to the page.
      expect(await scroller.evaluate((el) => el === document.activeElement)).toBe(true);

      // And it follows again: the next reply is followed to its end.
      await j.send("/tokens 500");
      await poll(() => j.aiMessages().last().textContent()).toContain("t499");
      await j.waitForStatus("success");
      await poll(() => below(scroller)).toBeLessThanOrEqual(2);
      expect((await pageScroll(j)).top).toBe(0);
    },
    JOURNEY,
  );

  test(
    "the chat's scroll region is reached by Tab and scrolls by keyboard",
    async () => {
      const j = await demo.open();
      await j.send("/tokens 1500");
      await poll(() => j.aiMessages().last().textContent()).toContain("t1499");
      await j.waitForStatus("success");
      const scroller = chatScroll(j);
      await poll(() => below(scroller)).toBeLessThanOrEqual(2);

      // The header's last control (the theme switch) comes right before the chat's scroll
      // region in tab order: the chat's head has nothing to stop at.
      await j.button("Dark theme").focus();
      await j.page.keyboard.press("Tab");
      await poll(() => scroller.evaluate((el) => el === document.activeElement)).toBe(true);

      await j.page.keyboard.press("PageUp");
      await poll(() => below(scroller)).toBeGreaterThan(100);
      await j.page.keyboard.press("Home");
      await poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0);
      await j.page.keyboard.press("End");
      await poll(() => below(scroller)).toBeLessThanOrEqual(2);
      expect((await pageScroll(j)).top).toBe(0);
    },
    JOURNEY,
  );

  test(
    "axe finds no scrollable region that a keyboard cannot reach",
    async () => {
      const j = await demo.open();
      await j.send("/tokens 1500");
      await poll(() => j.aiMessages().last().textContent()).toContain("t1499");
      await j.waitForStatus("success");
      await j.page.addScriptTag({ content: axeSource });
      const violations = await j.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: AxeRun } }).axe;
        const result = await axe.run(document, {
          runOnly: { type: "rule", values: ["scrollable-region-focusable"] },
        });
        return result.violations.map((v) => ({
          id: v.id,
          targets: v.nodes.map((n) => n.target.join(" ")),
        }));
      });
      expect(violations).toEqual([]);
    },
    JOURNEY,
  );
});

type AxeRun = (
  context: Document,
  options: { runOnly: { type: "rule"; values: string[] } },
) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
