import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NARRATIVE_FIELDS } from './narrative'
import { readPlan } from './read'
import { answerPrompt, findPrompt, TEMPLATES } from './templates'

const author = { by: 'Facilitator', now: new Date('2026-11-23T10:00:00Z') }
const today = '2026-11-23'

describe('templates', () => {
  it('send every narrative prompt to a field the plan has', () => {
    const keys = new Set(NARRATIVE_FIELDS.map((field) => field.key))
    for (const template of TEMPLATES) {
      for (const prompt of template.prompts) if (prompt.target.kind === 'narrative') expect(keys.has(prompt.target.key), prompt.id).toBe(true)
    }
  })

  it('one-page profile: what people appreciate becomes a strength in the person’s words', () => {
    const doc = new Y.Doc()
    expect(answerPrompt(doc, 'one-page-profile', 'appreciate', 'Always makes people laugh', author).ok).toBe(true)
    expect(readPlan(doc, today).strengths).toEqual([expect.objectContaining({ text: 'Always makes people laugh', holder: 'person', voice: 'person' })])
    expect(findPrompt('one-page-profile', 'important')?.target).toEqual({ kind: 'narrative', key: 'importantToMe' })
    expect(findPrompt('one-page-profile', 'support')?.target).toEqual({ kind: 'narrative', key: 'howAndWhenToSupportMe' })
  })

  it('PATH: the North Star and positive-and-possible become goals, now becomes a need, getting stronger a strength', () => {
    const doc = new Y.Doc()
    answerPrompt(doc, 'path', 'north-star', 'Live in my own flat by the sea', author)
    answerPrompt(doc, 'path', 'positive-possible', 'Cooking for myself twice a week', author)
    answerPrompt(doc, 'path', 'now', 'Lonely since moving', author)
    answerPrompt(doc, 'path', 'stronger', 'My brother visits weekly', author)
    const plan = readPlan(doc, today)
    expect(plan.goals.map((goal) => [goal.text, goal.importance, goal.voice])).toEqual([
      ['Live in my own flat by the sea', 'high', 'person'],
      ['Cooking for myself twice a week', 'medium', 'person'],
    ])
    expect(plan.needs.map((need) => need.text)).toEqual(['Lonely since moving'])
    expect(plan.strengths.map((strength) => strength.text)).toEqual(['My brother visits weekly'])
    expect(findPrompt('path', 'first-steps')?.target).toEqual({ kind: 'action' })
  })

  it('an empty answer is refused with the section’s message; an unknown prompt says so', () => {
    const doc = new Y.Doc()
    const empty = answerPrompt(doc, 'path', 'north-star', '  ', author)
    expect(!empty.ok && empty.errors.text).toMatch(/Write the goal first/)
    const unknown = answerPrompt(doc, 'path', 'gone', 'x', author)
    expect(!unknown.ok && unknown.errors.form).toMatch(/no longer exists/)
    expect(() => answerPrompt(doc, 'path', 'first-steps', 'x', author)).toThrow(/own editor/)
  })
})
