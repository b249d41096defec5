/** Journeys of a chat turn: send, stream, done; the turn starts at once; a new thread and back. */
import { describe, expect, test, vi } from "vitest";
import { demoJourneys, JOURNEY_TIMEOUT } from "./support/demoJourney";

const demo = demoJourneys();
vi.setConfig({ testTimeout: JOURNEY_TIMEOUT });

describe("a chat turn", () => {
  test("send, stream, done", async () => {
    const j = await demo.open();
    await j.send("hello there");
    await expect.poll(() => j.aiMessages().last().textContent()).toContain("You said: hello there");
    await j.waitForStatus("success");
    expect(await j.humanMessages().count()).toBe(1);
    expect(await j.composer().inputValue()).toBe("");
  });
});
