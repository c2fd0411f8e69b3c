import { ipcMain } from 'electron'
import { createHandlers, invokeHandler, listChannels, type HandlerContext } from './handlers'

/**
 * Registers every handler in the map with ipcMain.handle, in one loop, and returns the channel
 * names for the preload. Each call goes through invokeHandler: sender check, then zod validation.
 */
export function registerHandlers(context: HandlerContext): string[] {
  const channels = listChannels(createHandlers(context))
  for (const [channel, spec] of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => invokeHandler(channel, spec, event, args, context))
  }
  return channels.map(([channel]) => channel)
}

export function unregisterHandlers(channels: readonly string[]): void {
  for (const channel of channels) ipcMain.removeHandler(channel)
}
