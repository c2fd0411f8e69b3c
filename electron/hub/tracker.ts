import * as Y from 'yjs'
import { readBoardLabel } from '../../shared/board'
import { META_MAP } from '../../shared/boardLayout'
import { PLAN_LAYOUT } from '../../shared/plan/layout'
import { trackerRowsForPlan, type TrackedAction, type TrackerFilter } from '../../shared/tracker'
import { applyStoredUpdates } from './room'
import type { DocumentStore } from './store'
import type { HubLogger } from './types'

/** What the tracker needs of a loaded document: the hub's Room gives exactly this. */
export interface TrackedDocument {
  readonly docId: string
  readonly doc: Y.Doc
  /** The newest stored update the in-memory document holds. */
  readonly storedSeq: number
}

/** Whether a transaction changed what tracker rows are made of: a plan's entries or its title. */
function touchesTracker(doc: Y.Doc, transaction: Y.Transaction): boolean {
  if (!doc.share.has(META_MAP) || readBoardLabel(doc).kind !== 'plan') return false
  for (const name of [PLAN_LAYOUT.entries, META_MAP]) {
    const type = doc.share.get(name)
    if (type && (transaction.changed.has(type) || transaction.changedParentTypes.has(type))) return true
  }
  return false
}

/**
 * Keeps the action tracker's table (tracker-table.ts) equal to what the plans hold. A loaded plan's
 * rows are rewritten a moment after its actions change (`refreshMs`, so a burst of edits costs one
 * rewrite), and when it unloads or the hub closes; at start, plans whose rows do not match their
 * newest stored update (a crash before a rewrite, or a store from before the tracker) are rebuilt
 * from the store. Reading never opens a plan.
 */
export class TrackerModel {
  private readonly dirty = new Map<string, TrackedDocument>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly store: DocumentStore,
    private readonly refreshMs: number,
    private readonly logger: HubLogger,
  ) {}

  /** Rebuilds every plan whose rows are out of date. Gives how many were rebuilt. */
  catchUp(): number {
    const stale = this.store.tracker.stalePlans()
    for (const { docId, seq } of stale) {
      const doc = new Y.Doc({ gc: false })
      try {
        applyStoredUpdates(doc, this.store.load(docId).updates, null)
        this.store.tracker.replacePlan(docId, trackerRowsForPlan(docId, doc), seq)
      } catch (error) {
        this.logger.error(`hub: could not bring the action tracker up to date for ${docId}: ${(error as Error).message}`)
      } finally {
        doc.destroy()
      }
    }
    return stale.length
  }

  /**
   * Follows a loaded document. The returned function stops following it and, when `writePending`,
   * writes its pending rows; a document that could not be saved is dropped without writing, since it
   * holds changes the store does not (its rows are rebuilt from the store at the next start).
   */
  watch(document: TrackedDocument): (writePending: boolean) => void {
    const onTransaction = (transaction: Y.Transaction) => {
      if (touchesTracker(document.doc, transaction)) this.markDirty(document)
    }
    document.doc.on('afterTransaction', onTransaction)
    return (writePending) => {
      document.doc.off('afterTransaction', onTransaction)
      if (this.dirty.get(document.docId) !== document) return
      this.dirty.delete(document.docId)
      if (writePending) this.write(document)
    }
  }

  private markDirty(document: TrackedDocument): void {
    this.dirty.set(document.docId, document)
    if (this.timer) return
    this.timer = setTimeout(() => this.flush(), this.refreshMs)
    this.timer.unref()
  }

  /** Writes every pending plan's rows now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const pending = [...this.dirty.values()]
    this.dirty.clear()
    for (const document of pending) this.write(document)
  }

  private write(document: TrackedDocument): void {
    if (document.doc.isDestroyed) return
    try {
      this.store.tracker.replacePlan(document.docId, trackerRowsForPlan(document.docId, document.doc), document.storedSeq)
    } catch (error) {
      // The plan itself is safe; its rows are rebuilt at the next start (their seq no longer matches).
      this.logger.error(`hub: could not update the action tracker for ${document.docId}: ${(error as Error).message}`)
    }
  }

  query(filter: TrackerFilter, today: string, limit: number): { actions: TrackedAction[]; total: number } {
    this.flush()
    return this.store.tracker.query(filter, today, limit)
  }

  stop(): void {
    this.flush()
  }
}
