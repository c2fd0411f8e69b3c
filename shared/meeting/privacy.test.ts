import { describe, expect, it } from 'vitest'
import { initialsOf, shownName } from './privacy'

describe('initials for a screen that faces a room', () => {
  it('take the first letter of each name', () => {
    expect(initialsOf('Reginald Walker')).toBe('R.W.')
    expect(initialsOf('  anne   marie  khan ')).toBe('A.M.K.')
    expect(initialsOf('Zoë Ødegård')).toBe('Z.Ø.')
  })
  it('keep initials already written as initials, and skip words with no letters', () => {
    expect(initialsOf('R.W.')).toBe('R.W.')
    expect(initialsOf('Reg (82)')).toBe('R.')
  })
  it('never give an empty name', () => {
    expect(initialsOf('')).toBe('?')
    expect(initialsOf('   ')).toBe('?')
  })
  it('leave the name whole when the switch is off', () => {
    expect(shownName('Reginald Walker', false)).toBe('Reginald Walker')
    expect(shownName('Reginald Walker', true)).toBe('R.W.')
  })
})
