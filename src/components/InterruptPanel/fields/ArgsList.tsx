"use client";
import { stringifyForDisplay } from "../../displayJson/stringifyForDisplay";

/**
 * An action's arguments as a compact list: each name, and its value as text (strings as they
 * are, anything else as JSON). Shown as text only, never as markup.
 *
 * @example <ArgsList args={{ to: "ada@example.com", subject: "Hello" }} />
 */
export function ArgsList({ args }: { args: Readonly<Record<string, unknown>> }) {
  const entries = Object.entries(args);
  if (entries.length === 0) return <p className="lgr-interrupt__note">No arguments.</p>;
  return (
    <dl className="lgr-args">
      {entries.map(([key, value]) => (
        <div className="lgr-args__row" key={key}>
          <dt>{key}</dt>
          <dd data-type={typeof value === "string" ? "string" : "json"}>
            {typeof value === "string" ? value : stringifyForDisplay(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
