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
    expect(answerPrompt(doc, 'one-page-profile', 'appreciate', { text: 'Always makes people laugh', voice: 'person' }, author).ok).toBe(true)
    expect(readPlan(doc, today).strengths).toEqual([expect.objectContaining({ text: 'Always makes people laugh', holder: 'person', voice: 'person' })])
    expect(findPrompt('one-page-profile', 'important')?.target).toEqual({ kind: 'narrative', key: 'importantToMe' })
    expect(findPrompt('one-page-profile', 'support')?.target).toEqual({ kind: 'narrative', key: 'howAndWhenToSupportMe' })
  })

  it('PATH: the North Star and positive-and-possible become goals, now becomes a need, getting stronger a strength', () => {
    const doc = new Y.Doc()
    answerPrompt(doc, 'path', 'north-star', { text: 'Live in my own flat by the sea', voice: 'person' }, author)
    answerPrompt(doc, 'path', 'positive-possible', { text: 'Cooking for myself twice a week', voice: 'person' }, author)
    answerPrompt(doc, 'path', 'now', { text: 'Lonely since moving', voice: 'person' }, author)
    answerPrompt(doc, 'path', 'stronger', { text: 'My brother visits weekly', voice: 'professional' }, author)
    const plan = readPlan(doc, today)
    expect(plan.goals.map((goal) => [goal.text, goal.importance, goal.voice])).toEqual([
      ['Live in my own flat by the sea', 'high', 'person'],
      ['Cooking for myself twice a week', 'medium', 'person'],
    ])
    expect(plan.needs.map((need) => need.text)).toEqual(['Lonely since moving'])
    expect(plan.strengths.map((strength) => [strength.text, strength.voice])).toEqual([['My brother visits weekly', 'professional']])
    expect(findPrompt('path', 'first-steps')?.target).toEqual({ kind: 'action' })
  })

  it('an empty answer, or one with no answer to whose words, is refused with the section’s message; an unknown prompt says so', () => {
    const doc = new Y.Doc()
    const empty = answerPrompt(doc, 'path', 'north-star', { text: '  ', voice: 'person' }, author)
    expect(!empty.ok && empty.errors.text).toMatch(/Write the goal first/)
    const unknown = answerPrompt(doc, 'path', 'gone', { text: 'x', voice: 'person' }, author)
    expect(!unknown.ok && unknown.errors.form).toMatch(/no longer exists/)
    const unanswered = answerPrompt(doc, 'path', 'now', { text: 'Lonely since moving', voice: null }, author)
    expect(!unanswered.ok && unanswered.errors.voice).toMatch(/person’s own words or a professional’s note/)
    expect(readPlan(doc, today).needs).toEqual([])
    expect(() => answerPrompt(doc, 'path', 'first-steps', { text: 'x', voice: 'person' }, author)).toThrow(/own editor/)
  })
})
