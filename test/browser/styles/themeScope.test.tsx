/**
 * The kit's dark theme recolours the kit, never the host page: a newcomer who put
 * `data-theme="dark"` on their page saw their own text change colour.
 */
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import "../../../src/styles/index.css";
import { RunStatusBadge } from "../../../src/components";

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

function Page() {
  return (
    <main>
      <p data-testid="host-text">The host app's own text</p>
      <input data-testid="host-input" defaultValue="host input" />
      <RunStatusBadge status="running" data-testid="badge" />
    </main>
  );
}

const colorOf = (element: Element) => getComputedStyle(element).color;
const schemeOf = (element: Element) => getComputedStyle(element).colorScheme;

describe("the theme is scoped to the kit's roots", () => {
  it("a dark theme on the page leaves the host's text and inputs as they were", () => {
    const { getByTestId } = render(<Page />);
    const before = {
      text: colorOf(getByTestId("host-text")),
      input: colorOf(getByTestId("host-input")),
      scheme: schemeOf(getByTestId("host-text")),
      badge: colorOf(getByTestId("badge")),
    };
    document.documentElement.dataset.theme = "dark";
    expect(colorOf(getByTestId("host-text"))).toBe(before.text);
    expect(colorOf(getByTestId("host-input"))).toBe(before.input);
    expect(schemeOf(getByTestId("host-text"))).toBe(before.scheme);
    // …while the kit's own root did switch.
    expect(colorOf(getByTestId("badge"))).not.toBe(before.badge);
    expect(schemeOf(getByTestId("badge"))).toBe("dark");
  });
});
