"use client";
import { useSyncExternalStore } from "react";
import { subscribeToTimeFormats, timeFormats } from "./timeFormats";

const noFormats = () => undefined;

/**
 * When a message was written, as the reader's local time ("14:05"), with the full date and time
 * as its tooltip. The stylesheet shows it on hover and focus. The text appears once the
 * formatters exist (made when the list mounts, see `timeFormats`); the server renders none, so
 * hydration matches whatever the reader's time zone.
 *
 * @example <MessageTime time={item.time} />
 */
export function MessageTime({ time }: { time: number }) {
  const formats = useSyncExternalStore(subscribeToTimeFormats, timeFormats, noFormats);
  const date = new Date(time);
  return (
    <time
      className="lgr-message__time"
      dateTime={date.toISOString()}
      title={formats?.full.format(date)}
    >
      {formats?.short.format(date)}
    </time>
  );
}
