/**
 * Pure URL rules behind the Electron security settings in security.ts and the IPC checks in
 * handlers.ts. No Electron import, so they run (and are unit-tested) in plain Node, and the
 * renderer's type-check can follow the bridge types through here.
 */

/** Longest URL we will hand to the operating system. */
export const MAX_EXTERNAL_URL_LENGTH = 2048

export interface ExternalUrlOptions {
  /**
   * Hosts a link may go to; each entry also allows its subdomains ("nhs.uk" allows
   * "www.nhs.uk" but not "evilnhs.uk"). Undefined: any host.
   */
  allowedHosts?: readonly string[]
}

/** The origin of `url` ("scheme://host:port"), or null when it does not parse or has no real origin. */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

/** True when `url` is on exactly the hub's origin (scheme, host and port all equal). */
export function isHubUrl(url: string, hubOrigin: string): boolean {
  const expected = originOf(hubOrigin)
  return expected !== null && originOf(url) === expected
}

/**
 * The normalised form of a link that is safe to give to shell.openExternal, or null.
 * Safe means: a string of sensible length that parses as an absolute https URL, with a host,
 * with no user name or password in it (those hide the real host: https://nhs.uk@evil.example),
 * and, when an allow-list is given, on one of its hosts. The caller opens the returned string,
 * never the raw input, so what was checked is exactly what is opened.
 */
export function vetExternalUrl(url: unknown, options: ExternalUrlOptions = {}): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:') return null
  if (parsed.username !== '' || parsed.password !== '') return null
  const host = parsed.hostname.toLowerCase()
  if (host === '') return null
  if (options.allowedHosts) {
    const allowed = options.allowedHosts.some((entry) => {
      const wanted = entry.toLowerCase()
      return host === wanted || host.endsWith(`.${wanted}`)
    })
    if (!allowed) return null
  }
  return parsed.href
}

/** See vetExternalUrl. */
export function isSafeExternalUrl(url: unknown, options: ExternalUrlOptions = {}): boolean {
  return vetExternalUrl(url, options) !== null
}

/**
 * Whether an IPC message comes from our own page: the frame's URL must be on the hub's origin.
 * (The top-frame part of the rule is checked by the caller, which has the frame object.)
 */
export function isTrustedSender(frameUrl: string | null | undefined, hubOrigin: string): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') return false
  return isHubUrl(frameUrl, hubOrigin)
}

/**
 * Response headers with every Content-Security-Policy header (any capitalisation) replaced by
 * `policy`. Used by session.webRequest.onHeadersReceived.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue
    result[name] = Array.isArray(value) ? value : [value]
  }
  result['Content-Security-Policy'] = [policy]
  return result
}
