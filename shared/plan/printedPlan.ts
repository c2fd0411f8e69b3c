import { formatNhsNumber } from '../nhsNumber'
import { formatDay, localDay } from './dates'
import type { Person } from './fields'
import type { Agreement } from './versions'

/**
 * What every printed page of a plan carries, so a loose page is never mistaken for someone else's:
 * the person's name and NHS number, the date it was printed, which version it is, and (added by the
 * print styles) "Page 1 of 3".
 */

/** The text of a printed page's margins; the page number is added by the print styles. */
export interface PageMargins {
  topLeft: string
  topRight: string
  bottomLeft: string
}

/** The calendar day a plan was agreed, where the reader is, as "1 December 2026" ('' if unreadable). */
export function agreedDay(agreement: Agreement): string {
  const when = new Date(agreement.agreedAt)
  return Number.isNaN(when.getTime()) ? '' : formatDay(localDay(when))
}

/** Which version a printout is: "Agreed with Joan Smith (The person) on 1 December 2026; changed since". */
export function versionLine(agreement: Agreement | null, changedSinceAgreed: boolean | null): string {
  if (!agreement) return 'Not yet agreed'
  const day = agreedDay(agreement)
  const agreed = `Agreed with ${agreement.agreedBy} (${agreement.relation})${day ? ` on ${day}` : ''}`
  return changedSinceAgreed ? `${agreed}; changed since` : agreed
}

/** The full plan's page margins: who it is about, when it was printed, which version. */
export function planPageMargins(person: Person, agreement: Agreement | null, changedSinceAgreed: boolean | null, today: string): PageMargins {
  const who = [person.name || 'Name not recorded', person.nhsNumber ? `NHS number ${formatNhsNumber(person.nhsNumber)}` : 'NHS number not recorded']
  if (person.dateOfBirth) who.push(`Born ${formatDay(person.dateOfBirth)}`)
  return {
    topLeft: who.join(' · '),
    topRight: `Printed ${formatDay(today)}`,
    bottomLeft: versionLine(agreement, changedSinceAgreed),
  }
}
