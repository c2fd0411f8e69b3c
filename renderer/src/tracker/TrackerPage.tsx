import { useEffect, useId, useState } from 'react'
import type { TrackerAnswer } from '../../../shared/api'
import { PARTIAL_DATE_MESSAGE } from '../../../shared/plan/dateRules'
import { formatDay, localDay } from '../../../shared/plan/dates'
import { ACTION_STATUSES, STATUS_WORDS, type ActionStatus } from '../../../shared/plan/fields'
import type { TrackerFilter } from '../../../shared/tracker'
import { DateField } from '../plan/DateField'
import { fetchTracker, type HubAddress } from '../hub'
import { usePageTitle } from '../pageTitle'
import { boardHref, HOME_HREF } from '../route'
import { setActionStatus } from './setActionStatus'

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; answer: TrackerAnswer }

/** Typing in a filter box asks again once the typing pauses, not on every key. */
const FILTER_PAUSE_MS = 300

/**
 * The action tracker: every action on every plan on this hub, overdue first, filtered by owner,
 * agency, status, person and due date, with each status changeable in place (written into the
 * plan itself). It reads the hub's tracker table, so it opens fast however many plans there are.
 */
export function TrackerPage({ hub, userName }: { hub: HubAddress; userName: string }) {
  usePageTitle(['Action tracker'])
  const [filter, setFilter] = useState<TrackerFilter>({})
  const [dueByError, setDueByError] = useState<string | null>(null)
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [reloads, setReloads] = useState(0)
  const [message, setMessage] = useState('')
  const today = localDay(new Date())
  const ids = useId()

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetchTracker(hub, filter, today, controller.signal)
        .then((answer) => setLoad({ state: 'ready', answer }))
        .catch((error: Error) => {
          if (error.name !== 'AbortError') setLoad({ state: 'error', message: error.message })
        })
    }, FILTER_PAUSE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [hub, filter, today, reloads])

  const change = (key: 'owner' | 'agency' | 'person') => (event: React.ChangeEvent<HTMLInputElement>) => setFilter((now) => ({ ...now, [key]: event.target.value }))

  const changeStatus = async (docId: string, actionId: string, what: string, status: ActionStatus) => {
    setMessage(`Saving: “${what}” is now ${STATUS_WORDS[status].toLowerCase()}…`)
    const problem = await setActionStatus(hub, docId, actionId, status, userName)
    setMessage(problem ?? `Saved: “${what}” is now ${STATUS_WORDS[status].toLowerCase()}.`)
    setReloads((count) => count + 1)
  }

  return (
    <>
      <a className="nhsuk-back-link" href={HOME_HREF}>
        All plans
      </a>
      <h1>Action tracker</h1>
      <p>Every action on every plan, overdue first. Change a status here and it changes in the plan.</p>

      <form className="rt-tracker-filters" aria-label="Filter the actions" onSubmit={(event) => event.preventDefault()}>
        {(
          [
            ['owner', 'Owner', 'Part of their name'],
            ['agency', 'Agency', 'For example Age UK'],
            ['person', 'Person', 'The plan’s name, for example their initials'],
          ] as const
        ).map(([key, label, hint]) => (
          <div key={key} className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`${ids}-${key}`}>
              {label}
            </label>
            <div className="nhsuk-hint" id={`${ids}-${key}-hint`}>
              {hint}
            </div>
            <input className="nhsuk-input" id={`${ids}-${key}`} aria-describedby={`${ids}-${key}-hint`} value={filter[key] ?? ''} onChange={change(key)} />
          </div>
        ))}
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${ids}-status`}>
            Status
          </label>
          <select
            className="nhsuk-select"
            id={`${ids}-status`}
            value={filter.status ?? ''}
            onChange={(event) => setFilter((now) => ({ ...now, status: (event.target.value || undefined) as ActionStatus | undefined }))}
          >
            <option value="">Any status</option>
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_WORDS[status]}
              </option>
            ))}
          </select>
        </div>
        <DateField
          id={`${ids}-due`}
          legend="Due by"
          hint="Actions due on or before this day."
          value={filter.dueBy ?? ''}
          error={dueByError}
          onChange={(value, partial) => {
            setDueByError(partial ? PARTIAL_DATE_MESSAGE : null)
            if (!partial) setFilter((now) => ({ ...now, dueBy: value || undefined }))
          }}
        />
        <div className="nhsuk-form-group rt-tracker-filters__check">
          <label className="rt-checkbox">
            <input type="checkbox" checked={filter.overdueOnly === true} onChange={(event) => setFilter((now) => ({ ...now, overdueOnly: event.target.checked || undefined }))} />
            Only overdue actions
          </label>
        </div>
      </form>

      {/* Always on the page, so a screen reader hears each new message. */}
      <p className="rt-tracker-message" role="status" aria-live="polite">
        {message}
      </p>

      {load.state === 'loading' ? <p role="status">Loading actions…</p> : null}
      {load.state === 'error' ? (
        <div className="rt-problem" role="alert">
          <p>{load.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setReloads((count) => count + 1)}>
            Try again
          </button>
        </div>
      ) : null}
      {load.state === 'ready' ? <TrackerTable answer={load.answer} onStatus={changeStatus} /> : null}
    </>
  )
}

function TrackerTable({ answer, onStatus }: { answer: TrackerAnswer; onStatus(docId: string, actionId: string, what: string, status: ActionStatus): void }) {
  if (answer.total === 0) return <p>No actions match. Clear a filter to see more.</p>
  const overdue = answer.actions.filter((action) => action.overdue).length
  return (
    <>
      <p role="status">
        {answer.actions.length < answer.total ? `Showing the first ${answer.actions.length} of ${answer.total} actions. Filter to narrow them down.` : `${answer.total} ${answer.total === 1 ? 'action' : 'actions'}`}
        {overdue > 0 ? `, ${overdue} overdue.` : '.'}
      </p>
      <table className="rt-tracker-table">
        <caption className="nhsuk-u-visually-hidden">Actions, overdue first</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {answer.actions.map((action) => (
            <tr key={`${action.docId}:${action.actionId}`} className={action.overdue ? 'rt-tracker-row--overdue' : undefined}>
              <td data-label="Person">
                <a href={boardHref(action.docId)}>{action.planTitle}</a>
              </td>
              <td data-label="Action">
                {action.what}
                {action.goalText ? <span className="rt-tracker-goal">For: {action.goalText}</span> : null}
              </td>
              <td data-label="Owner">
                {action.ownerName || 'No owner (removed from the plan)'}
                {action.agency || action.ownerRelationship ? <span className="rt-tracker-goal">{action.agency || action.ownerRelationship}</span> : null}
              </td>
              <td data-label="Due">
                {formatDay(action.dueDate)}
                {action.overdue ? <strong className="rt-tag rt-tag--overdue">Overdue</strong> : null}
              </td>
              <td data-label="Status">
                <select
                  className="nhsuk-select rt-tracker-status"
                  aria-label={`Status of “${action.what}” for ${action.planTitle}`}
                  value={action.status}
                  onChange={(event) => onStatus(action.docId, action.actionId, action.what, event.target.value as ActionStatus)}
                >
                  {ACTION_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {STATUS_WORDS[status]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
