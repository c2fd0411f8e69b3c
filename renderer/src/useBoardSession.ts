import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { ACCESS_ENDED_CLOSE_CODE } from '../../shared/access'
import { WebsocketProvider } from 'y-websocket'
import { createBoardUndoManager } from '../../shared/board'
import type { SharedType } from '../../shared/boardLayout'
import { describeConnection, type ConnectionFacts, type ConnectionStatus } from '../../shared/connection'
import { announcePresenceAgain, type Participant, type PresenceUser } from '../../shared/presence'
import { recordChanges } from '../../shared/plan/changeRecorder'
import { snapshotHoldsAll } from '../../shared/stateVector'
import { DeviceCopy } from './deviceCopy'
import { docVersionStore, participantsStore, undoStateStore } from './docStores'
import { fetchStoredSnapshot, HubError, type HubAddress } from './hub'

/**
 * One open board: its Y.Doc (the only copy of its state in this window), the link to the hub, and
 * undo. While the hub lacks some of this window's changes, a copy is also kept on the device
 * (deviceCopy.ts).
 */
export interface BoardSession {
  doc: Y.Doc
  provider: WebsocketProvider
  undoManager: Y.UndoManager
}

const OPENING: ConnectionFacts = {
  connected: false,
  everSynced: false,
  refused: false,
  hubHasEverything: true,
  deviceCopyWorks: true,
  shownFromDevice: false,
}

const SAVE_CHECK_DELAY_MS = 250
const SAVE_RECHECK_MS = 1000

/**
 * Opens a board for as long as the component using it is mounted. Created inside an effect (not
 * during render) so React's development double-mount cannot leave a second connection open.
 */
export function useBoardSession(hub: HubAddress, docId: string, user: PresenceUser): { session: BoardSession | null; status: ConnectionStatus } {
  const [session, setSession] = useState<BoardSession | null>(null)
  const [facts, setFacts] = useState<ConnectionFacts>(OPENING)
  const name = useRef(user.name)
  useEffect(() => {
    name.current = user.name
  }, [user.name])

  useEffect(() => {
    // No garbage collection: a plan's agreed versions are snapshots that need deleted content kept.
    const doc = new Y.Doc({ gc: false })
    let current: ConnectionFacts = OPENING
    let disposed = false
    const update = (change: Partial<ConnectionFacts>) => {
      current = { ...current, ...change }
      setFacts(current)
    }

    // What an earlier window here left unsent goes into the Y.Doc while the hub connects; the
    // provider sends it when the hub answers.
    const deviceCopy = new DeviceCopy(doc, docId, () => update({ deviceCopyWorks: false }))
    update({ deviceCopyWorks: deviceCopy.works })
    void deviceCopy.load().then((loaded) => {
      if (loaded && !disposed) update({ shownFromDevice: true })
    })
    const provider = new WebsocketProvider(hub.syncUrl, docId, doc, { params: { token: hub.token } })
    const undoManager = createBoardUndoManager(doc)
    // History's "who changed what and when": this window's own changes, under the name it goes by.
    const changeRecorder = recordChanges(doc, { by: () => name.current })
    setSession({ doc, provider, undoManager })

    // "Saved" is only said once the hub's stored state holds everything this window has.
    let checkTimer: ReturnType<typeof setTimeout> | undefined
    let checking = false
    const scheduleSaveCheck = (delay: number) => {
      clearTimeout(checkTimer)
      checkTimer = setTimeout(checkSaved, delay)
    }
    const checkSaved = async () => {
      if (checking || disposed) return
      checking = true
      try {
        const stored = await fetchStoredSnapshot(hub, docId)
        if (disposed) return
        // Deletions included: a change that only deletes is not "saved" until the hub holds it.
        if (snapshotHoldsAll(stored, Y.snapshot(doc))) {
          update({ hubHasEverything: true })
          // The hub has it all, so the device copy is no longer needed (patient data: keep no more than needed).
          void deviceCopy.release(stored)
        } else if (current.connected) scheduleSaveCheck(SAVE_RECHECK_MS)
      } catch (error) {
        if (disposed) return
        if (error instanceof HubError && (error.status === 401 || error.status === 403)) {
          update({ refused: true, refusedBecause: error.message })
          provider.disconnect()
        } else if (current.connected) {
          scheduleSaveCheck(SAVE_RECHECK_MS)
        }
      } finally {
        checking = false
      }
    }

    const onStatus = ({ status }: { status: string }) => {
      update({ connected: status === 'connected' })
      if (status === 'connected') announcePresenceAgain(provider.awareness)
      // A refused WebSocket looks like any other failure from here; the API says which it was.
      if (status !== 'connected' && !current.everSynced) void checkSaved()
      if (status === 'connected' && !current.hubHasEverything) scheduleSaveCheck(SAVE_CHECK_DELAY_MS)
    }
    // The hub ends a connection whose access has ended (a meeting link closed, a plan taken off the
    // agenda) with this code and its reason: say so, and stop retrying a door that stays shut.
    const onClose = (event: CloseEvent | null) => {
      if (event?.code !== ACCESS_ENDED_CLOSE_CODE) return
      update({ refused: true, refusedBecause: event.reason ? `${event.reason}.` : undefined })
      provider.disconnect()
    }
    const onSync = (synced: boolean) => {
      if (!synced) return
      update({ everSynced: true })
      if (!current.hubHasEverything) scheduleSaveCheck(SAVE_CHECK_DELAY_MS)
    }
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Changes that arrived from the hub are already stored there; only our own need checking.
      if (origin === provider) return
      deviceCopy.keep()
      update({ hubHasEverything: false })
      scheduleSaveCheck(SAVE_CHECK_DELAY_MS)
    }
    // Closing the window now would leave changes the hub has not stored (kept on the device, but
    // the person should know): the browser asks first. Electron asks in main (electron/main/window.ts).
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (current.hubHasEverything) return
      event.preventDefault()
      event.returnValue = ''
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    provider.on('connection-close', onClose)
    doc.on('update', onUpdate)
    window.addEventListener('beforeunload', onBeforeUnload)

    return () => {
      // First, so what it still holds is written while the device copy and the hub are listening.
      changeRecorder.stop()
      disposed = true
      clearTimeout(checkTimer)
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('connection-close', onClose)
      doc.off('update', onUpdate)
      window.removeEventListener('beforeunload', onBeforeUnload)
      deviceCopy.destroy()
      undoManager.destroy()
      provider.destroy()
      doc.destroy()
      setSession(null)
    }
  }, [hub, docId])

  // Who I am, for everyone else's "Here now" list.
  useEffect(() => {
    session?.provider.awareness.setLocalStateField('user', { name: user.name, colour: user.colour })
  }, [session, user.name, user.colour])

  return { session, status: describeConnection(facts) }
}

/**
 * A number that changes whenever the document does, or, given `structure` (for a board,
 * boardStructure in shared/boardKinds.ts), whenever one of those shared types does: typing in a
 * rich-text box then does not re-render the whole board.
 */
export function useDocVersion(doc: Y.Doc, structure?: (doc: Y.Doc) => readonly SharedType[]): number {
  const [store] = useState(() => docVersionStore(doc, structure))
  return useSyncExternalStore(store.subscribe, store.read)
}

/** Everyone on this board now, me first. */
export function useParticipants(provider: WebsocketProvider): Participant[] {
  const [store] = useState(() => participantsStore(provider.awareness))
  return useSyncExternalStore(store.subscribe, store.read)
}

/** Whether Undo and Redo have anything to do, kept current as the stack changes. */
export function useUndoState(undoManager: Y.UndoManager): { canUndo: boolean; canRedo: boolean } {
  const [store] = useState(() => undoStateStore(undoManager))
  return useSyncExternalStore(store.subscribe, store.read)
}
