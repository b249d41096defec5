/**
 * The framework-free run controller against the real Agent Server, with a store that applies
 * queued events only when the test says so: this holds events in the queue at the moments a
 * browser's next animation frame would, and makes the races around them repeatable.
 */
import { describe, expect, it } from "vitest";
import { createStreamStore, eventLogToArray } from "../../src/store";
import { createRunController } from "../../src/store/createRunController";
import { human, testClient } from "../support/agentServer";
import { manualScheduler } from "../unit/store/manualScheduler";

const client = testClient();

/** A controller on a fresh thread, with a store flushed only by `flush()`. */
async function setup() {
  const scheduler = manualScheduler();
  const store = createStreamStore({ scheduler, eventLogCap: 10_000 });
  const threadId = (await client.threads.create()).thread_id;
  const controller = createRunController({
    client,
    store,
    id: "chat",
    assistantId: "agent",
    threadId,
    streamMode: ["custom", "values"],
  });
  controller.attach();
  const session = () => store.getSession("chat")!;
  const flush = () => scheduler.run();
  /** Flushes every 20 ms until `done()` holds (or fails after 20 s). */
  const flushUntil = (done: () => boolean) =>
    pollUntil(() => {
      flush();
      return done();
    }, "the session");
  /** Waits, without flushing, until an event is queued but not applied. */
  const untilQueued = () => pollUntil(() => scheduler.pending, "a queued event");
  return { controller, store, threadId, session, flush, flushUntil, untilQueued, scheduler };
}

function ticksOf(session: ReturnType<Awaited<ReturnType<typeof setup>>["session"]>) {
  return eventLogToArray(session.eventLog)
    .map((entry) => entry.event)
    .filter((event) => event.type === "custom")
    .map((event) => (event.data as { i: number }).i);
}

/** Checks `done()` every 20 ms until it holds; fails after 20 s. */
async function pollUntil(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ticks = (count: number) => Array.from({ length: count }, (_, i) => i);

describe("run controller: events still queued when the followed run changes hands", () => {
  it("a busy submit goes back to the run it displaced without taking a queued event twice", async () => {
    const { controller, session, flushUntil, untilQueued, scheduler } = await setup();
    // Long enough that the run is still going when the refused submit reaches the server on a
    // loaded machine (the refusal is checked below, so a finished run would fail the test).
    const first = controller.submit(human("/slow 6000"));
    await flushUntil(() => ticksOf(session()).length >= 2);
    await untilQueued();
    expect(scheduler.pending).toBe(true);
    const refused = controller.submit(human("too soon"), { multitaskStrategy: "reject" });
    await Promise.all([first, refused]);
    await flushUntil(() => session().status === "success");
    // The refusal stays on show (the message was not sent, and it is no error); the first run is
    // followed to its end.
    expect(session().refusal).toMatchObject({ kind: "busy" });
    expect(session().error).toBeNull();
    expect(ticksOf(session())).toEqual(ticks(60));
  });

  it("disconnect and join right away continue after the last queued event, not the last applied", async () => {
    const { controller, session, flushUntil, untilQueued, scheduler } = await setup();
    void controller.submit(human("/slow 6000"));
    await flushUntil(() => ticksOf(session()).length >= 2);
    await untilQueued();
    expect(scheduler.pending).toBe(true);
    controller.disconnect();
    const runId = session().runId!;
    await controller.join(runId);
    await flushUntil(() => session().status === "success");
    expect(ticksOf(session())).toEqual(ticks(60));
  });

  it("joining the same run from an earlier event id takes nothing twice", async () => {
    const { controller, session, flushUntil } = await setup();
    void controller.submit(human("/slow 1000"), { streamResumable: true });
    await flushUntil(() => ticksOf(session()).length >= 4);
    controller.disconnect();
    await controller.join(session().runId!, { lastEventId: "-1" });
    await flushUntil(() => session().status === "success");
    expect(ticksOf(session())).toEqual(ticks(10));
  });
});
