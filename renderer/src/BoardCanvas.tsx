import { useMemo, useRef, useState } from 'react'
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragCancelEvent,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type * as Y from 'yjs'
import { cardsInSection, moveCard, PLAN_SECTIONS, type Card, type Section } from '../../shared/board'
import { AddCardForm } from './AddCardForm'
import { CardItem } from './CardItem'
import { cardName, describePlace, moveAcross, moveWithin, placesFrom, sectionDropId, sectionOf, type CardPlaces, type DragWords } from './cardPlaces'

interface Props {
  doc: Y.Doc
  /** Changes whenever the Y.Doc does, so the cards are read again. */
  version: number
  author: string
  onMessage(message: string): void
}

/** dnd-kit's own announcer stays quiet; see `say` in BoardCanvas. */
const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
}

const SCREEN_READER_INSTRUCTIONS =
  'To move a card, press space or enter on its move button. Use the arrow keys to move it up, down or to another section. ' +
  'Press space or enter again to drop it, or escape to put it back.'

/** The plan's sections with their cards, where cards are dragged by mouse, touch or keyboard. */
export function BoardCanvas({ doc, version, author, onMessage }: Props) {
  const cardsBySection = useMemo(() => {
    const bySection: Record<string, Card[]> = {}
    for (const section of PLAN_SECTIONS) bySection[section.id] = cardsInSection(doc, section.id)
    return bySection
    // `version` is the signal that the document changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, version])
  const cardsById = useMemo(() => new Map(Object.values(cardsBySection).flat().map((card) => [card.id, card])), [cardsBySection])

  // Only while a drag is under way: where the cards would be if it were dropped now.
  const [dragPlaces, setDragPlaces] = useState<CardPlaces | null>(null)
  const placesRef = useRef<CardPlaces | null>(null)
  const setPlaces = (next: CardPlaces | null) => {
    placesRef.current = next
    setDragPlaces(next)
  }
  const places = dragPlaces ?? placesFrom(PLAN_SECTIONS, cardsBySection)

  const words: DragWords = {
    cardText: (id) => cardsById.get(id)?.text ?? 'card',
    sectionTitle: (id) => PLAN_SECTIONS.find((section) => section.id === id)?.title ?? id,
  }

  const sensors = useSensors(
    // Pointer events cover mouse, pen and touch. The handle has `touch-action: none`, so a finger on
    // it drags while a finger anywhere else still scrolls the page.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  // What a screen reader hears as a card moves. Said from our own live region, written in the drag
  // handlers below once the new places are known (dnd-kit's announcer runs before they are).
  const [spoken, setSpoken] = useState('')
  const lastPlace = useRef('')
  const say = (text: string) => setSpoken(text)

  function onDragStart({ active }: DragStartEvent): void {
    const now = placesFrom(PLAN_SECTIONS, cardsBySection)
    setPlaces(now)
    lastPlace.current = describePlace(now, words, String(active.id))
    say(`Picked up ${cardName(words, String(active.id))}, ${lastPlace.current}.`)
  }

  function onDragOver({ active, over }: DragOverEvent): void {
    const current = placesRef.current
    if (!current || !over) return
    const activeId = String(active.id)
    const overId = String(over.id)
    const translated = active.rect.current.translated
    const below = translated ? translated.top > over.rect.top + over.rect.height / 2 : false
    const next = moveAcross(current, activeId, overId, below)
    if (next !== current) setPlaces(next)
    // Within a section dnd-kit only shifts the cards on screen; say where the card would land.
    const wouldBe = next !== current ? next : moveWithin(current, activeId, overId)
    const place = describePlace(wouldBe, words, activeId)
    if (place === lastPlace.current) return
    lastPlace.current = place
    say(`${cardName(words, activeId)} is now at ${place}.`)
  }

  function onDragEnd({ active, over }: DragEndEvent): void {
    let current = placesRef.current
    const cardId = String(active.id)
    if (current && over) current = moveWithin(current, cardId, String(over.id))
    const section = current ? sectionOf(current, cardId) : null
    if (current && section) {
      const index = current[section].indexOf(cardId)
      const before = cardsById.get(cardId)
      const beforeIndex = before ? cardsBySection[before.section].findIndex((card) => card.id === cardId) : -1
      say(`Dropped ${cardName(words, cardId)} at ${describePlace(current, words, cardId)}.`)
      if (!before || before.section !== section || beforeIndex !== index) {
        try {
          moveCard(doc, cardId, section, index)
        } catch (error) {
          onMessage((error as Error).message)
        }
      }
    }
    setPlaces(null)
  }

  function onDragCancel({ active }: DragCancelEvent): void {
    say(`Cancelled. ${cardName(words, String(active.id))} is back where it was.`)
    setPlaces(null)
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements: SILENT, screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
        {spoken}
      </p>
      <div className="rt-sections">
        {PLAN_SECTIONS.map((section) => (
          <SectionColumn
            key={section.id}
            section={section}
            cardIds={places[section.id] ?? []}
            cardsById={cardsById}
            doc={doc}
            author={author}
            onMessage={onMessage}
          />
        ))}
      </div>
    </DndContext>
  )
}

interface SectionProps {
  section: Section
  cardIds: string[]
  cardsById: Map<string, Card>
  doc: Y.Doc
  author: string
  onMessage(message: string): void
}

function SectionColumn({ section, cardIds, cardsById, doc, author, onMessage }: SectionProps) {
  const { setNodeRef, isOver } = useDroppable({ id: sectionDropId(section.id) })
  const headingId = `section-${section.id}`
  const cards = cardIds.map((id) => cardsById.get(id)).filter((card): card is Card => card !== undefined)
  return (
    <section className={`rt-section${isOver ? ' rt-section--over' : ''}`} aria-labelledby={headingId}>
      <h2 className="rt-section__title" id={headingId}>
        {section.title}
      </h2>
      <p className="rt-section__hint">{section.hint}</p>
      <SortableContext id={section.id} items={cardIds} strategy={verticalListSortingStrategy}>
        <ol ref={setNodeRef} className="rt-cards" aria-label={`Cards in ${section.title}`}>
          {cards.map((card) => (
            <CardItem key={card.id} card={card} doc={doc} onMessage={onMessage} />
          ))}
          {cards.length === 0 ? <li className="rt-cards__empty">No cards yet.</li> : null}
        </ol>
      </SortableContext>
      <AddCardForm section={section} doc={doc} author={author} />
    </section>
  )
}
