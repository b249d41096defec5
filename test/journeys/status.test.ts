/**
 * One status vocabulary: a run paused for an answer shows "Needs input", a run the user stopped
 * shows "Stopped", in the chat's badge and in the runs table alike (the JS server reports the
 * paused run as `success` and the stopped one as `interrupted`; both stay readable as
 * `data-run-status`).
 */
import { describe, expect, test, vi } from "vitest";
import { demoJourneys, JOURNEY_TIMEOUT, type Journey } from "./support/demoJourney";

const demo = demoJourneys();
vi.setConfig({ testTimeout: JOURNEY_TIMEOUT });

async function chatRunId(j: Journey): Promise<string> {
  const code = j.page.getByTestId("chat-status").locator("code[title]");
  await code.waitFor();
  return (await code.getAttribute("title")) ?? "";
}

function tableRow(j: Journey, runId: string) {
  return j.page.locator(`.lgr-runs-table tr[data-run-id="${runId}"]`);
}

describe("one status vocabulary", () => {
  test("a paused run shows 'Needs input' in the chat badge and in its table row", async () => {
    const j = await demo.open();
    await j.send("/interrupt");
    await j.interrupts().getByText("Review send_email").waitFor();
    await j.waitForStatus("needs-input");
    expect(await j.status().textContent()).toContain("Needs input");

    const row = tableRow(j, await chatRunId(j));
    await row.and(j.page.locator('[data-status="needs-input"]')).waitFor();
    expect(await row.locator(".lgr-badge").textContent()).toBe("Needs input");
    // The server's own word stays available to code (once the table has read the paused run's
    // final status: it may say "running" until its next refresh).
    await row.and(j.page.locator('[data-run-status="success"]')).waitFor();
    expect(await row.locator(".lgr-badge").textContent()).toBe("Needs input");
  });

  test("a stopped run shows 'Stopped' in the chat badge and in its table row", async () => {
    const j = await demo.open();
    const gate = j.gate("status");
    await j.send(gate.command);
    await j
      .aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    await j.button("Stop").click();
    await j.waitForStatus("stopped");
    expect(await j.status().textContent()).toContain("Stopped");

    const row = tableRow(j, await chatRunId(j));
    await row.and(j.page.locator('[data-status="stopped"]')).waitFor();
    expect(await row.locator(".lgr-badge").textContent()).toBe("Stopped");
    expect(await row.getAttribute("data-run-status")).toBe("interrupted");
    await gate.open();
  });

  test("once answered, the paused run's row no longer says 'Needs input'", async () => {
    const j = await demo.open();
    await j.send("/interrupt");
    await j.interrupts().getByText("Review send_email").waitFor();
    const pausedRun = await chatRunId(j);
    await tableRow(j, pausedRun).and(j.page.locator('[data-status="needs-input"]')).waitFor();
    // One pending request: Approve is one click.
    await j.interrupts().getByRole("button", { name: "Approve" }).click();
    await j.aiMessages().filter({ hasText: "Resumed with:" }).waitFor();
    await j.waitForStatus("success");
    await tableRow(j, pausedRun).and(j.page.locator('[data-status="success"]')).waitFor();
    expect(await j.page.locator('.lgr-runs-table tr[data-status="needs-input"]').count()).toBe(0);
  });
});
