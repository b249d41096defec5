import type { Preview } from "@storybook/react-vite";
import "../src/styles/index.css";
import { withTheme } from "../stories/support/withTheme";

/**
 * Global story setup: the kit's stylesheet, a `theme` toolbar (light / dark / auto) that sets
 * `data-theme` on a wrapper, and accessibility checks that FAIL story tests on violations.
 * Screenshots and tests can pick a theme with `?globals=theme:dark`.
 */
const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: "Colour theme of the kit (data-theme on a wrapper)",
      toolbar: {
        title: "Theme",
        icon: "contrast",
        items: [
          { value: "light", title: "Light" },
          { value: "dark", title: "Dark" },
          { value: "auto", title: "Auto (prefers-color-scheme)" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "light" },
  parameters: {
    layout: "fullscreen",
    a11y: { test: "error" },
    controls: { matchers: { date: /(At|Date)$/i } },
  },
};

export default preview;
