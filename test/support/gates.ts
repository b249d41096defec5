import { agentServerUrl } from "./agentServer";

let counter = 0;

/**
 * A gate for the demo graph's `/gate NAME` command: the run streams "Holding at NAME." and then
 * waits, still running, until the test opens the gate. Tests act on a live run this way instead
 * of racing a timer.
 *
 * @example
 * const gate = newGate("stop");
 * chat.submit(humanInput(gate.command));   // "/gate stop-1-…"
 * // … act while the run is certainly running …
 * await gate.open();
 */
export function newGate(label = "gate", apiUrl = agentServerUrl()) {
  counter += 1;
  const name = `${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    name,
    command: `/gate ${name}`,
    /** Lets the waiting run go on (idempotent). */
    async open(): Promise<void> {
      const response = await fetch(`${apiUrl}/store/items`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ namespace: ["gates"], key: name, value: { open: true } }),
      });
      if (!response.ok) throw new Error(`opening gate ${name}: HTTP ${response.status}`);
    },
  };
}
