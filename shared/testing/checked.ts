/**
 * For tests only: the id a command gave back, or a failure that says what the command answered.
 * Commands answer `{ ok, value }` or `{ ok: false, errors }` (shared/plan/fields.ts Checked).
 */
export function idOf(result: { ok: boolean; value?: unknown }): string {
  if (!result.ok || typeof result.value !== 'string' || result.value === '') throw new Error(`expected ok with an id, got ${JSON.stringify(result)}`)
  return result.value
}
