import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { hubOrigins, isAllowedOrigin } from './origins'
import { resolveInside } from './http'

describe('resolveInside', () => {
  const root = join('/srv', 'app')
  it('maps URL paths to files inside the root', () => {
    expect(resolveInside(root, '/')).toBe(root + '/')
    expect(resolveInside(root, '/assets/app.js')).toBe(join(root, 'assets/app.js'))
  })
  it('refuses anything that would leave the root', () => {
    for (const path of ['/../secret', '/%2e%2e/secret', '/assets/%2e%2e/%2e%2e/x', '/a%00b', '/%E0%A4%A']) {
      expect(resolveInside(root, path)).toBeNull()
    }
  })
})

describe('hub origins', () => {
  it('allow the hub’s own loopback origins and configured extras, and refuse other sites', () => {
    const allowed = hubOrigins('127.0.0.1', 4455, ['app://roundtable'])
    expect(isAllowedOrigin('http://127.0.0.1:4455', allowed)).toBe(true)
    expect(isAllowedOrigin('http://localhost:4455', allowed)).toBe(true)
    expect(isAllowedOrigin('app://roundtable', allowed)).toBe(true)
    expect(isAllowedOrigin('http://localhost:4456', allowed)).toBe(false)
    expect(isAllowedOrigin('https://evil.example', allowed)).toBe(false)
    expect(isAllowedOrigin(undefined, allowed)).toBe(true)
  })
})
