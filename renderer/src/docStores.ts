import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import type { SharedType } from '../../shared/boardLayout'
import { participantsFrom, type Participant } from '../../shared/presence'

/**
 * Small external stores over a board's Y.Doc, its presence and its undo stack, for React's
 * useSyncExternalStore. Each one takes a fresh reading when it is subscribed: a change that lands
 * between a component's first render and its subscription (a device copy loading, another tab of
 * the same board) would otherwise never reach the screen, as a plan showing "does not exist" once did.
 */
export interface ExternalStore<T> {
  subscribe(onChange: () => void): () => void
  read(): T
}

/**
 * A number that changes whenever the document does (or, given `structure`, whenever one of the
 * shared types it names or anything inside them does): components re-read the Y.Doc when it changes.
 */
export function docVersionStore(doc: Y.Doc, structure?: (doc: Y.Doc) => readonly SharedType[]): ExternalStore<number> {
  let version = 0
  return {
    subscribe(onChange) {
      const bump = () => {
        version++
        onChange()
      }
      // What changed before this subscription is unknown, so count it as a change.
      version++
      if (!structure) {
        doc.on('update', bump)
        return () => doc.off('update', bump)
      }
      const types = structure(doc)
      for (const type of types) type.observeDeep(bump)
      return () => {
        for (const type of types) type.unobserveDeep(bump)
      }
    },
    read: () => version,
  }
}

/**
 * A store whose value is `take()`, taken again on every event `listen` reports and when subscribed.
 * `listen` attaches the listener and returns what detaches it.
 */
function readingStore<T>(take: () => T, listen: (onEvent: () => void) => () => void): ExternalStore<T> {
  let snapshot = take()
  return {
    subscribe(onChange) {
      snapshot = take()
      return listen(() => {
        snapshot = take()
        onChange()
      })
    },
    read: () => snapshot,
  }
}

/** Everyone on this board now, me first. */
export function participantsStore(awareness: Awareness): ExternalStore<Participant[]> {
  return readingStore(
    () => participantsFrom(awareness.getStates(), awareness.clientID),
    (onEvent) => {
      awareness.on('change', onEvent)
      return () => awareness.off('change', onEvent)
    },
  )
}

/** Whether Undo and Redo have anything to do, kept current as the stack changes. */
export function undoStateStore(undoManager: Y.UndoManager): ExternalStore<{ canUndo: boolean; canRedo: boolean }> {
  const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const
  return readingStore(
    () => ({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() }),
    (onEvent) => {
      for (const event of events) undoManager.on(event, onEvent)
      return () => {
        for (const event of events) undoManager.off(event, onEvent)
      }
    },
  )
}
