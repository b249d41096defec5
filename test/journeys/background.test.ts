/** A background run (`useCreateRun`) on the chat's thread: the chat follows it to its end. */
import { expect, test, vi } from "vitest";
import { demoJourneys, JOURNEY_TIMEOUT } from "./support/demoJourney";

const demo = demoJourneys();
vi.setConfig({ testTimeout: JOURNEY_TIMEOUT });

test("a background run started and watched to its end, its messages in the chat without a reload", async () => {
  const j = await demo.open();
  const gate = j.gate("background");
  await j.page.getByLabel("Background run input").fill(gate.command);
  await j.button("Start background run").click();
  await j.page.getByTestId("background-run").waitFor();
  // The chat follows the run while it is going…
  await j.humanMessages().filter({ hasText: gate.command }).waitFor();
  await j
    .aiMessages()
    .filter({ hasText: `Holding at ${gate.name}.` })
    .waitFor();
  await j.waitForStatus("running");
  // …and to its end.
  await gate.open();
  await j
    .aiMessages()
    .filter({ hasText: `Gate ${gate.name} opened.` })
    .waitFor();
  await j.waitForStatus("success");
  expect(await j.aiMessages().filter({ hasText: "Holding at" }).count()).toBe(1);
  expect(await j.humanMessages().filter({ hasText: gate.command }).count()).toBe(1);
});
