/**
 * Type tests of InterruptPanel, Composer and the markdown entry: the run handle or the scope,
 * typed answers through the types bag, root props and refs.
 */
import { createRef } from "react";
import { describe, expectTypeOf, test } from "vitest";
import {
  Composer,
  InterruptPanel,
  interruptAnswers,
  useInterruptPanel,
  useRunController,
  useRunStream,
  type InterruptItem,
  type InterruptPanelProps,
  type ComposerProps,
} from "langgraph-runs-react";
import { Markdown } from "langgraph-runs-react/markdown";

describe("InterruptPanel", () => {
  test("takes any run handle, or none (the scope's), and root props", () => {
    const chat = useRunStream<{ topic: string }, { resume: { approved: boolean } }>({
      assistantId: "agent",
    });
    const fast = useRunController({ assistantId: "agent" });
    void (<InterruptPanel run={chat} />);
    void (<InterruptPanel run={fast} id="interrupts" data-kind="hitl" />);
    void (<InterruptPanel />);
    expectTypeOf<InterruptPanelProps["renderItem"]>().toExtend<
      ((item: InterruptItem, defaultRender: () => React.ReactNode) => React.ReactNode) | undefined
    >();
  });

  test("data props make the interrupts controlled, for static rendering", () => {
    void (
      <InterruptPanel
        interrupts={[{ id: "i1", value: { question: "Go?" } }]}
        onResume={() => undefined}
      />
    );
    void (<InterruptPanel breakpoint onResume={() => undefined} />);
  });

  test("items are edited with update, and answers built by interruptAnswers", () => {
    const panel = useInterruptPanel({ interrupts: [] });
    const item = panel.items[0];
    if (item?.kind === "value") item.update((draft) => ({ ...draft, text: "yes" }));
    expectTypeOf(interruptAnswers.classify).toBeFunction();
  });
});

describe("Composer", () => {
  test("takes a run handle (or the scope's), root props and a ref to its form", () => {
    const fast = useRunController({ assistantId: "agent" });
    void (<Composer run={fast} placeholder="Ask…" ref={createRef<HTMLFormElement>()} />);
    void (<Composer aria-label="Reply" />);
    expectTypeOf<ComposerProps["ref"]>().toExtend<React.Ref<HTMLFormElement> | undefined>();
  });
});

describe("Markdown", () => {
  test("renders text, streaming or not", () => {
    void (<Markdown>{"**hi**"}</Markdown>);
    void (<Markdown streaming>{"**hi"}</Markdown>);
    // @ts-expect-error markdown is text, not elements
    void (<Markdown>{<b>hi</b>}</Markdown>);
  });
});
