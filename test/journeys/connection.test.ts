/**
 * Journeys of a dropped connection, announced to screen readers: the drop (each attempt), the
 * re-join, and a failure. The chat's stream goes through a fault proxy (a real server cannot
 * drop a connection on cue); the run itself is real and held at a gate, so it is still going
 * whatever the machine's speed.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { WAIT, type Journey } from "./support/demoJourney";
import { faultyDemoJourneys, isRejoin, isRunStart } from "./support/faultyDemo";

const demo = faultyDemoJourneys();
const JOURNEY = 180_000;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 2 * WAIT });

/** The chat's connection indicator, and the polite live region inside it. */
const connection = (j: Journey): Locator =>
  j.page.getByTestId("chat-status").locator(".lgr-connection");
const liveRegion = (j: Journey): Locator => connection(j).getByRole("status");

/**
 * Records every text the connection's live region takes (a screen reader hears each), so a
 * journey can assert on announcements that come and go quickly. Installed for reloads too (the
 * dev server may reload the page once when it first optimizes dependencies).
 */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  const install = () => {
    const w = window as unknown as { heard?: string[] };
    if (w.heard) return;
    const heard: string[] = (w.heard = []);
    const read = () => {
      const text = document.querySelector(".lgr-connection [role=status]")?.textContent ?? "";
      if (text !== "" && heard.at(-1) !== text) heard.push(text);
    };
    const observe = () =>
      new MutationObserver(read).observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    if (document.documentElement) observe();
    else document.addEventListener("DOMContentLoaded", observe);
  };
  await page.addInitScript(install);
  await page.evaluate(install);
  return () => page.evaluate(() => [...((window as unknown as { heard?: string[] }).heard ?? [])]);
}

describe("a dropped connection", () => {
  test(
    "the drop and the re-join are announced, and the run goes on",
    async () => {
      const j = await demo.open();
      const heard = await recordAnnouncements(j.page);
      // The run's first response ends after its first event (the run id): the page re-joins.
      let dropped = false;
      demo.plan((request) => {
        if (dropped || !isRunStart(request)) return undefined;
        dropped = true;
        return { closeAfterFrames: 1 };
      });
      const gate = j.gate("drop");
      await j.send(gate.command);

      await poll(heard).toContain("Stream: Reconnecting (attempt 1)…");
      await gate.open();
      // The re-joined stream brings the rest of the reply.
      await poll(() => j.aiMessages().last().textContent()).toContain(`Gate ${gate.name} opened.`);
      const said = await heard();
      expect(said.slice(said.indexOf("Stream: Reconnecting (attempt 1)…"))).toContain(
        "Stream: Reconnected",
      );
      // Normal states are never announced.
      expect(said.filter((text) => /Connected|Connecting|Closed/.test(text))).toEqual([]);
      expect(dropped).toBe(true);
    },
    JOURNEY,
  );

  test(
    "a connection that cannot come back is announced as failed; Re-join is announced too",
    async () => {
      const j = await demo.open();
      // Re-joins fail at the proxy: the page reports them as a bad gateway.
      j.expectedHttpFailures.add("502 GET");
      j.expectedHttpFailures.add("500 GET");
      const heard = await recordAnnouncements(j.page);
      let failing = true;
      demo.plan((request) => {
        if (isRunStart(request)) return { closeAfterFrames: 1 };
        if (failing && isRejoin(request)) return { cutBeforeHead: true };
        return undefined;
      });
      const gate = j.gate("fail");
      try {
        await j.send(gate.command);
        await poll(() => liveRegion(j).textContent()).toBe("Stream: Connection failed");
        expect(await heard()).toContain("Stream: Reconnecting (attempt 2)…");
        expect(await connection(j).getAttribute("data-state")).toBe("failed");

        // The network is back: the user re-joins the run, which is still going.
        failing = false;
        await j.button("Re-join").click();
        await poll(heard).toContain("Stream: Reconnected");
        await gate.open();
        await poll(() => j.aiMessages().last().textContent()).toContain(
          `Gate ${gate.name} opened.`,
        );
      } finally {
        await gate.open();
      }
    },
    JOURNEY,
  );
});
