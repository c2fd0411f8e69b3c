import { describe, expect, it } from 'vitest'
import { provideRandomUUID, uuidFromRandomBytes, type RandomSource } from './randomUUID'

describe('randomUUID on an origin that lacks it (http://<LAN address>)', () => {
  it('lays random bytes out as a version 4 UUID', () => {
    expect(uuidFromRandomBytes(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
    expect(uuidFromRandomBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000')
  })

  it('fills in a missing randomUUID from getRandomValues and leaves a present one alone', () => {
    const without: RandomSource = { getRandomValues: (array: Uint8Array) => globalThis.crypto.getRandomValues(array) }
    provideRandomUUID(without)
    const ids = new Set(Array.from({ length: 100 }, () => without.randomUUID!()))
    expect(ids.size).toBe(100)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const own = () => '11111111-1111-4111-8111-111111111111' as const
    const withOwn: RandomSource = { randomUUID: own, getRandomValues: (array) => array }
    provideRandomUUID(withOwn)
    expect(withOwn.randomUUID).toBe(own)
  })
})
