/**
 * Typing latency in one About me field with four people in it. Four clients (each its own Y.Doc,
 * WebsocketProvider and headless Lexical editor bound with the app's fieldBinding) open the large
 * plan on the real hub; each adds its own paragraph to the same field and types into it, one
 * character per keystroke every 50–100 ms. One of them is the typist whose keystrokes are timed:
 * locally (the editor update, the binding's Yjs transaction and awareness cursor, handing the
 * update to the socket) and until each other client holds the keystroke, first in its Y.Doc,
 * then in its Lexical editor state.
 */
import { PerformanceObserver } from 'node:perf_hooks'
import * as Y from 'yjs'
import { $getNodeByKey, $getRoot, type EditorState, type NodeKey } from 'lexical'
import { richTextPlain } from '../shared/plan/narrativeText'
import { PRESENCE_COLOURS } from '../shared/presence'
import { connectionMilestones, connectPlanClient, type PlanClient } from './plan-client'
import { appendBlock, bindHeadless, blockTextStartingWith, dispose, editorText, typeCharacter, type BoundField } from './richtext-headless'
import type { ServerProcess } from './servers'
import { seededRandom, sleep } from './stats'

export interface TypingParams {
  fieldKey: string
  people: number
  warmupKeystrokes: number
  measuredKeystrokes: number
  minGapMs: number
  maxGapMs: number
  /** A receiver that has not shown a keystroke this long after the typist stopped has lost it. */
  settleMs: number
}

export interface TypingResult {
  /** One sample per measured typist keystroke per other client: until its Y.Doc had applied it. */
  docLatenciesMs: number[]
  /** The same, until its Lexical editor state (committed) held the character. */
  editorLatenciesMs: number[]
  /** Per measured keystroke: until the last of the other clients' editors held it. */
  allEditorsMs: number[]
  /** The typist's own cost per keystroke: editor update, commit, Yjs transaction, awareness, socket send. */
  localMs: number[]
  lost: number
  othersKeystrokes: number
  fieldCharactersBefore: number
  fieldCharactersAfter: number
  /** After everyone stopped: every editor and every Y.Doc held the same text. */
  converged: boolean
  /** CPU time of this (client) process and of the hub, per keystroke by anyone, while typing. */
  clientCpuMsPerKeystroke: number
  hubCpuMsPerKeystroke: number
  /** Garbage-collection pauses in the client process while typing: a receiver waits through them. */
  clientGcPauses: number
  clientGcLongestMs: number
  typingSeconds: number
}

interface Person {
  client: PlanClient
  bound: BoundField
  marker: string
  blockKey: NodeKey
  text: string
  typed: number
}

interface Pending {
  startedAt: number
  /** The typist's Yjs clock after this keystroke: a doc holds it once its state reaches this. */
  clock: number
  /** The typist's paragraph length once it holds this keystroke. */
  length: number
  measured: boolean
  docAt: (number | null)[]
  editorAt: (number | null)[]
}

const LETTERS = 'the quick brown fox jumps over a lazy dog and we talk about what matters to her '

function cpuMs(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

/** Length of the block `key` in a committed editor state, or of the block starting with `marker` if the key is gone. */
function blockLength(state: EditorState, key: NodeKey, marker: string): number {
  return state.read(() => {
    const node = $getNodeByKey(key)
    if (node) return node.getTextContentSize()
    const block = $getRoot().getChildren().find((child) => child.getTextContent().startsWith(marker))
    return block ? block.getTextContentSize() : -1
  })
}

async function waitFor(check: () => boolean, what: string, timeoutMs: number): Promise<boolean> {
  const started = performance.now()
  while (!check()) {
    if (performance.now() - started > timeoutMs) {
      if (what) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
      return false
    }
    await sleep(10)
  }
  return true
}

export async function measureTyping(server: ServerProcess, docId: string, params: TypingParams): Promise<TypingResult> {
  const random = seededRandom(4242)
  const people: Person[] = []
  try {
    for (let index = 0; index < params.people; index++) {
      const user = { name: index === 0 ? 'Typist' : `Person ${index + 1}`, colour: PRESENCE_COLOURS[index] }
      const client = connectPlanClient(server, docId, user)
      await connectionMilestones(client.provider, 30_000).synced
      const bound = bindHeadless(client.doc, client.provider.awareness, params.fieldKey, user)
      people.push({ client, bound, marker: `${user.name} writes: `, blockKey: '', text: '', typed: 0 })
    }
    const fieldCharactersBefore = editorText(people[0].bound.editor).length
    // Each person starts their own paragraph at the end of the field, one after another.
    for (const person of people) {
      person.blockKey = appendBlock(person.bound.editor, 'paragraph', person.marker)
      await waitFor(() => people.every((other) => blockTextStartingWith(other.bound.editor, person.marker) !== null), 'paragraphs to reach everyone', 10_000)
    }

    const [typist, ...others] = people
    const typistId = typist.client.doc.clientID
    // Where the typist's paragraph is in each other editor (node keys are per editor).
    const keyIn = others.map((other) =>
      other.bound.editor.getEditorState().read(() => $getRoot().getChildren().find((child) => child.getTextContent().startsWith(typist.marker))?.getKey() ?? ''),
    )
    const pending: Pending[] = []
    const unsubscribe: (() => void)[] = []
    others.forEach((other, receiver) => {
      const onDoc = () => {
        const state = Y.getState(other.client.doc.store, typistId)
        const now = performance.now()
        for (const keystroke of pending) if (keystroke.docAt[receiver] === null && state >= keystroke.clock) keystroke.docAt[receiver] = now
      }
      other.client.doc.on('update', onDoc)
      unsubscribe.push(() => other.client.doc.off('update', onDoc))
      unsubscribe.push(
        other.bound.editor.registerUpdateListener(({ editorState }) => {
          if (!pending.some((keystroke) => keystroke.editorAt[receiver] === null)) return
          const now = performance.now()
          const length = blockLength(editorState, keyIn[receiver], typist.marker)
          for (const keystroke of pending) if (keystroke.editorAt[receiver] === null && length >= keystroke.length) keystroke.editorAt[receiver] = now
        }),
      )
    })

    const gap = () => params.minGapMs + random() * (params.maxGapMs - params.minGapMs)
    const nextCharacter = (person: Person) => {
      const character = LETTERS[person.typed % LETTERS.length]
      person.typed++
      return character
    }
    const gcPausesMs: number[] = []
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPausesMs.push(entry.duration)
    })
    gcObserver.observe({ entryTypes: ['gc'] })
    const hubCpuBefore = await server.cpuTime()
    const clientCpuBefore = cpuMs()
    const typingStarted = performance.now()

    // The other three type on their own timers for as long as the typist does.
    let typing = true
    const othersDone = others.map(async (other) => {
      while (typing) {
        await sleep(gap())
        if (typing && !typeCharacter(other.bound.editor, other.blockKey, nextCharacter(other))) throw new Error('a paragraph vanished')
      }
    })

    const localMs: number[] = []
    const total = params.warmupKeystrokes + params.measuredKeystrokes
    for (let index = 0; index < total; index++) {
      await sleep(gap())
      const startedAt = performance.now()
      if (!typeCharacter(typist.bound.editor, typist.blockKey, nextCharacter(typist))) throw new Error('the typist’s paragraph vanished')
      const typedAt = performance.now()
      const measured = index >= params.warmupKeystrokes
      if (measured) localMs.push(typedAt - startedAt)
      const empty = () => others.map(() => null)
      pending.push({
        startedAt,
        clock: Y.getState(typist.client.doc.store, typistId),
        length: typist.marker.length + typist.typed,
        measured,
        docAt: empty(),
        editorAt: empty(),
      })
    }
    const allSeen = () => pending.every((keystroke) => keystroke.editorAt.every((at) => at !== null) && keystroke.docAt.every((at) => at !== null))
    await waitFor(allSeen, '', params.settleMs)
    typing = false
    await Promise.all(othersDone)
    const typingSeconds = (performance.now() - typingStarted) / 1000
    const othersKeystrokes = others.reduce((sum, other) => sum + other.typed, 0)
    const keystrokes = othersKeystrokes + typist.typed
    const clientCpuMsPerKeystroke = (cpuMs() - clientCpuBefore) / keystrokes
    const hubCpuAfter = await server.cpuTime()
    const hubCpuMsPerKeystroke = (hubCpuAfter.userMs + hubCpuAfter.systemMs - hubCpuBefore.userMs - hubCpuBefore.systemMs) / keystrokes
    gcObserver.disconnect()
    for (const stop of unsubscribe) stop()

    const texts = () => people.map((person) => editorText(person.bound.editor))
    const plains = () => people.map((person) => richTextPlain(person.client.doc, params.fieldKey))
    const converged = await waitFor(() => new Set(texts()).size === 1 && new Set(plains()).size === 1, '', params.settleMs)

    const docLatenciesMs: number[] = []
    const editorLatenciesMs: number[] = []
    const allEditorsMs: number[] = []
    let lost = 0
    for (const keystroke of pending.filter((entry) => entry.measured)) {
      for (const at of keystroke.docAt) if (at !== null) docLatenciesMs.push(at - keystroke.startedAt)
      for (const at of keystroke.editorAt) {
        if (at === null) lost++
        else editorLatenciesMs.push(at - keystroke.startedAt)
      }
      if (keystroke.editorAt.every((at) => at !== null)) allEditorsMs.push(Math.max(...(keystroke.editorAt as number[])) - keystroke.startedAt)
    }
    return {
      docLatenciesMs,
      editorLatenciesMs,
      allEditorsMs,
      localMs,
      lost,
      othersKeystrokes,
      fieldCharactersBefore,
      fieldCharactersAfter: editorText(typist.bound.editor).length,
      converged,
      clientCpuMsPerKeystroke,
      hubCpuMsPerKeystroke,
      clientGcPauses: gcPausesMs.length,
      clientGcLongestMs: Math.max(0, ...gcPausesMs),
      typingSeconds,
    }
  } finally {
    for (const person of people) {
      dispose(person.bound)
      person.client.destroy()
    }
  }
}
