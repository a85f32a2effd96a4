import { isApiError } from '../api'
import type { ApiValue, FieldChanges, FieldDef, LookupLabels } from './fields'
import { isoToUtcDate } from './datetime'
import { rawValue, toApiValue, formValue } from './form'
import { formatDate, formatDateTime } from './format'

/** A record that carries an optimistic-concurrency version. */
export interface Versioned {
  version: number
}

/** One line of the conflict dialog: a field someone else changed since you started editing. */
export interface ConflictRow {
  name: string
  label: string
  /** Their (the current) value, as text. */
  theirs: string
  /** Your value as text; `undefined` when you didn't touch the field (theirs stands, no conflict). */
  yours: string | undefined
  /** You changed it too, to something else than theirs. */
  conflict: boolean
}

/** The stored value of a field as the API compares it (lookup: the id). */
function storedValue<R>(field: FieldDef<R>, record: R): ApiValue {
  return toApiValue(field, formValue(field, record))
}

/** A field's value on a record as text (lookups by label). */
export function fieldText<R>(field: FieldDef<R>, record: R): string {
  if (field.text) return field.text(record)
  if (field.type === 'lookup') return field.lookupLabel(record) ?? ''
  const raw = rawValue(field, record)
  if (field.type === 'checkbox') return raw === true ? 'Yes' : 'No'
  if (raw === null || raw === undefined) return ''
  if (field.type === 'datetime') {
    const dateOnly = field.dateOnlyWhen !== undefined && (record as Record<string, unknown>)[field.dateOnlyWhen] === true
    return dateOnly ? formatDate(isoToUtcDate(String(raw))) : formatDateTime(String(raw))
  }
  return String(raw)
}

function valueText<R>(field: FieldDef<R>, value: ApiValue, labels: LookupLabels): string {
  if (value === null) return ''
  if (field.type === 'checkbox') return value === true ? 'Yes' : 'No'
  if (field.type === 'lookup') return labels[field.name] ?? String(value)
  if (field.type === 'datetime') return /T00:00:00(\.000)?Z$/.test(String(value)) && field.dateOnlyWhen ? formatDate(isoToUtcDate(String(value))) : formatDateTime(String(value))
  return String(value)
}

/**
 * The fields that differ between the version you started editing from (`base`) and the current
 * one (`current`), with your value where you changed the field too.
 */
export function conflictRows<R>(
  fields: readonly FieldDef<R>[],
  base: R,
  current: R,
  changes: FieldChanges,
  labels: LookupLabels = {},
): ConflictRow[] {
  const rows: ConflictRow[] = []
  for (const field of fields) {
    if (field.skipInConflicts) continue
    const before = storedValue(field, base)
    const theirs = storedValue(field, current)
    if (before === theirs) continue
    const touched = Object.prototype.hasOwnProperty.call(changes, field.name)
    const mine = touched ? (changes[field.name] ?? null) : undefined
    rows.push({
      name: field.name,
      label: field.label,
      theirs: fieldText(field, current),
      yours: mine === undefined ? undefined : valueText(field, mine, labels),
      conflict: mine !== undefined && mine !== theirs,
    })
  }
  return rows
}

/**
 * The current record from a 409 answer (`{status:409, title, detail, current:{...}}`), if the
 * error is one and carries it.
 */
export function conflictCurrent<R extends Versioned>(error: unknown): R | undefined {
  if (!isApiError(error) || error.status !== 409) return undefined
  const body = error.body
  if (!body || typeof body !== 'object') return undefined
  const current = (body as Record<string, unknown>).current
  if (!current || typeof current !== 'object') return undefined
  return typeof (current as Partial<Versioned>).version === 'number' ? (current as R) : undefined
}

export function isConflict(error: unknown): boolean {
  return isApiError(error) && error.status === 409
}
