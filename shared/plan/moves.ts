import type { EntryList } from './fields'

/**
 * Where an entry may be moved to. Strengths, needs and goals are shown in two groups, the person's
 * own words and professionals' notes, and a move never changes whose words an entry is: it stays
 * in its group. An action's group is its goal, and it may move to another goal.
 */
export function canMoveToAnotherGroup(list: EntryList): boolean {
  return list === 'action'
}
