import { describe, expect, it } from 'vitest'
import { planPageMargins, versionLine } from './printedPlan'
import type { Agreement } from './versions'

const person = { name: 'Joan Smith', preferredName: '', dateOfBirth: '1944-03-04', nhsNumber: '9998765439', gpPractice: '', communicationNeeds: '' }
const agreement: Agreement = {
  agreedBy: 'Joan Smith', relation: 'The person', how: 'At home', reviewDate: '2027-02-23', reviewer: 'Sam Patel',
  agreedAt: '2026-11-20T12:00:00.000Z', recordedBy: 'Dee', versionId: 'v1',
}

describe('a printed plan’s pages', () => {
  it('carry the name, NHS number, date of birth, the day printed and the version agreed', () => {
    expect(planPageMargins(person, agreement, false, '2026-12-02')).toEqual({
      topLeft: 'Joan Smith · NHS number 999 876 5439 · Born 4 March 1944',
      topRight: 'Printed 2 December 2026',
      bottomLeft: 'Agreed with Joan Smith (The person) on 20 November 2026',
    })
  })

  it('say plainly what is missing rather than leave a gap, and when the plan has changed since it was agreed', () => {
    const margins = planPageMargins({ ...person, name: '', nhsNumber: '', dateOfBirth: '' }, null, null, '2026-12-02')
    expect(margins.topLeft).toBe('Name not recorded · NHS number not recorded')
    expect(margins.bottomLeft).toBe('Not yet agreed')
    expect(versionLine(agreement, true)).toBe('Agreed with Joan Smith (The person) on 20 November 2026; changed since')
  })
})
