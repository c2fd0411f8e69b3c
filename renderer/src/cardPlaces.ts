import { shortText } from './format'

/**
 * Where every entry sits while a drag is under way: container id → entry ids in order. This is a
 * passing view for the drag alone; on drop the move is written to the Y.Doc and this is thrown away.
 */
export type CardPlaces = Record<string, string[]>

export const SECTION_PREFIX = 'section:'

export function sectionDropId(sectionId: string): string {
  return `${SECTION_PREFIX}${sectionId}`
}

/** The section an id (a card or a section's drop area) belongs to, or null. */
export function sectionOf(places: CardPlaces, id: string): string | null {
  if (id.startsWith(SECTION_PREFIX)) {
    const sectionId = id.slice(SECTION_PREFIX.length)
    return sectionId in places ? sectionId : null
  }
  for (const [sectionId, ids] of Object.entries(places)) if (ids.includes(id)) return sectionId
  return null
}

/** Moves `cardId` into the section of `overId`: before the card it is over (or after it, when below), or last. */
export function moveAcross(places: CardPlaces, cardId: string, overId: string, below: boolean): CardPlaces {
  const from = sectionOf(places, cardId)
  const to = sectionOf(places, overId)
  if (!from || !to || from === to) return places
  const target = places[to]
  const overIndex = target.indexOf(overId)
  const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0)
  return {
    ...places,
    [from]: places[from].filter((id) => id !== cardId),
    [to]: [...target.slice(0, index), cardId, ...target.slice(index)],
  }
}

/** Reorders within one section: `cardId` takes `overId`'s place. */
export function moveWithin(places: CardPlaces, cardId: string, overId: string): CardPlaces {
  const section = sectionOf(places, cardId)
  if (!section || section !== sectionOf(places, overId) || overId.startsWith(SECTION_PREFIX)) return places
  const ids = places[section]
  const from = ids.indexOf(cardId)
  const to = ids.indexOf(overId)
  if (from === to) return places
  const next = ids.filter((id) => id !== cardId)
  next.splice(to, 0, cardId)
  return { ...places, [section]: next }
}

export interface DragWords {
  cardText(cardId: string): string
  sectionTitle(sectionId: string): string
}

/** "“Walk to the shops”, position 2 of 3 in Goals", said to screen readers as a card moves. */
export function describePlace(places: CardPlaces, words: DragWords, cardId: string): string {
  const section = sectionOf(places, cardId)
  if (!section) return ''
  const ids = places[section]
  return `position ${ids.indexOf(cardId) + 1} of ${ids.length} in ${words.sectionTitle(section)}`
}

export function cardName(words: DragWords, cardId: string): string {
  return `“${shortText(words.cardText(cardId))}”`
}

export type KeyboardStep = 'up' | 'down'

/**
 * Where one press of Arrow Up or Arrow Down takes a card, from the order of the lists alone (never
 * from where things are drawn, which is what once made a press skip a place). One step within its
 * own list; from the top or bottom of a list in `chain` (lists shown one after another, such as each
 * goal's actions in the order the goals are shown) it goes on to the end of the list above or the
 * start of the list below. At the top of the first list or the bottom of the last, or in a list
 * outside the chain (a voice group: the person's words and professionals' notes stay apart), it
 * stays put and the same `places` comes back.
 */
export function keyboardMove(places: CardPlaces, cardId: string, step: KeyboardStep, chain: readonly string[] = []): CardPlaces {
  const section = sectionOf(places, cardId)
  if (!section || cardId.startsWith(SECTION_PREFIX)) return places
  const ids = places[section]
  const index = ids.indexOf(cardId)
  const nextIndex = step === 'up' ? index - 1 : index + 1
  if (nextIndex >= 0 && nextIndex < ids.length) {
    const next = ids.filter((id) => id !== cardId)
    next.splice(nextIndex, 0, cardId)
    return { ...places, [section]: next }
  }
  const link = chain.indexOf(section)
  const neighbour = link < 0 ? undefined : chain[step === 'up' ? link - 1 : link + 1]
  if (neighbour === undefined || !(neighbour in places)) return places
  const target = places[neighbour]
  return {
    ...places,
    [section]: ids.filter((id) => id !== cardId),
    [neighbour]: step === 'up' ? [...target, cardId] : [cardId, ...target],
  }
}
