/**
 * The interrupt panel as people see it: its stories rendered in Chromium, light and dark and at
 * a phone's 390 px, saved as PNGs under test-results/interrupts/ for a visual review. Each shot
 * also checks that nothing overflows the page sideways (at 390 px the actions must stay on
 * screen).
 */
import { composeStory, setProjectAnnotations } from "@storybook/react-vite";
import { within } from "@testing-library/react";
// The stories' own copy of user-event: two copies in one document fight over input values.
import { userEvent } from "storybook/test";
import { afterEach, describe, expect, it } from "vitest";
import { page } from "vitest/browser";
import preview from "../../../.storybook/preview";
import * as stories from "../../../stories/InterruptPanel.stories";

setProjectAnnotations([preview]);

type StoryName = Exclude<keyof typeof stories, "default">;
type Theme = "light" | "dark";
/** Brings the story to the state to look at (instead of its play function). */
type Prepare = (canvas: ReturnType<typeof within>) => Promise<void>;

interface Shot {
  name: string;
  story: StoryName;
  /** Run the story's own play function (default: no, `prepare` instead). */
  play?: boolean;
  prepare?: Prepare;
}

const click = (name: string, role: "button" | "radio" = "button"): Prepare => {
  return async (canvas) => {
    await userEvent.click(canvas.getByRole(role, { name }));
  };
};

const SHOTS: Shot[] = [
  { name: "hitl", story: "HitlPending" },
  { name: "hitl-edit-json", story: "HitlEdit", prepare: click("Edit") },
  { name: "hitl-edit-schema", story: "HitlSchemaFormOpen", play: true },
  { name: "hitl-edit-nested", story: "HitlSchemaNested", prepare: click("Edit") },
  { name: "hitl-validation", story: "HitlSchemaValidation", play: true },
  { name: "hitl-reject", story: "HitlReject", prepare: click("Reject") },
  { name: "hitl-several", story: "HitlSeveralActions" },
  { name: "inbox", story: "InboxPending" },
  { name: "value-options", story: "ValueOptions", prepare: click("Rome", "radio") },
  { name: "value-advanced", story: "ValueAdvancedJson", prepare: click("Advanced") },
  { name: "two-interrupts", story: "TwoInterruptsPending" },
  { name: "breakpoint", story: "Breakpoint" },
  { name: "decision-notes", story: "DecisionNotes", play: true },
  { name: "resume-error", story: "ResumeError", play: true },
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
  const canvas = within(canvasElement);
  await shot.prepare?.(canvas);
  return canvasElement;
}

describe("InterruptPanel screenshots", () => {
  for (const shot of SHOTS) {
    for (const [theme, width] of [
      ["light", 720],
      ["dark", 720],
      ["light", 390],
    ] as const) {
      it(`${shot.name}: ${theme} at ${width} px, nothing off-screen`, async () => {
        const canvasElement = await show(shot, theme, width);
        const suffix = width === 390 ? "mobile" : theme;
        await page.screenshot({
          path: `../../../test-results/interrupts/${shot.name}-${suffix}.png`,
          element: canvasElement,
        });
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
        const panel = canvasElement.querySelector(".lgr-interrupts, .lgr-resume-note");
        expect(panel?.getBoundingClientRect().right).toBeLessThanOrEqual(width);
      });
    }
  }
});
