import { describe, expect, it } from 'vitest'
import { agencyForOwner, agencyProblem, ownerFact } from './owners'

describe('who owns an action', () => {
  it('a professional owner needs an agency; a personal contact does not', () => {
    expect(agencyProblem('professional', ' ')).toMatch(/Enter the agency or organisation responsible/)
    expect(agencyProblem('professional', 'GP')).toBeNull()
    expect(agencyProblem('personal', '')).toBeNull()
  })

  it('someone new to the care team: their organisation becomes the agency unless one was typed', () => {
    expect(agencyForOwner('', 'Citizens Advice')).toBe('Citizens Advice')
    expect(agencyForOwner('Age UK', 'Citizens Advice')).toBe('Age UK')
  })

  it('choosing an owner from the list fills an empty agency with their organisation, and never replaces a typed one', () => {
    expect(agencyForOwner('  ', 'Community nursing')).toBe('Community nursing')
    expect(agencyForOwner('', '')).toBe('')
    expect(agencyForOwner('GP surgery', '')).toBe('GP surgery')
  })

  it('a card shows a personal contact’s relationship instead of an agency', () => {
    expect(ownerFact('Daughter', '')).toEqual({ label: 'Relationship', value: 'Daughter' })
    expect(ownerFact(null, 'GP')).toEqual({ label: 'Agency', value: 'GP' })
    expect(ownerFact(null, '')).toBeNull()
  })
})
