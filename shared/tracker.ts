import type * as Y from 'yjs'
import { readMeta } from './board'
import type { ActionStatus } from './plan/fields'
import { isOverdue, readPlan, type Action } from './plan/read'

/**
 * The action tracker: every action on every plan on a hub, as flat rows a coordinator filters on a
 * Monday morning. The hub keeps these rows in a table derived from the plans' Y.Docs (a read
 * model): this module is the one place that says what a plan's rows are, so updating the table
 * after an edit and rebuilding it from scratch can never disagree.
 */

export interface TrackerRow {
  docId: string
  actionId: string
  /** The plan's name, which is how the tracker shows the person (usually their initials). */
  planTitle: string
  goalText: string
  what: string
  /** The owner's name, or '' when they have been removed from the plan. */
  ownerName: string
  /** For a family member or friend who owns it: who they are to the person, else ''. */
  ownerRelationship: string
  agency: string
  status: ActionStatus
  dueDate: string
  reviewDate: string
}

/** The rows for one plan, in the plan's order; none for a document that is not a plan. */
export function trackerRowsForPlan(docId: string, doc: Y.Doc): TrackerRow[] {
  const meta = readMeta(doc)
  if (meta?.kind !== 'plan') return []
  // "Today" only feeds each action's overdue flag, which the tracker works out when it is asked.
  const plan = readPlan(doc, '0000-01-01')
  const row = (action: Action, goalText: string): TrackerRow => ({
    docId,
    actionId: action.id,
    planTitle: meta.title,
    goalText,
    what: action.what,
    ownerName: action.ownerName ?? '',
    ownerRelationship: action.ownerRelationship ?? '',
    agency: action.agency,
    status: action.status,
    dueDate: action.dueDate,
    reviewDate: action.reviewDate,
  })
  return [...plan.goals.flatMap((goal) => goal.actions.map((action) => row(action, goal.text))), ...plan.actionsWithoutGoal.map((action) => row(action, ''))]
}

export interface TrackerFilter {
  /** Part of the owner's name, any case. */
  owner?: string
  /** Part of the agency, any case. */
  agency?: string
  status?: ActionStatus
  /** Part of the plan's name, any case. */
  person?: string
  /** Due on or before this day (YYYY-MM-DD). */
  dueBy?: string
  /** Only actions overdue today. */
  overdueOnly?: boolean
}

export interface TrackedAction extends TrackerRow {
  overdue: boolean
}

/** Whether `needle` is part of `haystack`, in any case, accents included ("zoë" finds "Zoë"). An empty needle matches. */
export function textMatches(haystack: string, needle: string | undefined): boolean {
  return !needle || haystack.toLocaleLowerCase('en-GB').includes(needle.trim().toLocaleLowerCase('en-GB'))
}

/** Whether a row passes the filter on `today`. */
export function matchesFilter(row: TrackerRow, filter: TrackerFilter, today: string): boolean {
  if (filter.status && row.status !== filter.status) return false
  if (filter.dueBy && row.dueDate > filter.dueBy) return false
  if (filter.overdueOnly && !isOverdue(row, today)) return false
  return textMatches(row.ownerName, filter.owner) && textMatches(row.agency, filter.agency) && textMatches(row.planTitle, filter.person)
}

/** Overdue first (most overdue first), then by due date, then by person and action, the same every time. */
export function trackerOrder(today: string): (a: TrackerRow, b: TrackerRow) => number {
  return (a, b) => {
    const overdueA = isOverdue(a, today)
    const overdueB = isOverdue(b, today)
    if (overdueA !== overdueB) return overdueA ? -1 : 1
    if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1
    if (a.planTitle !== b.planTitle) return a.planTitle < b.planTitle ? -1 : 1
    return a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0
  }
}
