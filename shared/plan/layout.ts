import type * as Y from 'yjs'
import { META_MAP, type SharedType } from '../boardLayout'

/**
 * Where a care and support plan keeps its content in its Y.Doc: every top-level shared type, by
 * name. These names are stored in every plan ever written and never change; the modules that read
 * and write each part import them from here.
 *
 *   meta              Y.Map    kind, title, createdAt, template (every board)   shared/board.ts
 *   person            Y.Map    the person's details                             entries.ts
 *   entries           Y.Map    strengths, needs, goals, actions, contacts       entries.ts
 *   agreement         Y.Map    who agreed the plan, how and when                versions.ts
 *   versions          Y.Array  named versions (Yjs snapshots)                   versions.ts
 *   narrativeWriters  Y.Map    who has typed in each rich-text field            narrativeAuthorship.ts
 *   narrativeWording  Y.Map    how each rich-text field was written             narrativeAuthorship.ts
 *   changeLog         Y.Array  who changed what and when, in words              changeLog.ts
 *   decisions         Y.Map    decisions made about the person at meetings      meetingRecords.ts
 *   discussions       Y.Map    which meetings discussed the plan, and when      meetingRecords.ts
 *   richText:<key>    Y.XmlText one per narrative field (About me, contingency) narrativeText.ts
 */
export const PLAN_LAYOUT = {
  person: 'person',
  entries: 'entries',
  agreement: 'agreement',
  versions: 'versions',
  narrativeWriters: 'narrativeWriters',
  narrativeWording: 'narrativeWording',
  changeLog: 'changeLog',
  decisions: 'decisions',
  discussions: 'discussions',
  richTextPrefix: 'richText:',
} as const

/**
 * The shared types that make up a plan's structure (everything but its rich text and who wrote
 * it): what the board re-reads the plan on, and what its undo covers. Typing in a rich-text box
 * changes none of them, so it does not re-render the board; each editor has its own undo.
 */
export function planStructure(doc: Y.Doc): SharedType[] {
  return [
    doc.getMap(META_MAP),
    doc.getMap(PLAN_LAYOUT.person),
    doc.getMap(PLAN_LAYOUT.entries),
    doc.getMap(PLAN_LAYOUT.agreement),
    doc.getArray(PLAN_LAYOUT.versions),
    doc.getMap(PLAN_LAYOUT.decisions),
  ]
}
