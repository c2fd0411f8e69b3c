/**
 * NHS numbers: ten digits, the last a modulus-11 check digit (NHS Data Dictionary, "NHS NUMBER").
 * People type them with spaces or dashes (999 876 5439), so those are accepted and normalised.
 *
 * The check digit only catches typing slips: 0000000000 and 4444444444 pass it, yet no one holds
 * them. So a number must also lie in a range NHS numbers are issued from. Sources, honestly:
 * these ranges are not in the NHS Data Dictionary entry; they come from the Wikipedia article
 * "NHS number" (section "Format, number ranges, and check characters", read December 2026) and
 * agree with the ranges the `nhs-number` Rust crate documents (docs/ranges/README.md), which
 * cites the same article. Neither is an NHS England publication, so if NHS England publishes
 * different ranges, follow them and change ISSUED below.
 *   - England, Wales and the Isle of Man issue 400 000 000x–499 999 999x and 600 000 000x–799 999 999x.
 *   - Scotland's CHI numbers (010 100 0000–311 299 9999, starting with the date of birth) and
 *     Northern Ireland's Health and Care numbers (320 000 0000–399 999 9999) share the format
 *     but are different schemes; this box asks for an NHS number, so they are named and refused.
 *     (Wikipedia also says some English numbers start with 3; it gives no range we could check,
 *     and 3xx overlaps both schemes above, so they are refused too. See the README.)
 *   - 999 000 0000–999 999 9999 is kept for testing (NHS England's test patients use it):
 *     accepted, so demonstrations and training never need a real person's number.
 */

export type NhsNumberCheck = { ok: true; digits: string; formatted: string } | { ok: false; message: string }

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2]

/** The first three digits of numbers that may be held, inclusive. */
export const ISSUED_RANGES: readonly { from: number; to: number; who: string }[] = [
  { from: 400, to: 499, who: 'England, Wales and the Isle of Man' },
  { from: 600, to: 799, who: 'England, Wales and the Isle of Man' },
  { from: 999, to: 999, who: 'NHS test and training records' },
]

export const EXAMPLE_NHS_NUMBER = '999 876 5439'

export function checkDigitFor(firstNine: string): number | null {
  const total = WEIGHTS.reduce((sum, weight, index) => sum + weight * Number(firstNine[index]), 0)
  const check = 11 - (total % 11)
  if (check === 11) return 0
  if (check === 10) return null // no valid NHS number has these nine digits
  return check
}

export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
}

export function isInIssuedRange(digits: string): boolean {
  const prefix = Number(digits.slice(0, 3))
  return ISSUED_RANGES.some((range) => prefix >= range.from && prefix <= range.to)
}

function outOfRangeMessage(digits: string): string {
  const firstFour = Number(digits.slice(0, 4))
  if (firstFour >= 3200 && firstFour <= 3999) {
    return 'This looks like a Northern Ireland Health and Care number (they start 320 to 399), not an NHS number. Enter the person’s NHS number, or leave this empty and keep the H&C number in the GP record.'
  }
  if (firstFour >= 101 && firstFour <= 3112) {
    return 'This looks like a Scottish CHI number (it starts with a date of birth), not an NHS number. Enter the person’s NHS number, or leave this empty and keep the CHI number in the GP record.'
  }
  return 'No one holds an NHS number starting with these digits: NHS numbers start 400 to 499 or 600 to 799 (999 for test records). Check it against a letter or the GP record.'
}

export function checkNhsNumber(input: string): NhsNumberCheck {
  const digits = input.replace(/[\s-]/g, '')
  if (!/^\d+$/.test(digits)) {
    return { ok: false, message: `An NHS number has only digits, for example ${EXAMPLE_NHS_NUMBER}.` }
  }
  if (digits.length !== 10) {
    return { ok: false, message: `An NHS number has 10 digits; this has ${digits.length}.` }
  }
  if (/^(\d)\1{9}$/.test(digits)) {
    return { ok: false, message: 'An NHS number is never one digit ten times; this looks like a placeholder. Enter the real number, or leave this empty.' }
  }
  if (checkDigitFor(digits.slice(0, 9)) !== Number(digits[9])) {
    return {
      ok: false,
      message: 'This is not a valid NHS number: the last digit does not match. Check it against a letter or the GP record.',
    }
  }
  if (!isInIssuedRange(digits)) return { ok: false, message: outOfRangeMessage(digits) }
  return { ok: true, digits, formatted: formatNhsNumber(digits) }
}
