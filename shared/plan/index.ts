/**
 * The plan: one kind of board (shared/boardKinds.ts), a person-centred care and support plan.
 * This is its entry module: components and exports import the plan from here. Behind it, each
 * part has its own file:
 *
 *   layout.ts      where everything lives in the plan's Y.Doc
 *   fields.ts      what each list holds, as schemas with messages a person can act on
 *   entries.ts     the commands: add, update only what changed, delete, move, link
 *   forms.ts       the same commands taking a form's values, and what a new entry starts with
 *   read.ts        the plan read out as plain data
 *   versions.ts    agreeing the plan, its named versions and what changed since
 *   narrative*.ts  the rich-text fields: their list, plain-text reader and who wrote them
 *   dateRules.ts, owners.ts, moves.ts, overview.ts, templates.ts   rules with their own tests
 */

export { PLAN_LAYOUT, planStructure } from './layout'

export {
  ACTION_STATUSES,
  ENTRY_LISTS,
  IMPORTANCE,
  IMPORTANCE_WORDS,
  isOpenAction,
  PERSON_FIELDS,
  STATUS_WORDS,
  VOICES,
  type ActionStatus,
  type Checked,
  type EntryFields,
  type EntryInput,
  type EntryList,
  type Person,
  type PersonField,
  type Voice,
} from './fields'

// Commands: the only ways a plan changes.
export {
  addActionWithNewOwner,
  addEntry,
  deleteEntry,
  linkNeedToGoal,
  moveActionToGoal,
  moveEntry,
  moveEntryAfter,
  setPersonField,
  unlinkNeedFromGoal,
  updateEntry,
  type AddOptions,
  type Author,
  type UpdateOptions,
} from './entries'
export { addEntryFromForm, changedFields, entryInputFromForm, entryChangesFromForm, NEW_OWNER, newEntryDefaults, updateEntryFromForm } from './forms'
export { markAgreed } from './versions'
export { addDecision, markDiscussed, readDecisions, readDiscussions, type Decision, type Discussion, type MeetingRef } from './meetingRecords'

// Reading.
export { isOverdue, personWordsFirst, readPlan, type Action, type Contact, type Goal, type Need, type PersonalContact, type PlanView, type Professional, type Strength } from './read'
export { changesSinceAgreed, diffPlans, docAtVersion, listVersions, readAgreement, type Agreement, type PlanChange, type Version } from './versions'
export { ABOUT_ME_FIELDS, CONTINGENCY_FIELDS, NARRATIVE_FIELDS, type NarrativeField } from './narrative'
export { readNarrative, richTextBlocks, richTextPlain, type Narrative, type RichTextBlock } from './narrativeText'

// Rules the screens ask about.
export { canMoveToAnotherGroup } from './moves'
export { agencyForOwner, agencyProblem, ownerFact } from './owners'
