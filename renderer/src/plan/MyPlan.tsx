import type * as Y from 'yjs'
import { formatDay } from '../../../shared/plan/dates'
import { isOpenAction } from '../../../shared/plan/fields'
import { CONTINGENCY_FIELDS } from '../../../shared/plan/narrative'
import { personWordsFirst } from '../../../shared/plan/read'
import { NarrativeText } from './NarrativeText'
import { useDocVersion } from '../useBoardSession'
import { usePlan } from './usePlan'

/**
 * "My plan": the same plan, for the person. Large type, plain words, their own words first, and
 * for each goal what will happen next and who will do it. Prints from the browser.
 */
export function MyPlan({ doc, planHref }: { doc: Y.Doc; planHref: string }) {
  // Everything, rich text included: nothing here is a live editor, so re-reading is cheap.
  const version = useDocVersion(doc)
  const { plan, agreement } = usePlan(doc, version)
  const name = plan.person.preferredName || plan.person.name
  const helpers = new Map([...plan.careTeam, ...plan.personalContacts].map((contact) => [contact.id, contact]))
  const roleOf = (id: string) => {
    const contact = helpers.get(id)
    if (!contact) return ''
    return 'role' in contact ? contact.role : contact.relationship
  }

  return (
    <div className="rt-easy-read">
      <p className="rt-no-print">
        <a href={planHref}>Back to the team’s view of the plan</a>
      </p>
      <h1>{name ? `${name}’s plan` : 'My plan'}</h1>
      <button type="button" className="nhsuk-button rt-no-print" onClick={() => window.print()}>
        Print my plan
      </button>

      <h2>What matters to me</h2>
      <NarrativeText doc={doc} fieldKey="importantToMe" empty="We have not written this yet." />

      <h2>What I want to happen</h2>
      {plan.goals.length === 0 ? <p>We have not written any goals yet.</p> : null}
      {personWordsFirst(plan.goals).map((goal) => (
        <section key={goal.id} className="rt-easy-read__goal" aria-label={goal.text}>
          <h3>{goal.voice === 'person' ? `“${goal.text}”` : goal.text}</h3>
          <h4>What will happen next and who will do it</h4>
          {goal.actions.filter(isOpenAction).length === 0 ? <p>Nothing is planned for this yet.</p> : null}
          <ul>
            {goal.actions
              .filter((action) => open(action.status))
              .map((action) => (
                <li key={action.id}>
                  <strong>{action.ownerName ?? 'Someone from the team'}</strong>
                  {roleOf(action.ownerId) ? ` (${roleOf(action.ownerId)})` : ''} will {lowerFirst(action.what)} by <strong>{formatDay(action.dueDate)}</strong>.
                </li>
              ))}
          </ul>
          {goal.actions.some((action) => action.status === 'done') ? (
            <>
              <h4>Already done</h4>
              <ul>
                {goal.actions
                  .filter((action) => action.status === 'done')
                  .map((action) => (
                    <li key={action.id}>{action.what}</li>
                  ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}

      <h2>What I am good at and who helps me</h2>
      <ul>
        {personWordsFirst(plan.strengths).map((strength) => (
          <li key={strength.id}>{strength.text}</li>
        ))}
      </ul>

      <h2>People helping me</h2>
      <ul>
        {plan.careTeam.map((member) => (
          <li key={member.id}>
            {member.name}, {member.role}
            {member.keyWorker ? ' — my main contact' : ''}
            {member.contact ? `, ${member.contact}` : ''}
          </li>
        ))}
        {plan.personalContacts.map((contact) => (
          <li key={contact.id}>
            {contact.name}, {contact.relationship}
          </li>
        ))}
      </ul>

      <h2>If things get worse</h2>
      {CONTINGENCY_FIELDS.map((field) => (
        <section key={field.key} aria-label={field.title}>
          <h3>{field.title}</h3>
          <NarrativeText doc={doc} fieldKey={field.key} empty="We have not written this yet." />
        </section>
      ))}

      <h2>When we will look at this plan again</h2>
      <p>{agreement ? `${formatDay(agreement.reviewDate)}, with ${agreement.reviewer}.` : 'We will agree a date together.'}</p>
    </div>
  )
}

/** "Arrange a visit" reads on as "will arrange a visit"; "GP review" keeps its capitals. */
function lowerFirst(text: string): string {
  if (text.length < 2 || text[1] !== text[1].toLowerCase()) return text
  return text[0].toLowerCase() + text.slice(1)
}
