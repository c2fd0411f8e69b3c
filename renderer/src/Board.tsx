import { useCallback, useEffect, useMemo, useState } from 'react'
import { initialiseBoard, readMeta } from '../../shared/board'
import { boardKindInfo, boardStructure } from '../../shared/boardKinds'
import type { PresenceUser } from '../../shared/presence'
import { ABOUT_ME_FIELDS, CONTINGENCY_FIELDS } from '../../shared/plan/narrative'
import { HistoryView } from './plan/HistoryView'
import { MyPlan } from './plan/MyPlan'
import { PlanOverview } from './plan/PlanOverview'
import { NarrativeSection } from './plan/NarrativeSection'
import { PlanBoard } from './plan/PlanBoard'
import { DraftsProvider } from './plan/drafts'
import { EditingPresenceProvider } from './plan/editingPresence'
import type { HubAddress } from './hub'
import { forgetNewBoard, pendingBoard } from './newBoards'
import { usePageTitle } from './pageTitle'
import { boardHref, HOME_HREF, type BoardView } from './route'
import { useBoardSession, useDocVersion, useUndoState, type BoardSession } from './useBoardSession'
import { ConnectionBanner, Presence } from './BoardStatus'
import { MeetingBoard } from './meeting/MeetingBoard'
import type { ConnectionStatus } from '../../shared/connection'

interface Props {
  hub: HubAddress
  docId: string
  view: BoardView
  user: PresenceUser
}

/** One plan, open for as long as any of its views (the board, history, My plan) is on screen. */
export function Board({ hub, docId, view, user }: Props) {
  const { session, status } = useBoardSession(hub, docId, user)
  usePageTitle(session ? null : ['Opening plan…'])
  return (
    <>
      <a className="nhsuk-back-link" href={HOME_HREF}>
        All plans
      </a>
      {session ? (
        // Edits in progress outlive a switch to History or My plan and back.
        <DraftsProvider key={session.doc.guid}>
          <EditingPresenceProvider awareness={session.provider.awareness}>
            <BoardPage hub={hub} session={session} docId={docId} view={view} status={status} user={user} />
          </EditingPresenceProvider>
        </DraftsProvider>
      ) : (
        <h1>Opening plan…</h1>
      )}
    </>
  )
}

const VIEW_NAMES: Record<BoardView, string> = {
  plan: 'Board',
  history: 'History',
  'my-plan': 'My plan',
  overview: 'At a glance',
  'shared-screen': 'At a glance, large type',
  huddle: 'Huddle',
  minutes: 'Minutes',
}

interface PageProps {
  hub: HubAddress
  session: BoardSession
  docId: string
  view: BoardView
  status: ConnectionStatus
  user: PresenceUser
}

function BoardPage({ hub, session, docId, view, status, user }: PageProps) {
  const { doc, provider, undoManager } = session
  // Structure only: typing in a rich-text box must not re-render the whole plan on every key.
  const version = useDocVersion(doc, boardStructure)
  const meta = useMemo(() => readMeta(doc), [doc, version])
  const synced = status.state === 'saved' || status.state === 'saving' || status.state === 'reconnecting'
  const missing = !meta && synced && !pendingBoard(docId)
  usePageTitle(meta ? [meta.title, VIEW_NAMES[view]] : [missing ? 'Plan not found' : 'Opening plan…'])
  const [message, setShownMessage] = useState('')
  // A live region only speaks when its text changes: clear it first, so "Undone." twice is said twice.
  const setMessage = useCallback((text: string) => {
    setShownMessage('')
    if (text) requestAnimationFrame(() => setShownMessage(text))
  }, [])

  // A board created in this window gets its title once the hub has sent what it holds.
  useEffect(() => {
    const created = pendingBoard(docId)
    if (!synced || meta || !created) return
    initialiseBoard(doc, { kind: created.kind, title: created.title, template: created.template, now: new Date() })
    undoManager.clear()
    forgetNewBoard(docId)
  }, [synced, meta, doc, docId, undoManager])

  // Undo and redo from the keyboard, anywhere on the board except inside a text field (which has its own).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (target && (target.closest('input, textarea, select, [contenteditable="true"]') || event.defaultPrevented)) return
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault()
        if (undoManager.undo()) setMessage('Undone.')
      } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
        event.preventDefault()
        if (undoManager.redo()) setMessage('Redone.')
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [undoManager])

  if (!meta) {
    if (status.state === 'refused') return <ConnectionBanner status={status} />
    if (!synced || pendingBoard(docId)) {
      return (
        <>
          <h1>Opening plan…</h1>
          <ConnectionBanner status={status} />
        </>
      )
    }
    return (
      <>
        <h1>This plan does not exist</h1>
        <p>It may have been created on another hub, or the link may be wrong.</p>
        <p>
          <a href={HOME_HREF}>Go to the list of plans</a>
        </p>
      </>
    )
  }

  if (meta.kind === 'meeting') {
    return <MeetingBoard hub={hub} session={session} docId={docId} title={meta.title} view={view} status={status} user={user} version={version} />
  }
  if (meta.kind !== 'plan') {
    // A kind whose screens are still to come (a workshop): kept safe and untouched, and said so.
    return (
      <>
        <h1>{meta.title}</h1>
        <p>This board is a {boardKindInfo(meta.kind).noun}. This version of Roundtable keeps it safe but cannot show it yet; nothing in it has been changed.</p>
        <p>
          <a href={HOME_HREF}>Go to the list of boards</a>
        </p>
      </>
    )
  }
  if (view === 'huddle' || view === 'minutes') return <NotThisKind title={meta.title} noun={boardKindInfo(meta.kind).noun} href={boardHref(docId)} />
  if (view === 'history') return <HistoryView doc={doc} title={meta.title} planHref={boardHref(docId)} />
  if (view === 'my-plan') return <MyPlan doc={doc} planHref={boardHref(docId)} />
  if (view === 'overview' || view === 'shared-screen') {
    const large = view === 'shared-screen'
    return <PlanOverview doc={doc} large={large} planHref={boardHref(docId)} otherSizeHref={boardHref(docId, large ? 'overview' : 'shared-screen')} />
  }

  return (
    <>
      <div className="rt-board-header">
        <div>
          <span className="nhsuk-caption-l">Care and support plan</span>
          <h1 className="rt-board-title">{meta.title}</h1>
        </div>
        <div className="rt-board-links">
          <a className="nhsuk-button nhsuk-button--secondary rt-button--small" href={boardHref(docId, 'overview')}>
            At a glance
          </a>
          <a className="nhsuk-button nhsuk-button--secondary rt-button--small" href={boardHref(docId, 'my-plan')}>
            My plan (easy read)
          </a>
          <a className="nhsuk-button nhsuk-button--secondary rt-button--small" href={boardHref(docId, 'history')}>
            History
          </a>
          <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => window.print()}>
            Print the plan
          </button>
          <BoardToolbar session={session} onMessage={setMessage} />
        </div>
      </div>
      <div className="rt-board-status">
        <ConnectionBanner status={status} />
        <Presence provider={provider} />
      </div>
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      <PlanBoard
        doc={doc}
        version={version}
        author={user.name}
        historyHref={boardHref(docId, 'history')}
        onMessage={setMessage}
        renderNarrative={(part) =>
          part === 'about-me' ? (
            <NarrativeSection title="About me" hint="In the person’s own words where possible." fields={ABOUT_ME_FIELDS} doc={doc} provider={provider} user={user} />
          ) : (
            <NarrativeSection title="Contingency and safety plan" hint="What to do if things get worse." fields={CONTINGENCY_FIELDS} doc={doc} provider={provider} user={user} />
          )
        }
      />
    </>
  )
}

function BoardToolbar({ session, onMessage }: { session: BoardSession; onMessage(message: string): void }) {
  const { canUndo, canRedo } = useUndoState(session.undoManager)
  return (
    <div className="rt-toolbar" role="group" aria-label="Undo and redo your changes">
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary rt-button--small"
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
        onClick={() => session.undoManager.undo() && onMessage('Undone.')}
      >
        Undo
      </button>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary rt-button--small"
        disabled={!canRedo}
        aria-keyshortcuts="Control+Y"
        onClick={() => session.undoManager.redo() && onMessage('Redone.')}
      >
        Redo
      </button>
    </div>
  )
}

/** A meeting's page asked of a plan (an old or mistyped link): say so, and offer the board itself. */
function NotThisKind({ title, noun, href }: { title: string; noun: string; href: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>This {noun} has no page at this address.</p>
      <p>
        <a href={href}>Open the {noun}</a>
      </p>
    </>
  )
}
