import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MessageStream } from "../../../src/components/MessageStream";
import type { Message } from "../../../src/store/messages/Message";
import "../../../src/styles/index.css";

afterEach(cleanup);

function messages(count: number): Message[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    type: i % 2 === 0 ? "human" : "ai",
    content: `Message ${i}: ${"words ".repeat(20)}`,
  }));
}

const region = () => screen.getByRole("region", { name: "Messages" });
const below = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight;
const pageOverflow = () => {
  const page = document.scrollingElement ?? document.documentElement;
  return page.scrollHeight - page.clientHeight;
};

/** Scrolls like a user (the browser fires the scroll event), then lets it be handled. */
async function scrollTo(el: HTMLElement, top: number) {
  await act(async () => {
    el.scrollTop = top;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });
}

describe("MessageStream scrolling in Chromium", () => {
  it("never makes the page scroll: its hidden live region stays inside a scrolling box", () => {
    // A positioned ancestor outside the scrolling box, as most app layouts have.
    render(
      <div style={{ position: "relative" }}>
        <div style={{ height: 200, overflowY: "auto" }}>
          <MessageStream messages={messages(80)} />
        </div>
      </div>,
    );
    expect(document.querySelector(".lgr-visually-hidden")?.textContent).toContain("Message 79");
    expect(pageOverflow()).toBeLessThanOrEqual(0);
  });

  it("followLatest: a focusable, labelled region that follows new messages", async () => {
    const { rerender } = render(
      <MessageStream messages={messages(40)} followLatest jumpLabel="Newest" />,
    );
    const el = region();
    expect(el.tabIndex).toBe(0);
    await waitFor(() => expect(below(el)).toBeLessThanOrEqual(1));
    expect(el.scrollTop).toBeGreaterThan(0);
    rerender(<MessageStream messages={messages(60)} followLatest jumpLabel="Newest" />);
    await waitFor(() => expect(below(el)).toBeLessThanOrEqual(1));
    expect(screen.queryByRole("button", { name: "Newest" })).toBeNull();
    expect(pageOverflow()).toBeLessThanOrEqual(0);
  });

  it("followLatest: scrolling up stops following; Jump to latest follows again", async () => {
    const { rerender } = render(<MessageStream messages={messages(40)} followLatest />);
    const el = region();
    await waitFor(() => expect(below(el)).toBeLessThanOrEqual(1));
    await scrollTo(el, 100);
    const jump = await screen.findByRole("button", { name: "Jump to latest" });

    rerender(<MessageStream messages={messages(60)} followLatest />);
    await waitFor(() => expect(within(el).getByText(/Message 59/)).toBeInTheDocument());
    expect(el.scrollTop).toBe(100);

    fireEvent.click(jump);
    await waitFor(() => expect(below(el)).toBeLessThanOrEqual(1));
    expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();
    expect(document.activeElement).toBe(el);
    rerender(<MessageStream messages={messages(80)} followLatest />);
    await waitFor(() => expect(within(el).getByText(/Message 79/)).toBeInTheDocument());
    await waitFor(() => expect(below(el)).toBeLessThanOrEqual(1));
  });

  it("followLatest: scrolling back to the bottom by hand follows again", async () => {
    const { rerender } = render(<MessageStream messages={messages(40)} followLatest />);
    const el = region();
    await waitFor(() => expect(below(el)).toBeLessThanOrEqual(1));
    await scrollTo(el, 0);
    await screen.findByRole("button", { name: "Jump to latest" });
    await scrollTo(el, el.scrollHeight);
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull(),
    );
    rerender(<MessageStream messages={messages(60)} followLatest />);
    await waitFor(() => expect(within(el).getByText(/Message 59/)).toBeInTheDocument());
    await waitFor(() => expect(below(el)).toBeLessThanOrEqual(1));
  });
});
