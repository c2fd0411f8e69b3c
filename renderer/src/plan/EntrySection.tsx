import { useId, useState } from 'react'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type * as Y from 'yjs'
import { addEntryFromForm, newEntryDefaults, type EntryList } from '../../../shared/plan'
import { localDay } from '../../../shared/plan/dates'
import { EntryCard, type CardEntry } from './EntryCard'
import { EntryForm } from './EntryForm'
import { ENTRY_FIELDS } from './entryFields'
import { useContainerDrop, useGroupedIds, usePlacedIds, voiceGroup, type DragKind } from './PlanDnd'
import { useReturnFocus } from './useReturnFocus'

interface Props {
  list: Exclude<EntryList, 'action'>
  title: string
  hint: string
  /** "Add a strength", and so on. */
  addLabel: string
  entries: ReadonlyMap<string, CardEntry>
  doc: Y.Doc
  author: string
  personName: string
  onMessage(message: string): void
  renderDetails?: (entry: CardEntry) => React.ReactNode
  renderExtra?: (entry: CardEntry) => React.ReactNode
}

/** A list section of the plan (strengths, needs, care team…): its cards in order, and a way to add one. */
export function EntrySection({ list, title, hint, addLabel, entries, doc, author, personName, onMessage, renderDetails, renderExtra }: Props) {
  const grouped = list === 'strength' || list === 'need'
  const placed = usePlacedIds(list)
  const groupedIds = useGroupedIds(grouped ? list : 'strength')
  const ids = (grouped ? groupedIds : placed).filter((id) => entries.has(id))
  // Each voice group is its own sortable list, so an entry is reordered among its own kind of words.
  const groups = grouped
    ? [voiceGroup(list, 'person'), voiceGroup(list, 'professional')].map((container) => ({ container, items: ids.filter((id) => entries.get(id)?.voice === container.split(':')[1]) }))
    : [{ container: list as string, items: ids }]
  const { setNodeRef } = useContainerDrop(list, list as DragKind)
  const [adding, setAdding] = useState(false)
  const addButton = useReturnFocus<HTMLButtonElement>(adding)
  const headingId = useId()

  return (
    <section className="rt-plan-section" aria-labelledby={headingId}>
      <h2 className="rt-section__title" id={headingId}>
        {title}
      </h2>
      <p className="rt-section__hint">{hint}</p>
      <ol ref={setNodeRef} className="rt-cards" aria-label={title}>
        {groups.map((group) => (
          <SortableContext key={group.container} id={group.container} items={group.items} strategy={verticalListSortingStrategy}>
            {group.items.map((id) => {
              const entry = entries.get(id) as CardEntry
              return (
                <EntryCard
                  key={id}
                  entry={entry}
                  doc={doc}
                  personName={personName}
                  onMessage={onMessage}
                  details={renderDetails?.(entry)}
                  extra={renderExtra?.(entry)}
                />
              )
            })}
          </SortableContext>
        ))}
        {ids.length === 0 ? <li className="rt-cards__empty">Nothing here yet.</li> : null}
      </ol>
      {adding ? (
        <div className="rt-panel rt-panel--form">
          <h3 className="nhsuk-heading-s">{addLabel}</h3>
          <EntryForm
            fields={ENTRY_FIELDS[list]}
            initial={newEntryDefaults(list, localDay(new Date()))}
            submitLabel={addLabel}
            onCancel={() => setAdding(false)}
            onSubmit={(values) => {
              const result = addEntryFromForm(doc, list, values, { by: author, now: new Date() })
              if (result.ok) setAdding(false)
              return result
            }}
          />
        </div>
      ) : (
        <button type="button" ref={addButton} className="nhsuk-button nhsuk-button--secondary rt-button--small" onClick={() => setAdding(true)}>
          {addLabel}
        </button>
      )}
    </section>
  )
}
