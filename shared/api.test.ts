import { describe, expect, it } from 'vitest'
import { boardsForHome, documentListSchema } from './api'

describe('the board list', () => {
  it('shows boards of known kinds only, newest first', () => {
    const boards = boardsForHome([
      { id: 'a', kind: 'plan', title: 'Older', updatedAt: '2026-01-01T10:00:00.000Z' },
      { id: 'b', kind: '', title: '', updatedAt: '2026-03-01T10:00:00.000Z' },
      { id: 'd', kind: 'toString', title: 'Not a kind', updatedAt: '2026-04-01T10:00:00.000Z' },
      { id: 'e', kind: 'sketch', title: 'Unknown kind', updatedAt: '2026-05-01T10:00:00.000Z' },
      { id: 'c', kind: 'plan', title: 'Newer', updatedAt: '2026-02-01T10:00:00.000Z' },
    ])
    expect(boards.map((board) => board.title)).toEqual(['Newer', 'Older'])
  })

  it('refuses an answer that is not a board list', () => {
    expect(documentListSchema.safeParse({ documents: [{ id: 1 }] }).success).toBe(false)
    expect(documentListSchema.safeParse({ documents: [] }).success).toBe(true)
  })
})
