import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NARRATIVE_FIELDS } from './narrative'
import { readNarrative, richTextBlocks, richTextFieldKeys, richTextPlain, richTextRootName } from './narrativeText'
import { block, writeField } from '../testing/richText'
import { changesSinceAgreed, markAgreed } from './versions'

describe('reading a narrative field without Lexical', () => {
  it('reads paragraphs, line breaks and nested lists, one block each, one field per root', () => {
    const doc = new Y.Doc()
    writeField(doc, 'importantToMe', [
      block('paragraph', ['My garden and ', 'my cat']),
      block('list', [block('listitem', ['Tea at 4']), block('listitem', [block('list', [block('listitem', ['nested'])], { __listType: 'number' })])], { __listType: 'bullet' }),
      block('paragraph', ['Knock', 'linebreak', 'then wait']),
      block('paragraph', []),
    ])
    writeField(doc, 'triggerFactors', [block('paragraph', ['Loud noises'])])

    expect(richTextBlocks(doc, 'importantToMe')).toEqual([
      { kind: 'paragraph', depth: 0, text: 'My garden and my cat' },
      { kind: 'bullet', depth: 0, text: 'Tea at 4' },
      { kind: 'number', depth: 1, text: 'nested' },
      { kind: 'paragraph', depth: 0, text: 'Knock\nthen wait' },
      { kind: 'paragraph', depth: 0, text: '' },
    ])
    expect(richTextPlain(doc, 'importantToMe')).toBe('My garden and my cat\nTea at 4\nnested\nKnock\nthen wait\n')
    expect(richTextPlain(doc, 'triggerFactors')).toBe('Loud noises')
    expect(richTextFieldKeys(doc).sort()).toEqual(['importantToMe', 'triggerFactors'])
  })

  it('gives "" for a field never written, without adding it to the doc, and refuses a key that is not a field’s', () => {
    const doc = new Y.Doc()
    expect(richTextPlain(doc, 'pleaseDo')).toBe('')
    expect(doc.share.has(richTextRootName('pleaseDo'))).toBe(false)
    expect(() => richTextRootName('no spaces')).toThrow()
  })

  it('reads every narrative field with its title, for the history diff', () => {
    const doc = new Y.Doc()
    writeField(doc, 'pleaseDo', [block('paragraph', ['Knock first'])])
    const narrative = readNarrative(doc)
    expect(Object.keys(narrative)).toEqual(NARRATIVE_FIELDS.map((field) => field.key))
    expect(narrative.pleaseDo).toEqual({ title: 'Please do', text: 'Knock first' })
    expect(narrative.pleaseDont).toEqual({ title: 'Please don’t', text: '' })
  })
})

describe('the history diff reads the narrative itself', () => {
  it('a change to an About me field after agreeing is a change since agreed, in words', () => {
    const doc = new Y.Doc({ gc: false })
    writeField(doc, 'pleaseDo', [block('paragraph', ['Knock first'])])
    const now = new Date('2026-11-23T10:00:00Z')
    const agreement = { agreedBy: 'Joan Smith', relation: 'The person', how: 'In person', reviewDate: '2027-02-23', reviewer: 'Sam Patel' }
    expect(markAgreed(doc, agreement, { by: 'Dee', now }).ok).toBe(true)
    expect(changesSinceAgreed(doc, '2026-11-23')).toEqual([])
    writeField(doc, 'pleaseDo', [block('paragraph', ['Ring the bell'])])
    expect(changesSinceAgreed(doc, '2026-11-23')).toEqual([
      { section: 'About me', change: 'changed', what: 'Please do', before: 'Knock first', after: 'Knock first\nRing the bell' },
    ])
  })
})
