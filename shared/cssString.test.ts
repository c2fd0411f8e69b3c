import { describe, expect, it } from 'vitest'
import { cssString } from './cssString'

describe('cssString', () => {
  it('keeps letters, digits and spaces, and escapes everything else so the string cannot be broken out of', () => {
    expect(cssString('Joan Smith 1944')).toBe('"Joan Smith 1944"')
    expect(cssString('O"Brien\\')).toBe('"O\\22 Brien\\5c "')
    expect(cssString('Zoë’s plan · 4 March')).toBe('"Zoë\\2019 s plan \\b7  4 March"')
    expect(cssString('a\n}b')).toBe('"a\\a \\7d b"')
  })
})
