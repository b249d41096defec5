/**
 * Journeys across a reload: the page comes back to the same thread and picks up where it was,
 * mid-stream or paused at an interrupt (every kind), with a way to answer.
 */
import { describe, expect, test, vi } from "vitest";
import { createClient } from "../../src/client";
import { demoJourneys, JOURNEY_TIMEOUT, type Journey } from "./support/demoJourney";

const demo = demoJourneys();
vi.setConfig({ testTimeout: JOURNEY_TIMEOUT });

/** Sends `text` and waits for the interrupt panel to offer the `choice`. */
async function pauseAt(j: Journey, text: string, choice: string) {
  await j.send(text);
  await j.interrupts().getByRole("button", { name: choice }).waitFor();
}

/** Answers with a one-click decision (Approve, Accept), as a person clicks it. */
async function choose(j: Journey, choice: string) {
  await j.interrupts().getByRole("button", { name: choice }).click();
}

describe("reload", () => {
  test("reload mid-stream: the run is re-joined and ends once, without repeats", async () => {
    const j = await demo.open();
    const gate = j.gate("reload");
    await j.send(gate.command);
    await j
      .aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    await j.reload();
    await j
      .aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    await gate.open();
    await j
      .aiMessages()
      .filter({ hasText: `Gate ${gate.name} opened.` })
      .waitFor();
    await j.waitForStatus("success");
    expect(await j.humanMessages().filter({ hasText: gate.command }).count()).toBe(1);
    expect(await j.aiMessages().filter({ hasText: "Holding at" }).count()).toBe(1);
    expect(await j.aiMessages().filter({ hasText: "opened." }).count()).toBe(1);
  });

  test("reload mid-interrupt (approval): the request is still there and can be approved", async () => {
    const j = await demo.open();
    await pauseAt(j, "/interrupt", "Approve");
    await j.reload();
    await choose(j, "Approve");
    // The reply streams in: wait for the whole of it, not its first token.
    await expect
      .poll(async () => (await j.aiMessages().last().textContent()) ?? "")
      .toContain('"type":"approve"');
  });

  test("reload mid-interrupt (agent inbox): the request is still there and can be accepted", async () => {
    const j = await demo.open();
    await pauseAt(j, "/inbox", "Accept");
    await j.reload();
    await choose(j, "Accept");
    // The reply streams in: wait for the whole of it, not its first token.
    await expect
      .poll(async () => (await j.aiMessages().last().textContent()) ?? "")
      .toContain('"type":"accept"');
  });

  test("reload with two interrupts pending: both come back and are answered together", async () => {
    const j = await demo.open();
    await j.send("/two-interrupts");
    await j.interrupts().getByRole("button", { name: "Resume with 2 answers" }).waitFor();
    await j.reload();
    const resume = j.interrupts().getByRole("button", { name: "Resume with 2 answers" });
    await resume.waitFor();
    const boxes = j.interrupts().getByRole("textbox");
    expect(await boxes.count()).toBe(2);
    await boxes.nth(0).fill("yes");
    await boxes.nth(1).fill("no");
    await resume.click();
    // The reply streams in: wait for the whole of it, not its first token.
    await expect
      .poll(async () => (await j.aiMessages().last().textContent()) ?? "")
      .toMatch(/A: "(yes|no)", B: "(yes|no)"/);
  });

  test("a thread paused at a static breakpoint opens with Continue", async () => {
    const j = await demo.open();
    const threadId = await j.threadId();
    const client = createClient({ apiUrl: demo.apiUrl });
    await client.runs.wait(threadId, "agent", {
      input: { messages: [{ type: "human", content: "paused before chat" }] },
      interruptBefore: ["chat"],
    });
    await j.reload();
    const go = j.interrupts().getByRole("button", { name: /Continue/ });
    await go.waitFor();
    await go.click();
    await j.aiMessages().filter({ hasText: "You said: paused before chat" }).waitFor();
  });
});
