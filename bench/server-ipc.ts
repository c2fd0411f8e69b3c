/** What the benchmark's parent process and its child processes (servers, reopen) say to each other over IPC. */

export type ServerKind = 'roundtable' | 'reference'

export const SERVER_KINDS: readonly ServerKind[] = ['roundtable', 'reference']

/** The Roundtable hub's admin token in the benchmark; the reference server ignores it. */
export const BENCH_TOKEN = 'bench-token-0123456789abcdef'

export interface CpuTime {
  userMs: number
  systemMs: number
}

export type ParentMessage = { type: 'cpu' } | { type: 'stop' }

export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'cpu'; cpu: CpuTime }
  | { type: 'reopened'; totalMs: number; textLength: number }

export function isChildMessage(value: unknown): value is ChildMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

export function isParentMessage(value: unknown): value is ParentMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}
