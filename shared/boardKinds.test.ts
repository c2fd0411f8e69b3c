import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MEETING_LAYOUT } from './meeting/layout'
import { initialiseBoard, readBoardLabel, readMeta } from './board'
import { BOARD_KIND_NAMES, boardKindInfo, boardStructure, isBoardKind } from './boardKinds'
import { PLAN_LAYOUT } from './plan/layout'
import { WORKSHOP_LAYOUT } from './workshop/layout'

const now = new Date('2026-11-22T10:00:00Z')

describe('the kinds of board', () => {
  it('knows a plan, a meeting and a workshop, by name only (not anything an object happens to have)', () => {
    expect(BOARD_KIND_NAMES).toEqual(['plan', 'meeting', 'workshop'])
    expect(isBoardKind('plan')).toBe(true)
    expect(isBoardKind('meeting')).toBe(true)
    expect(isBoardKind('workshop')).toBe(true)
    for (const other of ['', 'Plan', 'sketch', 'toString', '__proto__', 7, null]) expect(isBoardKind(other)).toBe(false)
    expect(boardKindInfo('plan')).toMatchObject({ noun: 'plan', label: 'Plan' })
    expect(boardKindInfo('meeting')).toMatchObject({ noun: 'meeting', label: 'Meeting' })
    expect(boardKindInfo('workshop')).toMatchObject({ noun: 'workshop', label: 'Workshop' })
  })

  it('a board’s structure is its meta and its kind’s maps and arrays, without its rich text', () => {
    const doc = new Y.Doc()
    const names = boardStructure(doc).map((type) => [...doc.share].find(([, shared]) => shared === type)?.[0])
    // Every kind's: before a board's meta arrives its kind is not known yet.
    expect(names).toEqual(['meta', PLAN_LAYOUT.person, PLAN_LAYOUT.entries, PLAN_LAYOUT.agreement, PLAN_LAYOUT.versions, PLAN_LAYOUT.decisions, MEETING_LAYOUT.meeting, MEETING_LAYOUT.attendees, MEETING_LAYOUT.agenda,
      WORKSHOP_LAYOUT.workshop, WORKSHOP_LAYOUT.notes, WORKSHOP_LAYOUT.themes, WORKSHOP_LAYOUT.dots, WORKSHOP_LAYOUT.matrix, WORKSHOP_LAYOUT.actions])
  })
})

describe('reading a board’s meta', () => {
  it('reads a board of a known kind, and not one of a kind this app does not know', () => {
    const plan = new Y.Doc()
    initialiseBoard(plan, { kind: 'plan', title: 'J.S.', now })
    expect(readMeta(plan)?.kind).toBe('plan')
    const foreign = new Y.Doc()
    foreign.getMap('meta').set('kind', 'sketch')
    foreign.getMap('meta').set('title', 'A sketch')
    expect(readMeta(foreign)).toBeNull()
  })

  it('labels a document for the hub’s list: kind and title, each empty while missing or unknown', () => {
    const plan = new Y.Doc()
    initialiseBoard(plan, { kind: 'plan', title: 'J.S.', now })
    expect(readBoardLabel(plan)).toEqual({ kind: 'plan', title: 'J.S.' })
    expect(readBoardLabel(new Y.Doc())).toEqual({ kind: '', title: '' })
    const foreign = new Y.Doc()
    foreign.getMap('meta').set('kind', 'sketch')
    foreign.getMap('meta').set('title', 7)
    expect(readBoardLabel(foreign)).toEqual({ kind: '', title: '' })
  })
})
