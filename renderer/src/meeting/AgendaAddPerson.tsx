import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import type { DocumentSummary } from '../../../shared/api'
import { DEFAULT_BUDGET_MINUTES } from '../../../shared/meeting/fields'
import { addAgendaItem } from '../../../shared/meeting/meeting'
import { shownName } from '../../../shared/meeting/privacy'
import type { MeetingView } from '../../../shared/meeting/read'
import { plansToOffer } from '../../../shared/meeting/setup'
import { ErrorMessage } from '../ErrorMessage'
import { fetchDocuments, HubError, type HubAddress } from '../hub'
import { focusWhenPresent } from '../plan/useReturnFocus'
import { startPlan } from './startPlan'

interface Props {
  hub: HubAddress
  doc: Y.Doc
  meeting: MeetingView
  onMessage(text: string): void
}

type PlanList = { state: 'loading' } | { state: 'loaded'; documents: DocumentSummary[] } | { state: 'failed'; message: string } | { state: 'not-allowed' }

/**
 * Puts a person on the agenda: their plan from the hub's list, or a new plan started for them here.
 * A meeting link (a colleague's laptop) cannot list the hub's plans or make new ones, so it says so.
 */
export function AgendaAddPerson({ hub, doc, meeting, onMessage }: Props) {
  const id = useId()
  const [plans, setPlans] = useState<PlanList>({ state: 'loading' })
  const [reload, setReload] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    fetchDocuments(hub, abort.signal).then(
      (documents) => setPlans({ state: 'loaded', documents }),
      (error: unknown) => {
        if (abort.signal.aborted) return
        if (error instanceof HubError && error.status === 403) setPlans({ state: 'not-allowed' })
        else setPlans({ state: 'failed', message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => abort.abort()
  }, [hub, reload])

  const added = (label: string) => {
    onMessage(`${shownName(label, meeting.initialsOnly)} added to the agenda, ${meeting.agenda.length + 1} of ${meeting.agenda.length + 1}.`)
    setReload((count) => count + 1)
  }

  return (
    <section className="rt-setup__add rt-agenda__add" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Add a person to the agenda</h3>
      {plans.state === 'not-allowed' ? (
        <p>Adding people to the agenda needs the computer running Roundtable: this meeting link opens only this meeting and the plans on its agenda.</p>
      ) : (
        <>
          {plans.state === 'loading' ? <p className="rt-empty">Loading the plans on this hub…</p> : null}
          {plans.state === 'failed' ? (
            <div className="rt-problem">
              <p>{plans.message}</p>
              <p>
                <button type="button" className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => setReload((count) => count + 1)}>
                  Try again
                </button>
              </p>
            </div>
          ) : null}
          {plans.state === 'loaded' ? <ChoosePlanForm doc={doc} meeting={meeting} documents={plans.documents} onAdded={added} /> : null}
          <StartPlanForm hub={hub} doc={doc} onAdded={added} />
        </>
      )}
    </section>
  )
}

function ChoosePlanForm({ doc, meeting, documents, onAdded }: { doc: Y.Doc; meeting: MeetingView; documents: DocumentSummary[]; onAdded(label: string): void }) {
  const id = useId()
  const [planId, setPlanId] = useState('')
  const [label, setLabel] = useState('')
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const offered = plansToOffer(
    documents,
    new Set(meeting.agenda.map((item) => item.planId)),
    planId,
  )

  function add(event: React.FormEvent): void {
    event.preventDefault()
    const plan = documents.find((document) => document.id === planId)
    const result = addAgendaItem(doc, { planId, label: label.trim() || (plan?.title ?? ''), budgetMinutes: DEFAULT_BUDGET_MINUTES })
    if (!result.ok) {
      setErrors(result.errors)
      focusWhenPresent(result.errors.label && !result.errors.planId ? `${id}-label` : result.errors.form ? `${id}-form-error` : `${id}-plan`)
      return
    }
    setErrors({})
    setPlanId('')
    setLabel('')
    onAdded(label.trim() || (plan?.title ?? ''))
  }

  if (offered.length === 0) {
    return <p className="rt-empty">Every plan on this hub is on the agenda already. Start a new plan below for someone else.</p>
  }
  return (
    <form onSubmit={add} noValidate>
      <ErrorMessage id={`${id}-form-error`} message={errors.form ?? null} />
      <div className={`nhsuk-form-group rt-form-group--tight${errors.planId ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${id}-plan`}>
          Their plan
        </label>
        <ErrorMessage id={`${id}-plan-error`} message={errors.planId ?? null} />
        <select
          className={`nhsuk-select rt-setup__select${errors.planId ? ' nhsuk-select--error' : ''}`}
          id={`${id}-plan`}
          value={planId}
          aria-describedby={errors.planId ? `${id}-plan-error` : undefined}
          onChange={(event) => setPlanId(event.target.value)}
        >
          <option value="">Choose a plan</option>
          {offered.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {shownName(plan.title, meeting.initialsOnly)}
            </option>
          ))}
        </select>
      </div>
      <div className={`nhsuk-form-group rt-form-group--tight${errors.label ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${id}-label`}>
          Shown on the agenda as (optional)
        </label>
        <div className="nhsuk-hint" id={`${id}-label-hint`}>
          Usually their initials. Leave it empty to use the plan’s name.
        </div>
        <ErrorMessage id={`${id}-label-error`} message={errors.label ?? null} />
        <input
          className={`nhsuk-input nhsuk-u-width-two-thirds${errors.label ? ' nhsuk-input--error' : ''}`}
          id={`${id}-label`}
          autoComplete="off"
          value={label}
          aria-describedby={`${id}-label-hint${errors.label ? ` ${id}-label-error` : ''}`}
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button rt-button--small">
        Add to the agenda
      </button>
    </form>
  )
}

function StartPlanForm({ hub, doc, onAdded }: { hub: HubAddress; doc: Y.Doc; onAdded(label: string): void }) {
  const id = useId()
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)

  async function start(event: React.FormEvent): Promise<void> {
    event.preventDefault()
    if (starting) return
    setStarting(true)
    const started = await startPlan(hub, title, new Date())
    setStarting(false)
    if (!started.ok) {
      setError(started.message)
      focusWhenPresent(`${id}-title`)
      return
    }
    const result = addAgendaItem(doc, { planId: started.planId, label: title.trim(), budgetMinutes: DEFAULT_BUDGET_MINUTES })
    if (!result.ok) {
      setError(`The plan was started, but ${Object.values(result.errors).join(' ')}`)
      return
    }
    setError(null)
    setTitle('')
    onAdded(title.trim())
  }

  return (
    <form onSubmit={(event) => void start(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Or start a new plan for this person</h4>
      <div className={`nhsuk-form-group rt-form-group--tight${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${id}-title`}>
          Name of the new plan
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          For example the person’s initials. The plan starts blank; open it from the agenda to fill it in.
        </div>
        <ErrorMessage id={`${id}-error`} message={error} />
        <input
          className={`nhsuk-input nhsuk-u-width-two-thirds${error ? ' nhsuk-input--error' : ''}`}
          id={`${id}-title`}
          autoComplete="off"
          value={title}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <button type="submit" className="nhsuk-button nhsuk-button--secondary rt-button--small" disabled={starting} aria-disabled={starting || undefined}>
        {starting ? 'Starting the plan…' : 'Start the plan and add them'}
      </button>
    </form>
  )
}
