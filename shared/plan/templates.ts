import type * as Y from 'yjs'
import { addEntry, type Author } from './entries'
import { check, ENTRY_SCHEMAS, type Checked, type EntryList, type Voice } from './fields'

/**
 * Planning methods teams already use, as guided prompts whose answers land in the plan's own
 * sections. A template adds no second place to keep things: it only says where each answer goes.
 */

export type TemplateId = 'blank' | 'one-page-profile' | 'path'

/** Where a prompt's answer goes. */
export type PromptTarget =
  | { kind: 'entry'; list: Extract<EntryList, 'strength' | 'need' | 'goal'>; importance?: 'high' | 'medium' | 'low' }
  | { kind: 'narrative'; key: string }
  /** An action needs an owner, agency and date, so the board opens its action form under the plan's first goal. */
  | { kind: 'action' }

export interface TemplatePrompt {
  id: string
  title: string
  hint: string
  target: PromptTarget
}

export interface Template {
  id: TemplateId
  title: string
  description: string
  prompts: readonly TemplatePrompt[]
}

export const TEMPLATES: readonly Template[] = [
  { id: 'blank', title: 'Blank plan', description: 'Every section, empty.', prompts: [] },
  {
    id: 'one-page-profile',
    title: 'One-page profile',
    description: 'What people appreciate about me, what is important to me, and how best to support me.',
    prompts: [
      { id: 'appreciate', title: 'What people appreciate about me', hint: 'Goes to Strengths.', target: { kind: 'entry', list: 'strength' } },
      { id: 'important', title: 'What is important to me', hint: 'Goes to About me: what is most important to me.', target: { kind: 'narrative', key: 'importantToMe' } },
      { id: 'support', title: 'How best to support me', hint: 'Goes to About me: how and when to support me.', target: { kind: 'narrative', key: 'howAndWhenToSupportMe' } },
    ],
  },
  {
    id: 'path',
    title: 'PATH',
    description: 'Planning Alternative Tomorrows with Hope: from the North Star back to first steps.',
    prompts: [
      { id: 'north-star', title: 'The North Star', hint: 'The dream. Goes to Goals, very important.', target: { kind: 'entry', list: 'goal', importance: 'high' } },
      { id: 'positive-possible', title: 'Positive and possible', hint: 'What a good year from now looks like. Goes to Goals.', target: { kind: 'entry', list: 'goal', importance: 'medium' } },
      { id: 'now', title: 'Now', hint: 'Where things are today. Goes to Needs and concerns.', target: { kind: 'entry', list: 'need' } },
      { id: 'enrol', title: 'People to enrol', hint: 'Who will help. Goes to About me: people who are important to me.', target: { kind: 'narrative', key: 'peopleImportantToMe' } },
      { id: 'stronger', title: 'Getting stronger', hint: 'What will help us keep going. Goes to Strengths.', target: { kind: 'entry', list: 'strength' } },
      { id: 'first-steps', title: 'First steps', hint: 'Who does what, by when. Goes to Actions, under the first goal.', target: { kind: 'action' } },
    ],
  },
]

export function findTemplate(id: string): Template | null {
  return TEMPLATES.find((template) => template.id === id) ?? null
}

export function findPrompt(templateId: string, promptId: string): TemplatePrompt | null {
  return findTemplate(templateId)?.prompts.find((prompt) => prompt.id === promptId) ?? null
}

/** An answer to a prompt, and whose words it is: asked every time, as for any new entry (see voice.ts). */
export interface PromptAnswer {
  text: string
  /** Null until someone chooses; then refused with the same message as an entry form's. */
  voice: Voice | null
}

/**
 * Adds an answer whose prompt goes to a list (strengths, needs, goals). Templates are usually
 * filled in with the person, but a professional may be writing up what was said, so whose words
 * is asked rather than assumed. Narrative and action prompts are answered in their own editors,
 * so they are refused here.
 */
export function answerPrompt(doc: Y.Doc, templateId: string, promptId: string, answer: PromptAnswer, author: Author): Checked<string> {
  const prompt = findPrompt(templateId, promptId)
  if (!prompt) return { ok: false, errors: { form: 'That template question no longer exists.' } }
  const target = prompt.target
  if (target.kind !== 'entry') throw new Error(`Prompt ${promptId} is answered in its own editor, not with answerPrompt`)
  const input = { text: answer.text, voice: answer.voice ?? '', holder: 'person', importance: target.importance ?? 'medium' }
  if (target.list === 'strength') return addChecked(doc, 'strength', input, author)
  if (target.list === 'need') return addChecked(doc, 'need', input, author)
  return addChecked(doc, 'goal', input, author)
}

/** Checks first, so a missing answer to whose words and a missing text are reported together. */
function addChecked(doc: Y.Doc, list: 'strength' | 'need' | 'goal', input: unknown, author: Author): Checked<string> {
  const checked = check(ENTRY_SCHEMAS[list], input)
  return checked.ok ? addEntry(doc, list, checked.value, author) : checked
}
