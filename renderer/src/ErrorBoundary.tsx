import { Component, type ReactNode } from 'react'
import { HOME_HREF } from './routePaths'

interface State {
  error: Error | null
}

/**
 * If a screen fails to draw (say, content from a faulty device), says so in words and offers a way
 * on, instead of leaving a blank window. What is stored is untouched.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null })
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div className="rt-problem" role="alert">
        <h1>This screen could not be shown</h1>
        <p>
          Something in it could not be read ({this.state.error.message}). Nothing has been changed or lost: everything stays saved on the hub.
        </p>
        <p>
          <a href={HOME_HREF}>Go to the list of plans</a>, or reload the page to try again.
        </p>
      </div>
    )
  }
}
