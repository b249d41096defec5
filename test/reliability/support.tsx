/**
 * Shared helpers of the reliability suite (test/reliability/*.test.*): a seeded PRNG, a
 * RunsProvider harness that exposes its stream store, a hook that returns the session and its
 * event log, connection-state recording, and the figures every file reports for the summary.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { inject } from "vitest";
// The e2e project has no Testing Library setup file; the files here that render hooks get the
// same `waitFor` budget as the unit and browser projects through this module.
import "../support/testingLibrary";
import { createClient, type ClientOptions, type LangGraphRunsClient } from "../../src/client";
import {
  RunsProvider,
  useRunEvents,
  useRunStream,
  type UseRunStreamOptions,
} from "../../src/hooks";
import { useRunsContext } from "../../src/hooks/RunsContext";
import type { StreamStore } from "../../src/store/createStreamStore";
import type { ConnectionState } from "../../src/store/RunSession";

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `RELIABILITY_SEED` when set (to reproduce a run), else a fresh seed. Printed by the caller. */
export function suiteSeed(): number {
  const fromEnv = process.env.RELIABILITY_SEED;
  if (fromEnv !== undefined && fromEnv !== "") return Number(fromEnv) >>> 0;
  return (Date.now() ^ (process.pid << 8)) >>> 0;
}

/** A random integer in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export interface Harness {
  client: LangGraphRunsClient;
  queryClient: QueryClient;
  wrapper: (props: { children?: ReactNode }) => ReactNode;
}

/** A RunsProvider over a client of its own (any apiUrl/fetch), with an optional event log cap. */
export function harness(options: Partial<ClientOptions> & { eventLogCap?: number } = {}): Harness {
  const { eventLogCap, ...clientOptions } = options;
  const client = createClient({ apiUrl: inject("agentServerUrl"), ...clientOptions });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <RunsProvider client={client} queryClient={queryClient} eventLogCap={eventLogCap}>
      {children}
    </RunsProvider>
  );
  return { client, queryClient, wrapper };
}

/** useRunStream plus its session's event log and the provider's stream store. */
export function useProbe(options: UseRunStreamOptions) {
  const stream = useRunStream(options);
  const events = useRunEvents(stream);
  const { store } = useRunsContext();
  return Object.assign(stream, { events, store });
}

/**
 * Records every connection state the session goes through (consecutive repeats folded), by
 * subscribing to the store: nothing between two renders is missed.
 */
export function recordConnectionStates(
  store: StreamStore,
  id: string,
): { states: string[]; stop: () => void } {
  const states: string[] = [];
  let last: string | undefined;
  const note = () => {
    const connection = store.getState().sessions[id]?.connection;
    if (!connection) return;
    const label = label_(connection.state, connection.attempt);
    if (label !== last) states.push((last = label));
  };
  note();
  const stop = store.subscribe(note);
  return { states, stop };
}

function label_(state: ConnectionState, attempt: number): string {
  return state === "reconnecting" ? `reconnecting ${attempt}` : state;
}

/** Resolves after `ms`. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true, or throws after `timeoutMs` (every loop is bounded). */
export async function until(
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, everyMs = 50, what = "condition" } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(everyMs);
  }
}

/** A human chat message as the demo graph reads it. */
export function human(text: string) {
  return { messages: [{ type: "human", content: text }] };
}

// ---------------------------------------------------------------------------------------------
// Figures and the one summary

export interface Figures {
  /** Stream events compared one by one with the server's uninterrupted sequence. */
  eventsChecked: number;
  /** Connection faults (cuts, stalls, restarts) after which the stream still completed whole. */
  cutsSurvived: number;
  /** Bad-input, race and attack cases tried, each with an asserted outcome. */
  casesTried: number;
  lost: number;
  duplicated: number;
  notes: string[];
}

export function newFigures(): Figures {
  return { eventsChecked: 0, cutsSurvived: 0, casesTried: 0, lost: 0, duplicated: 0, notes: [] };
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Prints this file's figures, and writes them where the other reliability files can find them:
 * the file that completes the set prints the suite's summary, once.
 */
export function reportFigures(file: string, figures: Figures): void {
  const line = (f: Figures) =>
    `events checked ${f.eventsChecked}, cuts survived ${f.cutsSurvived}, cases tried ${f.casesTried}, lost ${f.lost}, duplicated ${f.duplicated}`;
  console.info(
    `[reliability] ${file}: ${line(figures)}${figures.notes.map((n) => `\n  ${n}`).join("")}`,
  );
  const files = fs.readdirSync(here).filter((name) => /\.test\.tsx?$/.test(name));
  const runKey = new URL(inject("agentServerUrl")).port;
  const dir = path.join(os.tmpdir(), `lgrr-reliability-${runKey}`);
  fs.mkdirSync(dir, { recursive: true });
  // Figures left by an earlier, partial run on the same port are not this run's.
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (Date.now() - fs.statSync(full).mtimeMs > 15 * 60_000)
      fs.rmSync(full, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(dir, `${file}.json`), JSON.stringify(figures));
  const done = fs.readdirSync(dir).filter((name) => name.endsWith(".json"));
  if (done.length < files.length) return;
  try {
    fs.mkdirSync(path.join(dir, "printed")); // atomic: only one file prints the summary
  } catch {
    return;
  }
  const total = newFigures();
  for (const name of done) {
    const f = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Figures;
    total.eventsChecked += f.eventsChecked;
    total.cutsSurvived += f.cutsSurvived;
    total.casesTried += f.casesTried;
    total.lost += f.lost;
    total.duplicated += f.duplicated;
  }
  console.info(`[reliability] SUMMARY (${done.length} files): ${line(total)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
