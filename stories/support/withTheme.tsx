import type { Decorator } from "@storybook/react-vite";
import { useEffect } from "react";
import "./story.css";

/** The themes the `theme` toolbar offers. */
export type StoryTheme = "light" | "dark" | "auto";

function themeOf(value: unknown): StoryTheme {
  return value === "dark" || value === "auto" ? value : "light";
}

/**
 * Wraps every story in `<div class="lgr-story" data-theme="…">` (the global `theme` toolbar, or
 * `parameters.theme` on a story), and mirrors the theme on `<html>` so the page background follows.
 * Already applied globally by `.storybook/preview.tsx`; stories need not add it.
 *
 * @example iframe.html?id=runstatusbadge--all-statuses&globals=theme:dark
 */
export const withTheme: Decorator = (Story, context) => {
  const theme = themeOf(
    (context.parameters as { theme?: unknown }).theme ?? context.globals["theme"],
  );
  return (
    <ThemeRoot theme={theme}>
      <Story />
    </ThemeRoot>
  );
};

function ThemeRoot({ theme, children }: { theme: StoryTheme; children: React.ReactNode }) {
  useEffect(() => {
    document.documentElement.dataset["theme"] = theme;
  }, [theme]);
  return (
    <div className="lgr-story" data-theme={theme}>
      {children}
    </div>
  );
}
