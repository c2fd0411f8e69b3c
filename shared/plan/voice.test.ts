import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addEntry, updateEntry } from './entries'
import { check, ENTRY_SCHEMAS, VOICES } from './fields'
import { readPlan } from './read'
import { asksStillTheirWords, asStillTheirWords, editAsksStillTheirWords, STILL_THEIR_WORDS_MESSAGE, voiceAfterEdit, wordsFieldOf } from './voice'
import { idOf } from '../testing/checked'

const now = new Date('2026-11-23T10:00:00Z')
const today = '2026-11-23'
const author = { by: 'Sam, nurse', now }


describe('a new entry', () => {
  it('is refused until someone says whose words it is: an unanswered choice is not the person’s words', () => {
    for (const list of ['strength', 'need', 'goal'] as const) {
      const checked = check(ENTRY_SCHEMAS[list], { text: 'Loves gardening', holder: 'person', importance: 'high', voice: '' })
      expect(checked.ok).toBe(false)
      expect(!checked.ok && checked.errors.voice).toBe('Say whether these are the person’s own words or a professional’s note.')
    }
  })
})

describe('whose words when the words change', () => {
  it('asks only when words in the person’s voice change', () => {
    expect(asksStillTheirWords({ words: 'I want to garden', voice: 'person' }, { words: 'Gardening', voice: 'person' })).toBe(true)
    expect(asksStillTheirWords({ words: 'I want to garden', voice: 'person' }, { words: '  I want to garden ', voice: 'person' })).toBe(false)
    expect(asksStillTheirWords({ words: 'Falls at night', voice: 'professional' }, { words: 'Falls most nights', voice: 'professional' })).toBe(false)
    // Switching to a professional's note in the same edit has already answered the question.
    expect(asksStillTheirWords({ words: 'I want to garden', voice: 'person' }, { words: 'Gardening', voice: 'professional' })).toBe(false)
  })

  it('yes keeps the person’s words, no makes a professional’s note, no answer refuses with the question', () => {
    const before = { words: 'I want to get to the shops on me own', voice: 'person' }
    const after = { words: 'Independent shopping', voice: 'person' as const }
    expect(voiceAfterEdit(before, after, 'yes')).toEqual({ ok: true, value: 'person' })
    expect(voiceAfterEdit(before, after, 'no')).toEqual({ ok: true, value: 'professional' })
    expect(voiceAfterEdit(before, after)).toEqual({ ok: false, errors: { stillTheirWords: STILL_THEIR_WORDS_MESSAGE } })
  })

  it('never leaves changed words as the person’s own unless someone said yes', () => {
    const voice = fc.constantFrom(...VOICES)
    const answer = fc.constantFrom('yes' as const, 'no' as const, undefined)
    fc.assert(
      fc.property(fc.string(), fc.string(), voice, voice, answer, (wordsBefore, wordsAfter, voiceBefore, voiceAfter, given) => {
        const result = voiceAfterEdit({ words: wordsBefore, voice: voiceBefore }, { words: wordsAfter, voice: voiceAfter }, given)
        const changed = wordsBefore.trim() !== wordsAfter.trim()
        if (result.ok && result.value === 'person' && changed && voiceBefore === 'person') expect(given).toBe('yes')
        // An unchanged entry, or one that is not the person's words, is never asked about.
        if (!changed || voiceBefore !== 'person') expect(result).toEqual({ ok: true, value: voiceAfter })
      }),
    )
  })

  it('knows which field holds the words of each list', () => {
    expect(['strength', 'need', 'goal', 'action', 'professional', 'personal'].map((list) => wordsFieldOf(list as never))).toEqual(['text', 'text', 'text', 'what', null, null])
  })
})

describe('updateEntry and whose words', () => {
  function planWithGoal() {
    const doc = new Y.Doc()
    const goal = idOf(addEntry(doc, 'goal', { text: 'Get to the shops on me own', importance: 'high', voice: 'person' }, author))
    return { doc, goal }
  }

  it('refuses new words in the person’s voice without an answer, and writes nothing', () => {
    const { doc, goal } = planWithGoal()
    const result = updateEntry(doc, goal, 'goal', { text: 'Independent shopping' })
    expect(result).toEqual({ ok: false, errors: { stillTheirWords: STILL_THEIR_WORDS_MESSAGE } })
    expect(readPlan(doc, today).goals[0]).toMatchObject({ text: 'Get to the shops on me own', voice: 'person' })
  })

  it('yes keeps the quotes; no writes the new words as a professional’s note', () => {
    const { doc, goal } = planWithGoal()
    expect(updateEntry(doc, goal, 'goal', { text: 'Get to the shops on my own' }, { stillTheirWords: 'yes' }).ok).toBe(true)
    expect(readPlan(doc, today).goals[0]).toMatchObject({ text: 'Get to the shops on my own', voice: 'person' })
    expect(updateEntry(doc, goal, 'goal', { text: 'Independent shopping' }, { stillTheirWords: 'no' }).ok).toBe(true)
    expect(readPlan(doc, today).goals[0]).toMatchObject({ text: 'Independent shopping', voice: 'professional' })
  })

  it('does not ask when only other fields change, or when the edit itself says whose words', () => {
    const { doc, goal } = planWithGoal()
    expect(updateEntry(doc, goal, 'goal', { importance: 'low' }).ok).toBe(true)
    expect(updateEntry(doc, goal, 'goal', { text: 'Shopping', voice: 'professional' }).ok).toBe(true)
    expect(readPlan(doc, today).goals[0]).toMatchObject({ text: 'Shopping', voice: 'professional', importance: 'low' })
    // A professional's note reworded stays a professional's note, with nothing to ask.
    expect(updateEntry(doc, goal, 'goal', { text: 'Shopping alone' }).ok).toBe(true)
  })
})

describe('an edit form', () => {
  it('asks when the words of an entry in the person’s words change, whatever the list calls them', () => {
    expect(editAsksStillTheirWords('goal', { text: 'Garden', voice: 'person' }, { text: 'Gardening', voice: 'person' })).toBe(true)
    expect(editAsksStillTheirWords('action', { what: 'Walk daily', voice: 'person' }, { what: 'Daily walk', voice: 'person' })).toBe(true)
    expect(editAsksStillTheirWords('goal', { text: 'Garden', voice: 'person', importance: 'high' }, { text: 'Garden', voice: 'person', importance: 'low' })).toBe(false)
    expect(editAsksStillTheirWords('personal', { name: 'Ade', voice: 'person' }, { name: 'Ada', voice: 'person' })).toBe(false)
    expect([asStillTheirWords('yes'), asStillTheirWords('no'), asStillTheirWords(''), asStillTheirWords(true)]).toEqual(['yes', 'no', undefined, undefined])
  })
})
