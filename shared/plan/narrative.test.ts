import { describe, expect, it } from 'vitest'
import { MAX_NARRATIVE_TEXT, narrativePasteProblem, NARRATIVE_FIELDS } from './narrative'

describe('narrative fields', () => {
  it('have unique keys that fit the rich-text naming rule', () => {
    const keys = NARRATIVE_FIELDS.map((field) => field.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
  })

  it('refuse a paste that would not fit, saying how much room there is', () => {
    expect(narrativePasteProblem(0, MAX_NARRATIVE_TEXT)).toBeNull()
    expect(narrativePasteProblem(19_000, 5 * 1024 * 1024)).toBe(
      'That paste is too long for this box: it has 5,242,880 characters and there is room for 1,000 more (20,000 in all). Paste a shorter part; nothing here has changed.',
    )
    expect(narrativePasteProblem(25_000, 1)).toMatch(/room for 0 more/)
  })
})
