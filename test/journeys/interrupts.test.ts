/**
 * Journeys of answering interrupts: approve, edit and reject a human-in-the-loop request, two
 * interrupts answered together, a second interrupt after an answered one, and where focus goes
 * after an answer.
 */
import { describe, expect, test } from "vitest";
import { demoJourneys, type Journey } from "./support/demoJourney";

const demo = demoJourneys();

const EMAIL_ARGS = { to: "ada@example.com", subject: "Hello" };

function form(j: Journey) {
  return j.messages().locator("form.lgr-interrupts");
}

async function reply(j: Journey, text: string) {
  await j.aiMessages().filter({ hasText: text }).first().waitFor();
}

async function openReview(j: Journey) {
  await j.send("/interrupt");
  await form(j).getByRole("heading", { name: "Review send_email" }).waitFor();
}

describe("a human-in-the-loop request", () => {
  test("approve: the run resumes with the approval", async () => {
    const j = await demo.open();
    await openReview(j);
    // One pending request: Approve is one click.
    await form(j).getByRole("button", { name: "Approve" }).click();
    await reply(j, `Resumed with: ${JSON.stringify({ decisions: [{ type: "approve" }] })}`);
    await j.waitForStatus("success");
    expect(await form(j).count()).toBe(0);
  });

  test("edit: the run resumes with the edited arguments", async () => {
    const j = await demo.open();
    await openReview(j);
    await form(j).getByRole("button", { name: "Edit" }).click();
    const edited = { ...EMAIL_ARGS, subject: "Edited by a person" };
    await form(j)
      .getByRole("textbox", { name: "Arguments of send_email (JSON object)" })
      .fill(JSON.stringify(edited));
    await form(j).getByRole("button", { name: "Send edits" }).click();
    const action = { name: "send_email", args: edited, arguments: edited };
    await reply(
      j,
      `Resumed with: ${JSON.stringify({ decisions: [{ type: "edit", edited_action: action }] })}`,
    );
    await j.waitForStatus("success");
  });

  test("reject with a message: the run resumes with the rejection", async () => {
    const j = await demo.open();
    await openReview(j);
    await form(j).getByRole("button", { name: "Reject" }).click();
    await form(j)
      .getByRole("textbox", { name: "Message to the model (optional)" })
      .fill("Not this one");
    await form(j).getByRole("button", { name: "Reject" }).click();
    await reply(
      j,
      `Resumed with: ${JSON.stringify({ decisions: [{ type: "reject", message: "Not this one" }] })}`,
    );
    await j.waitForStatus("success");
  });

  test("a second interrupt after an answered one offers its own answer (no 'Answer sent')", async () => {
    const j = await demo.open();
    await openReview(j);
    await form(j).getByRole("button", { name: "Approve" }).click();
    await reply(j, "Resumed with:");
    await j.waitForStatus("success");

    await j.send("/interrupt");
    await expect.poll(() => j.humanMessages().count()).toBe(2);
    await form(j).getByRole("heading", { name: "Review send_email" }).waitFor();
    expect(await form(j).getByText("Answer sent").count()).toBe(0);
    expect(await form(j).getAttribute("data-state")).toBe("idle");
    await form(j).getByRole("button", { name: "Reject" }).click();
    expect(await form(j).getByRole("button", { name: "Reject" }).isEnabled()).toBe(true);
    await form(j).getByRole("button", { name: "Reject" }).click();
    await reply(j, `Resumed with: ${JSON.stringify({ decisions: [{ type: "reject" }] })}`);
  });

  test("after answering, focus is not dropped to the page body", async () => {
    const j = await demo.open();
    await openReview(j);
    await form(j).getByRole("button", { name: "Approve" }).focus();
    await j.page.keyboard.press("Enter");
    await reply(j, "Resumed with:");
    await j.waitForStatus("success");
    expect(await j.page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    // It is on the panel's "Answer sent." note, where the form was.
    await expect
      .poll(() => j.page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Answer sent");
  });
});

describe("several interrupts", () => {
  test("two interrupts answered together", async () => {
    const j = await demo.open();
    await j.send("/two-interrupts");
    await form(j).getByText("2 interrupts waiting for your answers").waitFor();
    const a = form(j).locator(".lgr-interrupt", { hasText: "Approve A?" });
    const b = form(j).locator(".lgr-interrupt", { hasText: "Approve B?" });
    await a.getByRole("textbox").fill("yes");
    await b.getByRole("button", { name: "Advanced" }).click();
    await b.getByRole("radio", { name: "JSON" }).check();
    await b.getByRole("textbox").fill('{"ok":false}');
    await form(j).getByRole("button", { name: "Resume with 2 answers" }).click();
    await reply(j, 'A: "yes", B: {"ok":false}');
    await j.waitForStatus("success");
    expect(await form(j).count()).toBe(0);
  });
});
