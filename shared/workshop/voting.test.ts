import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { idOf } from '../testing/checked'
import { addNote } from './notes'
import { goToStage } from './stages'
import { readWorkshop } from './read'
import { amina, facilitator, projector, start, sync, tomasz } from './testing'
import { createTheme } from './themes'
import { clearVotes, countDots, placeDot, revealVotes, setVoteSettings, takeBackDot, voteResults } from './voting'
import type { Actor } from './workshop'

/** A workshop at the vote, with `themeCount` themes, ready to copy to every device. */
function atTheVote(themeCount = 3, budget = 3) {
  const doc = new Y.Doc()
  const themes: string[] = []
  for (let i = 0; i < themeCount; i += 1) themes.push(idOf(createTheme(doc, facilitator, { name: `Theme ${i + 1}`, x: i * 300, y: 0 }, [], start + i)))
  expect(setVoteSettings(doc, facilitator, { budget, target: 'themes' }).ok).toBe(true)
  expect(goToStage(doc, facilitator, 'ideas', 'vote').ok).toBe(true)
  return { doc, themes }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

const voting = (doc: Y.Doc, viewer: Actor) => readWorkshop(doc, viewer, start).voting

describe('setting up the vote', () => {
  it('the facilitator sets the budget and what is voted on; the numbers are checked', () => {
    const doc = new Y.Doc()
    expect(setVoteSettings(doc, amina, { budget: 5, target: 'notes' })).toEqual({ ok: false, errors: { form: 'Only the facilitator can set up the vote.' } })
    expect(setVoteSettings(doc, facilitator, { budget: 0, target: 'themes' })).toMatchObject({ ok: false, errors: { budget: 'Give each person at least 1 dot.' } })
    expect(setVoteSettings(doc, facilitator, { budget: 2.5, target: 'themes' })).toMatchObject({ ok: false, errors: { budget: expect.stringMatching(/whole number/) } })
    expect(setVoteSettings(doc, facilitator, { budget: 50, target: 'themes' })).toMatchObject({ ok: false, errors: { budget: expect.stringMatching(/at most 10 dots/) } })
    expect(setVoteSettings(doc, facilitator, { budget: 5, target: 'notes' }).ok).toBe(true)
    expect(voting(doc, amina)).toMatchObject({ budget: 5, target: 'notes', myDotsLeft: 5 })
  })

  it('what is voted on cannot change once dots are placed, until they are cleared', () => {
    const { doc, themes } = atTheVote()
    idOf(placeDot(doc, amina, themes[0], start))
    expect(setVoteSettings(doc, facilitator, { budget: 3, target: 'notes' })).toMatchObject({ ok: false, errors: { target: expect.stringMatching(/Clear the dots first/) } })
    expect(setVoteSettings(doc, facilitator, { budget: 4, target: 'themes' }).ok).toBe(true)
    expect(clearVotes(doc, amina).ok).toBe(false)
    expect(clearVotes(doc, facilitator).ok).toBe(true)
    expect(setVoteSettings(doc, facilitator, { budget: 3, target: 'notes' }).ok).toBe(true)
  })
})

describe('placing dots', () => {
  it('people place dots up to the budget, more than one on a thing if they like, and take them back', () => {
    const { doc, themes } = atTheVote(3, 3)
    idOf(placeDot(doc, amina, themes[0], start))
    idOf(placeDot(doc, amina, themes[0], start + 1))
    idOf(placeDot(doc, amina, themes[1], start + 2))
    expect(placeDot(doc, amina, themes[2], start + 3)).toEqual({ ok: false, errors: { form: 'You have used all 3 of your dots. Take one back to vote for something else.' } })
    expect(voting(doc, amina)).toMatchObject({ myDots: { [themes[0]]: 2, [themes[1]]: 1 }, myDotsLeft: 0, myDotsNotCounted: 0 })
    expect(takeBackDot(doc, amina, themes[0]).ok).toBe(true)
    expect(takeBackDot(doc, amina, themes[2])).toEqual({ ok: false, errors: { form: 'You have no dot there to take back.' } })
    expect(takeBackDot(doc, tomasz, themes[1]).ok).toBe(false)
    idOf(placeDot(doc, amina, themes[2], start + 4))
    expect(voting(doc, amina).myDots).toEqual({ [themes[0]]: 1, [themes[1]]: 1, [themes[2]]: 1 })
  })

  it('is refused outside the vote stage, to the projector, on a missing theme, and after the results', () => {
    const { doc, themes } = atTheVote()
    expect(placeDot(doc, projector, themes[0], start).ok).toBe(false)
    expect(placeDot(doc, amina, 'no-such-theme', start)).toEqual({ ok: false, errors: { form: 'That theme is no longer on the board. Choose another.' } })
    revealVotes(doc, facilitator)
    expect(placeDot(doc, amina, themes[0], start)).toEqual({ ok: false, errors: { form: 'The results are out, so voting has closed.' } })
    goToStage(doc, facilitator, 'vote', 'prioritise')
    expect(placeDot(doc, amina, themes[0], start).ok).toBe(false)
  })

  it('votes on single notes when the facilitator chooses notes', () => {
    const doc = new Y.Doc()
    const bench = idOf(addNote(doc, amina, { text: 'Benches', x: 0, y: 0 }, start))
    const bus = idOf(addNote(doc, amina, { text: 'Buses', x: 0, y: 0 }, start + 1))
    setVoteSettings(doc, facilitator, { budget: 2, target: 'notes' })
    goToStage(doc, facilitator, 'ideas', 'vote')
    idOf(placeDot(doc, tomasz, bench, start))
    idOf(placeDot(doc, tomasz, bus, start))
    revealVotes(doc, facilitator)
    expect(voteResults(doc).map(({ targetId, dots }) => [targetId, dots]).sort()).toEqual([[bench, 1], [bus, 1]].sort())
  })
})

describe('results', () => {
  it('are hidden from everyone, facilitator too, until revealed; meanwhile the room sees how many have voted', () => {
    const { doc, themes } = atTheVote()
    placeDot(doc, amina, themes[0], start)
    placeDot(doc, tomasz, themes[1], start)
    expect(voting(doc, facilitator)).toMatchObject({ results: null, voters: 2 })
    expect(revealVotes(doc, amina).ok).toBe(false)
    expect(voting(doc, amina).results).toBeNull()
    revealVotes(doc, facilitator)
    expect(voting(doc, amina).results).not.toBeNull()
  })

  it('ties are reported as ties, sharing a rank', () => {
    const { doc, themes } = atTheVote(4, 3)
    const [a, b, c, d] = themes
    for (const [voter, target] of [[amina, a], [amina, b], [tomasz, a], [tomasz, b], [tomasz, c]] as const) idOf(placeDot(doc, voter, target, start))
    revealVotes(doc, facilitator)
    expect(voting(doc, projector).results).toEqual([
      { targetId: [a, b].sort()[0], dots: 2, rank: 1, tied: true },
      { targetId: [a, b].sort()[1], dots: 2, rank: 1, tied: true },
      { targetId: c, dots: 1, rank: 3, tied: false },
      { targetId: d, dots: 0, rank: 4, tied: false },
    ])
  })
})

describe('the budget holds across devices', () => {
  it('one voter spending all their dots on two phones at once, offline, has only the earliest counted, and is told', () => {
    const { doc: hub, themes } = atTheVote(3, 3)
    const phone = copyOf(hub)
    const tablet = copyOf(hub)
    for (let i = 0; i < 3; i += 1) idOf(placeDot(phone, amina, themes[0], start + 10 + i * 2))
    for (let i = 0; i < 3; i += 1) idOf(placeDot(tablet, amina, themes[1], start + 11 + i * 2))
    sync(phone, hub)
    sync(tablet, hub)
    sync(phone, hub)
    for (const doc of [hub, phone, tablet]) {
      // Times 10, 11, 12 count: two on the first theme, one on the second.
      expect(voting(doc, amina)).toMatchObject({ myDots: { [themes[0]]: 2, [themes[1]]: 1 }, myDotsLeft: 0, myDotsNotCounted: 3 })
    }
    // Taking back a dot that does not count frees nothing, so it goes first.
    expect(takeBackDot(phone, amina, themes[0]).ok).toBe(true)
    expect(voting(phone, amina)).toMatchObject({ myDots: { [themes[0]]: 2, [themes[1]]: 1 }, myDotsNotCounted: 2 })
  })

  type Step =
    | { kind: 'place'; device: number; voter: number; target: number }
    | { kind: 'takeBack'; device: number; voter: number; target: number }
    | { kind: 'send'; from: number; to: number }

  const DEVICES = 4
  const VOTERS = 3
  const voters: Actor[] = Array.from({ length: VOTERS }, (_, i) => ({ role: 'contributor', participantId: `voter${i}` }))

  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('place' as const), device: fc.nat(DEVICES - 1), voter: fc.nat(VOTERS - 1), target: fc.nat(3) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('takeBack' as const), device: fc.nat(DEVICES - 1), voter: fc.nat(VOTERS - 1), target: fc.nat(3) }) },
    // Devices exchange updates only now and then, in any direction: the gaps are offline stretches.
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(DEVICES - 1), to: fc.nat(DEVICES - 1) }) },
  )

  function send(from: Y.Doc, to: Y.Doc): void {
    Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
  }

  function checkBudget(doc: Y.Doc, budget: number): void {
    const { perTarget, perVoter } = countDots(doc)
    let counted = 0
    for (const { counted: dots } of perVoter.values()) {
      expect(dots.length).toBeLessThanOrEqual(budget)
      counted += dots.length
    }
    expect([...perTarget.values()].reduce((sum, n) => sum + n, 0)).toBe(counted)
  }

  it('no voter ever has more than the budget counted, on any device, and every device agrees once synced (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(step, { maxLength: 60 }),
        // Clocks a second or two apart and coarse, so dots from different devices often carry the same time.
        fc.array(fc.constantFrom(-2000, -1000, 0, 1000, 2000), { minLength: DEVICES, maxLength: DEVICES }),
        fc.array(fc.tuple(fc.nat(DEVICES - 1), fc.nat(DEVICES - 1)), { maxLength: 20 }),
        (budget, steps, clockSkew, finalOrder) => {
          const { doc: base, themes } = atTheVote(4, budget)
          const devices = Array.from({ length: DEVICES }, () => copyOf(base))
          steps.forEach((each, index) => {
            if (each.kind === 'send') send(devices[each.from], devices[each.to])
            else {
              const doc = devices[each.device]
              const voter = voters[each.voter]
              // Each device's own clock, which may be minutes off the others'.
              const now = start + Math.floor(index / 4) * 1000 + clockSkew[each.device]
              const before = countDots(doc).perVoter.get(voter.participantId)?.counted.length ?? 0
              const result = each.kind === 'place' ? placeDot(doc, voter, themes[each.target], now) : takeBackDot(doc, voter, themes[each.target])
              if (each.kind === 'place') expect(result.ok).toBe(before < budget)
            }
            for (const doc of devices) checkBudget(doc, budget)
          })
          // Reconnect in a random order, then fully.
          for (const [from, to] of finalOrder) {
            send(devices[from], devices[to])
            for (const doc of devices) checkBudget(doc, budget)
          }
          for (const from of devices) for (const to of devices) send(from, to)
          const expected = { results: voteResults(devices[0]), count: countDots(devices[0]) }
          for (const doc of devices) {
            checkBudget(doc, budget)
            expect({ results: voteResults(doc), count: countDots(doc) }).toEqual(expected)
          }
          // Nothing within the budget is lost: each voter has min(budget, dots they have in the document) counted.
          const all = [...(devices[0].getMap('dots') as Y.Map<{ voterId: string }>).values()]
          for (const voter of voters) {
            const placed = all.filter((dot) => dot.voterId === voter.participantId).length
            expect(expected.count.perVoter.get(voter.participantId)?.counted.length ?? 0).toBe(Math.min(budget, placed))
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})
