/**
 * Builds the benchmark's large plan in a Y.Doc with the app's own functions: initialiseBoard,
 * setPersonField, addEntry (care team, strengths, needs, goals, actions) and linkNeedToGoal, and
 * the About me text typed one character per editor update into headless Lexical editors bound with
 * the app's binding, so the doc has the layout and the item history the app would give it.
 */
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { initialiseBoard } from '../shared/board'
import { addEntry, linkNeedToGoal, setPersonField, type Author } from '../shared/plan/entries'
import { ACTION_STATUSES, IMPORTANCE, STRENGTH_HOLDERS, type Checked } from '../shared/plan/fields'
import { ABOUT_ME_FIELDS } from '../shared/plan/narrative'
import { richTextPlain } from '../shared/plan/narrativeText'
import { appendBlock, appendListItem, bindHeadless, dispose, typeCharacter } from './richtext-headless'
import { seededRandom } from './stats'

export interface PlanShape {
  goals: number
  actions: number
  professionals: number
  strengths: number
  needs: number
  /** Characters of About me text, spread evenly over the About me fields. */
  richTextCharacters: number
}

export interface BuiltPlan {
  goalCount: number
  actionCount: number
  entryCount: number
  richTextCharacters: number
  /** Editor updates that wrote the rich text (one per character, plus one per new block). */
  richTextUpdates: number
  /** Y.encodeStateAsUpdate(doc).byteLength: what a new client receives when it syncs. */
  stateBytes: number
  buildMs: number
}

const WORDS = (
  'I like my tea strong with two sugars and the radio on in the morning my daughter visits on ' +
  'Sundays and we walk to the park when my knee allows it please knock and wait because I take a ' +
  'while to reach the door the district nurse comes on Tuesdays I do not like loud rooms or being ' +
  'rushed my cat Pepper needs feeding at six I used to work at the bus depot and still meet friends ' +
  'there on Thursdays my hearing is better on the left side write things down for me if it matters'
).split(' ')

const AUTHOR_NAME = 'Benchmark facilitator'

function mustAdd(result: Checked<string>, what: string): string {
  if (!result.ok) throw new Error(`Could not add ${what}: ${JSON.stringify(result.errors)}`)
  return result.value
}

/** A sentence of `words` seeded words, capitalised, with a full stop. */
function sentence(random: () => number, words: number): string {
  const picked: string[] = []
  for (let index = 0; index < words; index++) picked.push(WORDS[Math.floor(random() * WORDS.length)])
  const text = picked.join(' ')
  return `${text[0].toUpperCase()}${text.slice(1)}. `
}

/**
 * Types about `characters` characters into one field: paragraphs of a few sentences, a bold phrase
 * now and then, and one short bulleted list, each character its own editor update.
 */
function typeField(doc: Y.Doc, awareness: Awareness, fieldKey: string, characters: number, random: () => number): number {
  const bound = bindHeadless(doc, awareness, fieldKey, { name: AUTHOR_NAME, colour: '#005eb8' })
  let typed = 0
  let updates = 0
  const typeInto = (blockKey: string, text: string, bold: boolean): void => {
    for (const character of text) {
      if (!typeCharacter(bound.editor, blockKey, character, bold)) throw new Error('the block being typed into vanished')
      typed++
      updates++
    }
  }
  let blocks = 0
  while (typed < characters) {
    if (blocks === 2) {
      let item = appendBlock(bound.editor, 'bullet')
      updates++
      for (let index = 0; index < 4; index++) {
        if (index > 0) {
          item = appendListItem(bound.editor, item)
          updates++
        }
        typeInto(item, sentence(random, 4).trim(), false)
      }
    } else {
      const paragraph = appendBlock(bound.editor, 'paragraph')
      updates++
      for (let index = 0; index < 4 && typed < characters; index++) {
        const bold = random() < 0.15
        typeInto(paragraph, sentence(random, 6 + Math.floor(random() * 10)), bold)
      }
    }
    blocks++
  }
  dispose(bound)
  return updates
}

/** Builds the plan into `doc` (which should be `new Y.Doc({ gc: false })`, as in the app). */
export function buildPlan(doc: Y.Doc, shape: PlanShape, today: string, seed: number): BuiltPlan {
  const started = performance.now()
  const random = seededRandom(seed)
  const author: Author = { by: AUTHOR_NAME, now: new Date() }
  initialiseBoard(doc, { kind: 'plan', title: 'Benchmark plan: 200 goals', now: author.now })
  setPersonField(doc, 'name', 'A. N. Example')
  setPersonField(doc, 'preferredName', 'Annie')
  setPersonField(doc, 'communicationNeeds', 'Large print; hears better on the left side.')

  const professionals: string[] = []
  for (let index = 0; index < shape.professionals; index++) {
    const input = { name: `Professional ${index + 1}`, role: 'District nurse', organisation: 'Riverside PCN', contact: '', keyWorker: index === 0 }
    professionals.push(mustAdd(addEntry(doc, 'professional', input, author), 'a professional'))
  }
  for (let index = 0; index < shape.strengths; index++) {
    const input = { text: sentence(random, 10).trim(), holder: STRENGTH_HOLDERS[index % STRENGTH_HOLDERS.length], voice: 'person' as const }
    mustAdd(addEntry(doc, 'strength', input, author), 'a strength')
  }
  const needs: string[] = []
  for (let index = 0; index < shape.needs; index++) {
    needs.push(mustAdd(addEntry(doc, 'need', { text: sentence(random, 10).trim(), voice: 'professional' }, author), 'a need'))
  }

  const goals: string[] = []
  for (let index = 0; index < shape.goals; index++) {
    const input = { text: sentence(random, 12).trim(), importance: IMPORTANCE[index % IMPORTANCE.length], voice: 'person' as const }
    const goalId = mustAdd(addEntry(doc, 'goal', input, author), 'a goal')
    goals.push(goalId)
    if (needs.length > 0) linkNeedToGoal(doc, needs[index % needs.length], goalId)
  }
  for (let index = 0; index < shape.actions; index++) {
    const input = {
      what: sentence(random, 14).trim(),
      ownerId: professionals[index % professionals.length],
      agency: 'Riverside PCN',
      dueDate: today,
      status: ACTION_STATUSES[index % 2],
      reviewDate: '',
      outcome: '',
      voice: 'professional' as const,
    }
    // Actions are spread evenly over the goals, added goal after goal as a team would.
    const goalId = goals[Math.floor((index * goals.length) / shape.actions)]
    mustAdd(addEntry(doc, 'action', input, { ...author, goalId, today }), 'an action')
  }

  const awareness = new Awareness(doc)
  awareness.setLocalStateField('user', { name: AUTHOR_NAME, colour: '#005eb8' })
  const perField = Math.ceil(shape.richTextCharacters / ABOUT_ME_FIELDS.length)
  let richTextUpdates = 0
  for (const field of ABOUT_ME_FIELDS) richTextUpdates += typeField(doc, awareness, field.key, perField, random)
  awareness.destroy()
  const buildMs = performance.now() - started

  let richTextCharacters = 0
  for (const field of ABOUT_ME_FIELDS) richTextCharacters += richTextPlain(doc, field.key).replace(/\n/g, '').length
  return {
    goalCount: goals.length,
    actionCount: shape.actions,
    entryCount: doc.getMap('entries').size,
    richTextCharacters,
    richTextUpdates,
    stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
    buildMs,
  }
}
