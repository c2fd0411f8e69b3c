import { createContext, useCallback, useContext, useMemo, useState } from 'react'
import type { EntryList } from '../../../shared/plan/fields'
import type { FormValues } from './EntryForm'

/**
 * Edits in progress, kept above the cards. A card is drawn afresh when someone else moves it (an
 * action to another goal) and vanishes when someone else deletes it; what this person was typing
 * must survive both ("nothing typed is ever lost"). Drafts live only in this window until saved.
 */
export interface Draft {
  list: EntryList
  /** The entry's words when the edit began, to name it if it is deleted meanwhile. */
  title: string
  /** For an action: its goal when the edit began. */
  goalId?: string
  /** What the form held when it opened, so saving writes only what this person changed. */
  opened: FormValues
  /** What the form holds now. */
  values: FormValues
}

interface Drafts {
  drafts: ReadonlyMap<string, Draft>
  setDraft(id: string, draft: Draft | null): void
}

const DraftsContext = createContext<Drafts>({ drafts: new Map(), setDraft: () => undefined })

export function DraftsProvider({ children }: { children: React.ReactNode }) {
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map())
  const setDraft = useCallback((id: string, draft: Draft | null) => {
    setDrafts((current) => {
      const next = new Map(current)
      if (draft) next.set(id, draft)
      else next.delete(id)
      return next
    })
  }, [])
  const value = useMemo(() => ({ drafts, setDraft }), [drafts, setDraft])
  return <DraftsContext.Provider value={value}>{children}</DraftsContext.Provider>
}

export function useDrafts(): Drafts {
  return useContext(DraftsContext)
}
