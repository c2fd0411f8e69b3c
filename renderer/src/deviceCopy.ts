import type * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { deviceCopyName, storedHoldsAll } from '../../shared/deviceCopy'

/**
 * The copy of a board this device keeps while a window has changes the hub has not stored, so an
 * edit made while the hub is down survives a closed tab, and reopening the plan here shows it.
 *
 * Plans hold patient data and a browser's IndexedDB is not encrypted, so the copy exists only while
 * it is needed. It starts with this window's first change the hub lacks: y-indexeddb then writes the
 * whole Y.Doc (so the copy can be shown on its own) and every update after it. Once the hub has stored
 * everything, the copy stops and its rows are cleared. Windows of one board on this device share one
 * database, so a window clears only when the hub holds every row in it: never another window's
 * unsent changes.
 */

/** y-indexeddb's layout: one row per Yjs update, plus a key-value store it offers (unused here). */
const UPDATES = 'updates'
const CUSTOM = 'custom'

export class DeviceCopy {
  readonly name: string
  private persistence: IndexeddbPersistence | null = null
  private destroyed = false
  private broken = typeof indexedDB === 'undefined'
  private readonly closed: Promise<false>
  private close: () => void = () => {}

  /** `onUnavailable` is called once if this browser will not store the copy (private modes, storage turned off). */
  constructor(
    private readonly doc: Y.Doc,
    docId: string,
    private readonly onUnavailable: () => void,
  ) {
    this.name = deviceCopyName(docId)
    this.closed = new Promise((resolve) => (this.close = () => resolve(false)))
  }

  /** False when this browser refuses to store the copy; changes then live only in the window. */
  get works(): boolean {
    return !this.broken
  }

  /**
   * Loads what an earlier window of this board on this device left unsent, if anything. Resolves
   * true once it is in the Y.Doc (the provider sends it when the hub answers).
   */
  async load(): Promise<boolean> {
    if (this.broken) return false
    let stored: number
    try {
      stored = (await databaseExists(this.name)) ? await countUpdates(this.name) : 0
    } catch {
      this.fail()
      return false
    }
    if (stored === 0 || this.destroyed) return false
    const persistence = this.keep()
    if (!persistence) return false
    const loaded = new Promise<boolean>((resolve) => {
      persistence.once('synced', () => resolve(true))
      persistence._db.catch(() => resolve(false))
    })
    return Promise.race([loaded, this.closed])
  }

  /** This window has a change the hub has not stored: keep the whole board on this device from now on. */
  keep(): IndexeddbPersistence | null {
    if (this.persistence || this.destroyed || this.broken) return this.persistence
    const persistence = new IndexeddbPersistence(this.name, this.doc)
    // y-indexeddb reports a database it cannot open only through this promise.
    persistence._db.catch(() => this.fail())
    this.persistence = persistence
    return persistence
  }

  /**
   * The hub has stored everything this window has (`stored` is the hub's snapshot): stop keeping
   * the copy and clear it, unless it holds something the hub lacks (an insertion or a deletion).
   * Resolves true if it was cleared.
   */
  async release(stored: Y.Snapshot): Promise<boolean> {
    const persistence = this.persistence
    if (!persistence) return false
    // Stops writing at once (a later change starts a fresh, whole copy through keep()).
    this.persistence = null
    await persistence.destroy().catch(() => {})
    // If this fails, the rows stay: the next open of the board loads them and clears them then.
    return clearIfStored(this.name, stored).catch(() => false)
  }

  /** The window is closing: stop writing; whatever the hub lacks stays on the device. */
  destroy(): void {
    this.destroyed = true
    this.close()
    void this.persistence?.destroy().catch(() => {})
    this.persistence = null
  }

  private fail(): void {
    if (this.broken) return
    this.broken = true
    this.persistence = null
    this.onUnavailable()
  }
}

async function databaseExists(name: string): Promise<boolean> {
  // Without databases() (older browsers) the only way to know is to open it, which creates it empty.
  if (typeof indexedDB.databases !== 'function') return true
  const databases = await indexedDB.databases()
  return databases.some((database) => database.name === name)
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const opening = indexedDB.open(name)
  opening.onupgradeneeded = () => {
    opening.result.createObjectStore(UPDATES, { autoIncrement: true })
    opening.result.createObjectStore(CUSTOM)
  }
  return new Promise((resolve, reject) => {
    opening.onsuccess = () => resolve(opening.result)
    opening.onerror = () => reject(opening.error)
    opening.onblocked = () => reject(new Error(`${name} is blocked`))
  })
}

async function countUpdates(name: string): Promise<number> {
  const database = await openDatabase(name)
  try {
    const counting = database.transaction(UPDATES, 'readonly').objectStore(UPDATES).count()
    return await new Promise((resolve, reject) => {
      counting.onsuccess = () => resolve(counting.result)
      counting.onerror = () => reject(counting.error)
    })
  } finally {
    database.close()
  }
}

/**
 * Reads every row and clears them in one transaction, so a row another window writes meanwhile is
 * either read (and checked) or written after the clear: never lost.
 */
async function clearIfStored(name: string, stored: Y.Snapshot): Promise<boolean> {
  const database = await openDatabase(name)
  try {
    return await new Promise<boolean>((resolve, reject) => {
      const transaction = database.transaction(UPDATES, 'readwrite')
      const updates = transaction.objectStore(UPDATES)
      let cleared = false
      const reading = updates.getAll()
      reading.onsuccess = () => {
        let holdsAll = false
        try {
          holdsAll = storedHoldsAll(reading.result as Uint8Array[], stored)
        } catch {
          // A row Yjs cannot read is kept: it is not ours to throw away.
        }
        if (holdsAll) {
          updates.clear()
          cleared = true
        }
      }
      transaction.oncomplete = () => resolve(cleared)
      transaction.onerror = () => reject(transaction.error)
      transaction.onabort = () => reject(transaction.error)
    })
  } finally {
    database.close()
  }
}
