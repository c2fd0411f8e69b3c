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
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core'
import { useSortable } from '@dnd-kit/sortable'
import type * as Y from 'yjs'
import { canMoveToAnotherGroup, linkNeedToGoal, moveEntryAfter, type EntryList } from '../../../shared/plan'
import { cardName, describePlace, keyboardMove, moveAcross, moveWithin, sectionOf, type CardPlaces, type DragWords } from '../cardPlaces'

/**
 * Drag and drop for the whole plan, by pointer (mouse, pen, touch) and keyboard. What can be
 * dragged: entries within their own list, actions between goals, and a need onto a goal to link
 * them. While something is dragged, every drop target of another kind is switched off, so neither
 * the pointer nor the arrow keys can land it somewhere it does not belong.
 */

/** What is being dragged: an entry of one of the plan's lists. */
export type DragKind = EntryList

interface DragState {
  activeKind: DragKind | null
  /** A drag by keyboard: `places` alone says where cards are, with nothing drawn out of place. */
  byKeyboard: boolean
  places: CardPlaces
}

const PlanDragContext = createContext<DragState>({ activeKind: null, byKeyboard: false, places: {} })

export const LINK_PREFIX = 'link:'

export function actionsContainer(goalId: string): string {
  return `actions:${goalId}`
}

/** Strengths, needs and goals are dragged within their voice: the person's own words, or professionals' notes. */
export function voiceGroup(list: 'strength' | 'need' | 'goal', voice: string): string {
  return `${list}:${voice}`
}

/** Each goal's actions in the order the goals are shown, so the arrow keys can carry an action from one goal to the next. */
function actionsInGoalOrder(places: CardPlaces): string[] {
  return [...(places[voiceGroup('goal', 'person')] ?? []), ...(places[voiceGroup('goal', 'professional')] ?? [])].map(actionsContainer)
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
 * card); everything else goes by nearest corners. The keyboard does not use this (see keyboardMove).
 */
const collisionDetection: CollisionDetection = (args) => {
  const link = pointerWithin(args).find((collision) => String(collision.id).startsWith(LINK_PREFIX))
  return link ? [link] : closestCorners(args)
}

const SILENT: Announcements = { onDragStart: () => undefined, onDragOver: () => undefined, onDragEnd: () => undefined, onDragCancel: () => undefined }

const INSTRUCTIONS =
  'To move an entry, press space or enter on its move button, use the arrow keys, then space or enter to drop it, or escape to put it back. ' +
  'Actions can move to another goal: up from the top action of a goal goes to the end of the goal above, down from the last to the start of the next. ' +
  'To link a need to a goal, use the goal’s Link a need list (or drag the need onto the goal).'

export function PlanDnd({ doc, places: shownPlaces, words, onMessage, children }: Props) {
  const [dragPlaces, setDragPlaces] = useState<CardPlaces | null>(null)
  const [activeKind, setActiveKind] = useState<DragKind | null>(null)
  const [byKeyboard, setByKeyboard] = useState(false)
  const byKeyboardRef = useRef(false)
  const placesRef = useRef<CardPlaces | null>(null)
  const wordsRef = useRef(words)
  wordsRef.current = words
  const lastPlace = useRef('')
  const [spoken, setSpoken] = useState('')
  const places = dragPlaces ?? shownPlaces

  const setPlaces = (next: CardPlaces | null) => {
    placesRef.current = next
    setDragPlaces(next)
  }
  const setKeyboard = (keyboard: boolean) => {
    byKeyboardRef.current = keyboard
    setByKeyboard(keyboard)
  }
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  )

  /**
   * Arrow Up and Down move the card one place in list order and say where it now is. dnd-kit's own
   * getter (sortableKeyboardCoordinates) chooses by geometry: the nearest corners among every drop
   * area above or below, which include whole lists beside cards of other heights, so a press could
   * land two places up (a test had to accept either). Here no coordinates change at all
   * (nothing is drawn out of place); the list order alone moves, and is what is announced and dropped.
   */
  function keyboardCoordinates(...[event, { active, context }]: Parameters<KeyboardCoordinateGetter>): undefined {
    const step = event.code === 'ArrowUp' ? 'up' : event.code === 'ArrowDown' ? 'down' : null
    if (event.code.startsWith('Arrow')) event.preventDefault()
    const current = placesRef.current
    if (!step || !current) return undefined
    const id = String(active)
    const next = keyboardMove(current, id, step, actionsInGoalOrder(current))
    const place = describePlace(next, wordsRef.current, id)
    lastPlace.current = place
    if (next === current) {
      setSpoken(`${cardName(wordsRef.current, id)} stays at ${place}: it is as far ${step} as it can go.`)
      return undefined
    }
    setPlaces(next)
    setSpoken(`${cardName(wordsRef.current, id)} is now at ${place}.`)
    // Once drawn in its new place, bring the card into view (the page does not follow a moved element).
    requestAnimationFrame(() => context.draggableNodes.get(active)?.node.current?.scrollIntoView({ block: 'nearest' }))
    return undefined
  }

  function onDragStart({ active, activatorEvent }: DragStartEvent): void {
    const id = String(active.id)
    setKeyboard(activatorEvent instanceof KeyboardEvent)
    setActiveKind(words.entryKind(id))
    setPlaces(shownPlaces)
    lastPlace.current = describePlace(shownPlaces, words, id)
    setSpoken(`Picked up ${cardName(words, id)}, ${lastPlace.current}.`)
  }

  function onDragOver({ active, over }: DragOverEvent): void {
    const current = placesRef.current
    if (!current || !over || byKeyboardRef.current) return
    const id = String(active.id)
    const overId = String(over.id)
    if (overId.startsWith(LINK_PREFIX)) {
      setSpoken(`Over goal ${cardName(words, overId.slice(LINK_PREFIX.length))}. Drop to link ${cardName(words, id)} to it.`)
      lastPlace.current = ''
      return
    }
    let next = current
    const kind = words.entryKind(id)
    if (kind && canMoveToAnotherGroup(kind)) {
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
      setKeyboard(false)
    }
    try {
      if (over && !byKeyboardRef.current && String(over.id).startsWith(LINK_PREFIX)) {
        const goalId = String(over.id).slice(LINK_PREFIX.length)
        linkNeedToGoal(doc, id, goalId)
        setSpoken(`Linked ${cardName(words, id)} to goal ${cardName(words, goalId)}.`)
        return finish()
      }
      let current = placesRef.current
      if (current && over && !byKeyboardRef.current) {
        const from = sectionOf(current, id)
        const to = sectionOf(current, String(over.id))
        const kind = words.entryKind(id)
        if (from && to && from !== to && !(kind && canMoveToAnotherGroup(kind))) {
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
        setKeyboard(false)
      }}
    >
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
        {spoken}
      </p>
      <PlanDragContext.Provider value={{ activeKind, byKeyboard, places }}>{children}</PlanDragContext.Provider>
    </DndContext>
  )
}

/** The ids to show in a container: during a drag, where they would land. */
export function usePlacedIds(container: string): string[] {
  return useContext(PlanDragContext).places[container] ?? []
}

/**
 * A draggable, sortable entry that accepts drops only from its own kind. In a keyboard drag every
 * card is drawn where the list order puts it, with no shift of dnd-kit's own.
 */
export function usePlanSortable(id: string, kind: DragKind) {
  const { activeKind, byKeyboard } = useContext(PlanDragContext)
  const sortable = useSortable({ id, data: { kind }, disabled: { draggable: false, droppable: activeKind !== null && activeKind !== kind } })
  return byKeyboard ? { ...sortable, transform: null } : sortable
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
