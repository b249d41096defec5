import { useId } from "react";
import { Icon } from "./icons";
import { SCENARIOS, type Scenario } from "./scenarios";

/**
 * The suggestions of an empty chat: one card per scenario, each a button named by its title and
 * described by what it does. The whole card is the button's hit area (its `::after` covers the
 * card), while the description and the command stay outside its name (they describe it), so a
 * screen reader hears a short name.
 */
export function ScenarioCards({ onPick }: { onPick: (scenario: Scenario) => void }) {
  return (
    <div className="demo-scenarios" role="group" aria-label="Scenarios">
      <ul className="demo-scenarios__list">
        {SCENARIOS.map((scenario) => (
          <ScenarioCard key={scenario.id} scenario={scenario} onPick={onPick} />
        ))}
      </ul>
    </div>
  );
}

function ScenarioCard({
  scenario,
  onPick,
}: {
  scenario: Scenario;
  onPick: (scenario: Scenario) => void;
}) {
  const id = useId();
  return (
    <li className="demo-scenario" data-scenario={scenario.id}>
      <span className="demo-scenario__icon">
        <Icon name={scenario.icon} />
      </span>
      <button
        type="button"
        className="demo-scenario__button"
        aria-describedby={`${id}-description ${id}-command`}
        onClick={() => onPick(scenario)}
      >
        {scenario.label}
      </button>
      <span id={`${id}-description`} className="demo-scenario__description">
        {scenario.description}
      </span>
      <code id={`${id}-command`} className="demo-scenario__command">
        {scenario.text}
      </code>
    </li>
  );
}
