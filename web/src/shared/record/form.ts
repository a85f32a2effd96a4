import { isApiError } from '../api'
import { isDateKey, isoToLocalInput, isoToUtcDate, localInputToIso, utcDateToIso } from './datetime'
import type { ApiValue, FieldChanges, FieldDef, FieldErrors, FieldValue, FormValues, LookupLabels } from './fields'

/** The raw value of a field on a record. */
export function rawValue<R>(field: FieldDef<R>, record: R): unknown {
  return (record as Record<string, unknown>)[field.name]
}

/**
 * The form value of one field: '' for null/missing, booleans for checkboxes, strings otherwise
 * (date-times in local time, or the UTC day when the record's `dateOnlyWhen` flag is set).
 */
export function formValue<R>(field: FieldDef<R>, record: R | undefined): FieldValue {
  const raw = record === undefined ? undefined : rawValue(field, record)
  if (field.type === 'checkbox') return raw === true
  if (raw === null || raw === undefined) return ''
  if (field.type === 'datetime') {
    const dateOnly = field.dateOnlyWhen !== undefined && (record as Record<string, unknown>)[field.dateOnlyWhen] === true
    return dateOnly ? isoToUtcDate(String(raw)) : isoToLocalInput(String(raw))
  }
  return String(raw)
}

/** Form values for `fields` from a record (edit) or empty (new); polymorphic lookups also hold their type. */
export function initialValues<R>(fields: readonly FieldDef<R>[], record?: R): FormValues {
  const values: FormValues = {}
  for (const field of fields) {
    values[field.name] = formValue(field, record)
    if (field.type === 'lookup' && field.typeField) {
      const type = record === undefined ? undefined : (record as Record<string, unknown>)[field.typeField]
      values[field.typeField] = typeof type === 'string' ? type : ''
    }
  }
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

/**
 * The value to send: trimmed text, `null` for an empty field (clears it), booleans as they are;
 * date-times as ISO UTC (a date alone, as in an all-day event, as midnight UTC of that day).
 */
export function toApiValue<R>(field: FieldDef<R>, value: FieldValue | undefined): ApiValue {
  if (field.type === 'checkbox') return value === true
  const text = typeof value === 'string' ? value.trim() : ''
  if (text === '') return null
  if (field.type === 'datetime') return isDateKey(text) ? utcDateToIso(text) : localInputToIso(text)
  return text
}

/** The type of a polymorphic lookup's value as sent (null without a record). */
function typeValue(values: FormValues, typeField: string, id: ApiValue): ApiValue {
  const type = values[typeField]
  return id === null || typeof type !== 'string' || type === '' ? null : type
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
    if (field.type === 'lookup' && field.typeField) {
      // Type and id travel together ("Related To": what_type + what_id).
      const typeAfter = typeValue(values, field.typeField, after)
      if (before !== after || typeValue(base, field.typeField, before) !== typeAfter) {
        changes[field.name] = after
        changes[field.typeField] = typeAfter
      }
      continue
    }
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
    if (value === null) continue
    body[field.name] = value
    if (field.type === 'lookup' && field.typeField) body[field.typeField] = typeValue(values, field.typeField, value)
  }
  return body
}

/**
 * The form after one field changed, with what follows from it: a polymorphic lookup's type is
 * stored next to its id; lookups that depend on the field are cleared (`cleared` names them, so
 * their labels go too); date-times that turn date-only with a checkbox (All-Day Event) become
 * dates, and get their `defaultTime` back when it's unchecked.
 */
export function applyChange<R>(
  fields: readonly FieldDef<R>[],
  values: FormValues,
  name: string,
  value: FieldValue,
  lookupType?: string,
): { values: FormValues; cleared: string[] } {
  const next: FormValues = { ...values, [name]: value }
  const cleared: string[] = []
  const field = fields.find((f) => f.name === name)
  if (field?.type === 'lookup' && field.typeField) next[field.typeField] = value === '' ? '' : (lookupType ?? '')
  for (const other of fields) {
    if (other.type === 'lookup' && other.dependsOn === name && values[name] !== value && next[other.name]) {
      next[other.name] = ''
      if (other.typeField) next[other.typeField] = ''
      cleared.push(other.name)
    }
    if (other.type === 'datetime' && other.dateOnlyWhen === name) {
      const current = next[other.name]
      if (typeof current !== 'string' || current === '') continue
      if (value === true && !isDateKey(current)) next[other.name] = current.slice(0, 10)
      else if (value !== true && isDateKey(current)) next[other.name] = `${current}T${other.defaultTime ?? '00:00'}`
    }
  }
  return { values: next, cleared }
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
