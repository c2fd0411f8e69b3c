import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextEdit, shiftIndex, textEdit, type TextDeltaStep } from './textEdit'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** What a bound text box does with one person's typing. */
function type(text: Y.Text, typed: string, caret?: number): void {
  const edit = textEdit(text.toString(), typed, caret)
  if (!edit) return
  text.doc!.transact(() => {
    if (edit.deleteCount > 0) text.delete(edit.index, edit.deleteCount)
    if (edit.insert) text.insert(edit.index, edit.insert)
  })
}

const textWithEmoji = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '😀', '\n'), maxLength: 20 })

describe('textEdit', () => {
  it('keeps the shared start and end and replaces only the middle', () => {
    expect(textEdit('Refer to falls clinic', 'Refer to the falls clinic')).toEqual({ index: 9, deleteCount: 0, insert: 'the ' })
    expect(textEdit('Call daughter weekly', 'Call weekly')).toEqual({ index: 5, deleteCount: 9, insert: '' })
    expect(textEdit('cat', 'cot')).toEqual({ index: 1, deleteCount: 1, insert: 'o' })
    expect(textEdit('same', 'same')).toBeNull()
  })

  it('places a letter typed into a run of the same letter where the caret is', () => {
    expect(textEdit('aa', 'aaa', 1)).toEqual({ index: 0, deleteCount: 0, insert: 'a' })
    expect(textEdit('aa', 'aaa')).toEqual({ index: 2, deleteCount: 0, insert: 'a' })
  })

  it('never splits an emoji', () => {
    // 😀 and 😁 share their first code unit.
    expect(textEdit('😀', '😁')).toEqual({ index: 0, deleteCount: 2, insert: '😁' })
  })

  it('turns any text into any other, whatever the caret says', () => {
    fc.assert(
      fc.property(textWithEmoji, textWithEmoji, fc.option(fc.nat(25), { nil: undefined }), (before, after, caret) => {
        const edit = textEdit(before, after, caret)
        expect(edit === null ? before : applyTextEdit(before, edit)).toBe(after)
        if (edit) {
          // Neither end of the change falls inside an emoji.
          expect(isLowSurrogate(before.charCodeAt(edit.index))).toBe(false)
          expect(isLowSurrogate(before.charCodeAt(edit.index + edit.deleteCount))).toBe(false)
        }
      }),
    )
  })

  it('is minimal for one insertion or one deletion', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.string({ minLength: 1 }), (text, at, inserted) => {
        const index = at % (text.length + 1)
        const after = text.slice(0, index) + inserted + text.slice(index)
        const edit = textEdit(text, after, index + inserted.length)
        expect(edit?.deleteCount).toBe(0)
        expect(edit?.insert.length).toBe(inserted.length)
        expect(textEdit(after, text)?.insert).toBe('')
      }),
    )
  })
})

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

describe('two people typing notes at once', () => {
  it('both keep their words', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('Jo will call.', 'GP to review.'),
        fc.constantFrom('Daughter worried.', 'Falls clinic?'),
        (base, atA, atB, wordsA, wordsB) => {
          const a = new Y.Doc()
          const b = new Y.Doc()
          type(a.getText('notes'), base)
          sync(a, b)
          // Each types their words at their own caret, offline from the other, one key at a time.
          const typeAt = (doc: Y.Doc, at: number, words: string) => {
            const text = doc.getText('notes')
            let caret = at % (text.length + 1)
            for (const letter of words) {
              const now = text.toString()
              type(text, now.slice(0, caret) + letter + now.slice(caret), caret + 1)
              caret += 1
            }
          }
          typeAt(a, atA, wordsA)
          typeAt(b, atB, wordsB)
          sync(a, b)
          const merged = a.getText('notes').toString()
          expect(b.getText('notes').toString()).toBe(merged)
          expect(merged).toContain(wordsA)
          expect(merged).toContain(wordsB)
          expect(merged.length).toBe(base.length + wordsA.length + wordsB.length)
        },
      ),
    )
  })
})

describe('shiftIndex', () => {
  it('moves a caret past text inserted before it and back over text deleted before it', () => {
    expect(shiftIndex(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8)
    expect(shiftIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5)
    expect(shiftIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(shiftIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3)
    expect(shiftIndex(2, [{ retain: 6 }, { delete: 1 }])).toBe(2)
    // "hello world" → "heXY world" with the caret after "hello": it stays before " world".
    expect(shiftIndex(5, [{ retain: 2 }, { delete: 3 }, { insert: 'XY' }])).toBe(4)
  })

  it('keeps the caret next to the same letter after any edit elsewhere', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 20 }), fc.nat(), fc.boolean(), (before, after, at, deleteFirst) => {
        const caret = at % (before.length + 1)
        const edit = textEdit(before, after)
        if (!edit) return
        // Y.Text reports a replacement as delete-then-insert or insert-then-delete, depending on how it was written.
        const change: TextDeltaStep[] = deleteFirst ? [{ delete: edit.deleteCount }, { insert: edit.insert }] : [{ insert: edit.insert }, { delete: edit.deleteCount }]
        const delta: TextDeltaStep[] = [{ retain: edit.index }, ...change].filter(
          (step) => (step.retain ?? step.delete ?? (step.insert as string).length) > 0,
        )
        const moved = shiftIndex(caret, delta)
        if (caret <= edit.index) expect(moved).toBe(caret)
        else if (caret >= edit.index + edit.deleteCount) {
          expect(moved).toBe(caret - edit.deleteCount + edit.insert.length)
          expect(after.slice(moved)).toBe(before.slice(caret))
        } else {
          // Inside text someone replaced: somewhere in what replaced it.
          expect(moved).toBeGreaterThanOrEqual(edit.index)
          expect(moved).toBeLessThanOrEqual(edit.index + edit.insert.length)
        }
      }),
    )
  })

  it('agrees with the delta Y.Text reports for a colleague’s typing', () => {
    const doc = new Y.Doc()
    const text = doc.getText('notes')
    text.insert(0, 'Reg fell on Tuesday')
    let delta: TextDeltaStep[] = []
    text.observe((event) => (delta = event.delta as TextDeltaStep[]))
    type(text, 'Reg fell badly on Tuesday')
    expect(shiftIndex('Reg fell on '.length, delta)).toBe('Reg fell badly on '.length)
  })
})
