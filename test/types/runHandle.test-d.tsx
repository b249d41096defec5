/**
 * Type tests of the run handle and the hooks that make it (`vitest --typecheck`): what infers,
 * what a call accepts and what it refuses.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  RunScope,
  useIsCancelling,
  useRunController,
  useRunMessages,
  useRunStatus,
  useRunStream,
  useRunValues,
  type AnyRunHandle,
  type Message,
  type MessageInput,
  type PendingInterrupt,
  type RunHandle,
  type RunsClientError,
  type RunsErrorKind,
  type SessionError,
  type SessionStatus,
  type UseRunStreamResult,
} from "langgraph-runs-react";
import { createRunController, createRunHandle, createStreamStore } from "langgraph-runs-react/core";
import { createClient } from "langgraph-runs-react/client";

type State = { messages: Message[]; topic?: string };
type Review = { question: string };
type Decision = { approved: boolean };
type Types = { interrupt: Review; resume: Decision; custom: { step: number } };

describe("useRunStream", () => {
  test("takes input messages without ids, typed by the state", () => {
    const chat = useRunStream<State>({ assistantId: "agent", id: "chat" });
    expectTypeOf(chat.submit).toBeCallableWith(
      { messages: [{ type: "human", content: "hi" }] },
      undefined,
    );
    expectTypeOf(chat.submit).toBeCallableWith(null);
    // @ts-expect-error a field the state does not have
    void chat.submit({ nope: 1 });
    // @ts-expect-error a topic is a string
    void chat.submit({ topic: 1 });
    expectTypeOf(chat.values).toEqualTypeOf<State | null>();
    expectTypeOf(chat.messages).toEqualTypeOf<Message[]>();
  });

  test("the types bag types resume, resumeAll, interrupts and custom data", () => {
    const chat = useRunStream<State, Types>({
      assistantId: "agent",
      onCustomEvent: (data) => expectTypeOf(data).toEqualTypeOf<{ step: number }>(),
    });
    expectTypeOf(chat.resume).parameter(0).toEqualTypeOf<Decision>();
    expectTypeOf(chat.resumeAll).parameter(0).toEqualTypeOf<Readonly<Record<string, Decision>>>();
    expectTypeOf(chat.interrupts).toEqualTypeOf<PendingInterrupt<Review>[]>();
    expectTypeOf(chat.lastCustom).toEqualTypeOf<{ step: number } | undefined>();
    // @ts-expect-error the answer is a Decision
    void chat.resume("yes");
  });

  test("an update type in the bag replaces the state's input", () => {
    const chat = useRunStream<State, { update: { question: string } }>({ assistantId: "agent" });
    expectTypeOf(chat.submit).parameter(0).toEqualTypeOf<{ question: string } | null | undefined>();
  });

  test("is the handle with state on top", () => {
    const chat = useRunStream<State, Types>({ assistantId: "agent" });
    expectTypeOf(chat).toExtend<RunHandle<State, Types>>();
    expectTypeOf(chat).toEqualTypeOf<UseRunStreamResult<State, Types>>();
    expectTypeOf(chat.id).toEqualTypeOf<string>();
    expectTypeOf(chat.status).toEqualTypeOf<SessionStatus>();
    expectTypeOf(chat.isThreadLoading).toEqualTypeOf<boolean>();
    expectTypeOf(chat.error).toEqualTypeOf<SessionError | null>();
  });

  test("errors are typed: a session error's kind is the client's kinds", () => {
    expectTypeOf<SessionError["kind"]>().toEqualTypeOf<RunsErrorKind>();
    useRunStream({
      assistantId: "agent",
      onError: (error) => expectTypeOf(error).toEqualTypeOf<RunsClientError>(),
    });
  });

  test("has no `key` option any more (it collided with React's key)", () => {
    // @ts-expect-error `id` replaced `key`
    useRunStream({ assistantId: "agent", key: "chat" });
  });
});

describe("useRunController", () => {
  test("returns the handle without state", () => {
    const fast = useRunController<State, Types>({ assistantId: "agent", id: "fast" });
    expectTypeOf(fast).toEqualTypeOf<RunHandle<State, Types>>();
    // @ts-expect-error no state on the controller's handle
    void fast.messages;
  });

  test("every handle fits where components take any run", () => {
    const typed = useRunController<State, Types>({ assistantId: "agent" });
    const plain = useRunStream({ assistantId: "agent" });
    expectTypeOf(typed).toExtend<AnyRunHandle>();
    expectTypeOf(plain).toExtend<AnyRunHandle>();
    expectTypeOf(RunScope).parameter(0).toHaveProperty("run").toEqualTypeOf<AnyRunHandle>();
  });
});

describe("slice hooks", () => {
  test("take a handle, an `{ id }`, or nothing (the scope's run)", () => {
    const chat = useRunController({ assistantId: "agent" });
    expectTypeOf(useRunStatus(chat)).toEqualTypeOf<SessionStatus>();
    expectTypeOf(useRunMessages({ id: "chat" })).toEqualTypeOf<Message[]>();
    expectTypeOf(useRunValues<State>()).toEqualTypeOf<State | null>();
    expectTypeOf(useIsCancelling(chat)).toEqualTypeOf<boolean>();
    expectTypeOf(useIsCancelling({ threadId: "t", runId: "r" })).toEqualTypeOf<boolean>();
    // @ts-expect-error a bare string is not a run
    useRunStatus("chat");
  });
});

describe("input messages", () => {
  test("need a type and content, not an id", () => {
    expectTypeOf<{ type: "human"; content: "hi" }>().toExtend<MessageInput>();
    expectTypeOf<{ content: "hi" }>().not.toExtend<MessageInput>();
  });
});

describe("core", () => {
  test("a controller's handle is the same handle type", () => {
    const controller = createRunController({
      client: createClient({ apiUrl: "http://localhost:2024" }),
      store: createStreamStore(),
      id: "chat",
      assistantId: "agent",
    });
    const handle = createRunHandle<State, Types>(controller);
    expectTypeOf(handle).toEqualTypeOf<RunHandle<State, Types>>();
    expectTypeOf(handle.id).toEqualTypeOf<string>();
  });
});

describe("the types bag", () => {
  test("optional keys type as much as required ones", () => {
    const chat = useRunStream<State, { update?: { question: string }; resume?: Decision }>({
      assistantId: "agent",
    });
    expectTypeOf(chat.submit).parameter(0).toEqualTypeOf<{ question: string } | null | undefined>();
    expectTypeOf(chat.resume).parameter(0).toEqualTypeOf<Decision>();
  });

  test("without a bag, resume takes anything and submit the state's input", () => {
    const chat = useRunStream<State>({ assistantId: "agent" });
    expectTypeOf(chat.resume).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(chat.interrupts).toEqualTypeOf<PendingInterrupt<unknown>[]>();
  });
});
