import { contextBridge, ipcRenderer } from 'electron'
import { buildBridge, channelsFromArgv } from './bridge'
import type { RoundtableBridge } from './bridge-types'

// Runs sandboxed (sandbox: true, contextIsolation: true), so it is bundled as CommonJS and may
// require only 'electron'. Electron security checklist #20, "Do not expose Electron APIs to untrusted
// web content": the page gets one frozen object of named async calls, never ipcRenderer itself.
// Nothing is validated here; main validates every call (electron/main/handlers.ts).

const bridge = buildBridge(channelsFromArgv(process.argv), (channel, ...args) => ipcRenderer.invoke(channel, ...args))

// The object is built from the channel list main sent; its type is the one derived from the same map.
contextBridge.exposeInMainWorld('roundtable', bridge as unknown as RoundtableBridge)
