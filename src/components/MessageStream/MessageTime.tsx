"use client";

let short: Intl.DateTimeFormat | undefined;
let full: Intl.DateTimeFormat | undefined;

/**
 * When a message was written, as the reader's local time ("14:05"), with the full date and time
 * as its tooltip. The stylesheet shows it on hover and focus.
 *
 * @example <MessageTime time={item.time} />
 */
export function MessageTime({ time }: { time: number }) {
  short ??= new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
  full ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
  const date = new Date(time);
  return (
    // The server's time zone and locale may differ from the reader's.
    <time
      className="lgr-message__time"
      dateTime={date.toISOString()}
      title={full.format(date)}
      suppressHydrationWarning
    >
      {short.format(date)}
    </time>
  );
}
