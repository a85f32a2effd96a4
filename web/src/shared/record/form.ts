import { isApiError } from '../api'
import type { ApiValue, FieldChanges, FieldDef, FieldErrors, FieldValue, FormValues, LookupLabels } from './fields'

/** The raw value of a field on a record. */
export function rawValue<R>(field: FieldDef<R>, record: R): unknown {
  return (record as Record<string, unknown>)[field.name]
}

/** The form value of one field: '' for null/missing, booleans for checkboxes, strings otherwise. */
export function formValue<R>(field: FieldDef<R>, record: R | undefined): FieldValue {
  const raw = record === undefined ? undefined : rawValue(field, record)
  if (field.type === 'checkbox') return raw === true
  if (raw === null || raw === undefined) return ''
  return String(raw)
}

/** Form values for `fields` from a record (edit) or empty (new). */
export function initialValues<R>(fields: readonly FieldDef<R>[], record?: R): FormValues {
  const values: FormValues = {}
  for (const field of fields) values[field.name] = formValue(field, record)
  return values
}

/** Labels of the records the record's lookup fields point at. */
export function initialLookupLabels<R>(fields: readonly FieldDef<R>[], record?: R): LookupLabels {
  const labels: LookupLabels = {}
  if (!record) return labels
  for (const field of fields) {
    if (field.type !== 'lookup') continue
    const label = field.lookupLabel(record)
    if (label) labels[field.name] = label
  }
  return labels
}

/** The value to send: trimmed text, `null` for an empty field (clears it), booleans as they are. */
export function toApiValue<R>(field: FieldDef<R>, value: FieldValue | undefined): ApiValue {
  if (field.type === 'checkbox') return value === true
  const text = typeof value === 'string' ? value.trim() : ''
  return text === '' ? null : text
}

export const REQUIRED_MESSAGE = 'Complete this field.'

/** Client-side check of required fields: `{name: "Complete this field."}` for each empty one. */
export function validateRequired<R>(fields: readonly FieldDef<R>[], values: FormValues): FieldErrors {
  const errors: FieldErrors = {}
  for (const field of fields) {
    if (!field.required || field.readOnly) continue
    const value = toApiValue(field, values[field.name])
    if (value === null || value === false) errors[field.name] = REQUIRED_MESSAGE
  }
  return errors
}

/**
 * Only the fields whose value differs from `base` (as the API would store them: trimmed, '' → null).
 * This is the body of a PUT, without `version`.
 */
export function changedValues<R>(fields: readonly FieldDef<R>[], base: FormValues, values: FormValues): FieldChanges {
  const changes: FieldChanges = {}
  for (const field of fields) {
    if (field.readOnly) continue
    const before = toApiValue(field, base[field.name])
    const after = toApiValue(field, values[field.name])
    if (before !== after) changes[field.name] = after
  }
  return changes
}

/** Body of a POST: every filled-in editable field (empty ones are left out). */
export function createBody<R>(fields: readonly FieldDef<R>[], values: FormValues): FieldChanges {
  const body: FieldChanges = {}
  for (const field of fields) {
    if (field.readOnly) continue
    const value = toApiValue(field, values[field.name])
    if (value !== null) body[field.name] = value
  }
  return body
}

/**
 * Splits an API error into messages per field (from a 400 problem's `errors`) and one message for
 * everything that belongs to no field on the form.
 */
export function splitApiErrors<R>(error: unknown, fields: readonly FieldDef<R>[]): { fieldErrors: FieldErrors; other?: string } {
  if (!error) return { fieldErrors: {} }
  if (!isApiError(error)) return { fieldErrors: {}, other: 'Something went wrong. Try again.' }
  const names = new Set<string>(fields.filter((f) => !f.readOnly).map((f) => f.name))
  const fieldErrors: FieldErrors = {}
  const rest: string[] = []
  for (const [key, messages] of Object.entries(error.errors)) {
    if (names.has(key) && messages[0]) fieldErrors[key] = messages[0]
    else rest.push(...messages)
  }
  const anyField = Object.keys(fieldErrors).length > 0
  const other = rest.length > 0 ? rest.join(' ') : anyField ? undefined : error.displayMessage
  return { fieldErrors, other }
}
