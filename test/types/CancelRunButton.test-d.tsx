/**
 * Type tests of `CancelRunButton` and `useCancelRunButton`: a handle of either hook (or the
 * scope's), or ids; never both; root props and a ref; errors typed `RunsClientError`.
 */
import { createRef } from "react";
import { describe, expectTypeOf, test } from "vitest";
import {
  CancelRunButton,
  useCancelRunButton,
  useCancelRun,
  useCancelRuns,
  useRunController,
  useRunStream,
  type CancelRunButtonProps,
  type CancelRunButtonState,
  type RunsClientError,
} from "langgraph-runs-react";

describe("CancelRunButton", () => {
  test("takes a handle of either hook, the scope's, or ids", () => {
    const chat = useRunStream({ assistantId: "agent" });
    const fast = useRunController({ assistantId: "agent" });
    void (<CancelRunButton run={chat} confirm />);
    void (<CancelRunButton run={fast} action="rollback" />);
    void (<CancelRunButton />);
    void (<CancelRunButton threadId="t" runId="r" status="running" cancelling={false} />);
    void (<CancelRunButton threadId={null} runId={undefined} />);
    // @ts-expect-error a run and ids at once
    void (<CancelRunButton run={fast} threadId="t" runId="r" />);
    // @ts-expect-error ids come in pairs
    void (<CancelRunButton threadId="t" />);
    // @ts-expect-error `stream` is gone: pass `run`
    void (<CancelRunButton stream={chat} />);
    // @ts-expect-error not a cancel action
    void (<CancelRunButton run={fast} action="delete" />);
  });

  test("spreads root props and takes a ref to its root <span>", () => {
    void (
      <CancelRunButton
        run={useRunController({ assistantId: "agent" })}
        id="stop"
        data-testid="stop"
        aria-describedby="why"
        style={{ marginLeft: 4 }}
        ref={createRef<HTMLSpanElement>()}
      />
    );
    expectTypeOf<CancelRunButtonProps["ref"]>().toExtend<React.Ref<HTMLSpanElement> | undefined>();
    expectTypeOf<CancelRunButtonProps["id"]>().toEqualTypeOf<string | undefined>();
  });

  test("errors are RunsClientError", () => {
    void (
      <CancelRunButton
        run={useRunController({ assistantId: "agent" })}
        onError={(error) => expectTypeOf(error).toEqualTypeOf<RunsClientError>()}
      />
    );
    expectTypeOf<CancelRunButtonState["error"]>().toEqualTypeOf<RunsClientError | null>();
    expectTypeOf(
      useCancelRunButton({ threadId: "t", runId: "r" }),
    ).toEqualTypeOf<CancelRunButtonState>();
    expectTypeOf(useCancelRun().error).toEqualTypeOf<RunsClientError | null>();
    expectTypeOf(useCancelRuns().error).toEqualTypeOf<RunsClientError | null>();
  });
});
