/**
 * The cost of encryption at rest: the same DocumentStore work on an unencrypted store and on an
 * encrypted one (SQLCipher 4, raw 256-bit key), in one run, alternating which goes first so
 * background load falls on both. Appends are the hub's one-transaction-per-update writes; reopening
 * is DocumentStore.open (which now checks the key and every page with quick_check) plus reading
 * the document's rows.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DATABASE_FILE_NAME, DocumentStore } from '../electron/hub/store'
import type { DataKey } from '../electron/hub/store-key'
import { count, ms, ratio, table } from './format'
import { describe, median, type Distribution } from './stats'
import { BENCH_LABEL, generateTypingUpdates } from './updates'

/** The data key the benchmarks' stores are encrypted with, as the app's are (a real key is 32 random bytes). */
export const BENCH_DATA_KEY = Buffer.alloc(32, 0xbe)

export interface EncryptionSettings {
  /** Updates appended per round, per store. */
  updatesPerRound: number
  rounds: number
  reopenRepetitions: number
}

export interface EncryptionCase {
  name: string
  /** Median over the rounds. */
  appendsPerSecond: number
  reopenMs: Distribution
  fileBytes: number
}

export interface EncryptionFigures {
  settings: EncryptionSettings
  storedRows: number
  plain: EncryptionCase
  encrypted: EncryptionCase
}

const DOC_ID = 'encryption-bench'

function appendRound(dir: string, key: DataKey | null, updates: readonly Uint8Array[]): number {
  const store = DocumentStore.open(dir, { dataKey: key })
  const started = performance.now()
  for (const update of updates) store.appendUpdate(DOC_ID, update, BENCH_LABEL, new Date())
  const seconds = (performance.now() - started) / 1000
  store.close()
  return updates.length / seconds
}

function reopenOnce(dir: string, key: DataKey | null, expectedRows: number): number {
  const started = performance.now()
  const store = DocumentStore.open(dir, { dataKey: key })
  const { loggedCount } = store.load(DOC_ID)
  const elapsed = performance.now() - started
  store.close()
  if (loggedCount !== expectedRows) throw new Error(`reopen read ${loggedCount} of ${expectedRows} rows`)
  return elapsed
}

export function measureEncryption(workDir: string, settings: EncryptionSettings, log: (message: string) => void): EncryptionFigures {
  const total = settings.updatesPerRound * settings.rounds
  log(`encryption: appending ${count(total)} updates to an unencrypted and an encrypted store, ${settings.rounds} rounds`)
  const updates = generateTypingUpdates(total, 3).updates
  const cases = [
    { name: 'Unencrypted', key: null, dir: join(workDir, 'plain'), rates: [] as number[], reopen: [] as number[] },
    { name: 'Encrypted (SQLCipher 4)', key: BENCH_DATA_KEY, dir: join(workDir, 'encrypted'), rates: [] as number[], reopen: [] as number[] },
  ]
  for (const each of cases) mkdirSync(each.dir, { recursive: true })
  for (let round = 0; round < settings.rounds; round++) {
    const batch = updates.slice(round * settings.updatesPerRound, (round + 1) * settings.updatesPerRound)
    for (const each of round % 2 === 0 ? cases : [...cases].reverse()) each.rates.push(appendRound(each.dir, each.key, batch))
  }
  log(`encryption: reopening each store (${count(total)} rows) ${settings.reopenRepetitions} times`)
  for (let repetition = 0; repetition < settings.reopenRepetitions; repetition++) {
    for (const each of repetition % 2 === 0 ? cases : [...cases].reverse()) each.reopen.push(reopenOnce(each.dir, each.key, total))
  }
  const [plain, encrypted] = cases.map((each) => ({
    name: each.name,
    appendsPerSecond: median(each.rates),
    reopenMs: describe(each.reopen),
    fileBytes: statSync(join(each.dir, DATABASE_FILE_NAME)).size,
  }))
  for (const each of cases) rmSync(each.dir, { recursive: true, force: true })
  return { settings, storedRows: total, plain, encrypted }
}

export function renderEncryption(figures: EncryptionFigures): { markdown: string; summary: string } {
  const { plain, encrypted } = figures
  const row = (each: EncryptionCase): string[] => [
    each.name,
    count(each.appendsPerSecond),
    ms(each.reopenMs.p50),
    ms(each.reopenMs.max),
    `${(each.fileBytes / 1024 / 1024).toFixed(1)} MB`,
  ]
  const markdown = [
    '## Encryption at rest',
    '',
    `The same store work on an unencrypted store and an encrypted one (SQLCipher 4 through better-sqlite3-multiple-ciphers, ` +
      `a raw 256-bit key, so no key derivation), in one run, alternating which goes first. Appends: ` +
      `${count(figures.settings.updatesPerRound)} single-character Yjs updates per round, one transaction each as the hub writes ` +
      `them, ${figures.settings.rounds} rounds (median rate). Reopen: DocumentStore.open, which checks the key and every page ` +
      `(quick_check) before use, then reading all ${count(figures.storedRows)} rows; ${figures.settings.reopenRepetitions} times each.`,
    '',
    table(['Store', 'Appends/s', 'Reopen p50 (ms)', 'Reopen max (ms)', 'File'], [row(plain), row(encrypted)]),
    '',
    `Encrypted vs unencrypted: appends ${ratio(encrypted.appendsPerSecond / plain.appendsPerSecond)} the rate, ` +
      `reopen ${ratio(encrypted.reopenMs.p50 / plain.reopenMs.p50)} the time.`,
    '',
  ].join('\n')
  const summary =
    `Encryption: ${count(encrypted.appendsPerSecond)} appends/s encrypted vs ${count(plain.appendsPerSecond)} unencrypted; ` +
    `reopen ${ms(encrypted.reopenMs.p50)} ms vs ${ms(plain.reopenMs.p50)} ms (${count(figures.storedRows)} rows)`
  return { markdown, summary }
}
