import { describe, expect, it } from 'vitest'
import { PRESENCE_COLOURS, editingLine, editingTargets, entryEditTarget, participantsFrom, peopleEditing, pickColour, validateDisplayName, withEditingTarget } from './presence'

describe('display names', () => {
  it('need 1–40 characters after trimming, with a message that says what to do', () => {
    expect(validateDisplayName('  Sam  ')).toBeNull()
    expect(validateDisplayName('   ')).toMatch(/Enter the name/)
    expect(validateDisplayName('x'.repeat(41))).toMatch(/up to 40 characters\. It is 41/)
  })
})

describe('presence colours', () => {
  it('are always from the palette, even at the edges of random', () => {
    expect(pickColour(() => 0)).toBe(PRESENCE_COLOURS[0])
    expect(pickColour(() => 0.9999999)).toBe(PRESENCE_COLOURS.at(-1))
  })
})

describe('participants', () => {
  it('lists me first, then others by name, and ignores malformed states from other devices', () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: 'Zoe', colour: PRESENCE_COLOURS[1] } }],
      [1, { user: { name: 'Amir', colour: 'url(javascript:alert(1))' } }],
      [2, { user: { name: 'Me', colour: PRESENCE_COLOURS[0] } }],
      [4, { user: { name: '' } }],
      [5, null],
      [6, { cursor: 1 }],
      [7, { user: { name: 42 } }],
    ])
    const people = participantsFrom(states, 2)
    expect(people.map((person) => person.name)).toEqual(['Me', 'Amir', 'Zoe'])
    expect(people[0].isMe).toBe(true)
    // A colour that is not ours is replaced, never passed into the page's styles.
    expect(PRESENCE_COLOURS).toContain(people[1].colour)
  })
})

describe('who is editing what', () => {
  const sam = { name: 'Sam, nurse', colour: PRESENCE_COLOURS[0] }
  const ann = { name: 'Ann, GP', colour: PRESENCE_COLOURS[1] }

  it('names the others editing one entry, never me, and ignores malformed lists from other devices', () => {
    const target = entryEditTarget('goal-1')
    const states = new Map<number, unknown>([
      [1, { user: sam, editing: [target, 'person:name'] }],
      [2, { user: ann, editing: [target] }],
      [3, { user: { name: 'Bad', colour: PRESENCE_COLOURS[2] }, editing: target }],
      [4, { user: { name: 'Worse', colour: PRESENCE_COLOURS[2] }, editing: [42, null] }],
    ])
    expect(peopleEditing(states, 2, target)).toEqual([sam])
    expect(peopleEditing(states, 2, 'person:name')).toEqual([sam])
    expect(editingTargets(states.get(4))).toEqual([])
  })

  it('adds and removes one target, keeping the others', () => {
    const state = { editing: ['entry:a', 'entry:b'] }
    expect(withEditingTarget(state, 'entry:c', true)).toEqual(['entry:a', 'entry:b', 'entry:c'])
    expect(withEditingTarget(state, 'entry:a', false)).toEqual(['entry:b'])
    expect(withEditingTarget(null, 'entry:a', true)).toEqual(['entry:a'])
  })

  it('says it in plain words', () => {
    expect(editingLine([])).toBeNull()
    expect(editingLine([sam])).toBe('Sam, nurse is editing this')
    expect(editingLine([sam, ann, { name: 'Bo', colour: '' }])).toBe('Sam, nurse, Ann, GP and Bo are editing this')
  })
})
