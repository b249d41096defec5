/**
 * Journeys of a chat turn: send, stream, done; a turn starts at once; an error stays beside its
 * turn; a new thread and back again.
 */
import { describe, expect, test, vi } from "vitest";
import { demoJourneys, JOURNEY_TIMEOUT } from "./support/demoJourney";

const demo = demoJourneys();
vi.setConfig({ testTimeout: JOURNEY_TIMEOUT });

describe("a chat turn", () => {
  test("send, stream, done", async () => {
    const j = await demo.open();
    await j.send("hello there");
    await j.aiMessages().filter({ hasText: "You said: hello there" }).waitFor();
    await j.waitForStatus("success");
    expect(await j.humanMessages().count()).toBe(1);
    expect(await j.composer().inputValue()).toBe("");
  });

  test("held response head (fake: the test holds the server's answer): the message shows at once, the previous reply stays finished", async () => {
    const j = await demo.open();
    await j.send("first turn");
    await j.aiMessages().filter({ hasText: "You said: first turn" }).waitFor();
    await j.waitForStatus("success");
    const oldRunId = await j.page.getByTestId("chat-status").locator("code").textContent();

    // Hold the next run's request: nothing of the new run has arrived while we look.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await j.page.route("**/runs/stream", async (route) => {
      await released;
      await route.continue();
    });
    await j.send("second turn");
    await j.humanMessages().filter({ hasText: "second turn" }).waitFor();
    const previous = j.aiMessages().filter({ hasText: "You said: first turn" });
    expect(await previous.getAttribute("data-streaming")).toBe("false");
    expect(await j.page.getByTestId("chat-status").locator("code").count()).toBe(0);
    release();

    await j.aiMessages().filter({ hasText: "You said: second turn" }).waitFor();
    await j.waitForStatus("success");
    const newRunId = await j.page.getByTestId("chat-status").locator("code").textContent();
    expect(newRunId).not.toBe(oldRunId);
    // Reconciled by id: the optimistic message and the saved one are one message.
    expect(await j.humanMessages().filter({ hasText: "second turn" }).count()).toBe(1);
  });

  test("an error run, then a retry: the error stays beside the failed turn", async () => {
    const j = await demo.open();
    await j.send("/error");
    const error = j.messages().getByRole("alert").filter({ hasText: "Deliberate failure" });
    await error.waitFor();
    await j.waitForStatus("error");
    await j.send("retry please");
    await j.aiMessages().filter({ hasText: "You said: retry please" }).waitFor();
    await j.waitForStatus("success");
    expect(await error.count()).toBe(1);
    // In order: the failed turn, its error, then the retry.
    const order = await j.messages().locator(".lgr-messages__item").allTextContents();
    const at = (text: string) => order.findIndex((entry) => entry.includes(text));
    expect(at("/error")).toBeLessThan(at("Deliberate failure"));
    expect(at("Deliberate failure")).toBeLessThan(at("retry please"));
  });

  test("a new thread, then back to the old one", async () => {
    const j = await demo.open();
    await j.send("on the first thread");
    await j.aiMessages().filter({ hasText: "You said: on the first thread" }).waitFor();
    const first = await j.threadId();
    await j.button("New thread").click();
    await j.page.waitForFunction((old) => !window.location.hash.includes(old), first);
    await j.messages().getByText("No messages yet", { exact: false }).waitFor();
    await j.send("on the second thread");
    await j.aiMessages().filter({ hasText: "You said: on the second thread" }).waitFor();
    expect(await j.humanMessages().filter({ hasText: "on the first thread" }).count()).toBe(0);

    await j.page.evaluate((id) => (window.location.hash = `thread=${id}`), first);
    await j.aiMessages().filter({ hasText: "You said: on the first thread" }).waitFor();
    expect(await j.humanMessages().filter({ hasText: "on the second thread" }).count()).toBe(0);
  });
});
