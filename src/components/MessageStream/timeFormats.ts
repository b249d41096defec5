/**
 * The formatters of message times, made in a task of their own as soon as a message list mounts.
 * The first `Intl.DateTimeFormat` of a page costs about 30 ms in Chromium (it loads the locale's
 * data): made during a render, it sat between a user's submit and the reply's first token. A list
 * mounts long before its first submit, so they are ready by then. Until they exist, times render
 * without their text (the `<time>` keeps its `dateTime`); a time is shown on hover only.
 */
export interface TimeFormats {
  /** "14:05" in the reader's locale. */
  short: Intl.DateTimeFormat;
  /** The full date and time, for the tooltip. */
  full: Intl.DateTimeFormat;
}

let formats: TimeFormats | undefined;
let scheduled = false;
const listeners = /* @__PURE__ */ new Set<() => void>();

/** The formatters, or undefined until they are made. */
export function timeFormats(): TimeFormats | undefined {
  return formats;
}

/**
 * Makes the formatters in a task of their own (once per page) and tells the subscribers. Not in
 * an idle callback: idle time may come only once a stream is under way, between its first byte
 * and its first token.
 *
 * @example useEffect(prepareTimeFormats, []); // when a message list mounts
 */
export function prepareTimeFormats(): void {
  if (formats !== undefined || scheduled) return;
  scheduled = true;
  const make = () => {
    formats = {
      short: new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" }),
      full: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" }),
    };
    for (const listener of listeners) listener();
  };
  setTimeout(make, 0);
}

/**
 * Subscribes to the formatters' arrival (for `useSyncExternalStore`), and asks for them.
 *
 * @example useSyncExternalStore(subscribeToTimeFormats, timeFormats, () => undefined)
 */
export function subscribeToTimeFormats(listener: () => void): () => void {
  listeners.add(listener);
  prepareTimeFormats();
  return () => listeners.delete(listener);
}
