import { isApiError } from '../../shared/api'
import { ROLES, type Role } from '../../shared/api/types'

export const NAME_MAX_LENGTH = 80

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }))

export type FieldName = 'name' | 'role' | 'is_active'
export type FieldErrors = Partial<Record<FieldName, string>>

/** Field errors from a 400 answer plus whatever it says that belongs to no field on this form (as the users modals do). */
export function splitErrors(error: unknown, fields: readonly FieldName[]): { fieldErrors: FieldErrors; other?: string } {
  if (!error) return { fieldErrors: {} }
  if (!isApiError(error)) return { fieldErrors: {}, other: 'Something went wrong. Try again.' }
  const fieldErrors: FieldErrors = {}
  const rest: string[] = []
  for (const [key, messages] of Object.entries(error.errors)) {
    if ((fields as readonly string[]).includes(key) && messages[0]) fieldErrors[key as FieldName] = messages[0]
    else rest.push(...messages)
  }
  const anyField = Object.keys(fieldErrors).length > 0
  const other = rest.length > 0 ? rest.join(' ') : anyField ? undefined : error.displayMessage
  return { fieldErrors, other }
}

/** The checks the form makes before it calls the API: Name required (at most 80 characters), a known Role. */
export function validate(values: { name: string; role: string }): FieldErrors {
  const out: FieldErrors = {}
  const name = values.name.trim()
  if (!name) out.name = 'Complete this field.'
  else if (name.length > NAME_MAX_LENGTH) out.name = `Name must be at most ${NAME_MAX_LENGTH} characters.`
  if (!(ROLES as readonly string[]).includes(values.role)) out.role = 'Complete this field.'
  return out
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
