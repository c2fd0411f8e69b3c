import type { Action, Goal, Need, PersonalContact, Professional, Strength } from '../../../shared/plan/read'
import type { CardEntry } from './EntryCard'

// Plan entries as the cards show and edit them.

export function strengthCard(entry: Strength): CardEntry {
  return { id: entry.id, list: 'strength', title: entry.text, voice: entry.voice, addedBy: entry.addedBy, values: { text: entry.text, holder: entry.holder, voice: entry.voice } }
}

export function needCard(entry: Need): CardEntry {
  return { id: entry.id, list: 'need', title: entry.text, voice: entry.voice, addedBy: entry.addedBy, values: { text: entry.text, voice: entry.voice } }
}

export function goalCard(entry: Goal): CardEntry {
  return { id: entry.id, list: 'goal', title: entry.text, voice: entry.voice, addedBy: entry.addedBy, values: { text: entry.text, importance: entry.importance, voice: entry.voice } }
}

export function actionCard(entry: Action): CardEntry {
  return {
    id: entry.id,
    list: 'action',
    goalId: entry.goalId,
    title: entry.what,
    voice: entry.voice,
    addedBy: entry.addedBy,
    values: {
      what: entry.what,
      ownerId: entry.ownerId,
      agency: entry.agency,
      dueDate: entry.dueDate,
      status: entry.status,
      reviewDate: entry.reviewDate,
      outcome: entry.outcome,
      voice: entry.voice,
    },
  }
}

export function professionalCard(entry: Professional): CardEntry {
  return {
    id: entry.id,
    list: 'professional',
    title: entry.name,
    addedBy: entry.addedBy,
    values: { name: entry.name, role: entry.role, organisation: entry.organisation, contact: entry.contact, keyWorker: entry.keyWorker },
  }
}

export function personalCard(entry: PersonalContact): CardEntry {
  return { id: entry.id, list: 'personal', title: entry.name, addedBy: entry.addedBy, values: { name: entry.name, relationship: entry.relationship, contact: entry.contact } }
}
