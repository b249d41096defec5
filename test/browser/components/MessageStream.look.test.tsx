/**
 * The message stream as people see it: its stories rendered in Chromium, light and dark and at a
 * phone's 390 px, saved as PNGs under test-results/messages/ for a visual review. Each shot also
 * checks that nothing overflows the page sideways and that the user's bubbles sit on the right.
 */
import { composeStory, setProjectAnnotations } from "@storybook/react-vite";
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import preview from "../../../.storybook/preview";
import * as stories from "../../../stories/MessageStream.stories";

setProjectAnnotations([preview]);

type StoryName = Exclude<keyof typeof stories, "default">;

/** Shot name → story (its play function brings it to the state to look at). */
const SHOTS: [string, StoryName][] = [
  ["conversation", "Conversation"],
  ["times-actions", "TimesAndActions"],
  ["tool-calls", "ToolCalls"],
  ["tool-call-expanded", "ToolCallExpanded"],
  ["tool-call-streaming", "ToolCallStreaming"],
  ["tool-error-expanded", "ToolErrorExpanded"],
  ["thinking-expanded", "ThinkingExpanded"],
  ["images", "Images"],
  ["stopped", "StoppedTurn"],
  ["long-reply", "LongReply"],
  ["streaming", "Streaming"],
  ["waiting", "WaitingForReply"],
];

// Out of the page after each shot: every story's React root numbers its ids from the start.
const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

async function show(story: StoryName, theme: "light" | "dark", width: number) {
  await page.viewport(width, 900);
  const { default: meta, [story]: exported } = stories;
  const composed = composeStory({ ...exported, globals: { theme } }, meta);
  const canvasElement = document.createElement("div");
  document.body.append(canvasElement);
  mounted.push(canvasElement);
  await composed.run({ canvasElement });
  return canvasElement;
}

describe("MessageStream screenshots", () => {
  for (const [name, story] of SHOTS) {
    for (const [theme, width] of [
      ["light", 720],
      ["dark", 720],
      ["light", 390],
    ] as const) {
      it(`${name}: ${theme} at ${width} px`, async () => {
        const canvasElement = await show(story, theme, width);
        const suffix = width === 390 ? "mobile" : theme;
        await page.screenshot({
          path: `../../../test-results/messages/${name}-${suffix}.png`,
          element: canvasElement,
        });
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
        const list = canvasElement.querySelector(".lgr-messages__list") as HTMLElement;
        for (const bubble of canvasElement.querySelectorAll('.lgr-message[data-type="human"]')) {
          const right = list.getBoundingClientRect().right;
          expect(Math.round(bubble.getBoundingClientRect().right)).toBe(Math.round(right));
          expect(bubble.getBoundingClientRect().width).toBeLessThan(list.clientWidth);
        }
      });
    }
  }
});
