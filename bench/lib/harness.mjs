// A tiny benchmark harness (no dependencies): alternating rounds, warm-up, medians.

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Parses `--name value` and `--flag` arguments. */
export function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) continue;
    const name = arg.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) args[name] = true;
    else {
      args[name] = next;
      i++;
    }
  }
  return args;
}

/**
 * Runs every contender once per round, in a rotated order (round r starts at contender
 * r mod n, and every other round runs the rotation backwards), so no contender always runs
 * first or right after the same neighbour. `run` resolves with a result that `check` validates
 * (it throws on a wrong count). A full GC before every timed run when `global.gc` exists.
 *
 * @param {{ name: string, run: () => Promise<unknown> }[]} contenders
 * @param {{ warmup: number, rounds: number, check: (name: string, result: unknown) => void,
 *   log?: (line: string) => void }} options
 * @returns {Promise<{ wall: Record<string, number[]>, cpu: Record<string, number[]> }>} measured
 *   milliseconds per contender, per round: wall clock, and this process's CPU time (user + system,
 *   all threads; less disturbed than the wall clock when other processes share the cores)
 */
export async function runRounds(contenders, { warmup, rounds, check, log = () => {} }) {
  const wall = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const cpu = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const n = contenders.length;
  for (let round = 0; round < warmup + rounds; round++) {
    const measured = round >= warmup;
    const rotated = contenders.map((_, i) => contenders[(i + round) % n]);
    const order = round % 2 ? rotated.reverse() : rotated;
    const line = [];
    for (const contender of order) {
      globalThis.gc?.();
      await new Promise((resolve) => setImmediate(resolve));
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const result = await contender.run();
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      const cpuMs = (used.user + used.system) / 1000;
      check(contender.name, result);
      if (measured) {
        wall[contender.name].push(ms);
        cpu[contender.name].push(cpuMs);
      }
      line.push(`${contender.name} ${ms.toFixed(1)} (cpu ${cpuMs.toFixed(0)})`);
    }
    log(
      `${measured ? "round" : "warm-up"} ${measured ? round - warmup + 1 : round + 1}: ${line.join(", ")} ms`,
    );
  }
  return { wall, cpu };
}

/** The median over rounds of `a[i] / b[i]` (both measured in the same round). */
export function pairedRatio(a, b) {
  return median(a.map((value, i) => value / b[i]));
}
