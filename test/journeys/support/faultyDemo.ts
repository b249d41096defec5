/**
 * The demo behind a fault proxy: the page's /api reaches the Agent Server through
 * test/support/faultProxy.ts, so a journey can drop the chat's stream on cue (a real server
 * cannot be made to drop a connection). Otherwise like demoJourneys(): one demo and browser per
 * file, a fresh browser context per journey, and `JOURNEY_SCREENSHOTS=1` end-state screenshots.
 */
import type http from "node:http";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startDemo, type DemoHandle } from "../../../demo/startDemo.mjs";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";
import { agentServerUrl } from "../../support/agentServer";
import { startFaultProxy, type Fault, type FaultProxy } from "../../support/faultProxy";
import { Journey, WAIT } from "./demoJourney";

/** Decides the fault of one proxied request (`/threads/…` paths, without the demo's /api). */
export type FaultPlan = (request: http.IncomingMessage) => Fault | undefined;

export interface FaultyDemo {
  open(): Promise<Journey>;
  /** The fault plan for the journey (reset after each). */
  plan(plan: FaultPlan | undefined): void;
  readonly proxy: FaultProxy;
}

/**
 * Registers the demo, its fault proxy and a browser for this file's journeys.
 *
 * @example
 * const demo = faultyDemoJourneys();
 * demo.plan((req) => (isRunStream(req) ? { closeAfterFrames: 1 } : undefined));
 */
export function faultyDemoJourneys(): FaultyDemo {
  let proxy: FaultProxy | undefined;
  let demo: DemoHandle | undefined;
  let browser: Browser | undefined;
  let plan: FaultPlan | undefined;
  const contexts: BrowserContext[] = [];
  const journeys: Journey[] = [];

  beforeAll(async () => {
    proxy = await startFaultProxy(agentServerUrl(), (request) => plan?.(request));
    [demo, browser] = await Promise.all([
      startDemo({ apiUrl: proxy.url, watch: false, logLevel: "silent" }),
      chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs }),
    ]);
  }, 120_000);

  afterEach(async (context) => {
    plan = undefined;
    const current = journeys.splice(0);
    try {
      if (process.env.JOURNEY_SCREENSHOTS === "1")
        for (const journey of current) await journey.screenshotEndState(context.task.name);
      for (const journey of current) expect(journey.pageErrors, "errors in the page").toEqual([]);
    } finally {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    }
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    await proxy?.close();
  });

  return {
    get proxy() {
      if (!proxy) throw new Error("faultyDemoJourneys(): the proxy has not started");
      return proxy;
    },
    plan(next) {
      plan = next;
    },
    async open() {
      if (!demo || !browser) throw new Error("faultyDemoJourneys(): the demo has not started");
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT);
      const journey = new Journey(page, demo.url);
      journeys.push(journey);
      await journey.load();
      return journey;
    },
  };
}

/** The chat's run stream: the POST that starts a run, not a re-join (GET …/runs/<id>/stream). */
export const isRunStart = (request: http.IncomingMessage) =>
  request.method === "POST" && /^\/threads\/[^/]+\/runs\/stream/.test(request.url ?? "");

/** A re-join of a run's stream. */
export const isRejoin = (request: http.IncomingMessage) =>
  request.method === "GET" && /^\/threads\/[^/]+\/runs\/[^/]+\/stream/.test(request.url ?? "");
