import { describe, expect, it } from 'vitest'
import { describePlace, moveAcross, moveWithin, sectionDropId, sectionOf, type CardPlaces } from './cardPlaces'

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
