/** A document id names one board (a plan or a workshop) on the hub and in URLs. */
export const DOC_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isValidDocId(value: unknown): value is string {
  return typeof value === 'string' && DOC_ID_PATTERN.test(value)
}

/** A fresh, unguessable id; hyphen-free so it reads cleanly in a URL. */
export function newDocId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '')
}
