import { describe, expect, it } from 'vitest'
import { ENTRY_LISTS } from './fields'
import { canMoveToAnotherGroup } from './moves'

describe('where an entry may move', () => {
  it('only an action may leave its group (for another goal); the person’s words and professionals’ notes stay apart', () => {
    expect(ENTRY_LISTS.filter(canMoveToAnotherGroup)).toEqual(['action'])
  })
})
