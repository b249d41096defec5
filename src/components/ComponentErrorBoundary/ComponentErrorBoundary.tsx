"use client";
import { Component, type ErrorInfo, type ReactNode } from "react";

export interface ComponentErrorBoundaryProps {
  /** The component's name, shown in the fallback ("MessageStream could not be shown."). */
  component: string;
  /** Renders the fallback yourself (default: a short notice with the error collapsed). */
  fallback?: (error: Error, reset: () => void) => ReactNode;
  /** Called once per caught error (for logging). */
  onError?: (error: Error, info: ErrorInfo) => void;
  children?: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * The last line of defence of every component: if rendering throws (data no code path
 * expected), this part of the page shows a short notice with a "Try again" button instead of
 * React unmounting the whole app. Data that is merely odd never gets here: the components show
 * it as "can't display this item" themselves.
 *
 * @example
 * <ComponentErrorBoundary component="MessageStream"><MessageList /></ComponentErrorBoundary>
 */
export class ComponentErrorBoundary extends Component<ComponentErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(describe(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  reset = (): void => {
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (this.props.fallback) return this.props.fallback(error, this.reset);
    return (
      <div className="lgr-fallback" role="alert" data-component={this.props.component}>
        <p className="lgr-fallback__title">
          <span aria-hidden="true">⚠ </span>
          {this.props.component} could not be shown.
        </p>
        <details className="lgr-fallback__details">
          <summary>Details</summary>
          <pre className="lgr-fallback__error">{describe(error)}</pre>
        </details>
        <button type="button" className="lgr-button" data-size="small" onClick={this.reset}>
          Try again
        </button>
      </div>
    );
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return "Unknown error";
  }
}
