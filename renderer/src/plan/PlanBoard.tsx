import { useMemo } from 'react'
import type * as Y from 'yjs'
import { HOLDER_WORDS } from './entryFields'
import type { CardPlaces, DragWords } from '../cardPlaces'
import { personWordsFirst } from '../../../shared/plan/read'
import { shortText } from '../format'
import { AgreementPanel } from './AgreementPanel'
import type { CardEntry } from './EntryCard'
import { EntrySection } from './EntrySection'
import type { OwnerOption } from './EntryForm'
import { GoalsSection } from './GoalsSection'
import { DecisionsSection } from './DecisionsSection'
import { readDecisions } from '../../../shared/plan/meetingRecords'
import { PersonPanel } from './PersonPanel'
import { PrintedPlan } from './PrintedPlan'
import { TemplateGuide } from './TemplateGuide'
import { OrphanDrafts } from './OrphanDrafts'
import { actionsContainer, PlanDnd, voiceGroup, type DragKind } from './PlanDnd'
import { needCard, personalCard, professionalCard, strengthCard } from './planCards'
import { useChangesSinceAgreed, usePlan } from './usePlan'

interface Props {
  doc: Y.Doc
  version: number
  author: string
  historyHref: string
  onMessage(message: string): void
  /** The narrative (rich text) sections, given by the board page, which has the connection they need. */
  renderNarrative(part: 'about-me' | 'contingency'): React.ReactNode
}

const LIST_TITLES: Record<string, string> = {
  strength: 'Strengths',
  need: 'Needs and concerns',
  goal: 'Goals',
  professional: 'Care team',
  personal: 'Personal contacts',
}

/** The whole person-centred plan on one canvas. */
export function PlanBoard({ doc, version, author, historyHref, onMessage, renderNarrative }: Props) {
  const { plan, agreement, today } = usePlan(doc, version)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const decisions = useMemo(() => readDecisions(doc), [doc, version])
  const changes = useChangesSinceAgreed(doc, today)
  const personName = plan.person.preferredName || plan.person.name

  const strengths = personWordsFirst(plan.strengths)
  const needs = personWordsFirst(plan.needs)
  const goals = personWordsFirst(plan.goals)
  const places = useMemo(() => {
    // The person's words and professionals' notes are separate groups: an entry is reordered within its own.
    const byVoice = (entries: readonly { id: string; voice: string }[], voice: string) => entries.filter((entry) => entry.voice === voice).map((entry) => entry.id)
    const shown: CardPlaces = {
      professional: plan.careTeam.map((entry) => entry.id),
      personal: plan.personalContacts.map((entry) => entry.id),
    }
    for (const [list, entries] of [['strength', strengths], ['need', needs], ['goal', goals]] as const) {
      shown[voiceGroup(list, 'person')] = byVoice(entries, 'person')
      shown[voiceGroup(list, 'professional')] = byVoice(entries, 'professional')
    }
    for (const goal of plan.goals) shown[actionsContainer(goal.id)] = goal.actions.map((action) => action.id)
    return shown
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan])

  const kinds = new Map<string, { kind: DragKind; text: string }>()
  for (const entry of plan.strengths) kinds.set(entry.id, { kind: 'strength', text: entry.text })
  for (const entry of plan.needs) kinds.set(entry.id, { kind: 'need', text: entry.text })
  for (const goal of plan.goals) {
    kinds.set(goal.id, { kind: 'goal', text: goal.text })
    for (const action of goal.actions) kinds.set(action.id, { kind: 'action', text: action.what })
  }
  for (const entry of plan.careTeam) kinds.set(entry.id, { kind: 'professional', text: entry.name })
  for (const entry of plan.personalContacts) kinds.set(entry.id, { kind: 'personal', text: entry.name })

  const words: DragWords & { entryKind(id: string): DragKind | null } = {
    cardText: (id) => kinds.get(id)?.text ?? 'entry',
    sectionTitle: (container) => {
      if (container.startsWith('actions:')) return `the actions for goal “${shortText(kinds.get(container.slice('actions:'.length))?.text ?? '', 40)}”`
      const [list, voice] = container.split(':')
      if (voice === 'person') return `${LIST_TITLES[list]}, ${personName ? `${personName}’s` : 'the person’s'} own words`
      if (voice === 'professional') return `${LIST_TITLES[list]}, professionals’ notes`
      return LIST_TITLES[container] ?? container
    },
    entryKind: (id) => kinds.get(id)?.kind ?? null,
  }

  const owners: OwnerOption[] = [
    ...plan.careTeam.map((member) => ({ id: member.id, label: `${member.name}, ${member.role} (${member.organisation})`, organisation: member.organisation })),
    ...plan.personalContacts.map((contact) => ({ id: contact.id, label: `${contact.name} (${contact.relationship})`, organisation: '' })),
  ]

  const asMap = (entries: CardEntry[]) => new Map(entries.map((entry) => [entry.id, entry]))
  const common = { doc, author, personName, onMessage }

  return (
    <PlanDnd doc={doc} places={places} words={words} onMessage={onMessage}>
      {/* Always on the page, so screen readers hear the banner when it appears. */}
      <div role="status" aria-live="polite">
        {changes && changes.length > 0 ? (
          <p className="rt-changed rt-changed--banner">
            <strong>Changed since agreed</strong> — {changes.length} {changes.length === 1 ? 'change' : 'changes'} since {agreement?.agreedBy} agreed it.{' '}
            <a href={historyHref}>See what changed</a>
          </p>
        ) : null}
      </div>
      <OrphanDrafts plan={plan} doc={doc} author={author} />
      <PrintedPlan doc={doc} plan={plan} agreement={agreement} changes={changes} today={today} />
      <div className="rt-plan">
        {plan.meta ? <TemplateGuide templateId={plan.meta.template} doc={doc} author={author} /> : null}
        <PersonPanel person={plan.person} doc={doc} />
        {renderNarrative('about-me')}
        <EntrySection
          list="strength"
          title="Strengths and assets"
          hint="The person’s, their family’s and their community’s."
          addLabel="Add a strength"
          entries={asMap(plan.strengths.map(strengthCard))}
          renderDetails={(entry) => <p className="rt-card__meta">{HOLDER_WORDS[String(entry.values.holder)]} strength</p>}
          {...common}
        />
        <EntrySection
          list="need"
          title="Needs and concerns"
          hint="What is hard now. Link each need to the goal that answers it."
          addLabel="Add a need or concern"
          entries={asMap(plan.needs.map(needCard))}
          {...common}
        />
        <GoalsSection plan={plan} doc={doc} author={author} owners={owners} onMessage={onMessage} />
        <DecisionsSection decisions={decisions} />
        <EntrySection
          list="professional"
          title="Care team"
          hint="Professional contacts. Actions are owned by someone from here or from personal contacts."
          addLabel="Add to the care team"
          entries={asMap(plan.careTeam.map(professionalCard))}
          renderDetails={(entry) => (
            <p className="rt-card__meta">
              {String(entry.values.role)}, {String(entry.values.organisation)}
              {entry.values.keyWorker ? <strong className="rt-tag"> Key worker</strong> : null}
              {entry.values.contact ? <> · {String(entry.values.contact)}</> : null}
            </p>
          )}
          {...common}
        />
        <EntrySection
          list="personal"
          title="Personal contacts"
          hint="Family, friends and neighbours the person wants involved."
          addLabel="Add a personal contact"
          entries={asMap(plan.personalContacts.map(personalCard))}
          renderDetails={(entry) => (
            <p className="rt-card__meta">
              {String(entry.values.relationship)}
              {entry.values.contact ? <> · {String(entry.values.contact)}</> : null}
            </p>
          )}
          {...common}
        />
        {renderNarrative('contingency')}
        <AgreementPanel doc={doc} agreement={agreement} changes={changes} author={author} personName={plan.person.name} historyHref={historyHref} />
      </div>
    </PlanDnd>
  )
}
