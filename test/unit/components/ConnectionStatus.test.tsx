import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionStatus, type ConnectionInfo } from "../../../src/components/ConnectionStatus";

afterEach(cleanup);

const at = (state: ConnectionInfo["state"], attempt = 0): ConnectionInfo => ({ state, attempt });

describe("ConnectionStatus announcements", () => {
  it("announces drops, each attempt, the return and a failure; never normal states", () => {
    const { rerender } = render(<ConnectionStatus connection={at("idle")} />);
    const live = screen.getByRole("status");
    const show = (connection: ConnectionInfo) => {
      rerender(<ConnectionStatus connection={connection} />);
      return live.textContent;
    };
    expect(live.getAttribute("aria-live")).toBe("polite");
    expect(show(at("connecting"))).toBe("");
    expect(show(at("open"))).toBe("");
    expect(show(at("reconnecting", 1))).toBe("Stream: Reconnecting (attempt 1)…");
    expect(show(at("reconnecting", 2))).toBe("Stream: Reconnecting (attempt 2)…");
    expect(show(at("open"))).toBe("Stream: Reconnected");
    expect(show(at("closed"))).toBe("");
    expect(show(at("connecting"))).toBe("");
    expect(show(at("reconnecting", 1))).toBe("Stream: Reconnecting (attempt 1)…");
    expect(show(at("failed"))).toBe("Stream: Connection failed");
    // The visible label is unchanged by all this.
    expect(
      screen.getByText("Connection failed", { selector: ".lgr-connection__label" }),
    ).toBeTruthy();
  });

  it("announces a manual re-join after a failure", () => {
    const { rerender } = render(<ConnectionStatus connection={at("failed")} />);
    rerender(<ConnectionStatus connection={at("connecting")} />);
    expect(screen.getByRole("status").textContent).toBe("");
    rerender(<ConnectionStatus connection={at("open")} />);
    expect(screen.getByRole("status").textContent).toBe("Stream: Reconnected");
    rerender(<ConnectionStatus connection={at("closed")} />);
    rerender(<ConnectionStatus connection={at("connecting")} />);
    rerender(<ConnectionStatus connection={at("open")} />);
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("counts a run that ended while re-joining as reconnected", () => {
    const { rerender } = render(<ConnectionStatus connection={at("reconnecting", 1)} />);
    rerender(<ConnectionStatus connection={at("closed")} />);
    expect(screen.getByRole("status").textContent).toBe("Stream: Reconnected");
  });

  it("takes labels for the announcements too, and can be silenced", () => {
    const { rerender } = render(
      <ConnectionStatus
        connection={at("reconnecting", 3)}
        srPrefix=""
        labels={{ reconnecting: "Lost, try {attempt}", reconnected: "Back" }}
      />,
    );
    expect(screen.getByRole("status").textContent).toBe("Lost, try 3");
    rerender(
      <ConnectionStatus
        connection={at("open")}
        srPrefix=""
        labels={{ reconnecting: "Lost, try {attempt}", reconnected: "Back" }}
      />,
    );
    expect(screen.getByRole("status").textContent).toBe("Back");
    rerender(<ConnectionStatus connection={at("reconnecting", 1)} announce={false} />);
    expect(screen.queryByRole("status")).toBeNull();
  });
});

describe("ConnectionStatus shows only what is abnormal", () => {
  const label = () => document.querySelector(".lgr-connection__label")?.textContent ?? null;

  it("shows nothing in normal states, only a reconnect, a failure or being offline", () => {
    const { rerender } = render(<ConnectionStatus connection={at("idle")} />);
    for (const state of ["idle", "connecting", "open", "closed"] as const) {
      rerender(<ConnectionStatus connection={at(state)} />);
      expect(label(), state).toBeNull();
    }
    rerender(<ConnectionStatus connection={at("reconnecting", 2)} />);
    expect(label()).toBe("Reconnecting (attempt 2)…");
    rerender(<ConnectionStatus connection={at("failed")} />);
    expect(label()).toBe("Connection failed");
  });

  it('`show="always"` is a pill in every state', () => {
    render(<ConnectionStatus connection={at("open")} show="always" />);
    expect(label()).toBe("Connected");
  });

  it("says when the next try goes while reconnecting", () => {
    render(
      <ConnectionStatus
        connection={{ state: "reconnecting", attempt: 1, retryAt: Date.now() + 60_000 }}
      />,
    );
    const detail = document.querySelector(".lgr-connection__detail")?.textContent ?? "";
    const seconds = Number(/^Next try in (\d+) s$/.exec(detail)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it("says when the browser is offline, and hides again when it is back", () => {
    const online = vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    render(<ConnectionStatus connection={at("open")} />);
    act(() => void window.dispatchEvent(new Event("offline")));
    expect(label()).toBe("Offline: waiting for the network");
    online.mockReturnValue(true);
    act(() => void window.dispatchEvent(new Event("online")));
    expect(label()).toBeNull();
    online.mockRestore();
  });
});
