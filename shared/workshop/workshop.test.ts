import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { formatClock } from '../meeting/clock'
import { idOf } from '../testing/checked'
import { STAGES, type Stage } from './fields'
import { addNote } from './notes'
import { goToStage, nextStage } from './stages'
import { readWorkshop } from './read'
import { PRIVATE_BOARD_LAYOUT, WORKSHOP_LAYOUT, workshopStructure } from './layout'
import { amina, facilitator, projector, start, sync } from './testing'
import { createTheme } from './themes'
import { endWorkshop, revealNotes, setLocked, setQuestion, setSpotlight, setWritingMode, startTimer, stopTimer, workshopHasEnded } from './workshop'

const MINUTE = 60_000
const view = (doc: Y.Doc, now = start) => readWorkshop(doc, facilitator, now)

function withTwoThemes(): Y.Doc {
  const doc = new Y.Doc()
  idOf(createTheme(doc, facilitator, { name: 'Getting out', x: 0, y: 0 }, [], start))
  idOf(createTheme(doc, facilitator, { name: 'Loneliness', x: 400, y: 0 }, [], start))
  return doc
}

describe('the document layout', () => {
  it('keeps the names stored in every workshop ever written', () => {
    expect(WORKSHOP_LAYOUT).toEqual({ workshop: 'workshop', notes: 'notes', themes: 'themes', dots: 'dots', matrix: 'matrix', actions: 'actions' })
    expect(PRIVATE_BOARD_LAYOUT).toEqual({ drafts: 'drafts' })
    const doc = new Y.Doc()
    const names = workshopStructure(doc).map((type) => [...doc.share].find(([, shared]) => shared === type)?.[0])
    expect(names).toEqual(['meta', 'workshop', 'notes', 'themes', 'dots', 'matrix', 'actions'])
  })
})

describe('the question', () => {
  it('is set by the facilitator, trimmed, and says what to write when empty', () => {
    const doc = new Y.Doc()
    expect(setQuestion(doc, facilitator, '  What would help you stay well in Dagenham?  ').ok).toBe(true)
    expect(view(doc).question).toBe('What would help you stay well in Dagenham?')
    expect(setQuestion(doc, facilitator, '   ')).toMatchObject({ ok: false, errors: { question: expect.stringMatching(/Enter the question/) } })
  })

  it('is refused to a contributor and a viewer, with nothing written', () => {
    const doc = new Y.Doc()
    expect(setQuestion(doc, amina, 'Mine instead')).toEqual({ ok: false, errors: { form: 'Only the facilitator can change the question.' } })
    expect(setQuestion(doc, projector, 'Mine instead').ok).toBe(false)
    expect(view(doc).question).toBe('')
  })
})

describe('stages', () => {
  it('go in order ideas, themes, vote, prioritise, action plan', () => {
    expect([...STAGES]).toEqual(['ideas', 'themes', 'vote', 'prioritise', 'action-plan'])
    const walked: Stage[] = ['ideas']
    for (let stage = nextStage('ideas'); stage; stage = nextStage(stage)) walked.push(stage)
    expect(walked).toEqual([...STAGES])
    expect(nextStage('action-plan')).toBeNull()
  })

  it('only the facilitator moves them, forward or back', () => {
    const doc = withTwoThemes()
    expect(goToStage(doc, amina, 'ideas', 'themes')).toEqual({ ok: false, errors: { form: 'Only the facilitator can move the workshop to another stage.' } })
    expect(goToStage(doc, projector, 'ideas', 'themes').ok).toBe(false)
    expect(view(doc).stage).toBe('ideas')
    expect(goToStage(doc, facilitator, 'ideas', 'themes').ok).toBe(true)
    expect(goToStage(doc, facilitator, 'themes', 'vote').ok).toBe(true)
    expect(goToStage(doc, facilitator, 'vote', 'ideas').ok).toBe(true)
    expect(view(doc).stage).toBe('ideas')
  })

  it('two facilitators pressing "next" at once move one step, and the second is told why', () => {
    const laptop = new Y.Doc()
    const tablet = new Y.Doc()
    expect(goToStage(laptop, facilitator, 'ideas', 'themes').ok).toBe(true)
    sync(laptop, tablet)
    // The tablet still showed "ideas" when its facilitator pressed.
    expect(goToStage(tablet, facilitator, 'ideas', 'themes')).toEqual({ ok: false, errors: { form: 'Someone else has already moved the workshop to themes.' } })
    expect(view(tablet).stage).toBe('themes')
  })

  it('voting needs two things to choose between', () => {
    const doc = new Y.Doc()
    goToStage(doc, facilitator, 'ideas', 'themes')
    idOf(createTheme(doc, facilitator, { name: 'Getting out', x: 0, y: 0 }, [], start))
    expect(goToStage(doc, facilitator, 'themes', 'vote')).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/at least two themes/) } })
    idOf(createTheme(doc, facilitator, { name: 'Loneliness', x: 0, y: 0 }, [], start))
    expect(goToStage(doc, facilitator, 'themes', 'vote').ok).toBe(true)
  })

  it('an unknown stage is refused', () => {
    const doc = new Y.Doc()
    expect(goToStage(doc, facilitator, 'ideas', 'brainstorm' as Stage).ok).toBe(false)
  })
})

describe('lock, reveal, timer, spotlight and the end', () => {
  it('a locked board pauses contributors but not the facilitator; only the facilitator unlocks', () => {
    const doc = new Y.Doc()
    expect(setLocked(doc, amina, true)).toEqual({ ok: false, errors: { form: 'Only the facilitator can lock the board.' } })
    expect(setLocked(doc, facilitator, true).ok).toBe(true)
    expect(addNote(doc, amina, { text: 'A bench by the bus stop', x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/paused the board/) } })
    expect(addNote(doc, facilitator, { text: 'Parking', x: 0, y: 0 }, start).ok).toBe(true)
    expect(setLocked(doc, amina, false)).toEqual({ ok: false, errors: { form: 'Only the facilitator can unlock the board.' } })
    setLocked(doc, facilitator, false)
    expect(addNote(doc, amina, { text: 'A bench by the bus stop', x: 0, y: 0 }, start).ok).toBe(true)
    expect(view(doc).locked).toBe(false)
  })

  it('reveal is the facilitator’s, and happens once however often it is pressed', () => {
    const doc = new Y.Doc()
    const other = new Y.Doc()
    expect(revealNotes(doc, amina, start).ok).toBe(false)
    expect(view(doc).notesRevealed).toBe(false)
    expect(revealNotes(doc, facilitator, start)).toEqual({ ok: true, value: start })
    expect(revealNotes(doc, facilitator, start + MINUTE)).toEqual({ ok: true, value: start })
    expect(revealNotes(other, facilitator, start + 2 * MINUTE).ok).toBe(true)
    sync(doc, other)
    expect(view(doc).notesRevealed).toBe(true)
    expect(view(other).notesRevealed).toBe(true)
  })

  it('the timer stores its end time and every device counts down to it', () => {
    const doc = new Y.Doc()
    expect(startTimer(doc, amina, 5, start).ok).toBe(false)
    expect(startTimer(doc, facilitator, 0, start)).toMatchObject({ ok: false, errors: { minutes: expect.stringMatching(/at least 1 minute/) } })
    expect(startTimer(doc, facilitator, 5, start)).toEqual({ ok: true, value: { endsAt: start + 5 * MINUTE, minutes: 5 } })
    const later = view(doc, start + 3 * MINUTE + 30_000).timer
    expect(later && formatClock(later.remainingMs)).toBe('1:30')
    expect(view(doc, start + 9 * MINUTE).timer?.remainingMs).toBe(0)
    expect(stopTimer(doc, amina).ok).toBe(false)
    stopTimer(doc, facilitator)
    expect(view(doc).timer).toBeNull()
  })

  it('the spotlight is set and cleared by the facilitator only', () => {
    const doc = new Y.Doc()
    expect(setSpotlight(doc, amina, { x: 10, y: 20, zoom: 1.5 }).ok).toBe(false)
    setSpotlight(doc, facilitator, { x: 10, y: 20, zoom: 1.5 })
    expect(view(doc).spotlight).toEqual({ x: 10, y: 20, zoom: 1.5 })
    expect(setSpotlight(doc, facilitator, { x: Number.NaN, y: 0, zoom: 1 }).ok).toBe(false)
    setSpotlight(doc, facilitator, null)
    expect(view(doc).spotlight).toBeNull()
  })

  it('only the facilitator ends it; after that nothing moves and nothing is added', () => {
    const doc = new Y.Doc()
    expect(endWorkshop(doc, amina, start).ok).toBe(false)
    startTimer(doc, facilitator, 5, start)
    expect(endWorkshop(doc, facilitator, start).ok).toBe(true)
    expect(view(doc)).toMatchObject({ ended: true, timer: null })
    expect(goToStage(doc, facilitator, 'ideas', 'themes').ok).toBe(false)
    expect(addNote(doc, facilitator, { text: 'Late idea', x: 0, y: 0 }, start)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/has ended/) } })
  })

  it('the hub can ask any board whether it is an ended workshop without adding a workshop map to it', () => {
    const plan = new Y.Doc()
    plan.getMap('meta').set('kind', 'plan')
    expect(workshopHasEnded(plan)).toBe(false)
    expect(plan.share.has(WORKSHOP_LAYOUT.workshop)).toBe(false)
    const doc = new Y.Doc()
    setQuestion(doc, facilitator, 'What would help?')
    expect(workshopHasEnded(doc)).toBe(false)
    endWorkshop(doc, facilitator, start)
    expect(workshopHasEnded(doc)).toBe(true)
  })
})

describe('how people write', () => {
  it('anonymous and private writing are chosen before writing, by the facilitator, and then stay', () => {
    const doc = new Y.Doc()
    expect(setWritingMode(doc, amina, { anonymous: true, privateWriting: false }).ok).toBe(false)
    expect(setWritingMode(doc, facilitator, { anonymous: true, privateWriting: false }).ok).toBe(true)
    expect(view(doc)).toMatchObject({ anonymous: true, privateWriting: false })
    addNote(doc, amina, { text: 'More benches', x: 0, y: 0 }, start)
    expect(setWritingMode(doc, facilitator, { anonymous: false, privateWriting: false })).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/already started writing/) } })
    expect(view(doc).anonymous).toBe(true)
  })
})
