import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { WarningIcon } from './icons';
import { StateMessage } from './StateMessage';

interface State {
  error: Error | null;
}

/** A fault in one section must not blank the whole console: the operator gets the
 *  message and a way back, and the rest of the shell keeps working. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    // Switching section tries again.
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('console section failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <StateMessage
        tone="danger"
        role="alert"
        icon={<WarningIcon size={24} />}
        title="This part of the console failed"
        action={
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        }
      >
        {this.state.error.message}. The media core keeps serving partners; reloading the page also recovers.
      </StateMessage>
    );
  }
}
