import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { EDITING_FIELD, editingLine, peopleEditing, withEditingTarget, type PresenceUser } from '../../../shared/presence'

/**
 * "Sam is editing this" on a card or a person detail: each window publishes what it is editing in
 * the board's awareness (shared/presence.ts), and every card reads who else is editing it. Without
 * a board session (a component on its own) nothing is published or shown.
 */
const EditingAwareness = createContext<Awareness | null>(null)

export function EditingPresenceProvider({ awareness, children }: { awareness: Awareness; children: React.ReactNode }) {
  return <EditingAwareness.Provider value={awareness}>{children}</EditingAwareness.Provider>
}

/** Tells everyone on the board that this window is editing `target` while `editing` is true. */
export function usePublishEditing(target: string, editing: boolean): void {
  const awareness = useContext(EditingAwareness)
  useEffect(() => {
    if (!awareness || !editing) return
    awareness.setLocalStateField(EDITING_FIELD, withEditingTarget(awareness.getLocalState(), target, true))
    return () => {
      if (awareness.getLocalState() !== null) awareness.setLocalStateField(EDITING_FIELD, withEditingTarget(awareness.getLocalState(), target, false))
    }
  }, [awareness, target, editing])
}

/** The other people editing `target` now. */
export function usePeopleEditing(target: string): PresenceUser[] {
  const awareness = useContext(EditingAwareness)
  const snapshot = useSyncExternalStore(
    (onChange) => {
      awareness?.on('change', onChange)
      return () => awareness?.off('change', onChange)
    },
    () => (awareness ? JSON.stringify(peopleEditing(awareness.getStates(), awareness.clientID, target)) : '[]'),
  )
  return useMemo(() => JSON.parse(snapshot) as PresenceUser[], [snapshot])
}

/** The visible line saying who else is editing this, if anyone. */
export function EditingNote({ id, people }: { id?: string; people: readonly PresenceUser[] }) {
  const line = editingLine(people)
  if (!line) return null
  return (
    <p id={id} className="rt-editing-note">
      <span className="rt-editing-note__dot" aria-hidden="true" style={{ background: people[0].colour }} />
      {line}
    </p>
  )
}
