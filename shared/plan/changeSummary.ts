import * as Y from 'yjs'
import { META_MAP } from '../boardLayout'
import type { LoggedChange } from './changeLog'
import { valueWords } from './changeWords'
import { ENTRY_LISTS, type EntryList } from './fields'
import { PLAN_LAYOUT } from './layout'
import { NARRATIVE_FIELDS, ABOUT_ME_FIELDS } from './narrative'

/**
 * What one Yjs transaction changed in a plan, in words: read from the transaction's events after
 * it has happened, so no command has to remember to describe itself. Bookkeeping (positions of a
 * moved entry aside, who added an entry, who typed in a field) is left out.
 */

const IGNORED_ENTRY_FIELDS = new Set(['list', 'addedBy', 'createdAt', 'needs'])
const RICH_TEXT = PLAN_LAYOUT.richTextPrefix
const LABEL_LENGTH = 80

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= LABEL_LENGTH ? oneLine : `${oneLine.slice(0, LABEL_LENGTH - 1)}…`
}

/**
 * A field of an entry map, even one deleted in this transaction: a deleted map answers get()
 * with undefined, but plan docs run with gc off, so the value is still in its item.
 */
function field(map: Y.Map<unknown>, key: string): unknown {
  const live = map.get(key)
  if (live !== undefined) return live
  const item = map._map.get(key)
  return item?.content instanceof Y.ContentAny ? item.content.getContent()[0] : undefined
}

function asList(value: unknown): EntryList | null {
  return typeof value === 'string' && (ENTRY_LISTS as readonly string[]).includes(value) ? (value as EntryList) : null
}

function labelOf(map: Y.Map<unknown> | undefined): string {
  if (!(map instanceof Y.Map)) return 'an entry no longer in the plan'
  const text = field(map, 'text') ?? field(map, 'what') ?? field(map, 'name')
  return typeof text === 'string' ? clip(text) : 'an entry'
}

function narrativeTitle(fieldKey: string): string {
  const narrative = NARRATIVE_FIELDS.find((candidate) => candidate.key === fieldKey)
  if (!narrative) return fieldKey
  const section = ABOUT_ME_FIELDS.includes(narrative) ? 'About me' : 'Contingency plan'
  return `${section}: ${narrative.title}`
}

/** Whether the text of a rich-text field changed (characters typed or removed), not only its structure. */
function textChanged(event: Y.YEvent<any>): boolean {
  const target = event.target as Y.AbstractType<any> & { _start: Y.Item | null }
  for (let item = target._start; item !== null; item = item.right as Y.Item | null) {
    const added = event.adds(item) && !item.deleted
    const removed = event.deletes(item) && !event.adds(item)
    if (added && item.content instanceof Y.ContentString) return true
    if (removed && (item.content instanceof Y.ContentString || item.content instanceof Y.ContentType)) return true
  }
  return false
}

/** Every change the transaction made to the plan, in the order the events came. */
export function summariseTransaction(doc: Y.Doc, transaction: Y.Transaction): LoggedChange[] {
  const rootNames = new Map<Y.AbstractType<any>, string>()
  doc.share.forEach((type, name) => rootNames.set(type, name))
  const entries = doc.getMap<Y.Map<unknown>>(PLAN_LAYOUT.entries)
  const changes: LoggedChange[] = []
  const entryName = (id: unknown, missing: string) => {
    const map = typeof id === 'string' ? entries.get(id) : undefined
    return map instanceof Y.Map ? labelOf(map) : id ? missing : ''
  }
  const words = (key: string, value: unknown) => {
    if (key === 'ownerId') return entryName(value, 'someone no longer listed')
    if (key === 'goalId') return entryName(value, 'a deleted goal')
    return clip(valueWords(key, value))
  }

  transaction.changedParentTypes.forEach((events, type) => {
    const root = rootNames.get(type)
    if (root === undefined || type._item !== null) return
    for (const event of events) {
      if (root === PLAN_LAYOUT.person) {
        event.changes.keys.forEach(({ oldValue }, key) => {
          changes.push({ kind: 'person', field: key, before: words(key, oldValue), after: words(key, (type as unknown as Y.Map<unknown>).get(key)) })
        })
      } else if (root === META_MAP) {
        const title = event.changes.keys.get('title')
        if (title) changes.push({ kind: title.action === 'add' ? 'created' : 'renamed', before: String(title.oldValue ?? ''), after: String((type as unknown as Y.Map<unknown>).get('title') ?? '') })
      } else if (root === PLAN_LAYOUT.entries) {
        summariseEntryEvent(event, entries, words, changes)
      } else if (root === PLAN_LAYOUT.versions) {
        for (const op of event.changes.delta) {
          for (const inserted of Array.isArray(op.insert) ? op.insert : []) {
            if (typeof inserted?.name === 'string') changes.push({ kind: 'agreed', name: inserted.name })
          }
        }
      } else if (root === PLAN_LAYOUT.decisions) {
        event.changes.keys.forEach(({ action }, key) => {
          const decision = (type as unknown as Y.Map<unknown>).get(key) as { text?: unknown; meetingTitle?: unknown } | undefined
          if (action === 'add' && decision) changes.push({ kind: 'decision', text: clip(String(decision.text ?? '')), meeting: String(decision.meetingTitle ?? 'a meeting') })
        })
      } else if (root === PLAN_LAYOUT.narrativeWording) {
        event.changes.keys.forEach((_change, key) => {
          const wording = (type as unknown as Y.Map<unknown>).get(key)
          changes.push({ kind: 'wording', fieldKey: key, title: narrativeTitle(key), after: typeof wording === 'string' ? wordingWords(wording) : '' })
        })
      } else if (root.startsWith(RICH_TEXT) && textChanged(event)) {
        const fieldKey = root.slice(RICH_TEXT.length)
        if (!changes.some((change) => change.kind === 'text' && change.fieldKey === fieldKey)) changes.push({ kind: 'text', fieldKey, title: narrativeTitle(fieldKey) })
      }
    }
  })
  return changes
}

const WORDING_WORDS: Record<string, string> = {
  'own-words': 'in the person’s own words',
  'with-person': 'written with the person',
  'by-team': 'written by the care team',
}

function wordingWords(wording: string): string {
  return WORDING_WORDS[wording] ?? wording
}

function summariseEntryEvent(
  event: Y.YEvent<any>,
  entries: Y.Map<Y.Map<unknown>>,
  words: (key: string, value: unknown) => string,
  changes: LoggedChange[],
): void {
  const target = event.target
  // An entry added, deleted or replaced.
  if (target === entries) {
    event.changes.keys.forEach(({ action, oldValue }, id) => {
      const map = action === 'delete' ? oldValue : entries.get(id)
      const list = map instanceof Y.Map ? asList(field(map, 'list')) : null
      if (!list) return
      changes.push({ kind: action === 'delete' ? 'deleted' : 'added', list, entryId: id, label: labelOf(map) })
    })
    return
  }
  const parent = target._item?.parent
  // A field of one entry.
  if (parent === entries && target instanceof Y.Map) {
    const entryId = String(target._item?.parentSub)
    const list = asList(field(target, 'list'))
    if (!list) return
    const keys = event.changes.keys
    keys.forEach(({ oldValue }, key) => {
      if (IGNORED_ENTRY_FIELDS.has(key)) return
      // A move to another goal also sets a position; one record says both.
      if (key === 'position') {
        if (!keys.has('goalId')) changes.push({ kind: 'moved', list, entryId, label: labelOf(target) })
        return
      }
      const label = ['text', 'what', 'name'].includes(key) ? clip(String(oldValue ?? '')) : labelOf(target)
      changes.push({ kind: 'entry', list, entryId, label, field: key, before: words(key, oldValue), after: words(key, target.get(key)) })
    })
    return
  }
  // A goal's linked needs.
  if (parent instanceof Y.Map && parent._item?.parent === entries && target._item?.parentSub === 'needs') {
    const goalId = String(parent._item.parentSub)
    event.changes.keys.forEach(({ action }, needId) => {
      const need = entries.get(needId)
      // Deleting a need unlinks it everywhere; "deleted the need" already says so.
      if (!(need instanceof Y.Map)) return
      changes.push({ kind: action === 'delete' ? 'unlinked' : 'linked', goalId, goal: labelOf(parent as Y.Map<unknown>), need: labelOf(need) })
    })
  }
}
