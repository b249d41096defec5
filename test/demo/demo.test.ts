/**
 * The demo app in Chromium, started exactly as `npm start` starts it (demo/startDemo.mjs: the
 * embedded Agent Server plus the Vite server with its /api proxy), clicked through every
 * scenario. Saves docs/screenshots/demo-*.png.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDemo, type DemoHandle } from "../../demo/startDemo.mjs";
import { chromiumArgs, chromiumPath } from "../../scripts/chromium.mjs";
import { newGate } from "../support/gates";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SCREENSHOTS = path.join(ROOT, "docs/screenshots");
const WAIT = 20_000;

let demo: DemoHandle;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** Failed requests a test caused on purpose: `<status> <method> <url ending>`. */
const expectedFailures: { status: number; method: string; urlEnd: string }[] = [];

beforeAll(async () => {
  [demo, browser] = await Promise.all([
    startDemo({ watch: false, logLevel: "error" }),
    chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs }),
  ]);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(WAIT);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    // Failed requests are checked below, with their URL.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      pageErrors.push(message.text());
  });
  page.on("response", (response) => {
    const { status, method, url } = {
      status: response.status(),
      method: response.request().method(),
      url: response.url(),
    };
    const expected = expectedFailures.some(
      (e) => e.status === status && e.method === method && url.endsWith(e.urlEnd),
    );
    if (status >= 400 && !expected) pageErrors.push(`${status} ${method} ${url}`);
  });
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  // The first load of a fresh clone makes Vite transform the whole app, while the rest of the
  // suite loads both cores: it gets the hook's budget, not one step's.
  await page.goto(demo.url, { timeout: 80_000 });
  await page.locator('[data-testid="thread-id"] code').waitFor({ timeout: 80_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

// ---- helpers ------------------------------------------------------------------------------------

const chatStatus = () => page.locator('[data-testid="chat-status"] .lgr-badge');
const messages = () => page.locator('[data-testid="messages"]');
const aiMessages = () => messages().locator('.lgr-message[data-type="ai"]');

async function newThread(): Promise<string> {
  const before = await threadIdFromHash();
  await page.getByRole("button", { name: "New thread" }).click();
  await page.waitForFunction((old) => !window.location.hash.includes(old ?? "\u0000"), before);
  await messages().locator(".lgr-messages__empty").waitFor();
  return threadIdFromHash();
}

async function threadIdFromHash(): Promise<string> {
  const hash = await page.evaluate(() => window.location.hash);
  return /thread=([^&]+)/.exec(hash)?.[1] ?? "";
}

/** Picks a scenario card of the empty chat. */
async function scenario(label: string) {
  await page
    .getByRole("group", { name: "Scenarios" })
    .getByRole("button", { name: label, exact: true })
    .click();
}

async function send(text: string) {
  const composer = page.getByRole("textbox", { name: "Message" });
  await composer.fill(text);
  await composer.press("Enter");
}

async function waitForStatus(status: string, badge: Locator = chatStatus()) {
  await badge.and(page.locator(`[data-status="${status}"]`)).waitFor();
}

async function screenshot(name: string) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `demo-${name}.png`) });
}

// ---- scenarios ----------------------------------------------------------------------------------

describe("demo app (npm start) against the embedded Agent Server", () => {
  test("paints a loading shell before the app's scripts run", async () => {
    const shell = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      // The app's entry never arrives: what shows is index.html alone.
      await shell.route("**/src/main.tsx", (route) => route.abort());
      await shell.goto(demo.url);
      expect(await shell.getByRole("status").textContent()).toBe("Loading the demo…");
      expect(await shell.locator(".boot-pane").first().isVisible()).toBe(true);
      // Styled from the first paint: the theme's page colour, not the browser's white.
      expect(await shell.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        "rgb(246, 248, 250)",
      );
    } finally {
      await shell.close();
    }
  });

  test("opens a thread and keeps it in the URL", async () => {
    const threadId = await threadIdFromHash();
    expect(threadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
  });

  test("long token stream: all 2,000 tokens arrive", async () => {
    await scenario("Long token stream");
    await aiMessages().filter({ hasText: "t1999" }).waitFor();
    await waitForStatus("success");
    const text = (await aiMessages().last().textContent()) ?? "";
    expect(text).toContain("t0 t1 t2 ");
    expect(text).toMatch(/t1998 t1999\s*$/);
  }, 40_000);

  test("tool call and plain chat", async () => {
    await newThread();
    await scenario("Tool call");
    await messages().getByText("It is sunny in Paris.").waitFor();
    await expect(messages().locator(".lgr-tool-call__name").first().textContent()).resolves.toBe(
      "get_weather",
    );
    // Collapsed at first: its button opens the arguments and the result.
    await messages()
      .getByRole("button", { name: /get_weather/ })
      .click();
    await messages().locator(".lgr-tool-call__result", { hasText: "Sunny, 21°C" }).waitFor();
    await waitForStatus("success");
    await send("Hello from the demo test");
    await messages().getByText("You said: Hello from the demo test").waitFor();
    await waitForStatus("success");
    await screenshot("chat");
  });

  test("markdown reply: rendered as elements, raw HTML stays text", async () => {
    await newThread();
    await scenario("Markdown reply");
    const reply = aiMessages().last();
    await reply.getByRole("heading", { name: "Markdown, streamed" }).waitFor();
    await reply.getByRole("button", { name: "Copy code" }).waitFor();
    await waitForStatus("success");
    await expect(reply.locator("strong").first().textContent()).resolves.toBe("bold");
    await expect(reply.locator("code").first().textContent()).resolves.toBe("inline code");
    await expect(reply.getByRole("link", { name: "link" }).getAttribute("href")).resolves.toBe(
      "https://langchain-ai.github.io/langgraph/",
    );
    // The tag is text in the quote, not a <b> element.
    await expect(reply.locator("blockquote").textContent()).resolves.toContain("<b>this</b>");
    await expect(reply.locator("b").count()).resolves.toBe(0);
    await screenshot("markdown");
  });

  test("interrupt needing approval: approve → resumed", async () => {
    await newThread();
    await scenario("Needs approval");
    const form = page.locator("form.lgr-interrupts");
    await form.getByText("Review send_email").waitFor();
    await waitForStatus("needs-input");
    await screenshot("interrupt");
    // One pending request: Approve is one click.
    await form.getByRole("button", { name: "Approve" }).click();
    const reply = aiMessages().filter({ hasText: "Resumed with" });
    await reply.waitFor();
    expect(await reply.textContent()).toContain('"approve"');
    await waitForStatus("success");
    await expect(form.count()).resolves.toBe(0);
  });

  test("two interrupts at once, answered together", async () => {
    await newThread();
    await scenario("Two interrupts");
    const form = page.locator("form.lgr-interrupts");
    await form.getByText("2 interrupts waiting for your answers").waitFor();
    const a = form.locator(".lgr-interrupt", { hasText: "Approve A?" });
    const b = form.locator(".lgr-interrupt", { hasText: "Approve B?" });
    await a.getByRole("textbox").fill("yes");
    await b.getByRole("textbox").fill("no");
    await form.getByRole("button", { name: "Resume with 2 answers" }).click();
    const reply = aiMessages().filter({ hasText: 'A: "yes"' });
    await reply.waitFor();
    expect(await reply.textContent()).toContain('B: "no"');
  });

  test("agent-inbox interrupt: accept → resumed", async () => {
    await newThread();
    await scenario("Agent inbox");
    const form = page.locator("form.lgr-interrupts");
    await form.getByText("Send an email?").waitFor();
    await form.getByRole("button", { name: "Accept" }).click();
    const reply = aiMessages().filter({ hasText: "Resumed with" });
    await reply.waitFor();
    expect(await reply.textContent()).toContain('"accept"');
  });

  test("a running run → Stop → stopped", async () => {
    await newThread();
    // Held at its gate (never opened): certainly running when Stop is clicked.
    const gate = newGate("stop", demo.apiUrl);
    await send(gate.command);
    await aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    await page.locator(".demo-chat__controls").getByRole("button", { name: "Stop" }).click();
    await waitForStatus("stopped");
    expect(await chatStatus().textContent()).toMatch(/stopped/i);
    // The runs table agrees once it refreshed.
    await page.locator('.lgr-runs-table tr[data-status="stopped"]').waitFor();
  });

  test("error run → error badge and message", async () => {
    await newThread();
    await scenario("Error run");
    await waitForStatus("error");
    // The run's error stays in the transcript, beside its turn.
    const alert = messages().getByRole("alert").filter({ hasText: "The run failed" });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Deliberate failure from the demo graph");
    await page.locator('.lgr-runs-table tr[data-status="error"]').waitFor();
  });

  test("subgraph run, then its events replayed in the dashboard", async () => {
    await newThread();
    await scenario("Subgraph");
    await aiMessages().filter({ hasText: "Hello from the subgraph" }).waitFor();
    await waitForStatus("success");
    const row = page.locator(".lgr-runs-table tbody tr[data-run-id]").first();
    // A row click opens the run (its event log in the dashboard).
    await row.getByRole("rowheader").click();
    const viewer = page.locator(".demo-viewer");
    await waitForStatus("success", viewer.locator(".lgr-badge"));
    // streamSubgraphs: events from inside the subgraph carry its namespace.
    const namespaces = await viewer.locator(".lgr-log__ns-filter option").allTextContents();
    expect(namespaces.some((label) => /subgraph/.test(label))).toBe(true);
    await viewer.locator('.lgr-log__chip[data-type="custom"]').waitFor();
    await screenshot("dashboard");
  });

  test("background run: create without streaming, join, then delete it", async () => {
    await newThread();
    const input = page.getByLabel("Background run input");
    await input.fill("/slow 1500");
    await page.getByRole("button", { name: "Start background run" }).click();
    const started = page.locator('[data-testid="background-run"]');
    await started.waitFor();
    const runId = (await started.getAttribute("data-run-id")) ?? "";
    expect(runId).not.toBe("");
    await started.getByRole("button", { name: "Join" }).click();
    const viewer = page.locator(`.demo-viewer[data-run-id="${runId}"]`);
    await waitForStatus("success", viewer.locator(".lgr-badge"));
    // 15 ticks (one per 100 ms), each once.
    await expect(
      viewer.locator('.lgr-log__chip[data-type="custom"] .lgr-log__chip-count').textContent(),
    ).resolves.toBe("15");
    const row = page.locator(`.lgr-runs-table tr[data-run-id="${runId}"]`);
    await row.and(page.locator('[data-status="success"]')).waitFor();
    // Reading it afterwards (its status next to "Started run") answers 404, as it should.
    expectedFailures.push({ status: 404, method: "GET", urlEnd: `/runs/${runId}` });
    await row.getByRole("button", { name: /^More actions for run / }).click();
    await row.getByRole("menuitem", { name: "Delete" }).click();
    await row.getByRole("button", { name: "Yes, delete" }).click();
    await row.waitFor({ state: "detached" });
  });

  test("background run cancelled from the runs table", async () => {
    const started = page.locator('[data-testid="background-run"]');
    const previous = await started.getAttribute("data-run-id");
    // Held at its gate (never opened): it is certainly running when the table cancels it.
    await page.getByLabel("Background run input").fill(newGate("cancel", demo.apiUrl).command);
    await page.getByRole("button", { name: "Start background run" }).click();
    await started.and(page.locator(`:not([data-run-id="${previous}"])`)).waitFor();
    const runId = await started.getAttribute("data-run-id");
    const row = page.locator(`.lgr-runs-table tr[data-run-id="${runId}"]`);
    await row.and(page.locator('[data-status="running"]')).waitFor();
    await row.getByRole("button", { name: "Cancel" }).click();
    await row.and(page.locator('[data-status="stopped"]')).waitFor();
    await waitForStatus("stopped", started.locator(".lgr-badge"));
  });

  test("disconnect, then re-join: the run went on and continues without duplicates", async () => {
    await newThread();
    const gate = newGate("rejoin", demo.apiUrl);
    await send(gate.command);
    await aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    await page.getByRole("button", { name: "Disconnect" }).click();
    const rejoin = page.getByRole("button", { name: "Re-join" });
    await rejoin.waitFor();
    await page
      .locator('[data-testid="chat-status"] .lgr-connection[data-state="closed"]')
      .waitFor();
    // The run is held at its gate: it is certainly still going while we are away.
    await rejoin.click();
    await waitForStatus("running");
    await gate.open();
    await aiMessages()
      .filter({ hasText: `Gate ${gate.name} opened.` })
      .waitFor();
    await waitForStatus("success");
    expect(await aiMessages().filter({ hasText: "Holding at" }).count()).toBe(1);
    expect(await aiMessages().filter({ hasText: "opened." }).count()).toBe(1);
  });

  test("busy thread (reject): the second message is kept as the draft and the first run followed", async () => {
    const threadId = await newThread();
    expectedFailures.push({
      status: 422,
      method: "POST",
      urlEnd: `/threads/${threadId}/runs/stream`,
    });
    const gate = newGate("busy", demo.apiUrl);
    await send(gate.command);
    await aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    await send("too soon");
    await page.getByRole("group", { name: "What to do with your message" }).waitFor();
    expect(await page.getByRole("textbox", { name: "Message" }).inputValue()).toBe("too soon");
    await gate.open();
    await aiMessages()
      .filter({ hasText: `Gate ${gate.name} opened.` })
      .waitFor();
    await waitForStatus("success");
  });

  test("reload mid-stream: the page re-joins the run and shows every message once", async () => {
    const threadId = await newThread();
    const gate = newGate("reload", demo.apiUrl);
    await send(gate.command);
    await aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    await page.reload();
    expect(await threadIdFromHash()).toBe(threadId);
    await aiMessages()
      .filter({ hasText: `Holding at ${gate.name}.` })
      .waitFor();
    await gate.open();
    await aiMessages()
      .filter({ hasText: `Gate ${gate.name} opened.` })
      .waitFor();
    await waitForStatus("success");
    await expect(
      messages().locator(".lgr-message", { hasText: gate.command }).count(),
    ).resolves.toBe(1);
    await expect(aiMessages().filter({ hasText: "Holding at" }).count()).resolves.toBe(1);
  });

  test("dark theme, and a narrow (390 px) screen", async () => {
    await page.getByRole("button", { name: "Dark theme" }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await screenshot("dark");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Dark theme" }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    // Nothing wider or taller than the screen: the page itself never scrolls.
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      y: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });
    // The composer is on screen, whole.
    const composer = await page.getByRole("textbox", { name: "Message" }).boundingBox();
    expect(composer).not.toBeNull();
    expect(composer!.y).toBeGreaterThanOrEqual(0);
    expect(composer!.y + composer!.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: path.join(SCREENSHOTS, "demo-mobile.png"), fullPage: true });
    // One pane at a time: the runs, then back to the chat.
    await page.getByRole("button", { name: "Runs", exact: true }).click();
    await page.locator(".lgr-runs-table").waitFor();
    expect(await page.getByRole("textbox", { name: "Message" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "Chat", exact: true }).click();
    await page.getByRole("textbox", { name: "Message" }).waitFor();
    expect(await page.locator(".lgr-runs-table").isVisible()).toBe(false);
  });

  test("no errors in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
