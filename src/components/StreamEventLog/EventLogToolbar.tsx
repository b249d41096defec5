"use client";
import { useId } from "react";
import { Icon } from "../icons/Icon";
import { formatCount } from "./formatCount";
import { namespaceLabel } from "./formatEvent";
import type { StreamEventLogState } from "./useStreamEventLog";

// The select's value for "all namespaces": no namespace key can be it.
const ALL = "\u0000all";

interface EventLogToolbarProps {
  log: StreamEventLogState;
  /** Exports the rows shown. */
  onExport: () => void;
}

/**
 * The log's controls above the rows: search, export, mode toggles and the namespace select.
 * The select comes last, right before the rows: Tab goes from it into the log.
 */
export function EventLogToolbar({ log, onExport }: EventLogToolbarProps) {
  const searchId = useId();
  const selectId = useId();
  const { facets } = log;
  return (
    <div className="lgr-log__toolbar">
      <div className="lgr-log__find">
        <label htmlFor={searchId} className="lgr-visually-hidden">
          Search events
        </label>
        <Icon name="search" />
        <input
          id={searchId}
          className="lgr-select"
          type="search"
          placeholder="Search payloads"
          autoComplete="off"
          spellCheck={false}
          value={log.query}
          onChange={(event) => log.setQuery(event.target.value)}
        />
        <button
          type="button"
          className="lgr-button"
          data-size="small"
          onClick={onExport}
          disabled={log.rows.count === 0}
        >
          <Icon name="download" />
          Export NDJSON
        </button>
      </div>
      <div className="lgr-log__types" role="group" aria-label="Filter by stream mode">
        {facets.types.map(({ key, count }) => {
          const pressed = log.types.includes(key);
          return (
            <button
              key={key}
              type="button"
              className="lgr-button lgr-log__chip"
              data-size="small"
              aria-pressed={pressed}
              data-type={key}
              onClick={() => log.toggleType(key)}
            >
              {pressed && <Icon name="check" />}
              {key}
              <span className="lgr-log__chip-count">{formatCount(count)}</span>
            </button>
          );
        })}
      </div>
      {log.filtered && (
        <button type="button" className="lgr-button" data-size="small" onClick={log.clearFilters}>
          Clear filters
        </button>
      )}
      <div className="lgr-log__ns-filter">
        <label htmlFor={selectId}>Namespace</label>
        <select
          id={selectId}
          className="lgr-select"
          value={log.namespace ?? ALL}
          onChange={(event) =>
            log.setNamespace(event.target.value === ALL ? null : event.target.value)
          }
        >
          <option value={ALL}>All namespaces</option>
          {facets.namespaces.map(({ key, count }) => (
            <option key={key} value={key}>
              {namespaceLabel(key)} ({formatCount(count)})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
