import { useRef } from 'react'
import { isFarDueDateQuestion } from '../../../shared/plan/dateRules'
import type { Checked } from '../../../shared/plan/fields'

/**
 * A due date more than five years ahead is asked about once: saving the same date again, after
 * the question, confirms it. This remembers which date was asked about.
 */
export function useFarDueDateConfirmation() {
  const askedAbout = useRef<string | null>(null)
  return {
    confirmed: (dueDate: unknown): boolean => typeof dueDate === 'string' && dueDate === askedAbout.current,
    remember(result: Checked<string>, dueDate: unknown): void {
      askedAbout.current = !result.ok && isFarDueDateQuestion(result.errors.dueDate) && typeof dueDate === 'string' ? dueDate : null
    },
  }
}
