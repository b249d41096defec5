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
    description: "2,000 tokens as fast as the server sends them.",
  },
  {
    id: "interrupt",
    icon: "approve",
    label: "Needs approval",
    text: "/interrupt",
    description: "A human-in-the-loop request: approve, edit or reject.",
  },
  {
    id: "two-interrupts",
    icon: "questions",
    label: "Two interrupts",
    text: "/two-interrupts",
    description: "Two questions at once, answered together.",
  },
  {
    id: "inbox",
    icon: "inbox",
    label: "Agent inbox",
    text: "/inbox",
    description: "Accept, edit, respond or ignore a request.",
  },
  {
    id: "slow",
    icon: "clock",
    label: "Slow run",
    text: "/slow 15000",
    description: "15 s of ticks: stop, disconnect, re-join or reload.",
  },
  {
    id: "error",
    icon: "error",
    label: "Error run",
    text: "/error",
    description: "The graph throws; the error stays in the chat.",
  },
  {
    id: "subgraph",
    icon: "layers",
    label: "Subgraph",
    text: "/subgraph",
    description: "A nested graph: its namespace shows in the log.",
    options: { streamSubgraphs: true },
  },
  {
    id: "markdown",
    icon: "markdown",
    label: "Markdown reply",
    text: "/markdown",
    description: "Headings, lists and code rendered as they stream.",
  },
  {
    id: "tools",
    icon: "tool",
    label: "Tool call",
    text: "/tools",
    description: "A tool call streamed chunk by chunk, then its result.",
  },
];
