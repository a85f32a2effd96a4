import type { ImportField } from './fields'

/** A column left out of the import. */
export const SKIP = ''

/** " Billing  Address " → "billing_address", as the server compares headers. */
export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .split(/[\s\-_]+/)
    .filter(Boolean)
    .join('_')
}

/**
 * The field each column fills, guessed from its header: the field's snake_case name, its label or one of its
 * aliases, in any case and spacing. A field is filled by one column only (the first that names it); the others,
 * and columns nothing matches (id, owner, created date), are skipped.
 */
export function autoMap(headers: readonly string[], fields: readonly ImportField[]): string[] {
  const byKey = new Map<string, string>()
  for (const field of fields) {
    for (const key of [field.name, field.label, ...(field.aliases ?? [])]) {
      const normalized = normalizeHeader(key)
      if (!byKey.has(normalized)) byKey.set(normalized, field.name)
    }
  }
  const used = new Set<string>()
  return headers.map((header) => {
    const field = byKey.get(normalizeHeader(header))
    if (!field || used.has(field)) return SKIP
    used.add(field)
    return field
  })
}

/** Required fields no column fills. A full-name column stands in for the last name. */
export function missingRequired(mapping: readonly string[], fields: readonly ImportField[]): ImportField[] {
  const mapped = new Set(mapping)
  return fields.filter((f) => f.required && !mapped.has(f.name) && !(f.name === 'last_name' && mapped.has('name')))
}

/** Fields chosen for more than one column (the server would take the first only). */
export function duplicateFields(mapping: readonly string[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const field of mapping) {
    if (field === SKIP) continue
    if (seen.has(field)) repeated.add(field)
    seen.add(field)
  }
  return [...repeated]
}
