import { formatDay } from './dates'
import { isOpenAction } from './fields'
import { agreedDay, type PageMargins } from './printedPlan'
import { personWordsFirst, type Action, type PlanView } from './read'
import type { Agreement } from './versions'

/**
 * "My plan" in easy read: what the person sees and prints, as plain lines. Easy read (Mencap, NHS
 * England's Accessible Information Standard) means short sentences, one idea per line, plain
 * words, no codes. An action's text is whatever the team typed ("Raised beds at the allotment",
 * "Care Act assessment"), so it is never stitched into a sentence ("Ade will raised beds…"): each
 * field gets its own labelled line instead, which reads right whatever was typed.
 */

/** One labelled line: "Who will do it: Ade (daughter)". */
export interface EasyReadLine {
  label: string
  text: string
}

export interface EasyReadAction {
  id: string
  lines: EasyReadLine[]
}

export interface EasyReadGoal {
  id: string
  text: string
  /** The person's own words, shown in quotes. */
  inTheirWords: boolean
  next: EasyReadAction[]
  done: string[]
}

export interface EasyReadHelper {
  id: string
  name: string
  /** Who they are and how to reach them, one idea a line. */
  lines: string[]
}

/** The contingency plan's fields, with headings a person can read (the board's are clinical). */
export const EASY_READ_IF_THINGS_GET_WORSE: readonly { key: string; heading: string }[] = [
  { key: 'triggerFactors', heading: 'What can make things worse for me' },
  { key: 'earlyWarningSigns', heading: 'Signs that I am not well' },
  { key: 'whatShouldHappen', heading: 'What should happen then' },
  { key: 'whoToContact', heading: 'Who to call' },
]

export interface EasyReadPlan {
  title: string
  /** My name, the date, and the version agreed: at the top of the page. */
  details: EasyReadLine[]
  goals: EasyReadGoal[]
  /** Actions whose goal was deleted but that will still happen. */
  otherActions: EasyReadAction[]
  strengths: string[]
  helpers: EasyReadHelper[]
  /** Only the parts someone has written. */
  ifThingsGetWorse: { key: string; heading: string }[]
  review: string
  pages: PageMargins
}

export interface EasyReadInput {
  plan: PlanView
  agreement: Agreement | null
  /** Whether anything has changed since the plan was agreed (null while not yet known). */
  changedSinceAgreed: boolean | null
  today: string
  /** The keys of the narrative fields that hold some text. */
  writtenFields: ReadonlySet<string>
}

/** "1 December 2026, with Joan Smith", or what to expect when there is no agreement yet. */
export function easyReadAgreed(agreement: Agreement | null, changedSinceAgreed: boolean | null): string {
  if (!agreement) return 'Not yet. We will agree this plan together.'
  const day = agreedDay(agreement)
  const agreed = day ? `${day}, with ${agreement.agreedBy}.` : `With ${agreement.agreedBy}.`
  return changedSinceAgreed ? `${agreed} Some things have changed since then.` : agreed
}

function whoWillDoIt(action: Action, roles: ReadonlyMap<string, string>): string {
  if (!action.ownerName) return 'Someone from the team. We will tell you who.'
  const role = roles.get(action.ownerId)
  return role ? `${action.ownerName} (${role})` : action.ownerName
}

/** The three lines of an action still to happen: what, who, when. */
export function easyReadAction(action: Action, roles: ReadonlyMap<string, string>): EasyReadAction {
  const by = `By ${formatDay(action.dueDate)}.`
  return {
    id: action.id,
    lines: [
      { label: 'What will happen', text: action.what },
      { label: 'Who will do it', text: whoWillDoIt(action, roles) },
      { label: 'When', text: action.overdue ? `${by} This is late.` : by },
    ],
  }
}

export function easyReadPlan({ plan, agreement, changedSinceAgreed, today, writtenFields }: EasyReadInput): EasyReadPlan {
  const name = plan.person.preferredName || plan.person.name
  // Who someone is to the person: a professional's role, or a personal contact's relationship.
  const roles = new Map<string, string>([
    ...plan.careTeam.map((member) => [member.id, member.role] as const),
    ...plan.personalContacts.map((contact) => [contact.id, contact.relationship] as const),
  ])
  const agreed = easyReadAgreed(agreement, changedSinceAgreed)

  const details: EasyReadLine[] = []
  if (plan.person.name) details.push({ label: 'My name', text: plan.person.name })
  if (plan.person.preferredName && plan.person.preferredName !== plan.person.name) {
    details.push({ label: 'I like to be called', text: plan.person.preferredName })
  }
  details.push({ label: 'Date', text: formatDay(today) }, { label: 'Plan agreed', text: agreed })

  return {
    title: name ? `${name}’s plan` : 'My plan',
    details,
    goals: personWordsFirst(plan.goals).map((goal) => ({
      id: goal.id,
      text: goal.text,
      inTheirWords: goal.voice === 'person',
      next: goal.actions.filter(isOpenAction).map((action) => easyReadAction(action, roles)),
      done: goal.actions.filter((action) => action.status === 'done').map((action) => action.what),
    })),
    otherActions: plan.actionsWithoutGoal.filter(isOpenAction).map((action) => easyReadAction(action, roles)),
    strengths: personWordsFirst(plan.strengths).map((strength) => strength.text),
    helpers: [
      ...plan.careTeam.map((member) => ({
        id: member.id,
        name: member.name,
        lines: [member.role, member.keyWorker ? 'My main contact.' : '', member.contact ? `Contact: ${member.contact}` : ''].filter(Boolean),
      })),
      ...plan.personalContacts.map((contact) => ({
        id: contact.id,
        name: contact.name,
        lines: [contact.relationship, contact.contact ? `Contact: ${contact.contact}` : ''].filter(Boolean),
      })),
    ],
    ifThingsGetWorse: EASY_READ_IF_THINGS_GET_WORSE.filter((field) => writtenFields.has(field.key)),
    review: agreement ? `${formatDay(agreement.reviewDate)}, with ${agreement.reviewer}.` : 'We will agree a date together.',
    pages: {
      topLeft: name ? `${name}’s plan` : 'My plan',
      topRight: formatDay(today),
      bottomLeft: `Plan agreed: ${agreed}`,
    },
  }
}
