import * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../board'
import { check, type Checked } from '../plan/fields'
import { ACTION_STATUSES, actionSchema, type ActionFields, type ActionInput, type ActionStatus } from './fields'
import { WORKSHOP_LAYOUT } from './layout'
import { hasEnded, isFacilitator, refuse, writeRefusal, type Actor } from './workshop'

/**
 * The action plan the room agrees together.
 *
 *   actions: Y.Map  actionId -> Y.Map { weWill, whoPerson, whoOrganisation, byWhen, measure,
 *                                       fromThemeIds, fromNoteIds, status, createdAt }
 *
 * Everyone taking part may write and change actions during the action-plan stage. After the
 * workshop ends only the facilitator updates statuses, for the "You said, we did" view.
 */

export function actionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(WORKSHOP_LAYOUT.actions)
}

function writeFields(action: Y.Map<unknown>, fields: ActionFields): void {
  for (const [field, value] of Object.entries(fields)) {
    const next = Array.isArray(value) ? [...new Set(value)] : value
    if (JSON.stringify(action.get(field)) !== JSON.stringify(next)) action.set(field, next)
  }
}

export function addAction(doc: Y.Doc, actor: Actor, input: ActionInput, now: number): Checked<string> {
  const refused = writeRefusal(doc, actor, ['action-plan'], 'write actions')
  if (refused) return refused
  const checked = check(actionSchema, input)
  if (!checked.ok) return checked
  const id = globalThis.crypto.randomUUID()
  doc.transact(() => {
    const action = new Y.Map<unknown>()
    writeFields(action, checked.value)
    action.set('status', 'agreed' satisfies ActionStatus)
    action.set('createdAt', now)
    actionsMap(doc).set(id, action)
  }, LOCAL_ORIGIN)
  return { ok: true, value: id }
}

const GONE = 'That action has been removed.'

export function editAction(doc: Y.Doc, actor: Actor, actionId: string, input: ActionInput): Checked<string> {
  const refused = writeRefusal(doc, actor, ['action-plan'], 'change actions')
  if (refused) return refused
  const action = actionsMap(doc).get(actionId)
  if (!(action instanceof Y.Map)) return refuse(GONE)
  const checked = check(actionSchema, input)
  if (!checked.ok) return checked
  doc.transact(() => writeFields(action, checked.value), LOCAL_ORIGIN)
  return { ok: true, value: actionId }
}

export function removeAction(doc: Y.Doc, actor: Actor, actionId: string): Checked<string> {
  const refused = writeRefusal(doc, actor, ['action-plan'], 'remove actions')
  if (refused) return refused
  doc.transact(() => actionsMap(doc).delete(actionId), LOCAL_ORIGIN)
  return { ok: true, value: actionId }
}

/**
 * Updates how an action is going: one step, during the action-plan stage by anyone taking part,
 * and after the workshop by the facilitator (months later, when things have been done).
 */
export function setActionStatus(doc: Y.Doc, actor: Actor, actionId: string, status: ActionStatus): Checked<ActionStatus> {
  if (!(ACTION_STATUSES as readonly string[]).includes(status)) return refuse('Choose one of the statuses.')
  if (!(hasEnded(doc) && isFacilitator(actor))) {
    const refused = writeRefusal(doc, actor, ['action-plan'], 'update actions')
    if (refused) return hasEnded(doc) ? refuse('This workshop has ended. The facilitator updates how its actions are going.') : refused
  }
  const action = actionsMap(doc).get(actionId)
  if (!(action instanceof Y.Map)) return refuse(GONE)
  doc.transact(() => action.set('status', status), LOCAL_ORIGIN)
  return { ok: true, value: status }
}
