import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkDigitFor, checkNhsNumber, isInIssuedRange } from './nhsNumber'

/** Nine digits starting with `prefix` (three digits) that have a check digit, made into a whole number. */
function numberStarting(prefix: number) {
  return fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 })
    .map((six) => String(prefix).padStart(3, '0') + six.join(''))
    .filter((nine) => checkDigitFor(nine) !== null)
    .map((nine) => nine + String(checkDigitFor(nine)))
}
const issuedPrefix = fc.oneof(fc.integer({ min: 400, max: 499 }), fc.integer({ min: 600, max: 799 }), fc.constant(999))
const validNumber = issuedPrefix.chain(numberStarting).filter((number) => !/^(\d)\1{9}$/.test(number))

describe('NHS number check (modulus 11 and issued ranges)', () => {
  it('accepts valid numbers typed with or without spaces and dashes, including the 999 test range', () => {
    for (const typed of ['9998765439', '999 876 5439', '999-876-5439', '4010232137', '485 777 3457']) {
      expect(checkNhsNumber(typed)).toEqual({ ok: true, digits: typed.replace(/[\s-]/g, ''), formatted: expect.any(String) })
    }
    expect(checkNhsNumber('9998765439')).toMatchObject({ formatted: '999 876 5439' })
  })

  it('refuses a wrong check digit, a wrong length and letters, each with its own message', () => {
    expect(checkNhsNumber('9998765438')).toMatchObject({ ok: false, message: expect.stringMatching(/last digit/) })
    expect(checkNhsNumber('999876543')).toMatchObject({ ok: false, message: expect.stringMatching(/10 digits; this has 9/) })
    expect(checkNhsNumber('99987654E9')).toMatchObject({ ok: false, message: expect.stringMatching(/only digits/) })
  })

  it('refuses one digit ten times, though 0000000000, 4444444444 and 9999999999 pass modulus 11', () => {
    for (const digit of '0123456789') {
      const number = digit.repeat(10)
      expect(checkNhsNumber(number)).toMatchObject({ ok: false, message: expect.stringMatching(/one digit ten times/) })
    }
    expect(checkDigitFor('000000000')).toBe(0)
    expect(checkDigitFor('444444444')).toBe(4)
  })

  it('refuses numbers outside the issued ranges, naming Scottish CHI and Northern Irish H&C numbers', () => {
    // 943 476 5919 is the usual worked example of the check digit, but no one can hold it.
    expect(checkNhsNumber('9434765919')).toMatchObject({ ok: false, message: expect.stringMatching(/No one holds an NHS number starting with these digits/) })
    expect(checkNhsNumber('1234567881')).toMatchObject({ ok: false, message: expect.stringMatching(/Scottish CHI number/) })
    expect(checkNhsNumber('3200000015')).toMatchObject({ ok: false, message: expect.stringMatching(/Northern Ireland Health and Care/) })
    expect(checkNhsNumber('5000000005')).toMatchObject({ ok: false, message: expect.stringMatching(/start 400 to 499 or 600 to 799 \(999 for test records\)/) })
    expect(checkNhsNumber('8000000008')).toMatchObject({ ok: false })
  })

  it('has its range edges where the sources put them', () => {
    const edges: [string, boolean][] = [['3999999999', false], ['4000000000', true], ['4999999999', true], ['5000000000', false], ['5999999999', false], ['6000000000', true], ['7999999999', true], ['8000000000', false], ['9989999999', false], ['9990000000', true]]
    for (const [digits, issued] of edges) expect([digits, isInIssuedRange(digits)]).toEqual([digits, issued])
  })

  it('property: every number in an issued range with the right check digit is accepted, and changing any one digit refuses it', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (number, position, shift) => {
        expect(checkNhsNumber(number).ok).toBe(true)
        const changed = number.slice(0, position) + ((Number(number[position]) + shift) % 10) + number.slice(position + 1)
        expect(checkNhsNumber(changed).ok).toBe(false)
      }),
    )
  })

  it('property: a number outside the issued ranges is refused whatever its check digit', () => {
    const outside = fc.oneof(fc.integer({ min: 0, max: 399 }), fc.integer({ min: 500, max: 599 }), fc.integer({ min: 800, max: 998 }))
    fc.assert(
      fc.property(outside.chain(numberStarting), (number) => {
        expect(checkNhsNumber(number).ok).toBe(false)
      }),
    )
  })
})
