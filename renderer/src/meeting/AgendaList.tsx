import { useId } from 'react'
import { closestCenter, DndContext, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type * as Y from 'yjs'
import { moveAgendaItem, removeAgendaItem } from '../../../shared/meeting/meeting'
import { shownName } from '../../../shared/meeting/privacy'
import type { AgendaCase, MeetingView } from '../../../shared/meeting/read'
import { agendaPlaceWords, expectedEnd, plannedMinutes } from '../../../shared/meeting/setup'
import { focusWhenPresent } from '../plan/useReturnFocus'
import { boardHref } from '../route'
import { AgendaCaseRow, type MoveStep } from './AgendaCaseRow'

interface Props {
  doc: Y.Doc
  docId: string
  meeting: MeetingView
  onMessage(text: string): void
  /** The way to add people, shown under the list while the meeting has not ended. */
  children?: React.ReactNode
}

// Moves are said through the page's live region (onMessage), once, where the person lands.
const SILENT: Announcements = { onDragStart: () => undefined, onDragOver: () => undefined, onDragEnd: () => undefined, onDragCancel: () => undefined }

/** The agenda of people in order, with what it adds up to, reordered by drag or by the Move buttons. */
export function AgendaList({ doc, docId, meeting, onMessage, children }: Props) {
  const id = useId()
  const ended = meeting.state === 'ended'
  const agenda = meeting.agenda
  const shown = (item: AgendaCase) => shownName(item.label, meeting.initialsOnly)
  const buttonId = (itemId: string, what: MoveStep | 'remove') => `${id}-${itemId}-${what}`
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }))

  function moveTo(item: AgendaCase, toIndex: number): void {
    moveAgendaItem(doc, item.id, toIndex)
    onMessage(agendaPlaceWords(shown(item), toIndex, agenda.length))
  }

  function move(item: AgendaCase, step: MoveStep): void {
    const index = agenda.findIndex((other) => other.id === item.id)
    const toIndex = step === 'up' ? index - 1 : index + 1
    if (index < 0 || toIndex < 0 || toIndex >= agenda.length) return
    moveTo(item, toIndex)
    // Keep focus on the row that moved: the same button, or the other one once it reaches an end.
    const other: MoveStep = step === 'up' ? 'down' : 'up'
    const atEnd = step === 'up' ? toIndex === 0 : toIndex === agenda.length - 1
    focusWhenPresent(buttonId(item.id, atEnd ? other : step))
  }

  function remove(item: AgendaCase): void {
    const index = agenda.findIndex((other) => other.id === item.id)
    const next = agenda[index + 1] ?? agenda[index - 1]
    removeAgendaItem(doc, item.id)
    onMessage(`${shown(item)} taken off the agenda. Press Control and Z to put them back.`)
    focusWhenPresent(next ? buttonId(next.id, 'remove') : `${id}-heading`)
  }

  function onDragEnd({ active, over }: DragEndEvent): void {
    if (!over || active.id === over.id) return
    const item = agenda.find((other) => other.id === active.id)
    const toIndex = agenda.findIndex((other) => other.id === over.id)
    if (item && toIndex >= 0) moveTo(item, toIndex)
  }

  const minutes = plannedMinutes(agenda)
  const end = expectedEnd(meeting.startTime, minutes)
  return (
    <section className="rt-setup__section rt-setup__agenda" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        Agenda
      </h2>
      <p className="rt-agenda__totals">
        {agenda.length === 1 ? '1 person' : `${agenda.length} people`}, {minutes === 1 ? '1 minute' : `${minutes} minutes`} planned.{' '}
        {end ? `Starts ${meeting.startTime}, ends about ${end.time}${end.nextDay ? ' the next day' : ''}.` : 'Save a start time to see when it should end.'}
      </p>
      {ended ? (
        <p className="rt-agenda__ended">
          This meeting has ended, so its agenda can no longer change. <a href={boardHref(docId, 'minutes')}>Read the minutes</a> to see what was decided.
        </p>
      ) : null}
      {agenda.length === 0 ? (
        <p className="rt-empty">Nobody is on the agenda yet. Add a person below by choosing their plan, or start a new plan for them.</p>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements: SILENT }}>
          <SortableContext items={agenda.map((item) => item.id)} strategy={verticalListSortingStrategy}>
            <ol className="rt-agenda" aria-labelledby={`${id}-heading`}>
              {agenda.map((item, index) => (
                <AgendaCaseRow
                  key={item.id}
                  doc={doc}
                  item={item}
                  shown={shown(item)}
                  index={index}
                  total={agenda.length}
                  buttonId={buttonId}
                  readOnly={ended}
                  onMove={move}
                  onRemove={remove}
                  onMessage={onMessage}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {ended ? null : (
        <>
          <p>
            <a className="nhsuk-button rt-button--small rt-agenda__run" href={boardHref(docId, 'huddle')}>
              Run the huddle
            </a>
          </p>
          {children}
        </>
      )}
    </section>
  )
}
