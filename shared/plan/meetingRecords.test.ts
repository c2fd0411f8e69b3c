import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { idOf } from '../testing/checked'
import { describeChange, readChangeLog } from './changeLog'
import { recordChanges } from './changeRecorder'
import { addActionWithNewOwner, addEntry } from './entries'
import { addDecision, lastDiscussedElsewhere, markDiscussed, readDecisions, readDiscussions } from './meetingRecords'
import { readPlan } from './read'

const thursday = { id: 'meeting-thu', title: 'Thursday huddle', date: '2026-12-03' }
const nextWeek = { id: 'meeting-next', title: 'Thursday huddle (next)', date: '2026-12-10' }
const author = { by: 'Priya, scribe', now: new Date('2026-12-03T09:10:00Z') }
const today = '2026-12-03'

function planWithGoal() {
  const doc = new Y.Doc({ gc: false })
  const nurse = idOf(addEntry(doc, 'professional', { name: 'Jo Hart', role: 'District nurse', organisation: 'Community nursing', contact: '', keyWorker: false }, author))
  const goal = idOf(addEntry(doc, 'goal', { text: 'Stay out of hospital', importance: 'high', voice: 'person' }, author))
  return { doc, nurse, goal }
}

describe('decisions made at a meeting', () => {
  it('are kept in the person’s plan with the meeting, who wrote them and when', () => {
    const { doc } = planWithGoal()
    const id = idOf(addDecision(doc, '  Refer to the falls clinic  ', thursday, author))
    expect(readDecisions(doc)).toEqual([
      { id, text: 'Refer to the falls clinic', meetingId: 'meeting-thu', meetingTitle: 'Thursday huddle', meetingDate: '2026-12-03', by: 'Priya, scribe', createdAt: '2026-12-03T09:10:00.000Z' },
    ])
  })

  it('refuse empty text or a meeting with no valid id, and write nothing', () => {
    const { doc } = planWithGoal()
    expect(addDecision(doc, '   ', thursday, author)).toEqual({ ok: false, errors: { text: 'Write the decision first.' } })
    expect(addDecision(doc, 'Something', { ...thursday, id: '../x' }, author).ok).toBe(false)
    expect(addDecision(doc, 'Something', { ...thursday, date: '2026-02-30' }, author).ok).toBe(false)
    expect(readDecisions(doc)).toEqual([])
  })

  it('from two devices at once both stay', () => {
    const a = new Y.Doc({ gc: false })
    const b = new Y.Doc({ gc: false })
    addDecision(a, 'Ask the GP about the inhaler', thursday, author)
    addDecision(b, 'Daughter to be told about respite', thursday, { by: 'Sam', now: author.now })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readDecisions(a).map((decision) => decision.text).sort()).toEqual(['Ask the GP about the inhaler', 'Daughter to be told about respite'])
    expect(readDecisions(b)).toEqual(readDecisions(a))
  })

  it('leave out a malformed decision written by a faulty device', () => {
    const { doc } = planWithGoal()
    doc.getMap('decisions').set('bad', { text: 42 })
    addDecision(doc, 'Good one', thursday, author)
    expect(readDecisions(doc).map((decision) => decision.text)).toEqual(['Good one'])
  })

  it('appear in the plan’s history in words', () => {
    const { doc } = planWithGoal()
    const recorder = recordChanges(doc, { by: () => 'Priya', now: () => author.now })
    addDecision(doc, 'Refer to the falls clinic', thursday, author)
    recorder.stop()
    expect(readChangeLog(doc).map((record) => describeChange(record.change))).toContain('recorded a decision at Thursday huddle: ‘Refer to the falls clinic’')
  })
})

describe('actions agreed at a meeting', () => {
  it('carry the meeting they came from; others carry none', () => {
    const { doc, nurse, goal } = planWithGoal()
    const fields = { ownerId: nurse, agency: 'Community nursing', dueDate: '2026-12-09', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    const fromMeeting = idOf(addEntry(doc, 'action', { ...fields, what: 'Falls clinic referral' }, { ...author, goalId: goal, today, fromMeeting: thursday }))
    const ordinary = idOf(addEntry(doc, 'action', { ...fields, what: 'Weekly visit' }, { ...author, goalId: goal, today }))
    const actions = readPlan(doc, today).goals[0].actions
    expect(actions.find((action) => action.id === fromMeeting)?.fromMeeting).toEqual(thursday)
    expect(actions.find((action) => action.id === ordinary)?.fromMeeting).toBeNull()
  })

  it('with someone new as the owner carry it too', () => {
    const { doc, goal } = planWithGoal()
    const action = { what: 'Benefits check', agency: '', dueDate: '2026-12-20', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' } as const
    idOf(addActionWithNewOwner(doc, action, { name: 'Kim Lee', role: 'Welfare adviser', organisation: 'Citizens Advice' }, { ...author, goalId: goal, today, fromMeeting: thursday }))
    const [added] = readPlan(doc, today).goals[0].actions
    expect(added).toMatchObject({ what: 'Benefits check', ownerName: 'Kim Lee', agency: 'Citizens Advice', fromMeeting: thursday })
  })

  it('are refused whole when the meeting is not valid', () => {
    const { doc, nurse, goal } = planWithGoal()
    const result = addEntry(doc, 'action', { what: 'X', ownerId: nurse, agency: 'Community nursing', dueDate: '2026-12-09', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today, fromMeeting: { ...thursday, title: '' } })
    expect(result.ok).toBe(false)
    expect(readPlan(doc, today).goals[0].actions).toEqual([])
  })
})

describe('which meetings discussed the person', () => {
  it('keep when each meeting first and last opened the case', () => {
    const { doc } = planWithGoal()
    markDiscussed(doc, thursday, new Date('2026-12-03T09:00:00Z'))
    markDiscussed(doc, thursday, new Date('2026-12-03T09:30:00Z'))
    expect(readDiscussions(doc)).toEqual([{ meetingId: 'meeting-thu', meetingTitle: 'Thursday huddle', meetingDate: '2026-12-03', firstAt: '2026-12-03T09:00:00.000Z', at: '2026-12-03T09:30:00.000Z' }])
  })

  it('say when another meeting last discussed them, not this one', () => {
    const { doc } = planWithGoal()
    expect(lastDiscussedElsewhere(doc, nextWeek.id)).toBeNull()
    markDiscussed(doc, thursday, new Date('2026-12-03T09:00:00Z'))
    markDiscussed(doc, nextWeek, new Date('2026-12-10T09:00:00Z'))
    expect(lastDiscussedElsewhere(doc, nextWeek.id)?.meetingId).toBe('meeting-thu')
    expect(lastDiscussedElsewhere(doc, thursday.id)?.meetingId).toBe('meeting-next')
  })
})
