import { describe, expect, it } from 'vitest'
import { ACTION_STATUSES, isOpenAction } from './fields'
import { isOverdue } from './read'

describe('an open action', () => {
  it('is one still to do: not started or in progress, never done or cancelled', () => {
    expect(ACTION_STATUSES.filter((status) => isOpenAction({ status }))).toEqual(['not-started', 'in-progress'])
  })

  it('is the only kind that can be overdue', () => {
    for (const status of ACTION_STATUSES) expect(isOverdue({ dueDate: '2026-01-01', status }, '2026-06-01')).toBe(isOpenAction({ status }))
    expect(isOverdue({ dueDate: '2026-06-01', status: 'not-started' }, '2026-06-01')).toBe(false)
  })
})
