/**
 * The run controller's `showCheckpoint` against the real Agent Server: an earlier checkpoint's
 * messages replace the session's, the next run continues from it, and loading the thread again
 * goes back to its latest state.
 */
import { describe, expect, it } from "vitest";
import type { ThreadState } from "../../src/client";
import { createStreamStore } from "../../src/store";
import { createRunController } from "../../src/store/createRunController";
import { human, testClient } from "../support/agentServer";

const client = testClient();

type Values = { messages: { id: string; content: unknown }[] };

async function setup() {
  const store = createStreamStore();
  const threadId = (await client.threads.create()).thread_id;
  const controller = createRunController({
    client,
    store,
    id: "chat",
    assistantId: "agent",
    threadId,
  });
  controller.attach();
  const texts = () => {
    store.flush();
    return store.getSession("chat")!.messages.map((message) => message.content);
  };
  return { controller, threadId, texts };
}

/** The state in which the reply to `text` was added. */
async function stateWithReply(threadId: string, text: string) {
  const history = await client.threads.getHistory<Values>(threadId, { limit: 100 });
  const reply = `You said: ${text}`;
  return history.findLast((state) => state.values.messages.some((m) => m.content === reply))!;
}

describe("run controller: showCheckpoint", () => {
  it("by checkpoint id: the session shows that state, and the next run continues from it", async () => {
    const { controller, threadId, texts } = await setup();
    await controller.submit(human("one"));
    await controller.submit(human("two"));
    expect(texts()).toEqual(["one", "You said: one", "two", "You said: two"]);

    const afterOne = await stateWithReply(threadId, "one");
    await controller.showCheckpoint(afterOne.checkpoint!.checkpoint_id!);
    expect(texts()).toEqual(["one", "You said: one"]);

    await controller.submit(human("three"));
    expect(texts()).toEqual(["one", "You said: one", "three", "You said: three"]);
    // On the server too: the thread's latest state is the new branch, without "two".
    const latest = await client.threads.getState<Values>(threadId);
    expect(latest.values.messages.map((m) => m.content)).toEqual(texts());
  });

  it("by state, once: a run that names its own checkpoint wins; the run after it goes on from the latest state (the JS server keeps a run's checkpoint in the thread's config)", async () => {
    const { controller, threadId, texts } = await setup();
    await controller.submit(human("one"));
    await controller.submit(human("two"));
    const afterOne: ThreadState<unknown> = await stateWithReply(threadId, "one");
    await controller.showCheckpoint(afterOne);
    expect(texts()).toEqual(["one", "You said: one"]);

    // Explicit checkpoint: the latest state (after "two"), not the one shown.
    const head = await client.threads.getState(threadId);
    await controller.submit(human("three"), { checkpoint: head.checkpoint! });
    expect(texts()).toEqual([
      "one",
      "You said: one",
      "two",
      "You said: two",
      "three",
      "You said: three",
    ]);
    // The shown checkpoint was used up by that run: the next one goes on from the latest state.
    await controller.submit(human("four"));
    expect(texts().slice(-2)).toEqual(["four", "You said: four"]);
    expect(texts()).toHaveLength(8);
  });

  it("loadThreadState goes back to the thread's latest state, and forgets the shown checkpoint", async () => {
    const { controller, threadId, texts } = await setup();
    await controller.submit(human("one"));
    await controller.submit(human("two"));
    await controller.showCheckpoint(await stateWithReply(threadId, "one"));
    await controller.loadThreadState();
    expect(texts()).toEqual(["one", "You said: one", "two", "You said: two"]);
    await controller.submit(human("three"));
    expect(texts()).toHaveLength(6);
  });

  it("a controller that loads a thread a fork left pinned goes on from the latest state", async () => {
    const { controller, threadId, texts } = await setup();
    await controller.submit(human("one"));
    await controller.submit(human("two"));
    const afterOne = await stateWithReply(threadId, "one");
    await controller.submit(human("three"), { checkpoint: afterOne.checkpoint! });
    expect(texts()).toEqual(["one", "You said: one", "three", "You said: three"]);

    // A reload: another controller, which knows nothing of the fork.
    const store = createStreamStore();
    const reloaded = createRunController({
      client,
      store,
      id: "again",
      assistantId: "agent",
      threadId,
    });
    reloaded.attach();
    await reloaded.loadThreadState();
    await reloaded.submit(human("four"));
    store.flush();
    const shown = store.getSession("again")!.messages.map((message) => message.content);
    expect(shown).toEqual([
      "one",
      "You said: one",
      "three",
      "You said: three",
      "four",
      "You said: four",
    ]);
  });
});
