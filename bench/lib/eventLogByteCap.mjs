// The event log's byte cap, measured (issue 12, item 9): 200 events of 1 MB each go through the
// store one flush at a time; after a full GC the retained heap must stay under the log's byte
// cap plus a small constant. The same run with no byte cap shows what the cap saves.
//
// Runs in Node (the store is framework-free): `node --expose-gc --import tsx`.
import { DEFAULT_EVENT_LOG_BYTE_CAP, createStreamStore } from "../../src/store/index.ts";

const MiB = 1024 * 1024;
const mb = (bytes) => (bytes / MiB).toFixed(1);

/** Heap used after two full GCs. */
function settledHeap() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Streams `count` events of `size` bytes through a store; returns the retained heap growth. */
function retainedAfter({ count, size, byteCap }) {
  const noScheduler = { schedule: () => {}, cancel: () => {} };
  const before = settledHeap();
  const store = createStreamStore({ scheduler: noScheduler, eventLogByteCap: byteCap });
  store.ensureSession("k");
  for (let i = 0; i < count; i++) {
    // A distinct flat 1 MB string per event (a `debug` event: only the log keeps it).
    const blob = `${i}:`.padEnd(size, "x");
    store.enqueueEvent("k", {
      type: "debug",
      ns: [],
      data: { i, blob },
      interrupts: [],
      event: "debug",
    });
    store.flush();
  }
  const retained = settledHeap() - before;
  const log = store.getSession("k").eventLog;
  return { retained, log, store };
}

/**
 * Prints the measurement and whether the target held; resolves with the figures.
 *
 * @example await measureEventLogByteCap({ log: console.log })
 */
export async function measureEventLogByteCap({ log, count = 200, size = MiB, slack = 4 * MiB }) {
  if (typeof globalThis.gc !== "function") throw new Error("Run with node --expose-gc.");
  log(`event log byte cap: ${count} events of ${mb(size)} MB each, one flush per event`);
  const capped = retainedAfter({ count, size, byteCap: DEFAULT_EVENT_LOG_BYTE_CAP });
  const kept = capped.log.total - capped.log.dropped;
  log(
    `  default byte cap ${mb(DEFAULT_EVENT_LOG_BYTE_CAP)} MiB: retained ${mb(capped.retained)} MB; ` +
      `log keeps ${kept} events (${mb(capped.log.bytes)} MB est.), dropped ${capped.log.dropped} ` +
      `events (${mb(capped.log.droppedBytes)} MB est.)`,
  );
  const limit = DEFAULT_EVENT_LOG_BYTE_CAP + slack;
  const met = capped.retained < limit;
  log(`  target: retained < cap + ${mb(slack)} MB = ${mb(limit)} MB: ${met ? "met" : "MISSED"}`);
  capped.store.dispose();
  const uncapped = retainedAfter({ count, size, byteCap: Number.POSITIVE_INFINITY });
  log(
    `  without a byte cap (count cap only): retained ${mb(uncapped.retained)} MB, ` +
      `log keeps ${uncapped.log.total - uncapped.log.dropped} events`,
  );
  uncapped.store.dispose();
  return { capped: capped.retained, uncapped: uncapped.retained, limit, met };
}
