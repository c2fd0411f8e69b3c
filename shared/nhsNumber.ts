/**
 * NHS numbers: ten digits, the last a modulus-11 check digit (NHS Data Dictionary, "NHS NUMBER").
 * People type them with spaces or dashes (943 476 5919), so those are accepted and normalised.
 */

export type NhsNumberCheck = { ok: true; digits: string; formatted: string } | { ok: false; message: string }

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2]

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

export function checkNhsNumber(input: string): NhsNumberCheck {
  const digits = input.replace(/[\s-]/g, '')
  if (!/^\d+$/.test(digits)) {
    return { ok: false, message: 'An NHS number has only digits, for example 943 476 5919.' }
  }
  if (digits.length !== 10) {
    return { ok: false, message: `An NHS number has 10 digits; this has ${digits.length}.` }
  }
  if (checkDigitFor(digits.slice(0, 9)) !== Number(digits[9])) {
    return {
      ok: false,
      message: 'This is not a valid NHS number: the last digit does not match. Check it against a letter or the GP record.',
    }
  }
  return { ok: true, digits, formatted: formatNhsNumber(digits) }
}
