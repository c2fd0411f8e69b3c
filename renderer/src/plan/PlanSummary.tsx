import type * as Y from 'yjs'
import { formatNhsNumber } from '../../../shared/nhsNumber'
import { formatDay } from '../../../shared/plan/dates'
import { IMPORTANCE_WORDS, STATUS_WORDS } from '../../../shared/plan/fields'
import { ABOUT_ME_FIELDS, CONTINGENCY_FIELDS } from '../../../shared/plan/narrative'
import { listInWords } from '../../../shared/plan/changeWords'
import { personWordsFirst, type Action, type PlanView } from '../../../shared/plan/read'
import { HOLDER_WORDS } from './entryFields'
import { NarrativeText } from './NarrativeText'

const whose = (voice: string) => (voice === 'person' ? 'their words' : 'professional’s note')

/** Every field of an action, in words: who, which agency, by when, status, review, outcome, whose words. */
function ActionLine({ action }: { action: Action }) {
  const who = [action.ownerName ?? 'no owner', action.ownerRelationship ?? action.agency].filter(Boolean).join(', ')
  return (
    <>
      {action.what}: {who}, by {formatDay(action.dueDate)} ({STATUS_WORDS[action.status]}
      {action.overdue ? ', overdue' : ''}); {action.reviewDate ? `review ${formatDay(action.reviewDate)}` : 'no review date'}
      {action.outcome ? `; outcome: ${action.outcome}` : ''}; {whose(action.voice)}
      {action.fromMeeting ? `; agreed at ${action.fromMeeting.title}, ${formatDay(action.fromMeeting.date)}` : ''}
    </>
  )
}

/** The whole plan, read-only, every field in words, as it is or as it was at a version. */
export function PlanSummary({ plan, doc }: { plan: PlanView; doc: Y.Doc }) {
  const person = plan.person
  const needsOf = (ids: readonly string[]) => listInWords(plan.needs.filter((need) => ids.includes(need.id)).map((need) => need.text))
  return (
    <div className="rt-summary">
      <h2>About the person</h2>
      <dl className="rt-facts rt-facts--wide">
        <div>
          <dt>Name</dt>
          <dd>{person.name || '—'}</dd>
        </div>
        {person.preferredName ? (
          <div>
            <dt>Preferred name</dt>
            <dd>{person.preferredName}</dd>
          </div>
        ) : null}
        {person.dateOfBirth ? (
          <div>
            <dt>Date of birth</dt>
            <dd>{formatDay(person.dateOfBirth)}</dd>
          </div>
        ) : null}
        {person.nhsNumber ? (
          <div>
            <dt>NHS number</dt>
            <dd>{formatNhsNumber(person.nhsNumber)}</dd>
          </div>
        ) : null}
        {person.gpPractice ? (
          <div>
            <dt>GP practice</dt>
            <dd>{person.gpPractice}</dd>
          </div>
        ) : null}
        {person.communicationNeeds ? (
          <div>
            <dt>Communication needs</dt>
            <dd>{person.communicationNeeds}</dd>
          </div>
        ) : null}
      </dl>
      <h2>About me</h2>
      {ABOUT_ME_FIELDS.map((field) => (
        <section key={field.key} aria-label={field.title}>
          <h3>{field.title}</h3>
          <NarrativeText doc={doc} fieldKey={field.key} authorship />
        </section>
      ))}
      <h2>Strengths</h2>
      <ul>
        {personWordsFirst(plan.strengths).map((entry) => (
          <li key={entry.id}>
            {entry.text} ({HOLDER_WORDS[entry.holder]} strength; {whose(entry.voice)})
          </li>
        ))}
      </ul>
      <h2>Needs and concerns</h2>
      <ul>
        {personWordsFirst(plan.needs).map((entry) => (
          <li key={entry.id}>
            {entry.text} ({whose(entry.voice)})
          </li>
        ))}
      </ul>
      <h2>Goals and actions</h2>
      {personWordsFirst(plan.goals).map((goal) => (
        <section key={goal.id} aria-label={goal.text}>
          <h3>
            {goal.text} <span className="rt-card__meta">({IMPORTANCE_WORDS[goal.importance]}; {whose(goal.voice)})</span>
          </h3>
          <p>Needs it answers: {needsOf(goal.needIds) || 'none linked'}</p>
          <ul>
            {goal.actions.map((action) => (
              <li key={action.id}>
                <ActionLine action={action} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {plan.actionsWithoutGoal.length > 0 ? (
        <section aria-label="Actions not linked to a goal">
          <h3>Actions not linked to a goal</h3>
          <ul>
            {plan.actionsWithoutGoal.map((action) => (
              <li key={action.id}>
                <ActionLine action={action} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Care team</h2>
      <ul>
        {plan.careTeam.map((member) => (
          <li key={member.id}>
            {member.name}, {member.role}, {member.organisation}
            {member.keyWorker ? ' (key worker)' : ''}
            {member.contact ? `; contact: ${member.contact}` : ''}
          </li>
        ))}
      </ul>
      <h2>Personal contacts</h2>
      <ul>
        {plan.personalContacts.map((contact) => (
          <li key={contact.id}>
            {contact.name} ({contact.relationship}){contact.contact ? `; contact: ${contact.contact}` : ''}
          </li>
        ))}
      </ul>
      <h2>Contingency and safety plan</h2>
      {CONTINGENCY_FIELDS.map((field) => (
        <section key={field.key} aria-label={field.title}>
          <h3>{field.title}</h3>
          <NarrativeText doc={doc} fieldKey={field.key} authorship />
        </section>
      ))}
    </div>
  )
}
