/**
 * The event log as people see it: its stories rendered in Chromium, light and dark and at a
 * phone's 390 px, saved as PNGs under test-results/log/ for a visual review. Each shot also
 * checks the layout: nothing overflows the page sideways, the namespace select and the footer
 * stay inside the log, "Jump to latest" sits below the rows (never over the last one), and the
 * preview column keeps a readable width.
 */
import { composeStory, setProjectAnnotations } from "@storybook/react-vite";
import { within } from "@testing-library/react";
import { waitFor } from "storybook/test";
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import preview from "../../../.storybook/preview";
import * as stories from "../../../stories/StreamEventLog.stories";

setProjectAnnotations([preview]);

type StoryName = Exclude<keyof typeof stories, "default">;
type Theme = "light" | "dark";
type Canvas = ReturnType<typeof within>;

interface Shot {
  name: string;
  story: StoryName;
  /** Run the story's own play function (default: no, `prepare` instead). */
  play?: boolean;
  prepare?: (canvas: Canvas, canvasElement: HTMLElement) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: "run", story: "Run" },
  { name: "previews", story: "ReadablePreviews" },
  { name: "search", story: "Search", play: true },
  { name: "filtered", story: "Filtered" },
  { name: "expanded", story: "Expanded", play: true },
  { name: "paused", story: "Paused", play: true },
  { name: "two-runs", story: "TwoRuns", play: true },
  { name: "dropped", story: "Dropped" },
  {
    name: "jump-to-latest",
    story: "LongLog",
    prepare: async (canvas) => {
      const log = canvas.getByRole("log");
      // Following the tail first; then the reader scrolls up a little.
      await waitFor(() => expect(log.scrollTop).toBeGreaterThan(0));
      log.scrollTop -= 200;
      await canvas.findByRole("button", { name: "Jump to latest" });
    },
  },
  { name: "subgraph", story: "LiveSubgraph", play: true },
];

// Out of the page after each shot: every story's React root numbers its ids from the start,
// so two at once would share ids (and labels would name the wrong fields).
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

async function show(shot: Shot, theme: Theme, width: number): Promise<HTMLElement> {
  await page.viewport(width, 900);
  const { default: meta, [shot.story]: story } = stories;
  const composed = composeStory(
    { ...story, globals: { theme }, ...(shot.play ? {} : { play: undefined }) },
    meta,
  );
  const canvasElement = document.createElement("div");
  document.body.append(canvasElement);
  mounted.push(canvasElement);
  await composed.run({ canvasElement });
  await shot.prepare?.(within(canvasElement), canvasElement);
  return canvasElement;
}

/** The checks of every shot: what must stay inside the log, and where the jump button goes. */
function expectSoundLayout(canvasElement: HTMLElement, width: number) {
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
  const root = canvasElement.querySelector(".lgr-log") as HTMLElement;
  const box = root.getBoundingClientRect();
  expect(box.right).toBeLessThanOrEqual(width);
  for (const selector of ["select", ".lgr-log__footer button", ".lgr-log__toolbar button"]) {
    for (const element of root.querySelectorAll(selector)) {
      expect(element.getBoundingClientRect().right, selector).toBeLessThanOrEqual(box.right);
    }
  }
  const viewport = root.querySelector('[role="log"]') as HTMLElement;
  const jump = within(root).queryByRole("button", { name: "Jump to latest" });
  if (jump) {
    expect(jump.getBoundingClientRect().top).toBeGreaterThanOrEqual(
      viewport.getBoundingClientRect().bottom,
    );
  }
  for (const preview of root.querySelectorAll(".lgr-log__preview")) {
    // A third of the row at least: at 390 px it takes a line of its own.
    expect(preview.getBoundingClientRect().width).toBeGreaterThan(box.width / 3);
  }
}

describe("StreamEventLog screenshots", () => {
  for (const shot of SHOTS) {
    for (const [theme, width] of [
      ["light", 900],
      ["dark", 900],
      ["light", 390],
    ] as const) {
      it(`${shot.name}: ${theme} at ${width} px, a sound layout`, async () => {
        const canvasElement = await show(shot, theme, width);
        const suffix = width === 390 ? "mobile" : theme;
        await page.screenshot({
          path: `../../../test-results/log/${shot.name}-${suffix}.png`,
          element: canvasElement,
        });
        expectSoundLayout(canvasElement, width);
      });
    }
  }

  it("copied: the button says Copied ✓ (light, dark and 390 px)", async () => {
    for (const [theme, width] of [
      ["light", 900],
      ["dark", 900],
      ["light", 390],
    ] as const) {
      const canvasElement = await show(
        { name: "copied", story: "Copied", play: true },
        theme,
        width,
      );
      const copied = within(canvasElement).getByRole("button", { name: "Copied" });
      expect(copied.querySelector('svg[data-icon="check"]')).not.toBeNull();
      const suffix = width === 390 ? "mobile" : theme;
      await page.screenshot({
        path: `../../../test-results/log/copied-${suffix}.png`,
        element: canvasElement,
      });
      expectSoundLayout(canvasElement, width);
      for (const element of mounted.splice(0)) element.remove();
    }
  });
});
