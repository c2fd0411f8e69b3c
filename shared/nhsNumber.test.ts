import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkDigitFor, checkNhsNumber } from './nhsNumber'

describe('NHS number check (modulus 11)', () => {
  it('accepts valid numbers typed with or without spaces and dashes', () => {
    for (const typed of ['9434765919', '943 476 5919', '943-476-5919', '4010232137']) {
      expect(checkNhsNumber(typed)).toEqual({ ok: true, digits: typed.replace(/[\s-]/g, ''), formatted: expect.any(String) })
    }
    expect(checkNhsNumber('9434765919')).toMatchObject({ formatted: '943 476 5919' })
  })

  it('refuses a wrong check digit, a wrong length and letters, each with its own message', () => {
    expect(checkNhsNumber('9434765918')).toMatchObject({ ok: false, message: expect.stringMatching(/last digit/) })
    expect(checkNhsNumber('943476591')).toMatchObject({ ok: false, message: expect.stringMatching(/10 digits; this has 9/) })
    expect(checkNhsNumber('94347659I9')).toMatchObject({ ok: false, message: expect.stringMatching(/only digits/) })
  })

  it('property: changing any one digit of a valid number makes it invalid', () => {
    const validNumber = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
      .map((nine) => nine.join(''))
      .filter((nine) => checkDigitFor(nine) !== null)
      .map((nine) => nine + String(checkDigitFor(nine)))
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (number, position, shift) => {
        expect(checkNhsNumber(number).ok).toBe(true)
        const changed = number.slice(0, position) + ((Number(number[position]) + shift) % 10) + number.slice(position + 1)
        expect(checkNhsNumber(changed).ok).toBe(false)
      }),
    )
  })
})
