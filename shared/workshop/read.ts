import * as Y from 'yjs'
import { ACTION_STATUSES, NOTE_COLOURS, type ActionStatus, type NoteColour, type Stage, type VoteTarget } from './fields'
import { actionsMap } from './actionPlan'
import { canChangeNote, notesMap, ownerOf } from './notes'
import { readMatrix, type MatrixEntry } from './prioritise'
import { liveThemeIds, themeOfNote, themesMap } from './themes'
import { countDots, readVoteSettings, voteResults, votesRevealed, type VoteResult } from './voting'
import { hasEnded, isAnonymous, isLocked, isPrivateWriting, notesRevealed, readStage, readTimer, remainingMs, workshopMap, type Actor, type Spotlight } from './workshop'

/**
 * A workshop as plain data for its screens, as one viewer sees it: which notes are theirs, their
 * own dots, and the vote's results only once they are revealed.
 */

export interface NoteView {
  id: string
  text: string
  colour: NoteColour
  /** '' when the writer gave no name, or the workshop is anonymous. */
  author: string
  x: number
  y: number
  themeId: string | null
  mine: boolean
  /** Whether this viewer may change or remove it. */
  canChange: boolean
}

export interface ThemeView {
  id: string
  name: string
  x: number
  y: number
  noteIds: string[]
}

export interface ActionView {
  id: string
  weWill: string
  whoPerson: string
  whoOrganisation: string
  byWhen: string
  measure: string
  fromThemeIds: string[]
  fromNoteIds: string[]
  status: ActionStatus
}

export interface VotingView {
  budget: number
  target: VoteTarget
  revealed: boolean
  /** This viewer's counted dots per target. */
  myDots: Record<string, number>
  myDotsLeft: number
  /** This viewer's dots that did not count (placed beyond the budget from another device or offline). */
  myDotsNotCounted: number
  /** How many people have placed a dot: shown while the results are hidden. */
  voters: number
  /** The results, most dots first, or null until the facilitator reveals them. */
  results: VoteResult[] | null
}

export interface WorkshopView {
  question: string
  stage: Stage
  anonymous: boolean
  privateWriting: boolean
  notesRevealed: boolean
  locked: boolean
  ended: boolean
  timer: { endsAt: number; minutes: number; remainingMs: number } | null
  spotlight: Spotlight | null
  notes: NoteView[]
  themes: ThemeView[]
  unthemedNoteIds: string[]
  voting: VotingView
  matrix: MatrixEntry[]
  actions: ActionView[]
}

function text(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : ''
}

function num(map: Y.Map<unknown>, key: string): number {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function strings(map: Y.Map<unknown>, key: string): string[] {
  const value = map.get(key)
  return Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : []
}

function oneOf<T extends string>(options: readonly T[], value: unknown, fallback: T): T {
  return (options as readonly unknown[]).includes(value) ? (value as T) : fallback
}

function readSpotlight(doc: Y.Doc): Spotlight | null {
  const value = workshopMap(doc).get('spotlight')
  if (typeof value !== 'object' || value === null) return null
  const { x, y, zoom } = value as Partial<Spotlight>
  return typeof x === 'number' && typeof y === 'number' && typeof zoom === 'number' ? { x, y, zoom } : null
}

function readNotes(doc: Y.Doc, viewer: Actor): NoteView[] {
  const rows: (NoteView & { createdAt: number })[] = []
  const anonymous = isAnonymous(doc)
  notesMap(doc).forEach((note, id) => {
    if (!(note instanceof Y.Map)) return
    rows.push({
      id,
      text: text(note, 'text'),
      colour: oneOf(NOTE_COLOURS, note.get('colour'), 'yellow'),
      author: anonymous ? '' : text(note, 'author'),
      x: num(note, 'x'),
      y: num(note, 'y'),
      themeId: themeOfNote(doc, note),
      mine: viewer.participantId !== '' && ownerOf(note) === viewer.participantId,
      canChange: canChangeNote(note, viewer),
      createdAt: num(note, 'createdAt'),
    })
  })
  rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  return rows.map(({ createdAt: _createdAt, ...note }) => note)
}

function readVoting(doc: Y.Doc, viewer: Actor): VotingView {
  const { budget, target } = readVoteSettings(doc)
  const { perVoter } = countDots(doc)
  const mine = perVoter.get(viewer.participantId) ?? { counted: [], notCounted: [] }
  const myDots: Record<string, number> = {}
  for (const dot of mine.counted) myDots[dot.targetId] = (myDots[dot.targetId] ?? 0) + 1
  const revealed = votesRevealed(doc)
  return {
    budget,
    target,
    revealed,
    myDots,
    myDotsLeft: Math.max(0, budget - mine.counted.length),
    myDotsNotCounted: mine.notCounted.length,
    voters: [...perVoter.values()].filter((each) => each.counted.length > 0).length,
    results: revealed ? voteResults(doc) : null,
  }
}

function readActions(doc: Y.Doc): ActionView[] {
  const rows: (ActionView & { createdAt: number })[] = []
  actionsMap(doc).forEach((action, id) => {
    if (!(action instanceof Y.Map)) return
    rows.push({
      id,
      weWill: text(action, 'weWill'),
      whoPerson: text(action, 'whoPerson'),
      whoOrganisation: text(action, 'whoOrganisation'),
      byWhen: text(action, 'byWhen'),
      measure: text(action, 'measure'),
      fromThemeIds: strings(action, 'fromThemeIds'),
      fromNoteIds: strings(action, 'fromNoteIds'),
      status: oneOf(ACTION_STATUSES, action.get('status'), 'agreed'),
      createdAt: num(action, 'createdAt'),
    })
  })
  rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  return rows.map(({ createdAt: _createdAt, ...action }) => action)
}

export function readWorkshop(doc: Y.Doc, viewer: Actor, now: number): WorkshopView {
  const notes = readNotes(doc, viewer)
  const themes: ThemeView[] = liveThemeIds(doc).map((id) => {
    const theme = themesMap(doc).get(id) as Y.Map<unknown>
    return { id, name: text(theme, 'name'), x: num(theme, 'x'), y: num(theme, 'y'), noteIds: notes.filter((note) => note.themeId === id).map((note) => note.id) }
  })
  const timer = readTimer(doc)
  return {
    question: text(workshopMap(doc), 'question'),
    stage: readStage(doc),
    anonymous: isAnonymous(doc),
    privateWriting: isPrivateWriting(doc),
    notesRevealed: notesRevealed(doc),
    locked: isLocked(doc),
    ended: hasEnded(doc),
    timer: timer ? { ...timer, remainingMs: remainingMs(timer, now) } : null,
    spotlight: readSpotlight(doc),
    notes,
    themes,
    unthemedNoteIds: notes.filter((note) => note.themeId === null).map((note) => note.id),
    voting: readVoting(doc, viewer),
    matrix: readMatrix(doc),
    actions: readActions(doc),
  }
}

export interface YouSaidWeDidRow {
  themeId: string
  name: string
  /** What people said: the notes in this theme. */
  youSaid: string[]
  /** What was agreed from this theme (or from one of its notes), with how it is going. */
  weDid: ActionView[]
}

/**
 * "You said, we did": each theme with what people wrote and the actions agreed from it. An action
 * drawn from several themes shows under each; themes nothing came from still show, honestly empty.
 */
export function youSaidWeDid(view: WorkshopView): YouSaidWeDidRow[] {
  const noteText = new Map(view.notes.map((note) => [note.id, note.text]))
  return view.themes.map((theme) => ({
    themeId: theme.id,
    name: theme.name,
    youSaid: theme.noteIds.map((id) => noteText.get(id) ?? ''),
    weDid: view.actions.filter((action) => action.fromThemeIds.includes(theme.id) || action.fromNoteIds.some((id) => theme.noteIds.includes(id))),
  }))
}
