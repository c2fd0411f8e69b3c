import { describe, expect, it } from 'vitest'
import { formHasChanges } from './formChanges'

describe('whether a form has changes to lose', () => {
  const opened = { text: 'Sleeps well', voice: 'person', keyWorker: false }

  it('has none when nothing differs from what it opened with', () => {
    expect(formHasChanges(opened, { ...opened })).toBe(false)
    expect(formHasChanges({}, {})).toBe(false)
  })

  it('has some when text, a choice or a tick differs', () => {
    expect(formHasChanges(opened, { ...opened, text: 'Sleeps well most nights' })).toBe(true)
    expect(formHasChanges(opened, { ...opened, voice: 'professional' })).toBe(true)
    expect(formHasChanges(opened, { ...opened, keyWorker: true })).toBe(true)
    expect(formHasChanges(opened, { ...opened, text: '' })).toBe(true)
  })

  it('counts a field filled in that the form did not start with (a new owner’s name)', () => {
    expect(formHasChanges(opened, { ...opened, newOwnerName: 'Pat Lee' })).toBe(true)
  })

  it('does not count spaces around words, or empty against missing or unticked', () => {
    expect(formHasChanges(opened, { ...opened, text: '  Sleeps well ' })).toBe(false)
    expect(formHasChanges({ text: '' }, { text: '   ' })).toBe(false)
    expect(formHasChanges({ text: '' }, {})).toBe(false)
    expect(formHasChanges({ keyWorker: false }, { keyWorker: '' })).toBe(false)
    expect(formHasChanges({}, { newOwnerName: '' })).toBe(false)
  })
})
