import { useState } from 'react'
import { Board } from './Board'
import { ErrorBoundary } from './ErrorBoundary'
import { Home } from './Home'
import { joinedMeetingId, openHubAddress } from './hub'
import { JoinPage, OneMeetingOnly } from './JoinPage'
import { useIdentity } from './identity'
import { NamePrompt } from './NamePrompt'
import { TrackerPage } from './tracker/TrackerPage'
import { usePageTitle } from './pageTitle'
import { HOME_HREF, useRoute, type Route } from './route'

export function App() {
  const [hub, setHub] = useState(openHubAddress)
  const route = useRoute()
  const { user, saveName } = useIdentity()
  const [changingName, setChangingName] = useState(false)
  // A tab joined with a meeting code can open that meeting and its agenda's plans only.
  const joinedMeeting = hub ? joinedMeetingId() : null
  const oneMeetingOnly = joinedMeeting !== null && (route.screen === 'home' || route.screen === 'tracker')
  usePageTitle(oneMeetingOnly ? null : screenTitle(hub !== null, !user || changingName, route.screen))

  let content
  if (route.screen === 'join') {
    // No access code needed: the meeting code is how a colleague gets one.
    content = <JoinPage onJoined={setHub} />
  } else if (!hub) {
    content = (
      <>
        <h1>This page needs its access link</h1>
        <p>
          Open Roundtable from the address it printed when it started. That address ends with <code>?token=</code> and a
          long code, which keeps the plans here private.
        </p>
      </>
    )
  } else if (!user || changingName) {
    content = (
      <NamePrompt
        currentName={user?.name ?? ''}
        onSave={(name) => {
          saveName(name)
          setChangingName(false)
        }}
        onCancel={user ? () => setChangingName(false) : undefined}
      />
    )
  } else if (oneMeetingOnly) {
    content = <OneMeetingOnly meetingId={joinedMeeting} />
  } else if (route.screen === 'home') {
    content = <Home hub={hub} />
  } else if (route.screen === 'tracker') {
    content = <TrackerPage hub={hub} userName={user.name} />
  } else if (route.screen === 'board') {
    // Keyed by board, so moving between boards starts a fresh connection.
    content = <Board key={route.docId} hub={hub} docId={route.docId} view={route.view} user={user} />
  } else {
    content = (
      <>
        <h1>Page not found</h1>
        <p>
          <a href={HOME_HREF}>Go to the list of boards</a>
        </p>
      </>
    )
  }

  return (
    <>
      <a className="nhsuk-skip-link" href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="rt-header" role="banner">
        <div className="rt-header__inner">
          <a className="rt-header__name" href={HOME_HREF}>
            Roundtable
          </a>
          {user && !changingName ? (
            <p className="rt-header__user">
              You are <strong>{user.name}</strong>{' '}
              <button type="button" className="rt-link-button" onClick={() => setChangingName(true)}>
                Change name
              </button>
            </p>
          ) : null}
        </div>
      </header>
      <div className="rt-container">
        <main className="nhsuk-main-wrapper" id="main-content" tabIndex={-1}>
          <ErrorBoundary resetKey={window.location.hash}>{content}</ErrorBoundary>
        </main>
      </div>
    </>
  )
}

/** The title of the screen App shows itself; a board names its own. */
function screenTitle(hasHub: boolean, askingName: boolean, screen: Route['screen']): string[] | null {
  if (screen === 'join') return null
  if (!hasHub) return ['Access link needed']
  if (askingName) return ['Your name']
  if (screen === 'home') return ['All plans']
  if (screen === 'not-found') return ['Page not found']
  return null
}

/** Hash links drive the router, so the skip link moves focus itself instead of changing the hash. */
function skipToMain(event: React.MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault()
  document.getElementById('main-content')?.focus()
}
