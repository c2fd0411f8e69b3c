import * as Y from 'yjs'
import type { DocumentLabel } from '../electron/hub/store'
import { seededRandom } from './stats'

export const BENCH_LABEL: DocumentLabel = { kind: 'plan', title: 'Benchmark plan' }
const LETTERS = 'abcdefghijklmnopqrstuvwxyz '

export interface TypingUpdates {
  /** Yjs updates in the order they were made: first the board's meta, then one per typed character. */
  updates: Uint8Array[]
  /** Length of the `body` text after applying every update, to check a reload got everything. */
  finalTextLength: number
  /** Total bytes of all updates. */
  totalBytes: number
}

/**
 * Realistic small updates: someone typing into a Y.Text one character at a time, each keystroke its own
 * transaction (as the hub receives them), mostly at the cursor with an occasional jump elsewhere.
 */
export function generateTypingUpdates(count: number, seed: number): TypingUpdates {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  doc.transact(() => {
    doc.getMap('meta').set('kind', BENCH_LABEL.kind)
    doc.getMap('meta').set('title', BENCH_LABEL.title)
  })
  const text = doc.getText('body')
  const random = seededRandom(seed)
  let cursor = 0
  while (updates.length < count) {
    if (random() < 0.05) cursor = Math.floor(random() * (text.length + 1))
    text.insert(cursor, LETTERS[Math.floor(random() * LETTERS.length)])
    cursor++
  }
  const finalTextLength = text.length
  doc.destroy()
  const totalBytes = updates.reduce((total, update) => total + update.byteLength, 0)
  return { updates, finalTextLength, totalBytes }
}
