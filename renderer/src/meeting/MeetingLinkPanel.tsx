import { useCallback, useEffect, useId, useState } from 'react'
import type { InvitationAnswer } from '../../../shared/api'
import { fetchInvitation, HubError, type HubAddress } from '../hub'
import { boardHref, JOIN_HREF } from '../route'
import './meetingLink.scss'

type LinkState =
  | { status: 'loading' }
  /** This window's access is the meeting link itself: only the hub's own computer opens and closes it. */
  | { status: 'not-ours' }
  | { status: 'error'; message: string }
  | { status: 'ready'; answer: InvitationAnswer }

interface Props {
  hub: HubAddress
  meetingId: string
  ended: boolean
}

/**
 * "Meeting link": the facilitator opens the meeting to colleagues' laptops on the same network and
 * reads out (or shows on the shared screen) the join address and a six-digit code; or closes it.
 * The hub decides everything: whether it is open, the code, and the addresses colleagues can reach.
 */
/** Whether the meeting is open to the network, asked of the hub now, on focus, and when the meeting ends. */
function useInvitation(hub: HubAddress, meetingId: string, ended: boolean) {
  const [state, setState] = useState<LinkState>({ status: 'loading' })
  const load = useCallback(
    async (change?: 'open' | 'close') => {
      try {
        setState({ status: 'ready', answer: await fetchInvitation(hub, meetingId, change) })
      } catch (error) {
        if (error instanceof HubError && error.status === 403) setState({ status: 'not-ours' })
        else setState({ status: 'error', message: (error as Error).message })
      }
    },
    [hub, meetingId],
  )

  useEffect(() => {
    void load()
    // Another window on this computer may have opened or closed it meanwhile.
    const onFocus = () => void load()
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [load])

  // The hub closes the link when the meeting ends; ask again so this panel says so.
  useEffect(() => {
    if (ended) void load()
  }, [ended, load])
  return { state, load }
}

/** How long the room's screen waits before asking again whether the meeting link is open. */
const JOIN_LINE_REFRESH_MS = 10_000

/**
 * The join address and code along the bottom of the room's shared screen while the meeting link is
 * open, so colleagues can read them off the wall. Only a window on the computer running Roundtable
 * can ask the hub for them; elsewhere (and while the link is closed) nothing is shown.
 */
export function MeetingJoinLine({ hub, meetingId, ended }: Props) {
  const { state, load } = useInvitation(hub, meetingId, ended)
  useEffect(() => {
    const timer = setInterval(() => void load(), JOIN_LINE_REFRESH_MS)
    return () => clearInterval(timer)
  }, [load])
  if (state.status !== 'ready' || !state.answer.open || !state.answer.code) return null
  const origin = state.answer.lanOrigins[0]
  if (!origin) return null
  return (
    <p className="rt-join-line">
      Join from your laptop: <span className="rt-meeting-link__address">{origin + '/' + JOIN_HREF}</span> · code{' '}
      <span className="rt-meeting-link__code">{spacedCode(state.answer.code)}</span>
    </p>
  )
}

/** "482731" as "482 731": easier to read across a room and to type. */
function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`
}

export function MeetingLinkPanel({ hub, meetingId, ended }: Props) {
  const { state, load } = useInvitation(hub, meetingId, ended)
  const [busy, setBusy] = useState(false)
  const headingId = useId()

  async function change(to: 'open' | 'close'): Promise<void> {
    setBusy(true)
    await load(to)
    setBusy(false)
  }

  if (state.status === 'not-ours' || state.status === 'loading') return null

  return (
    <section className="rt-meeting-link rt-no-print" aria-labelledby={headingId}>
      <h2 id={headingId} className="rt-meeting-link__heading">
        Meeting link
      </h2>
      {state.status === 'error' ? (
        <div className="rt-problem" role="alert">
          <p>{state.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : (
        <LinkDetails answer={state.answer} meetingId={meetingId} ended={ended} busy={busy} onChange={(to) => void change(to)} />
      )}
    </section>
  )
}

interface DetailsProps {
  answer: InvitationAnswer
  meetingId: string
  ended: boolean
  busy: boolean
  onChange(to: 'open' | 'close'): void
}

function LinkDetails({ answer, meetingId, ended, busy, onChange }: DetailsProps) {
  const origin = answer.lanOrigins[0]
  if (answer.open && answer.code && answer.token && origin) {
    const fullLink = `${origin}/?token=${encodeURIComponent(answer.token)}${boardHref(meetingId, 'huddle')}`
    return (
      <>
        <p>Colleagues on this network can join this meeting and edit the plans on its agenda, nothing else.</p>
        <div className="rt-meeting-link__join">
          <p className="rt-meeting-link__label">
            Go to <span className="rt-meeting-link__address">{origin + '/' + JOIN_HREF}</span>
          </p>
          <p className="rt-meeting-link__label">
            Meeting code <span className="rt-meeting-link__code">{spacedCode(answer.code)}</span>
          </p>
        </div>
        {answer.lanOrigins.length > 1 ? <p>This computer can also be reached at {answer.lanOrigins.slice(1).join(', ')}.</p> : null}
        <CopyLink link={fullLink} />
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" disabled={busy} onClick={() => onChange('close')}>
          Close the meeting link
        </button>
      </>
    )
  }
  if (ended) return <p>The meeting has ended, so it is closed to the network.</p>
  if (answer.open && !origin) {
    return (
      <>
        <p>This computer is not connected to a network colleagues can reach, so nobody else can join. Connect it to the room’s Wi-Fi, then close and open the meeting link again.</p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" disabled={busy} onClick={() => onChange('close')}>
          Close the meeting link
        </button>
      </>
    )
  }
  if (!answer.networkPossible) {
    return (
      <p>
        Roundtable is running for this computer only, so colleagues’ laptops cannot reach it. To let colleagues on this network
        join, start it with <code>npm run serve -- --host 0.0.0.0</code> (see “Browser mode” in the README), then open this meeting
        again.
      </p>
    )
  }
  return (
    <>
      <p>Only people on this computer can open this meeting.</p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" disabled={busy} onClick={() => onChange('open')}>
        Open to colleagues on this network
      </button>
    </>
  )
}

function CopyLink({ link }: { link: string }) {
  const inputId = useId()
  const [copied, setCopied] = useState('')
  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link)
      setCopied('Link copied.')
    } catch {
      ;(document.getElementById(inputId) as HTMLInputElement | null)?.select()
      setCopied('Copying was refused here: the link is selected, press Ctrl+C to copy it.')
    }
  }
  return (
    <div className="nhsuk-form-group rt-meeting-link__copy">
      <label className="nhsuk-label" htmlFor={inputId}>
        Full link, to send by email or chat
      </label>
      <div className="rt-meeting-link__copy-row">
        <input className="nhsuk-input" id={inputId} readOnly value={link} onFocus={(event) => event.target.select()} />
        <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => void copy()}>
          Copy the link
        </button>
      </div>
      <p role="status" className="rt-meeting-link__copied">
        {copied}
      </p>
    </div>
  )
}
