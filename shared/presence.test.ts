import { describe, expect, it } from 'vitest'
import { PRESENCE_COLOURS, participantsFrom, pickColour, validateDisplayName } from './presence'

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
