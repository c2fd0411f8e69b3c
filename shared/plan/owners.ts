/**
 * Who owns an action decides what else it needs. A member of the care team works for an
 * organisation, which is the agency responsible; a personal contact (a daughter, a neighbour) acts
 * for themselves, so an action they own needs no agency, and their relationship says who they are.
 */

export type OwnerKind = 'professional' | 'personal'

export const AGENCY_MISSING = 'Enter the agency or organisation responsible. (An action owned by a family member or friend needs none.)'

export function agencyProblem(ownerKind: OwnerKind, agency: string): string | null {
  return ownerKind === 'professional' && agency.trim() === '' ? AGENCY_MISSING : null
}

/**
 * The agency once an action's owner is chosen (from the list, or someone new to the care team):
 * what was typed, else the owner's organisation (a personal contact has none, so it stays empty).
 */
export function agencyForOwner(typedAgency: string, ownerOrganisation: string): string {
  return typedAgency.trim() !== '' ? typedAgency : ownerOrganisation.trim()
}

/** What a card shows beside "Who": a personal contact's relationship, else the agency (if any). */
export function ownerFact(ownerRelationship: string | null, agency: string): { label: string; value: string } | null {
  if (ownerRelationship !== null) return { label: 'Relationship', value: ownerRelationship }
  return agency ? { label: 'Agency', value: agency } : null
}
