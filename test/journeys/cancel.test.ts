/** Journeys of stopping a run: Stop, then a new run; focus after Stop. */
import { describe, expect, test } from "vitest";
import { demoJourneys, type Journey } from "./support/demoJourney";

const demo = demoJourneys();

/** The chat's Stop button (its label changes to "Cancelling…" / "Cancelled" along the way). */
function stopButton(j: Journey) {
  return j.page.locator(".demo-chat__controls .lgr-cancel__button");
}

/** What the Stop button's polite live region says. */
function stopAnnouncement(j: Journey) {
  return j.page.locator(".demo-chat__controls .lgr-cancel [role=status]").textContent();
}

async function sendGated(j: Journey) {
  const gate = j.gate("stop");
  await j.send(gate.command);
  await j
    .aiMessages()
    .filter({ hasText: `Holding at ${gate.name}.` })
    .waitFor();
  await j.waitForStatus("running");
  return gate;
}

describe("stopping a run", () => {
  test("Stop a run, then a new run: no stale 'Could not cancel', and Stop works again", async () => {
    const j = await demo.open();
    const first = await sendGated(j);
    await j.button("Stop").click();
    await j.waitForStatus("stopped");

    const second = await sendGated(j);
    expect(await j.page.getByText(/Could not cancel/).count()).toBe(0);
    expect(await stopAnnouncement(j)).toBe("");
    await j.button("Stop").click();
    await j.waitForStatus("stopped");
    expect(await stopButton(j).textContent()).toContain("Cancelled");
    expect(await j.page.getByText(/Could not cancel/).count()).toBe(0);
    // Opening a stopped run's gate changes nothing: the run is over.
    await Promise.all([first.open(), second.open()]);
  });

  test("Stop a run, then an interrupt: the pause is not announced as 'Cancelled'", async () => {
    const j = await demo.open();
    const gate = await sendGated(j);
    await j.button("Stop").click();
    await j.waitForStatus("stopped");
    await gate.open();

    await j.send("/interrupt");
    await j.interrupts().getByText("Review send_email").waitFor();
    await j.waitForStatus("needs-input");
    expect(await stopAnnouncement(j)).not.toContain("Cancelled");
    expect(await stopButton(j).textContent()).not.toContain("Cancelled");
  });

  test("after Stop completes, focus stays on the Stop control (not the page body)", async () => {
    const j = await demo.open();
    const gate = await sendGated(j);
    await j.button("Stop").focus();
    await j.page.keyboard.press("Enter");
    await j.waitForStatus("stopped");
    await expect.poll(() => stopButton(j).textContent()).toContain("Cancelled");
    expect(await j.page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    await expect
      .poll(() => stopButton(j).evaluate((el) => el === document.activeElement))
      .toBe(true);
    await gate.open();
  });
});
