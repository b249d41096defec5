import { isPlainObject } from "../../client/isPlainObject";
import type { Run } from "../../client/types";
import { shortRunId } from "./shortRunId";

/**
 * What the assistant column shows: the graph's name (`metadata.graph_id`, which the server
 * records on every run), else the assistant id, shortened when it is a long (UUID) id.
 *
 * @example runAssistantName({ assistant_id: "fe09…e9ca", metadata: { graph_id: "agent" } }) // "agent"
 */
export function runAssistantName(run: Pick<Run, "assistant_id" | "metadata">): string {
  const metadata: unknown = run.metadata;
  const graphId = isPlainObject(metadata) ? metadata.graph_id : undefined;
  if (typeof graphId === "string" && graphId !== "") return graphId;
  return typeof run.assistant_id === "string" ? shortRunId(run.assistant_id) : "";
}
