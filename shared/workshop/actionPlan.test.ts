import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { idOf } from '../testing/checked'
import { addAction, editAction, removeAction, setActionStatus } from './actionPlan'
import type { ActionInput } from './fields'
import { addNote } from './notes'
import { nudgePlacement, placeOnMatrix, quadrantOf, readMatrix, removeFromMatrix, topThemes } from './prioritise'
import { goToStage } from './stages'
import { readWorkshop, youSaidWeDid } from './read'
import { amina, facilitator, projector, start, tomasz } from './testing'
import { createTheme } from './themes'
import { placeDot, revealVotes, setVoteSettings } from './voting'
import { endWorkshop } from './workshop'

/** A workshop voted on: walking has 3 dots, transport 2, company 2, a quiet theme none. */
function voted() {
  const doc = new Y.Doc()
  const walkNote = idOf(addNote(doc, amina, { text: 'A walking group from the library', x: 0, y: 0 }, start))
  const busNote = idOf(addNote(doc, tomasz, { text: 'Buses after 7pm', x: 0, y: 0 }, start + 1))
  const walking = idOf(createTheme(doc, facilitator, { name: 'Walking', x: 0, y: 0 }, [walkNote], start))
  const transport = idOf(createTheme(doc, facilitator, { name: 'Transport', x: 0, y: 0 }, [busNote], start + 1))
  const company = idOf(createTheme(doc, facilitator, { name: 'Company', x: 0, y: 0 }, [], start + 2))
  const quiet = idOf(createTheme(doc, facilitator, { name: 'Quiet', x: 0, y: 0 }, [], start + 3))
  setVoteSettings(doc, facilitator, { budget: 3, target: 'themes' })
  goToStage(doc, facilitator, 'ideas', 'vote')
  for (const [voter, theme] of [[amina, walking], [amina, walking], [amina, transport], [tomasz, walking], [tomasz, company], [tomasz, company], [facilitator, transport]] as const) idOf(placeDot(doc, voter, theme, start))
  revealVotes(doc, facilitator)
  return { doc, walking, transport, company, quiet, walkNote, busNote }
}

const walkingGroup: ActionInput = {
  weWill: 'We will start a weekly walking group from Dagenham Library',
  whoPerson: 'Priya Shah',
  whoOrganisation: 'Dagenham East PCN',
  byWhen: '2027-03-01',
  measure: '20 people walking weekly by March',
}

describe('prioritising', () => {
  it('top themes are those with most dots, and a tie at the cut-off brings both (never broken silently)', () => {
    const { doc, walking, transport, company } = voted()
    expect(topThemes(doc, 1)).toEqual([walking])
    expect(topThemes(doc, 2).sort()).toEqual([walking, transport, company].sort())
    expect(topThemes(doc, 10).sort()).toEqual([walking, transport, company].sort())
  })

  it('themes are placed on the impact / effort grid in the prioritise stage, by drag or by keyboard steps', () => {
    const { doc, walking, transport } = voted()
    expect(placeOnMatrix(doc, amina, walking, { impact: 0.9, effort: 0.2 }).ok).toBe(false)
    goToStage(doc, facilitator, 'vote', 'prioritise')
    expect(placeOnMatrix(doc, amina, walking, { impact: 0.9, effort: 0.2 }).ok).toBe(true)
    expect(placeOnMatrix(doc, projector, walking, { impact: 0.1, effort: 0.2 }).ok).toBe(false)
    expect(placeOnMatrix(doc, tomasz, transport, { impact: 1.5, effort: 0.2 })).toMatchObject({ ok: false, errors: { impact: 'Place the theme on the grid.' } })
    let place = { impact: 0.5, effort: 0.5 }
    place = nudgePlacement(nudgePlacement(place, 'more-impact'), 'more-effort')
    expect(place).toEqual({ impact: 0.6, effort: 0.6 })
    expect(nudgePlacement({ impact: 1, effort: 0 }, 'more-impact')).toEqual({ impact: 1, effort: 0 })
    placeOnMatrix(doc, tomasz, transport, place)
    expect(readMatrix(doc)).toEqual([
      { themeId: walking, impact: 0.9, effort: 0.2, quadrant: 'quick-wins' },
      { themeId: transport, impact: 0.6, effort: 0.6, quadrant: 'big-projects' },
    ])
    expect([quadrantOf({ impact: 0.2, effort: 0.2 }), quadrantOf({ impact: 0.2, effort: 0.8 })]).toEqual(['small-jobs', 'think-again'])
    removeFromMatrix(doc, amina, transport)
    expect(readMatrix(doc)).toHaveLength(1)
  })
})

describe('the action plan', () => {
  it('actions are written in the action-plan stage with who, by when and how we will know, and each field is checked', () => {
    const { doc, walking, walkNote } = voted()
    expect(addAction(doc, amina, walkingGroup, start)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/action plan stage/) } })
    goToStage(doc, facilitator, 'vote', 'action-plan')
    const bad = addAction(doc, amina, { weWill: '', whoPerson: '', whoOrganisation: '', byWhen: '2027-02-30', measure: '' }, start)
    expect(bad).toEqual({
      ok: false,
      errors: {
        weWill: 'Say what will be done, starting “We will…”.',
        whoPerson: 'Enter who will do it, for example Priya Shah.',
        whoOrganisation: 'Enter their organisation, for example Dagenham Library or Age UK.',
        byWhen: expect.stringMatching(/real date/),
        measure: expect.stringMatching(/how everyone will know/),
      },
    })
    const id = idOf(addAction(doc, amina, { ...walkingGroup, fromThemeIds: [walking, walking], fromNoteIds: [walkNote] }, start))
    expect(readWorkshop(doc, projector, start).actions).toEqual([{ id, ...walkingGroup, fromThemeIds: [walking], fromNoteIds: [walkNote], status: 'agreed' }])
    expect(editAction(doc, tomasz, id, { ...walkingGroup, byWhen: '2027-04-01' }).ok).toBe(true)
    expect(readWorkshop(doc, projector, start).actions[0].byWhen).toBe('2027-04-01')
    expect(removeAction(doc, projector, id).ok).toBe(false)
  })

  it('after the end only the facilitator updates a status, in one step', () => {
    const { doc } = voted()
    goToStage(doc, facilitator, 'vote', 'action-plan')
    const id = idOf(addAction(doc, amina, walkingGroup, start))
    expect(setActionStatus(doc, amina, id, 'in-progress').ok).toBe(true)
    endWorkshop(doc, facilitator, start)
    expect(setActionStatus(doc, amina, id, 'done')).toEqual({ ok: false, errors: { form: 'This workshop has ended. The facilitator updates how its actions are going.' } })
    expect(editAction(doc, facilitator, id, walkingGroup).ok).toBe(false)
    expect(setActionStatus(doc, facilitator, id, 'done')).toEqual({ ok: true, value: 'done' })
    expect(readWorkshop(doc, projector, start).actions[0].status).toBe('done')
  })

  it('"You said, we did" shows each theme, what people wrote, and what was agreed from it or its notes', () => {
    const { doc, walking, transport, busNote } = voted()
    goToStage(doc, facilitator, 'vote', 'action-plan')
    const walk = idOf(addAction(doc, amina, { ...walkingGroup, fromThemeIds: [walking] }, start))
    const bus = idOf(addAction(doc, tomasz, { ...walkingGroup, weWill: 'We will ask TfL about later buses', fromNoteIds: [busNote] }, start + 1))
    setActionStatus(doc, facilitator, bus, 'not-possible')
    const rows = youSaidWeDid(readWorkshop(doc, projector, start))
    expect(rows.map((row) => [row.name, row.youSaid, row.weDid.map((action) => [action.id, action.status])])).toEqual([
      ['Walking', ['A walking group from the library'], [[walk, 'agreed']]],
      ['Transport', ['Buses after 7pm'], [[bus, 'not-possible']]],
      ['Company', [], []],
      ['Quiet', [], []],
    ])
    expect(rows[1].themeId).toBe(transport)
  })
})
