import type { Agreement } from './versions'
import { isReviewOverdue } from './dateRules'
import { isOpenAction } from './fields'
import type { Action, Goal, PlanView } from './read'

/**
 * The plan's heart on one screen, for a huddle: what the room needs to see without scrolling
 * (what matters, each goal with its next actions and their owners, what is overdue, the
 * contingency triggers). The full board stays the place to edit.
 *
 * It names the person by their preferred name only: a screen that faces a room shows no NHS
 * number, date of birth or other identifier it does not need.
 */

/** How many open actions each goal shows; the rest are counted ("and 3 more"). */
export const NEXT_ACTIONS_PER_GOAL = 2

export interface OverviewAction {
  id: string
  what: string
  /** The owner's name, or null when they have been removed from the plan. */
  ownerName: string | null
  /** The agency, or for a family member or friend who they are to the person. */
  ownerDetail: string
  dueDate: string
  overdue: boolean
}

export interface OverviewGoal {
  id: string
  text: string
  inPersonsWords: boolean
  /** The soonest open actions, overdue first. */
  nextActions: OverviewAction[]
  /** Open actions not shown in nextActions. */
  moreOpen: number
  /** Open actions in all (nextActions plus moreOpen). */
  openCount: number
}

export interface OverdueAction extends OverviewAction {
  goalText: string
}

export interface PlanOverview {
  /** What the room calls the person: their preferred name, else their name, else ''. */
  callName: string
  goals: OverviewGoal[]
  /** Every overdue action on the plan, most overdue first. */
  overdue: OverdueAction[]
  review: { date: string; overdue: boolean } | null
}

/** Overdue first, then by due date (soonest first), then in the plan's order. */
function bySoonest(a: Action, b: Action): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0
}

function toOverviewAction(action: Action): OverviewAction {
  return {
    id: action.id,
    what: action.what,
    ownerName: action.ownerName,
    ownerDetail: action.ownerRelationship ?? action.agency,
    dueDate: action.dueDate,
    overdue: action.overdue,
  }
}

function overviewGoal(goal: Goal, perGoal: number): OverviewGoal {
  const open = goal.actions.filter(isOpenAction).sort(bySoonest)
  return {
    id: goal.id,
    text: goal.text,
    inPersonsWords: goal.voice === 'person',
    nextActions: open.slice(0, perGoal).map(toOverviewAction),
    moreOpen: Math.max(0, open.length - perGoal),
    openCount: open.length,
  }
}

/**
 * Goals come in the order the room would discuss them: the person's own goals first, then by
 * importance (high first), each group keeping the plan's order.
 */
function goalOrder(goals: readonly Goal[]): Goal[] {
  const rank = (goal: Goal) => (goal.voice === 'person' ? 0 : 3) + (goal.importance === 'high' ? 0 : goal.importance === 'medium' ? 1 : 2)
  return goals
    .map((goal, index) => ({ goal, index }))
    .sort((a, b) => rank(a.goal) - rank(b.goal) || a.index - b.index)
    .map(({ goal }) => goal)
}

export function planOverview(plan: PlanView, agreement: Agreement | null, today: string, perGoal = NEXT_ACTIONS_PER_GOAL): PlanOverview {
  const overdue: OverdueAction[] = []
  for (const goal of plan.goals) {
    for (const action of goal.actions) if (action.overdue) overdue.push({ ...toOverviewAction(action), goalText: goal.text })
  }
  for (const action of plan.actionsWithoutGoal) if (action.overdue) overdue.push({ ...toOverviewAction(action), goalText: '' })
  overdue.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))

  return {
    callName: plan.person.preferredName.trim() || plan.person.name.trim(),
    goals: goalOrder(plan.goals).map((goal) => overviewGoal(goal, perGoal)),
    overdue,
    review: agreement?.reviewDate ? { date: agreement.reviewDate, overdue: isReviewOverdue(agreement.reviewDate, today) } : null,
  }
}
