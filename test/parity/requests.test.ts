import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunsClient } from "../../src/client";
import { agentServerUrl } from "../support/agentServer";
import { startFaultProxy, type FaultProxy } from "../support/faultProxy";
import {
  heldRun,
  httpPrefix,
  human,
  newThread,
  onTheWire,
  outcome,
  parityClients,
  withoutIds,
  type Outcome,
} from "./parityClients";

/**
 * The request/response methods through both clients. Each client gets its own thread with a
 * finished run and a failed run, so a delete by one cannot change what the other sees.
 */
interface Ctx {
  threadId: string;
  runId: string;
  errorRunId: string;
  /** What the first `join` of the failed run gave (the JS server reports the failure once). */
  errorJoin?: Outcome<unknown>;
}

type Call = (runs: RunsClient, ctx: Ctx, signal?: AbortSignal) => Promise<unknown>;

const METHODS: Record<string, Call> = {
  create: (runs, ctx, signal) => runs.create(ctx.threadId, "agent", { input: human("c"), signal }),
  createBatch: (runs, _ctx, signal) =>
    runs.createBatch([{ assistantId: "agent", input: human("b") }], { signal }),
  wait: (runs, ctx, signal) => runs.wait(ctx.threadId, "agent", { input: human("w"), signal }),
  list: (runs, ctx, signal) => runs.list(ctx.threadId, { limit: 5, signal }),
  get: (runs, ctx, signal) => runs.get(ctx.threadId, ctx.runId, { signal }),
  cancel: (runs, ctx, signal) =>
    runs.cancel(ctx.threadId, ctx.runId, false, "interrupt", { signal }),
  join: (runs, ctx, signal) => runs.join(ctx.threadId, ctx.runId, { signal }),
  delete: (runs, ctx, signal) => runs.delete(ctx.threadId, ctx.runId, { signal }),
};

async function finishedRuns(runs: RunsClient): Promise<Ctx> {
  const threadId = await newThread();
  const ok = await runs.create(threadId, "agent", { input: human("done") });
  await runs.join(threadId, ok.run_id);
  const failed = await runs.create(threadId, "agent", { input: human("/error") });
  const errorJoin = await outcome(() => runs.join(threadId, failed.run_id));
  return { threadId, runId: ok.run_id, errorRunId: failed.run_id, errorJoin };
}

/** Both clients, each with its own finished runs. */
async function pair() {
  const clients = parityClients();
  const official = clients.official as unknown as RunsClient;
  const [oursCtx, officialCtx] = [await finishedRuns(clients.ours), await finishedRuns(official)];
  clients.wire.ours.length = 0;
  clients.wire.official.length = 0;
  return { ...clients, official, oursCtx, officialCtx };
}

/** The recorded request with the context's ids replaced, so both clients' can be compared. */
function normalized(requests: { url: URL }[], ctx: Ctx) {
  const request = requests.at(-1) as Parameters<typeof onTheWire>[0];
  const text = JSON.stringify(onTheWire(request))
    .replaceAll(ctx.threadId, "{thread}")
    .replaceAll(ctx.runId, "{run}");
  return JSON.parse(text) as ReturnType<typeof onTheWire>;
}

function expectSameFailure(a: Outcome<unknown>, b: Outcome<unknown>): void {
  expect(b.ok).toBe(false);
  expect(a.ok).toBe(false);
  if (a.ok || b.ok) return;
  expect(a.status).toBe(b.status);
  expect(httpPrefix(a)).toBe(httpPrefix(b));
  if (httpPrefix(b)) expect(a.message).toBe(b.message);
}

describe("parity: request/response methods, both clients against the same real server", () => {
  describe("success: same answer shape, same request on the wire", () => {
    for (const name of Object.keys(METHODS)) {
      it(name, async () => {
        const { ours, official, oursCtx, officialCtx, wire } = await pair();
        const a = await outcome(() => METHODS[name]!(ours, oursCtx));
        const b = await outcome(() => METHODS[name]!(official, officialCtx));
        expect(b.ok).toBe(true);
        expect(a.ok).toBe(true);
        if (!a.ok || !b.ok) return;
        if (name === "list") {
          expect((a.value as unknown[]).length).toBe((b.value as unknown[]).length);
        } else if (name === "get" || name === "create") {
          expect(withoutIds(a.value)).toEqual(withoutIds(b.value));
        } else if (name === "createBatch") {
          expect((a.value as unknown[]).length).toBe(1);
          expect((b.value as unknown[]).length).toBe(1);
        } else {
          expect(withoutIds(a.value)).toEqual(withoutIds(b.value));
        }
        const oursWire = normalized(wire.ours, oursCtx);
        const officialWire = normalized(wire.official, officialCtx);
        if (name === "cancel") {
          // Documented difference: the JS server reads `wait=0` as "wait"; ours leaves it out.
          expect(officialWire.query).toContainEqual(["wait", "0"]);
          expect(oursWire.query).not.toContainEqual(["wait", "0"]);
          oursWire.query = officialWire.query;
        }
        if (name === "createBatch") {
          // Documented difference: the official client spreads camelCase keys into each item.
          expect(officialWire.body).toEqual([expect.objectContaining({ assistantId: "agent" })]);
          expect(oursWire.body).toEqual([{ assistant_id: "agent", input: human("b") }]);
          oursWire.body = officialWire.body;
        }
        expect(oursWire).toEqual(officialWire);
      });
    }
  });

  describe("an error run", () => {
    it("wait rejects with the official message", async () => {
      const { ours, official, oursCtx, officialCtx } = await pair();
      const run = (runs: RunsClient, ctx: Ctx) =>
        outcome(() => runs.wait(ctx.threadId, "agent", { input: human("/error") }));
      const [a, b] = [await run(ours, oursCtx), await run(official, officialCtx)];
      expect(b).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^Error: .*Deliberate/),
      });
      expect(a).toMatchObject({ ok: false, message: (b as { message: string }).message });
    });

    it("join resolves with the body { __error__ } (item 3); raiseError: true rejects (ours)", async () => {
      const { ours, oursCtx, officialCtx } = await pair();
      // Each client's first join of its own failed run (see finishedRuns).
      const [a, b] = [oursCtx.errorJoin!, officialCtx.errorJoin!];
      expect(b).toMatchObject({ ok: true, value: { __error__: { error: "Error" } } });
      expect(a).toEqual(b);
      const failed = await ours.create(oursCtx.threadId, "agent", { input: human("/error") });
      const strict = await outcome(() =>
        ours.join(oursCtx.threadId, failed.run_id, { raiseError: true }),
      );
      expect(strict).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^Error: .*Deliberate/),
      });
    });

    it("get and list report the failed run alike", async () => {
      const { ours, official, oursCtx, officialCtx } = await pair();
      const a = await ours.get(oursCtx.threadId, oursCtx.errorRunId);
      const b = await official.get(officialCtx.threadId, officialCtx.errorRunId);
      expect(a.status).toBe("error");
      expect(withoutIds(a)).toEqual(withoutIds(b));
      const statuses = async (runs: RunsClient, ctx: Ctx) =>
        (await runs.list(ctx.threadId)).map((run) => run.status).sort();
      expect(await statuses(ours, oursCtx)).toEqual(await statuses(official, officialCtx));
    });
  });

  describe("not found: same status, same message", () => {
    for (const name of Object.keys(METHODS)) {
      it(name, async () => {
        const { ours, official } = parityClients();
        const official_ = official as unknown as RunsClient;
        const missing: Ctx = {
          threadId: crypto.randomUUID(),
          runId: crypto.randomUUID(),
          errorRunId: crypto.randomUUID(),
        };
        const call = METHODS[name]!;
        const unknownAssistant: Call = (runs) =>
          runs.createBatch([{ assistantId: "no-such-assistant", input: human("b") }]);
        const run = name === "createBatch" ? unknownAssistant : call;
        const a = await outcome(() => run(ours, missing));
        const b = await outcome(() => run(official_, missing));
        if (b.ok) {
          // The JS server answers some of these without an error (e.g. cancel, delete of an
          // unknown run); ours must then answer the same.
          expect(withoutIds(a)).toEqual(withoutIds(b));
        } else expectSameFailure(a, b);
      });
    }

    it("cancelMany (wire level: the JS server has no route): same request, same 404", async () => {
      const { ours, official, wire } = parityClients();
      const options = {
        threadId: crypto.randomUUID(),
        runIds: ["r1"],
        status: "running" as const,
        action: "rollback" as const,
      };
      const a = await outcome(() => ours.cancelMany(options));
      const b = await outcome(() => official.cancelMany(options));
      expectSameFailure(a, b);
      expect(onTheWire(wire.ours[0]!)).toEqual(onTheWire(wire.official[0]!));
    });
  });

  describe("abort: an aborted signal rejects both, as an AbortError", () => {
    for (const name of Object.keys(METHODS)) {
      it(name, async () => {
        const { ours, official, wire } = parityClients();
        const ctx: Ctx = {
          threadId: crypto.randomUUID(),
          runId: crypto.randomUUID(),
          errorRunId: "",
        };
        const a = await outcome(() => METHODS[name]!(ours, ctx, AbortSignal.abort()));
        const b = await outcome(() =>
          METHODS[name]!(official as unknown as RunsClient, ctx, AbortSignal.abort()),
        );
        expect(wire.ours.length).toBeLessThanOrEqual(wire.official.length);
        expect(b).toMatchObject({ ok: false, name: "AbortError" });
        expect(a).toMatchObject({ ok: false, name: "AbortError" });
      });
    }
  });

  describe("busy: a thread held at a gate", () => {
    let held: Awaited<ReturnType<typeof heldRun>>;
    beforeAll(async () => {
      held = await heldRun();
    });
    afterAll(async () => held.release());

    for (const name of ["create", "wait"]) {
      it(`${name} is refused the same way`, async () => {
        const { ours, official } = parityClients();
        const ctx: Ctx = { threadId: held.threadId, runId: held.runId, errorRunId: "" };
        const a = await outcome(() => METHODS[name]!(ours, ctx));
        const b = await outcome(() => METHODS[name]!(official as unknown as RunsClient, ctx));
        expectSameFailure(a, b);
        expect((a as { message: string }).message).toMatch(/^HTTP 4\d\d: /);
      });
    }

    it("get and list see the running run alike", async () => {
      const { ours, official } = parityClients();
      const a = await ours.get(held.threadId, held.runId);
      const b = await official.get(held.threadId, held.runId);
      expect(a.status).toBe("running");
      expect(withoutIds(a)).toEqual(withoutIds(b));
      expect((await ours.list(held.threadId)).length).toBe(
        (await official.list(held.threadId)).length,
      );
    });
  });

  describe("a dropped connection (the fault proxy cuts the first request before its answer)", () => {
    let proxy: FaultProxy | undefined;
    afterAll(async () => proxy?.close());

    for (const name of Object.keys(METHODS)) {
      it(name, async () => {
        const { ours, official } = parityClients();
        const official_ = official as unknown as RunsClient;
        const oursCtx = await finishedRuns(ours);
        const officialCtx = await finishedRuns(official_);
        // One proxy per client, each cutting the first attempt of every request.
        const observe = async (pick: "ours" | "official", ctx: Ctx) => {
          let cut = false;
          proxy = await startFaultProxy(agentServerUrl(), () =>
            cut ? undefined : ((cut = true), { cutBeforeHead: true }),
          );
          const runs = parityClients(proxy.url)[pick] as unknown as RunsClient;
          const result = await outcome(() => METHODS[name]!(runs, ctx));
          await proxy.close();
          proxy = undefined;
          return result;
        };
        const a = await observe("ours", oursCtx);
        const b = await observe("official", officialCtx);
        if (name === "cancel") {
          // Documented difference: ours retries a cancel (it is idempotent); the official
          // client retries only GET/DELETE.
          expect(b.ok).toBe(false);
          expect(a.ok).toBe(true);
        } else {
          // Idempotent reads and deletes are retried by both; a create-like POST by neither.
          expect(a.ok).toBe(b.ok);
        }
      });
    }
  });
});
