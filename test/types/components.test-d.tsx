/**
 * Type tests of the components' props: every component takes the run handle (or the scope's),
 * spreads root props (`id`, `style`, `aria-*`, `data-*`, handlers) and takes a `ref`.
 */
import { createRef } from "react";
import { Markdown } from "langgraph-runs-react/markdown";
import { describe, expectTypeOf, test } from "vitest";
import {
  ConnectionStatus,
  MessageStream,
  RunStatusBadge,
  StreamEventLog,
  useRunController,
  useRunStream,
  type ConnectionStatusProps,
  type MessageStreamProps,
  type RenderText,
  type RunStatusBadgeProps,
  type StreamEventLogProps,
} from "langgraph-runs-react";

describe("read-only components", () => {
  test("take a handle of either hook, or an `{ id }`", () => {
    const chat = useRunStream({ assistantId: "agent" });
    const fast = useRunController({ assistantId: "agent" });
    void (<RunStatusBadge run={chat} />);
    void (<ConnectionStatus run={fast} />);
    void (<MessageStream run={{ id: "chat" }} />);
    void (<StreamEventLog run={chat} />);
    // @ts-expect-error a bare string is not a run
    void (<MessageStream run="chat" />);
  });

  test("spread root props and take a ref to their root element", () => {
    void (
      <RunStatusBadge
        id="badge"
        data-testid="badge"
        aria-describedby="x"
        style={{}}
        ref={createRef<HTMLSpanElement>()}
      />
    );
    void (
      <ConnectionStatus
        className="c"
        onClick={() => undefined}
        ref={createRef<HTMLSpanElement>()}
      />
    );
    void (<MessageStream id="messages" data-kind="chat" ref={createRef<HTMLDivElement>()} />);
    void (<StreamEventLog style={{ maxWidth: 400 }} ref={createRef<HTMLDivElement>()} />);
    expectTypeOf<RunStatusBadgeProps["ref"]>().toExtend<React.Ref<HTMLSpanElement> | undefined>();
    expectTypeOf<ConnectionStatusProps["id"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<MessageStreamProps["ref"]>().toExtend<React.Ref<HTMLDivElement> | undefined>();
    expectTypeOf<StreamEventLogProps["aria-label"]>().toEqualTypeOf<string | undefined>();
  });

  test("MessageStream takes the markdown renderer as renderText", () => {
    void (
      <MessageStream
        renderText={(text, { streaming }) => <Markdown streaming={streaming}>{text}</Markdown>}
      />
    );
    expectTypeOf<MessageStreamProps["renderText"]>().toEqualTypeOf<RenderText | undefined>();
    expectTypeOf<Parameters<RenderText>>().toEqualTypeOf<[string, { streaming: boolean }]>();
  });

  test("data props make a slice controlled, typed like the session's", () => {
    void (<RunStatusBadge status="needs-input" />);
    void (<ConnectionStatus connection={{ state: "reconnecting", attempt: 2 }} />);
    void (<MessageStream messages={[]} isStreaming />);
    void (<StreamEventLog events={[]} />);
    // @ts-expect-error not a status
    void (<RunStatusBadge status="sleeping" />);
  });
});
