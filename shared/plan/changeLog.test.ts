import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createBoardUndoManager, renameBoard } from '../board'
import { appendToChangeLog, changeLogArray, changeLogPeople, coalesce, describeChange, readChangeLog, type ChangeRecord } from './changeLog'
import { recordChanges } from './changeRecorder'
import { addEntry, deleteEntry, linkNeedToGoal, moveActionToGoal, setPersonField, unlinkNeedFromGoal, updateEntry } from './entries'
import { recordNarrativeWriter, setNarrativeWording } from './narrativeAuthorship'
import { markAgreed } from './versions'

const start = new Date('2027-03-01T09:00:00Z')
const today = '2027-03-01'

function id(result: { ok: boolean; value?: string }): string {
  if (!result.ok || !result.value) throw new Error(JSON.stringify(result))
  return result.value
}

/** A plan doc with a recorder for `name`, and a clock the test moves. */
function window(name: string, doc = new Y.Doc({ gc: false })) {
  let clock = start.getTime()
  const recorder = recordChanges(doc, { by: () => name, now: () => new Date(clock), quietMs: 60_000 })
  const author = { by: name, now: start }
  return {
    doc,
    recorder,
    author,
    later: (minutes: number) => (clock += minutes * 60_000),
    words: () => readChangeLog(doc).map((record) => `${record.by} ${describeChange(record.change)}`),
  }
}

function seed(doc: Y.Doc, author: { by: string; now: Date }) {
  const nurse = id(addEntry(doc, 'professional', { name: 'Sam Patel', role: 'District nurse', organisation: 'Community nursing', contact: '', keyWorker: false }, author))
  const need = id(addEntry(doc, 'need', { text: 'Falls at home', voice: 'person' }, author))
  const goal = id(addEntry(doc, 'goal', { text: 'Walk to the allotment', importance: 'high', voice: 'person' }, author))
  const action = id(
    addEntry(doc, 'action', { what: 'Book a falls assessment', ownerId: nurse, agency: 'Community nursing', dueDate: '2027-03-03', status: 'not-started', reviewDate: '', outcome: '', voice: 'professional' }, { ...author, goalId: goal, today }),
  )
  return { nurse, need, goal, action }
}

describe('the change log', () => {
  it('says in plain words who changed what, values as the board shows them', () => {
    const asha = window('Asha Patel')
    const { need, goal, action } = seed(asha.doc, asha.author)
    updateEntry(asha.doc, action, 'action', { dueDate: '2027-03-10', status: 'in-progress' }, { today })
    updateEntry(asha.doc, action, 'action', { reviewDate: '2027-04-01' }, { today })
    updateEntry(asha.doc, goal, 'goal', { importance: 'medium' })
    linkNeedToGoal(asha.doc, need, goal)
    setPersonField(asha.doc, 'dateOfBirth', '1944-05-02', today)
    asha.recorder.flush()
    expect(asha.words()).toEqual(
      expect.arrayContaining([
        'Asha Patel added the care team member ‘Sam Patel’',
        'Asha Patel added the action ‘Book a falls assessment’',
        'Asha Patel changed the due date of the action ‘Book a falls assessment’ from 3 March 2027 to 10 March 2027',
        'Asha Patel changed the status of the action ‘Book a falls assessment’ from Not started to In progress',
        'Asha Patel set the review date of the action ‘Book a falls assessment’ to 1 April 2027',
        'Asha Patel changed the importance of the goal ‘Walk to the allotment’ from Very important to me to Quite important to me',
        'Asha Patel linked the need ‘Falls at home’ to the goal ‘Walk to the allotment’',
        'Asha Patel set the person’s date of birth to 2 May 1944',
      ]),
    )
    expect(asha.words().join('\n')).not.toMatch(/in-progress|not-started|medium|2027-03/)
  })

  it('names what was deleted, unlinked, moved, reworded, renamed and agreed', () => {
    const asha = window('Asha Patel')
    const { need, goal, action } = seed(asha.doc, asha.author)
    const other = id(addEntry(asha.doc, 'goal', { text: 'Sleep well', importance: 'low', voice: 'person' }, asha.author))
    linkNeedToGoal(asha.doc, need, goal)
    unlinkNeedFromGoal(asha.doc, need, goal)
    moveActionToGoal(asha.doc, action, other, 0)
    expect(updateEntry(asha.doc, other, 'goal', { text: 'Sleep through the night' }, { stillTheirWords: 'yes' }).ok).toBe(true)
    renameBoard(asha.doc, 'Plan for J.S.')
    deleteEntry(asha.doc, need)
    markAgreed(asha.doc, { agreedBy: 'Joan Smith', relation: 'The person', how: 'At the huddle', reviewDate: '2027-06-01', reviewer: 'Sam Patel' }, asha.author)
    asha.recorder.flush()
    expect(asha.words()).toEqual(
      expect.arrayContaining([
        'Asha Patel unlinked the need ‘Falls at home’ from the goal ‘Walk to the allotment’',
        'Asha Patel moved the action ‘Book a falls assessment’ from the goal ‘Walk to the allotment’ to the goal ‘Sleep well’',
        'Asha Patel reworded the goal ‘Sleep well’ as ‘Sleep through the night’',
        'Asha Patel started the plan ‘Plan for J.S.’',
        'Asha Patel deleted the need ‘Falls at home’',
        'Asha Patel marked the plan as agreed (Agreed with Joan Smith (The person))',
      ]),
    )
  })

  it('records each person’s own changes under their name, and nothing that arrived from someone else', () => {
    const asha = window('Asha Patel')
    const ben = window('Ben Okoro')
    // Both windows pass every update to the other, as the hub would.
    asha.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'hub' && Y.applyUpdate(ben.doc, update, 'hub'))
    ben.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'hub' && Y.applyUpdate(asha.doc, update, 'hub'))
    const { action } = seed(asha.doc, asha.author)
    ben.later(1)
    updateEntry(ben.doc, action, 'action', { status: 'done' }, { today })
    setPersonField(ben.doc, 'preferredName', 'Reggie', today)
    asha.recorder.flush()
    ben.recorder.flush()
    for (const seen of [asha, ben]) {
      const log = readChangeLog(seen.doc)
      expect(changeLogPeople(log)).toEqual(['Asha Patel', 'Ben Okoro'])
      expect(log.filter((record) => record.by === 'Ben Okoro').map((record) => describeChange(record.change))).toEqual([
        'set the person’s preferred name to Reggie',
        'changed the status of the action ‘Book a falls assessment’ from Not started to Done',
      ])
      expect(log.filter((record) => record.by === 'Asha Patel')).toHaveLength(4)
    }
  })

  it('merges one person’s repeated edits to one field within five minutes, and keeps the first value', () => {
    const asha = window('Asha Patel')
    const ben = window('Ben Okoro', asha.doc)
    ben.recorder.stop()
    for (const name of ['R', 'Re', 'Reg', 'Reggie']) {
      setPersonField(asha.doc, 'preferredName', name, today)
      asha.recorder.flush()
      asha.later(1)
    }
    expect(asha.words()).toEqual(['Asha Patel set the person’s preferred name to Reggie'])
    asha.later(10)
    setPersonField(asha.doc, 'preferredName', 'Reg', today)
    asha.recorder.flush()
    expect(asha.words()).toEqual(['Asha Patel changed the person’s preferred name from Reggie to Reg', 'Asha Patel set the person’s preferred name to Reggie'])
  })

  it('keeps two people’s edits of one field apart, and drops edits that cancel out', () => {
    const log: ChangeRecord[] = []
    const add = (record: ChangeRecord) => {
      const { remove, add: added } = coalesce(log, record)
      if (remove >= 0) log.splice(remove, 1)
      if (added) log.push(added)
    }
    const edit = (by: string, at: string, before: string, after: string): ChangeRecord => ({ id: at + by, by, at, change: { kind: 'person', field: 'name', before, after } })
    add(edit('Asha', '2027-03-01T09:00:00Z', 'Reginald', 'Reg'))
    add(edit('Ben', '2027-03-01T09:01:00Z', 'Reg', 'Reggie'))
    add(edit('Asha', '2027-03-01T09:02:00Z', 'Reggie', 'Reginald'))
    const shown = () => log.map((record) => `${record.by}: ${record.change.kind === 'person' && `${record.change.before} to ${record.change.after}`}`)
    // Asha's second edit undoes Ben's, so it is not merged into her first.
    expect(shown()).toEqual(['Asha: Reginald to Reg', 'Ben: Reg to Reggie', 'Asha: Reggie to Reginald'])
    add(edit('Asha', '2027-03-01T09:02:30Z', 'Reginald', 'Reginald Smith'))
    expect(shown()).toEqual(['Asha: Reginald to Reg', 'Ben: Reg to Reggie', 'Asha: Reggie to Reginald Smith'])
    // Back to what Ben left: her edits since cancel out.
    add(edit('Asha', '2027-03-01T09:03:00Z', 'Reginald Smith', 'Reggie'))
    expect(shown()).toEqual(['Asha: Reginald to Reg', 'Ben: Reg to Reggie'])
  })

  it('writes rich-text typing as one "edited" record per field, and ignores an empty paragraph the editor adds', () => {
    const asha = window('Asha Patel')
    const root = asha.doc.get('richText:pleaseDo', Y.XmlText)
    const paragraph = new Y.XmlText()
    asha.doc.transact(() => root.insertEmbed(0, paragraph), 'editor')
    asha.recorder.flush()
    expect(asha.words()).toEqual([])
    for (const [index, letter] of [...'Knock twice'].entries()) asha.doc.transact(() => paragraph.insert(index, letter), 'editor')
    asha.later(2)
    asha.doc.transact(() => paragraph.delete(0, 6), 'editor')
    asha.recorder.flush()
    expect(asha.words()).toEqual(['Asha Patel edited About me: Please do'])
  })

  it('says how a narrative field was written, and leaves out the bookkeeping of who typed in it', () => {
    const asha = window('Asha Patel')
    recordNarrativeWriter(asha.doc, 'pleaseDo', 'Asha Patel', start)
    setNarrativeWording(asha.doc, 'pleaseDo', 'with-person')
    asha.recorder.flush()
    expect(asha.words()).toEqual(['Asha Patel marked About me: Please do as ‘written with the person’'])
  })

  it('is left alone by undo, which is itself recorded as a change by the person', () => {
    const asha = window('Asha Patel')
    const { action } = seed(asha.doc, asha.author)
    const undo = createBoardUndoManager(asha.doc)
    updateEntry(asha.doc, action, 'action', { status: 'done' }, { today })
    asha.recorder.flush()
    asha.later(10)
    undo.undo()
    asha.recorder.flush()
    expect(asha.words().slice(0, 2)).toEqual([
      'Asha Patel changed the status of the action ‘Book a falls assessment’ from Done to Not started',
      'Asha Patel changed the status of the action ‘Book a falls assessment’ from Not started to Done',
    ])
    expect(undo.canUndo()).toBe(false)
  })

  it('keeps only the newest records', () => {
    const doc = new Y.Doc({ gc: false })
    const records = Array.from({ length: 12 }, (_, index): ChangeRecord => ({
      id: String(index),
      by: 'Asha',
      at: new Date(start.getTime() + index * 60_000).toISOString(),
      change: { kind: 'added', list: 'need', entryId: String(index), label: `Need ${index}` },
    }))
    appendToChangeLog(doc, records, 10)
    expect(changeLogArray(doc).length).toBe(10)
    expect(readChangeLog(doc).map((record) => record.id)).toEqual(['11', '10', '9', '8', '7', '6', '5', '4', '3', '2'])
  })

  it('leaves out malformed records from a faulty device', () => {
    const doc = new Y.Doc({ gc: false })
    changeLogArray(doc).push([{ by: 3 } as never, { id: 'x', by: 'Asha', at: start.toISOString(), change: { kind: 'text', fieldKey: 'pleaseDo', title: 'About me: Please do' } }])
    expect(readChangeLog(doc).map((record) => describeChange(record.change))).toEqual(['edited About me: Please do'])
  })
})
