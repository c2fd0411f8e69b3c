import { z } from 'zod'
import { isTrustedSender } from './url-policy'

/**
 * The single source of truth for IPC (the pattern of AFFiNE's main/handlers.ts). Each handler is
 * a zod schema for its arguments plus the function that runs. From this one map:
 * - ipc.ts registers every channel with ipcMain.handle, in one loop (`listChannels`);
 * - the preload learns the channel names at start-up (passed in `additionalArguments`);
 * - `RoundtableBridge` (electron/preload/bridge-types.ts), the type of `window.roundtable`, is
 *   derived from `typeof` this map, so the renderer's calls are checked against the schemas here.
 * Arguments are validated here, in main, and nowhere else: the preload forwards, it does not check.
 *
 * This file imports nothing from 'electron' or Node: what it needs from Electron comes in through
 * `HandlerContext`, so it runs in plain Node under vitest, and the renderer's type-check can read it.
 */

/** What a handler needs from the app; index.ts fills it in with Electron's `app` and `shell`. */
export interface HandlerContext {
  /** The hub page's origin; only frames on it may call. */
  hubOrigin: string
  appName: string
  appVersion: string
  /** Folder holding roundtable.db. */
  dataDir: string
  /** shell.openPath: resolves to '' on success or an error message. */
  openPath(path: string): Promise<string>
  /** Told about each refused call (untrusted sender), for the log. */
  onRefused?(channel: string, reason: string): void
}

/** The part of Electron's IpcMainInvokeEvent the checks read; tests pass plain objects. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

/** One handler: its arguments as a zod tuple, and what it does with them once they are valid. */
export interface HandlerSpec<A extends z.ZodType<unknown[], unknown[]> = z.ZodType<unknown[], unknown[]>, R = unknown> {
  readonly args: A
  // Method syntax on purpose: a map of specific handlers must be assignable to HandlerMap.
  run(...args: z.output<A>): R | Promise<R>
}

export type HandlerMap = Record<string, Record<string, HandlerSpec>>

function handler<A extends z.ZodType<unknown[], unknown[]>, R>(args: A, run: (...args: z.output<A>) => R | Promise<R>): HandlerSpec<A, R> {
  return { args, run }
}

export interface AppInfo {
  name: string
  version: string
  dataDir: string
}

/** Every IPC handler the app has. Channel names are `namespace:name`, e.g. `app:getInfo`. */
export function createHandlers(context: HandlerContext) {
  return {
    app: {
      /** The app's name and version, and where its data lives (for an About or Settings screen). */
      getInfo: handler(z.tuple([]), (): AppInfo => ({
        name: context.appName,
        version: context.appVersion,
        dataDir: context.dataDir,
      })),
      /** Opens the data folder in the system's file manager (for backups). */
      showDataFolder: handler(z.tuple([]), async (): Promise<void> => {
        const problem = await context.openPath(context.dataDir)
        if (problem) throw new Error(`Could not open the data folder ${context.dataDir}: ${problem}`)
      }),
    },
  } satisfies HandlerMap
}

export type Handlers = ReturnType<typeof createHandlers>

/** The renderer-side shape of a handler map: the same namespaces and names, each an async call. */
export type BridgeOf<H extends HandlerMap> = {
  readonly [NS in keyof H]: {
    readonly [Name in keyof H[NS]]: H[NS][Name] extends HandlerSpec<infer A, infer R>
      ? (...args: z.input<A>) => Promise<Awaited<R>>
      : never
  }
}

/** Thrown when a call does not come from our own page's top frame. */
export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`${channel}: refused, the request did not come from Roundtable's own page.`)
    this.name = 'UntrustedSenderError'
  }
}

/** Thrown when a call's arguments do not match the handler's schema. */
export class InvalidArgumentsError extends Error {
  constructor(channel: string, details: string) {
    super(`${channel}: invalid arguments. ${details}`)
    this.name = 'InvalidArgumentsError'
  }
}

/** Every channel in the map with its handler, e.g. ['app:getInfo', spec]. */
export function listChannels(handlers: HandlerMap): Array<[channel: string, spec: HandlerSpec]> {
  const channels: Array<[string, HandlerSpec]> = []
  for (const [namespace, group] of Object.entries(handlers)) {
    for (const [name, spec] of Object.entries(group)) channels.push([`${namespace}:${name}`, spec])
  }
  return channels
}

/**
 * Electron security checklist #17, "Validate the sender of all IPC messages": the frame that sent
 * the message must still exist, be the top frame of its page (no iframe, even a same-origin one),
 * and be on the hub's origin.
 */
export function senderProblem(event: InvokeEvent, hubOrigin: string): string | null {
  const frame = event.senderFrame
  if (!frame) return 'the sending frame has gone'
  if (frame.parent !== null) return 'the sender is not the top frame'
  if (!isTrustedSender(frame.url, hubOrigin)) return `the sender ${frame.url} is not on ${hubOrigin}`
  return null
}

/** Runs one IPC call: checks the sender, validates the arguments, then calls the handler. */
export async function invokeHandler(
  channel: string,
  spec: HandlerSpec,
  event: InvokeEvent,
  rawArgs: unknown[],
  context: Pick<HandlerContext, 'hubOrigin' | 'onRefused'>,
): Promise<unknown> {
  let problem: string | null
  try {
    problem = senderProblem(event, context.hubOrigin)
  } catch (error) {
    // Reading a frame that was disposed mid-call throws in Electron; that is not a trusted sender.
    problem = `the sending frame could not be read (${(error as Error).message})`
  }
  if (problem) {
    context.onRefused?.(channel, problem)
    throw new UntrustedSenderError(channel)
  }
  const parsed = spec.args.safeParse(rawArgs)
  if (!parsed.success) throw new InvalidArgumentsError(channel, z.prettifyError(parsed.error))
  return spec.run(...parsed.data)
}
