import { createContext, useContext, useRef, useState } from 'react'
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable'
import type * as Y from 'yjs'
import { linkNeedToGoal, moveEntryAfter } from '../../../shared/plan/entries'
import { cardName, describePlace, moveAcross, moveWithin, sectionOf, type CardPlaces, type DragWords } from '../cardPlaces'

/**
 * Drag and drop for the whole plan, by pointer (mouse, pen, touch) and keyboard. What can be
 * dragged: entries within their own list, actions between goals, and a need onto a goal to link
 * them. While something is dragged, every drop target of another kind is switched off, so neither
 * the pointer nor the arrow keys can land it somewhere it does not belong.
 */

export type DragKind = 'strength' | 'need' | 'goal' | 'action' | 'professional' | 'personal'

interface DragState {
  activeKind: DragKind | null
  places: CardPlaces
}

const PlanDragContext = createContext<DragState>({ activeKind: null, places: {} })

export const LINK_PREFIX = 'link:'

export function actionsContainer(goalId: string): string {
  return `actions:${goalId}`
}

/** Strengths, needs and goals are dragged within their voice: the person's own words, or professionals' notes. */
export function voiceGroup(list: 'strength' | 'need' | 'goal', voice: string): string {
  return `${list}:${voice}`
}

/** Every id shown in a list, the person's words first, during a drag where they would land. */
export function useGroupedIds(list: 'strength' | 'need' | 'goal'): string[] {
  const places = useContext(PlanDragContext).places
  return [...(places[voiceGroup(list, 'person')] ?? []), ...(places[voiceGroup(list, 'professional')] ?? [])]
}

interface Props {
  doc: Y.Doc
  /** Containers and their entry ids, in the order shown. */
  places: CardPlaces
  words: DragWords & { entryKind(id: string): DragKind | null }
  onMessage(message: string): void
  children: React.ReactNode
}

/**
 * A goal's link area counts as "over" when the pointer is inside it (it is small beside a dragged
 * card); everything else goes by nearest corners, which also serves the keyboard.
 */
const collisionDetection: CollisionDetection = (args) => {
  const link = pointerWithin(args).find((collision) => String(collision.id).startsWith(LINK_PREFIX))
  return link ? [link] : closestCorners(args)
}

const SILENT: Announcements = { onDragStart: () => undefined, onDragOver: () => undefined, onDragEnd: () => undefined, onDragCancel: () => undefined }

const INSTRUCTIONS =
  'To move an entry, press space or enter on its move button, use the arrow keys, then space or enter to drop it, or escape to put it back. ' +
  'Actions can move to another goal. A need can be dropped on a goal to link them.'

export function PlanDnd({ doc, places: shownPlaces, words, onMessage, children }: Props) {
  const [dragPlaces, setDragPlaces] = useState<CardPlaces | null>(null)
  const [activeKind, setActiveKind] = useState<DragKind | null>(null)
  const placesRef = useRef<CardPlaces | null>(null)
  const lastPlace = useRef('')
  const [spoken, setSpoken] = useState('')
  const places = dragPlaces ?? shownPlaces

  const setPlaces = (next: CardPlaces | null) => {
    placesRef.current = next
    setDragPlaces(next)
  }
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  function onDragStart({ active }: DragStartEvent): void {
    const id = String(active.id)
    setActiveKind(words.entryKind(id))
    setPlaces(shownPlaces)
    lastPlace.current = describePlace(shownPlaces, words, id)
    setSpoken(`Picked up ${cardName(words, id)}, ${lastPlace.current}.`)
  }

  function onDragOver({ active, over }: DragOverEvent): void {
    const current = placesRef.current
    if (!current || !over) return
    const id = String(active.id)
    const overId = String(over.id)
    if (overId.startsWith(LINK_PREFIX)) {
      setSpoken(`Over goal ${cardName(words, overId.slice(LINK_PREFIX.length))}. Drop to link ${cardName(words, id)} to it.`)
      lastPlace.current = ''
      return
    }
    let next = current
    if (words.entryKind(id) === 'action') {
      const translated = active.rect.current.translated
      const below = translated ? translated.top > over.rect.top + over.rect.height / 2 : false
      next = moveAcross(current, id, overId, below)
      if (next !== current) setPlaces(next)
    }
    const place = describePlace(next !== current ? next : moveWithin(current, id, overId), words, id)
    if (place === lastPlace.current) return
    lastPlace.current = place
    setSpoken(`${cardName(words, id)} is now at ${place}.`)
  }

  function onDragEnd({ active, over }: DragEndEvent): void {
    const id = String(active.id)
    const finish = () => {
      setPlaces(null)
      setActiveKind(null)
    }
    try {
      if (over && String(over.id).startsWith(LINK_PREFIX)) {
        const goalId = String(over.id).slice(LINK_PREFIX.length)
        linkNeedToGoal(doc, id, goalId)
        setSpoken(`Linked ${cardName(words, id)} to goal ${cardName(words, goalId)}.`)
        return finish()
      }
      let current = placesRef.current
      if (current && over) {
        const from = sectionOf(current, id)
        const to = sectionOf(current, String(over.id))
        if (from && to && from !== to && words.entryKind(id) !== 'action') {
          setSpoken(`${cardName(words, id)} stays in ${words.sectionTitle(from)}: the person’s words and professionals’ notes are kept apart.`)
          return finish()
        }
        current = moveWithin(current, id, String(over.id))
      }
      const container = current ? sectionOf(current, id) : null
      if (!current || !container) return finish()
      const list = current[container]
      const index = list.indexOf(id)
      const afterId = index > 0 ? list[index - 1] : null
      const shownContainer = sectionOf(shownPlaces, id)
      const shownList = shownContainer ? shownPlaces[shownContainer] : []
      const shownAfter = shownList.indexOf(id) > 0 ? shownList[shownList.indexOf(id) - 1] : null
      setSpoken(`Dropped ${cardName(words, id)} at ${describePlace(current, words, id)}.`)
      if (container !== shownContainer || afterId !== shownAfter) {
        const goalId = container.startsWith('actions:') ? container.slice('actions:'.length) : undefined
        moveEntryAfter(doc, id, afterId, goalId)
      }
    } catch (error) {
      onMessage((error as Error).message)
    }
    finish()
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements: SILENT, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={({ active }) => {
        setSpoken(`Cancelled. ${cardName(words, String(active.id))} is back where it was.`)
        setPlaces(null)
        setActiveKind(null)
      }}
    >
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
        {spoken}
      </p>
      <PlanDragContext.Provider value={{ activeKind, places }}>{children}</PlanDragContext.Provider>
    </DndContext>
  )
}

/** The ids to show in a container: during a drag, where they would land. */
export function usePlacedIds(container: string): string[] {
  return useContext(PlanDragContext).places[container] ?? []
}

/** A draggable, sortable entry that accepts drops only from its own kind. */
export function usePlanSortable(id: string, kind: DragKind) {
  const { activeKind } = useContext(PlanDragContext)
  return useSortable({ id, data: { kind }, disabled: { draggable: false, droppable: activeKind !== null && activeKind !== kind } })
}

/** An empty list's drop area (so the last card can leave a container, and a card can enter an empty one). */
export function useContainerDrop(container: string, kind: DragKind) {
  const { activeKind } = useContext(PlanDragContext)
  return useDroppable({ id: `section:${container}`, disabled: activeKind !== null && activeKind !== kind })
}

/** A goal as a target for linking a need, live only while a need is being dragged. */
export function useNeedLinkDrop(goalId: string) {
  const { activeKind } = useContext(PlanDragContext)
  return useDroppable({ id: `${LINK_PREFIX}${goalId}`, disabled: activeKind !== 'need' })
}
