import { describe, expect, it } from 'vitest'
import { cardName, describePlace, keyboardMove, moveAcross, moveWithin, sectionDropId, sectionOf, type CardPlaces } from './cardPlaces'

const places: CardPlaces = { goals: ['a', 'b', 'c'], actions: ['x'], strengths: [] }

describe('card places during a drag', () => {
  it('finds the section of a card or a drop area', () => {
    expect(sectionOf(places, 'b')).toBe('goals')
    expect(sectionOf(places, sectionDropId('strengths'))).toBe('strengths')
    expect(sectionOf(places, 'nope')).toBeNull()
  })

  it('moves a card across sections, before or after the card it is over, or last in an empty section', () => {
    expect(moveAcross(places, 'b', 'x', false)).toEqual({ goals: ['a', 'c'], actions: ['b', 'x'], strengths: [] })
    expect(moveAcross(places, 'b', 'x', true)).toEqual({ goals: ['a', 'c'], actions: ['x', 'b'], strengths: [] })
    expect(moveAcross(places, 'a', sectionDropId('strengths'), false).strengths).toEqual(['a'])
    expect(moveAcross(places, 'a', 'b', false)).toBe(places)
  })

  it('reorders within a section', () => {
    expect(moveWithin(places, 'a', 'c').goals).toEqual(['b', 'c', 'a'])
    expect(moveWithin(places, 'c', 'a').goals).toEqual(['c', 'a', 'b'])
    expect(moveWithin(places, 'a', 'x')).toBe(places)
  })

  it('describes a place in words', () => {
    const words = { cardText: (id: string) => id, sectionTitle: (id: string) => id.toUpperCase() }
    expect(describePlace(places, words, 'b')).toBe('position 2 of 3 in GOALS')
  })
})

describe('where Arrow Up and Arrow Down take a card', () => {
  // Two goals' actions shown one after another, an empty third goal last, and a voice-grouped list.
  const board: CardPlaces = {
    'strength:person': ['s1', 's2', 's3'],
    'strength:professional': ['p1'],
    'actions:g1': ['a1', 'a2'],
    'actions:g2': ['b1', 'b2', 'b3'],
    'actions:g3': [],
  }
  const chain = ['actions:g1', 'actions:g2', 'actions:g3']
  const words = {
    cardText: (id: string) => id,
    sectionTitle: (section: string) => (section.startsWith('actions:') ? `the actions for goal “${section.slice(8)}”` : section),
  }
  const said = (after: CardPlaces, id: string) => `${cardName(words, id)} is now at ${describePlace(after, words, id)}.`

  it('moves one place within a list, never skipping one', () => {
    expect(keyboardMove(board, 's3', 'up')['strength:person']).toEqual(['s1', 's3', 's2'])
    expect(keyboardMove(board, 's1', 'down')['strength:person']).toEqual(['s2', 's1', 's3'])
    expect(keyboardMove(board, 'b2', 'up', chain)['actions:g2']).toEqual(['b2', 'b1', 'b3'])
    expect(keyboardMove(keyboardMove(board, 's3', 'up'), 's3', 'up')['strength:person']).toEqual(['s3', 's1', 's2'])
  })

  it('takes the top action of a goal up to the end of the goal above', () => {
    const after = keyboardMove(board, 'b1', 'up', chain)
    expect(after['actions:g1']).toEqual(['a1', 'a2', 'b1'])
    expect(after['actions:g2']).toEqual(['b2', 'b3'])
    expect(said(after, 'b1')).toBe('“b1” is now at position 3 of 3 in the actions for goal “g1”.')
  })

  it('takes the last action of a goal down to the start of the next goal, empty or not', () => {
    const after = keyboardMove(board, 'a2', 'down', chain)
    expect(after['actions:g1']).toEqual(['a1'])
    expect(after['actions:g2']).toEqual(['a2', 'b1', 'b2', 'b3'])
    expect(said(after, 'a2')).toBe('“a2” is now at position 1 of 4 in the actions for goal “g2”.')
    const intoEmpty = keyboardMove(board, 'b3', 'down', chain)
    expect(intoEmpty['actions:g3']).toEqual(['b3'])
    expect(said(intoEmpty, 'b3')).toBe('“b3” is now at position 1 of 1 in the actions for goal “g3”.')
  })

  it('passes over an empty goal on the way up: end of it, then on to the end of the one above', () => {
    const first = keyboardMove({ ...board, 'actions:g3': ['c1'], 'actions:g2': [] }, 'c1', 'up', chain)
    expect(first['actions:g2']).toEqual(['c1'])
    expect(keyboardMove(first, 'c1', 'up', chain)['actions:g1']).toEqual(['a1', 'a2', 'c1'])
  })

  it('keeps the first goal’s top action and the last goal’s bottom action where they are', () => {
    expect(keyboardMove(board, 'a1', 'up', chain)).toBe(board)
    const lastFull = { ...board, 'actions:g3': ['c1'] }
    expect(keyboardMove(lastFull, 'c1', 'down', chain)).toBe(lastFull)
  })

  it('keeps the person’s words and professionals’ notes apart', () => {
    expect(keyboardMove(board, 'p1', 'up')).toBe(board)
    expect(keyboardMove(board, 's3', 'down')).toBe(board)
    // A list outside the chain stays put at its ends, whatever chain is given.
    expect(keyboardMove(board, 's1', 'up', chain)).toBe(board)
  })

  it('leaves unknown cards and drop areas alone', () => {
    expect(keyboardMove(board, 'nope', 'down', chain)).toBe(board)
    expect(keyboardMove(board, sectionDropId('actions:g1'), 'down', chain)).toBe(board)
  })
})
