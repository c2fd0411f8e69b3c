import { describe, expect, it } from 'vitest'
import { isHubUrl, isSafeExternalUrl, isTrustedSender, originOf, vetExternalUrl, withContentSecurityPolicy } from './url-policy'

describe('isSafeExternalUrl', () => {
  it('accepts plain https links', () => {
    expect(isSafeExternalUrl('https://www.nhs.uk/conditions/dementia/')).toBe(true)
    expect(isSafeExternalUrl('https://example.org/a?b=c#d')).toBe(true)
  })

  it.each([
    ['http', 'http://www.nhs.uk/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['smb share', 'smb://server/share'],
    ['mailto', 'mailto:someone@nhs.net'],
    ['relative', '/conditions'],
    ['protocol-relative', '//www.nhs.uk/'],
    ['empty', ''],
    ['not a URL', 'nhs uk'],
  ])('refuses %s', (_name, url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it('refuses credentials, which hide the real host', () => {
    expect(isSafeExternalUrl('https://www.nhs.uk@evil.example/')).toBe(false)
    expect(isSafeExternalUrl('https://user:pass@www.nhs.uk/')).toBe(false)
  })

  it('refuses non-strings and very long URLs', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false)
    expect(isSafeExternalUrl(42)).toBe(false)
    expect(isSafeExternalUrl({ href: 'https://www.nhs.uk/' })).toBe(false)
    expect(isSafeExternalUrl(`https://www.nhs.uk/${'a'.repeat(3000)}`)).toBe(false)
  })

  it('with an allow-list, accepts the hosts and their subdomains only', () => {
    const options = { allowedHosts: ['nhs.uk', 'england.nhs.uk'] }
    expect(isSafeExternalUrl('https://nhs.uk/', options)).toBe(true)
    expect(isSafeExternalUrl('https://www.nhs.uk/', options)).toBe(true)
    expect(isSafeExternalUrl('https://www.england.nhs.uk/personalisedcare/', options)).toBe(true)
    expect(isSafeExternalUrl('https://WWW.NHS.UK/', options)).toBe(true)
    expect(isSafeExternalUrl('https://evilnhs.uk/', options)).toBe(false)
    expect(isSafeExternalUrl('https://nhs.uk.evil.example/', options)).toBe(false)
    expect(isSafeExternalUrl('https://example.org/', options)).toBe(false)
  })

  it('returns the normalised URL that was checked, which is what gets opened', () => {
    expect(vetExternalUrl('https://WWW.nhs.uk/a b')).toBe('https://www.nhs.uk/a%20b')
    expect(vetExternalUrl('https://www.nhs\n.uk/')).toBe('https://www.nhs.uk/')
  })
})

describe('isTrustedSender', () => {
  const hub = 'http://127.0.0.1:4455'

  it('accepts any page on the hub origin', () => {
    expect(isTrustedSender('http://127.0.0.1:4455/?token=abc', hub)).toBe(true)
    expect(isTrustedSender('http://127.0.0.1:4455/board/x#y', hub)).toBe(true)
    expect(isTrustedSender('http://127.0.0.1:4455/', 'http://127.0.0.1:4455/')).toBe(true)
  })

  it.each([
    ['another port', 'http://127.0.0.1:4456/'],
    ['another host', 'http://localhost:4455/'],
    ['https', 'https://127.0.0.1:4455/'],
    ['a lookalike host', 'http://127.0.0.1.evil.example:4455/'],
    ['credentials trick', 'http://127.0.0.1:4455@evil.example/'],
    ['file', 'file:///work/main/out/renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['data', 'data:text/html,hi'],
    ['empty', ''],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender(url, hub)).toBe(false)
  })

  it('refuses missing URLs and a broken hub origin', () => {
    expect(isTrustedSender(null, hub)).toBe(false)
    expect(isTrustedSender(undefined, hub)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:4455/', 'not a url')).toBe(false)
  })
})

describe('origins', () => {
  it('gives null for URLs with no real origin', () => {
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('file:///x')).toBeNull()
    expect(originOf('::')).toBeNull()
    expect(isHubUrl('http://127.0.0.1:80/', 'http://127.0.0.1')).toBe(true)
  })
})

describe('withContentSecurityPolicy', () => {
  it('replaces every CSP header whatever its case, keeping the others', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html', 'CONTENT-SECURITY-POLICY': 'x' },
      "default-src 'self'",
    )
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] })
  })

  it('adds one when there was none', () => {
    expect(withContentSecurityPolicy(undefined, "default-src 'none'")).toEqual({ 'Content-Security-Policy': ["default-src 'none'"] })
  })
})
