import type * as Y from 'yjs'
import { appendToChangeLog, CHANGE_LOG_ORIGIN, coalesce, type ChangeRecord } from './changeLog'
import { summariseTransaction } from './changeSummary'

/**
 * Records this window's own changes to a plan in its change log, in one place for every command:
 * it listens to the doc's transactions and keeps those made here (`transaction.local`: the
 * board's commands, its undo and redo, the rich-text editors), not those that arrived from the
 * hub or from the device's saved copy.
 *
 * Typing makes a transaction per keystroke, so changes wait in memory and are written together
 * once edits pause for `quietMs` (and when recording stops): one write per pause, not per key. A
 * plan doc never garbage-collects (its versions need deleted content), so every write stays in it.
 */
export interface ChangeRecorderOptions {
  /** The name this window's person goes by now. */
  by: () => string
  now?: () => Date
  quietMs?: number
}

export interface ChangeRecorder {
  /** Writes what is waiting now. */
  flush: () => void
  /** Writes what is waiting and stops listening. */
  stop: () => void
}

export const QUIET_MS = 1000

export function recordChanges(doc: Y.Doc, options: ChangeRecorderOptions): ChangeRecorder {
  const now = options.now ?? (() => new Date())
  const waiting: ChangeRecord[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    if (waiting.length === 0) return
    appendToChangeLog(doc, waiting.splice(0))
  }

  const onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local || transaction.origin === CHANGE_LOG_ORIGIN) return
    const changes = summariseTransaction(doc, transaction)
    if (changes.length === 0) return
    const by = options.by().trim() || 'Someone'
    const at = now().toISOString()
    for (const change of changes) {
      const { remove, add } = coalesce(waiting, { id: globalThis.crypto.randomUUID(), by, at, change })
      if (remove >= 0) waiting.splice(remove, 1)
      if (add) waiting.push(add)
    }
    clearTimeout(timer)
    timer = setTimeout(flush, options.quietMs ?? QUIET_MS)
  }

  doc.on('afterTransaction', onTransaction)
  return {
    flush,
    stop: () => {
      doc.off('afterTransaction', onTransaction)
      flush()
    },
  }
}
