/**
 * The journeys' harness: the demo app exactly as `npm start` serves it (demo/startDemo.mjs), on
 * the test run's embedded Agent Server, driven in Chromium by role, label and keyboard.
 *
 * One demo and one browser per journey file; a fresh browser context (own sessionStorage) per
 * journey. `JOURNEY_SCREENSHOTS=1` saves each journey's end state (light, dark, 390 px wide) to
 * test-results/journeys/.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startDemo, type DemoHandle } from "../../../demo/startDemo.mjs";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";
import { agentServerUrl } from "../../support/agentServer";
import { newGate } from "../../support/gates";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SCREENSHOTS = path.join(ROOT, "test-results/journeys");
/** How long a locator waits: generous, a loaded 2-core machine is slow (never a timing assertion). */
export const WAIT = 30_000;
/** A journey's own time limit: several waits in a row on a loaded machine. */
export const JOURNEY_TIMEOUT = 120_000;

export interface JourneyHarness {
  /** Opens the demo on a new thread in a fresh browser context. */
  open(options?: { width?: number; height?: number }): Promise<Journey>;
  /** The Agent Server the demo proxies to. */
  readonly apiUrl: string;
}

/**
 * Registers the demo and browser for this file's journeys.
 *
 * @example
 * const demo = demoJourneys();
 * test("send, stream, done", async () => { const j = await demo.open(); await j.send("hi"); … });
 */
export function demoJourneys(): JourneyHarness {
  let demo: DemoHandle | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const journeys: Journey[] = [];

  beforeAll(async () => {
    [demo, browser] = await Promise.all([
      startDemo({ apiUrl: agentServerUrl(), watch: false, logLevel: "error" }),
      chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs }),
    ]);
  }, 120_000);

  afterEach(async (context) => {
    const name = context.task.name;
    const current = journeys.splice(0);
    try {
      // A failed journey leaves a picture of where it stopped.
      if (context.task.result?.state === "fail")
        for (const journey of current) await journey.screenshotFailure(name);
      if (process.env.JOURNEY_SCREENSHOTS === "1")
        for (const journey of current) await journey.screenshotEndState(name);
      for (const journey of current) expect(journey.pageErrors, "errors in the page").toEqual([]);
    } finally {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
    }
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  return {
    get apiUrl() {
      return agentServerUrl();
    },
    async open(options = {}) {
      if (!demo || !browser) throw new Error("demoJourneys(): the demo has not started");
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      });
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

/** One user in one tab of the demo. Locators by role and label, like a person reads the page. */
export class Journey {
  readonly pageErrors: string[] = [];
  /** HTTP failures the journey provokes on purpose (`<status> <method>`), not page errors. */
  readonly expectedHttpFailures = new Set<string>();

  constructor(
    readonly page: Page,
    readonly url: string,
  ) {
    page.on("pageerror", (error) => this.pageErrors.push(error.message));
    page.on("response", (response) => {
      const status = response.status();
      const method = response.request().method();
      if (status >= 500 && !this.expectedHttpFailures.has(`${status} ${method}`))
        this.pageErrors.push(`${status} ${method} ${response.url()}`);
    });
  }

  async load(): Promise<void> {
    await this.page.goto(this.url);
    await this.threadCode().waitFor();
  }

  /** Reloads the page (the thread stays: it is in the URL). */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.threadCode().waitFor();
  }

  threadCode(): Locator {
    return this.page.getByTestId("thread-id").locator("code");
  }

  async threadId(): Promise<string> {
    const hash = await this.page.evaluate(() => window.location.hash);
    return decodeURIComponent(/thread=([^&]+)/.exec(hash)?.[1] ?? "");
  }

  composer(): Locator {
    return this.page.getByRole("textbox", { name: "Message" });
  }

  /** Types a message and presses Enter, as a person does. */
  async send(text: string): Promise<void> {
    await this.composer().fill(text);
    await this.composer().press("Enter");
  }

  /** A gated run: it says "Holding at <name>." and waits, running, until `gate.open()`. */
  gate(label?: string) {
    return newGate(label, agentServerUrl());
  }

  chat(): Locator {
    return this.page.getByRole("region", { name: "Chat" });
  }

  messages(): Locator {
    return this.page.getByTestId("messages");
  }

  aiMessages(): Locator {
    return this.messages().locator('.lgr-message[data-type="ai"]');
  }

  humanMessages(): Locator {
    return this.messages().locator('.lgr-message[data-type="human"]');
  }

  /** The chat's run status badge. */
  status(): Locator {
    return this.page.getByTestId("chat-status").locator(".lgr-badge");
  }

  async waitForStatus(status: string): Promise<void> {
    await this.status()
      .and(this.page.locator(`[data-status="${status}"]`))
      .waitFor();
  }

  /**
   * The composer's choices for a message the busy thread refused ("Send when it finishes",
   * "Queue it", "Interrupt it", "Roll it back", "Dismiss"): a group named by its question.
   */
  busyChoices(): Locator {
    return this.chat().getByRole("group", { name: "What to do with your message" });
  }

  /** The interrupt panel (a region named by its heading). */
  interrupts(): Locator {
    return this.messages().locator(".lgr-interrupts");
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole("button", { name, exact: typeof name === "string" });
  }

  async screenshotFailure(name: string): Promise<void> {
    await fs.mkdir(SCREENSHOTS, { recursive: true });
    await this.page
      .screenshot({ path: path.join(SCREENSHOTS, `FAILED-${fileName(name)}.png`), fullPage: true })
      .catch(() => undefined);
  }

  /** Saves light, dark and 390 px screenshots of the page as it is now. */
  async screenshotEndState(name: string): Promise<void> {
    const file = fileName(name);
    await fs.mkdir(SCREENSHOTS, { recursive: true });
    const { page } = this;
    const size = page.viewportSize() ?? { width: 1280, height: 800 };
    const dark = this.button("Dark theme");
    const isDark = async () => (await dark.getAttribute("aria-pressed")) === "true";
    if (await isDark()) await dark.click();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${file}-light.png`) });
    await dark.click();
    await page.screenshot({ path: path.join(SCREENSHOTS, `${file}-dark.png`) });
    await dark.click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${file}-mobile.png`), fullPage: true });
    await page.setViewportSize(size);
  }
}

function fileName(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}
