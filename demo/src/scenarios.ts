import type { SubmitOptions } from "langgraph-runs-react";
import type { IconName } from "./icons";

export interface Scenario {
  id: string;
  label: string;
  /** The message sent: a command of the demo graph (devserver/README.md). */
  text: string;
  description: string;
  icon: IconName;
  /** Run options this scenario needs, over the panel's settings. */
  options?: Partial<SubmitOptions>;
}

/** The suggestions of an empty chat, one card each (ScenarioCards). */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: "tokens",
    icon: "stream",
    label: "Long token stream",
    text: "/tokens 2000",
    description: "2,000 tokens as fast as the server sends them, one render per frame.",
  },
  {
    id: "interrupt",
    icon: "approve",
    label: "Needs approval",
    text: "/interrupt",
    description: "Pauses with a human-in-the-loop request: approve, edit or reject.",
  },
  {
    id: "two-interrupts",
    icon: "questions",
    label: "Two interrupts",
    text: "/two-interrupts",
    description: "Two questions pending at once, answered together.",
  },
  {
    id: "inbox",
    icon: "inbox",
    label: "Agent inbox",
    text: "/inbox",
    description: "An agent-inbox interrupt: accept, edit, respond or ignore.",
  },
  {
    id: "slow",
    icon: "clock",
    label: "Slow run",
    text: "/slow 15000",
    description: "Ticks for 15 s: stop it, disconnect and re-join, or reload the page.",
  },
  {
    id: "error",
    icon: "error",
    label: "Error run",
    text: "/error",
    description: "The graph throws: the error arrives as an event.",
  },
  {
    id: "subgraph",
    icon: "layers",
    label: "Subgraph",
    text: "/subgraph",
    description: "A nested graph streaming with streamSubgraphs: see the namespaces in the log.",
    options: { streamSubgraphs: true },
  },
  {
    id: "tools",
    icon: "tool",
    label: "Tool call",
    text: "/tools",
    description: "A tool call streamed chunk by chunk, its result, then the answer.",
  },
];
