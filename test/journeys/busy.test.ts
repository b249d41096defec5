/**
 * Sending while the thread is busy: the message is not lost (the draft keeps it), the refusal is
 * a notice, not an error, the chat keeps following the run that is going, and each of the
 * server's multitask strategies (and waiting) sends the message as chosen.
 */
import { describe, expect, test, vi } from "vitest";
import { demoJourneys, JOURNEY_TIMEOUT, type Journey } from "./support/demoJourney";

const demo = demoJourneys();
vi.setConfig({ testTimeout: JOURNEY_TIMEOUT });

/** Starts a gated run, then sends `text` while it holds the thread. */
async function sendWhileBusy(j: Journey, text: string) {
  const gate = j.gate("busy");
  await j.send(gate.command);
  await j
    .aiMessages()
    .filter({ hasText: `Holding at ${gate.name}.` })
    .waitFor();
  await j.send(text);
  await j.busyChoices().waitFor();
  return gate;
}

describe("a busy thread", () => {
  test("the refused message stays as the draft, with a notice and no error", async () => {
    const j = await demo.open();
    j.expectedHttpFailures.add("422 POST");
    const gate = await sendWhileBusy(j, "second message");
    expect(await j.composer().inputValue()).toBe("second message");
    expect(await j.humanMessages().filter({ hasText: "second message" }).count()).toBe(0);
    expect(await j.page.getByRole("alert").count()).toBe(0);
    await j.waitForStatus("running");
    // The reply of the run that is going stays on show while the chat follows it again.
    await j
      .aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    // The chat still follows the first run to its end.
    await gate.open();
    await j
      .aiMessages()
      .filter({ hasText: `Gate ${gate.name} opened.` })
      .waitFor();
    await j.waitForStatus("success");
  });

  for (const [choice, strategy] of [
    ["Queue it", "enqueue"],
    ["Interrupt it", "interrupt"],
    ["Roll it back", "rollback"],
    ["Send when it finishes", "wait"],
  ] as const) {
    test(`"${choice}" sends the message (${strategy})`, async () => {
      const j = await demo.open();
      j.expectedHttpFailures.add("422 POST");
      const gate = await sendWhileBusy(j, `then ${strategy}`);
      await j.busyChoices().getByRole("button", { name: choice }).click();
      expect(await j.composer().inputValue()).toBe("");
      if (strategy === "enqueue" || strategy === "wait") await gate.open();
      await j
        .aiMessages()
        .filter({ hasText: `You said: then ${strategy}` })
        .waitFor();
      await j.waitForStatus("success");
      expect(
        await j
          .humanMessages()
          .filter({ hasText: `then ${strategy}` })
          .count(),
      ).toBe(1);
      if (strategy === "enqueue" || strategy === "wait")
        expect(
          await j
            .aiMessages()
            .filter({ hasText: `Gate ${gate.name} opened.` })
            .count(),
        ).toBe(1);
      else await gate.open();
    });
  }
});
