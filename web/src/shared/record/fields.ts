import type { ReactNode } from 'react'
import type { IconProps } from '../ui'

/** What a form control holds: text for text-like fields, picklists and lookups (the id), a boolean for checkboxes. */
export type FieldValue = string | boolean
/** Form state keyed by API field name. */
export type FormValues = Record<string, FieldValue>
/** A value as sent to the API: trimmed text, `null` to clear, or a boolean. */
export type ApiValue = string | boolean | null
/** A request body fragment: API field name → value. */
export type FieldChanges = Record<string, ApiValue>
/** A PUT body: the changed fields plus the version they were based on. */
export type VersionedChanges = Record<string, ApiValue | number> & { version: number }
/** One message per field (API field name). */
export type FieldErrors = Record<string, string>
/** Display labels of the records chosen in lookup fields, keyed by field name. */
export type LookupLabels = Record<string, string>

/** One match in a lookup's dropdown. */
export interface LookupOption {
  id: string
  label: string
  /** Second line (e.g. the website or the account name). */
  meta?: string
  /** The object of the match, for lookups over several objects (`LookupConfig.types`): "Account". */
  type?: string
}

/** One object a polymorphic lookup ("Related To": Account, Opportunity...) searches. */
export interface LookupType {
  /** The API's type name: "Account". */
  value: string
  /** Plural label for the type picker and the placeholder: "Accounts". */
  label: string
  icon: IconProps['icon']
}

/** What a lookup's search is narrowed to: the type chosen in the picker, the value of the field it depends on. */
export interface LookupSearchOptions {
  /** One of `LookupConfig.types` (undefined: all of them). */
  type?: string
  /** The value of the field named by `dependsOn` (e.g. the chosen account's id). */
  parent?: string
}

/** How a lookup field finds records of another object (usually through that object's list API). */
export interface LookupConfig {
  /** Plural object label used in the placeholder: "Search Accounts...". */
  objectLabel: string
  /** Object icon shown next to matches and the selection: `standard:account`. */
  icon: IconProps['icon']
  /** Returns the matches for a search text (may be empty: show recent/first records). */
  search: (q: string, signal?: AbortSignal, options?: LookupSearchOptions) => Promise<LookupOption[]>
  /** Link to a chosen record in read mode (`type`: the record's object, for polymorphic lookups). */
  recordHref?: (id: string, type?: string) => string | undefined
  /** Distinguishes cached results of searches scoped to something (e.g. one account's contacts). */
  scope?: string
  /**
   * A lookup over several objects (Salesforce's polymorphic "Related To" / "Name"): a type picker
   * in front of the input, the object's icon per match. The chosen type goes to the field's `typeField`.
   */
  types?: readonly LookupType[]
}

export type PicklistOption = string | { value: string; label: string }

interface FieldDefBase<R> {
  /** API field name (snake_case), also the key in forms, changes and 400 `errors`. */
  name: Extract<keyof R, string>
  /** Label as on the page: "Account Name". */
  label: string
  /** Red asterisk; checked on the client ("Complete this field.") before anything is sent. */
  required?: boolean
  maxLength?: number
  /** Help text under the input. */
  help?: string
  /** Takes a whole row in two-column layouts (textareas usually do). */
  wide?: boolean
  /** Shown on the record page but never edited (system fields: owner, created by...). */
  readOnly?: boolean
  /** Read-mode rendering; default: the formatted value (links for url/phone/lookup). */
  display?: (record: R) => ReactNode
  /** Leave out of the conflict dialog (bookkeeping such as "Last Modified By", which always differs). */
  skipInConflicts?: boolean
  /** Text for the conflict dialog and tooltips; default: the raw value / lookup label. */
  text?: (record: R) => string
}

export type TextFieldDef<R> = FieldDefBase<R> & { type: 'text' | 'textarea' | 'url' | 'phone' | 'email' | 'date' }
/**
 * A date and time (ISO 8601 UTC in the API, the browser's local time on screen). With `dateOnlyWhen`
 * (a checkbox such as "All-Day Event") checked, it is a date, sent as midnight UTC of that day.
 */
export type DateTimeFieldDef<R> = FieldDefBase<R> & {
  type: 'datetime'
  dateOnlyWhen?: Extract<keyof R, string>
  /** The time a date gets when `dateOnlyWhen` is unchecked again ("09:00"). */
  defaultTime?: string
}
export type PicklistFieldDef<R> = FieldDefBase<R> & { type: 'picklist'; options: readonly PicklistOption[] }
export type LookupFieldDef<R> = FieldDefBase<R> & {
  type: 'lookup'
  lookup: LookupConfig
  /** Display label of the record the field currently points at (e.g. `record.parent_account?.name`). */
  lookupLabel: (record: R) => string | undefined
  /** Polymorphic lookups: the field holding the chosen record's type (`what_type` next to `what_id`). */
  typeField?: Extract<keyof R, string>
  /**
   * Another field this lookup is narrowed by (Contact by Account): its value is the search's
   * `parent`, and changing it clears this field.
   */
  dependsOn?: Extract<keyof R, string>
}
export type CheckboxFieldDef<R> = FieldDefBase<R> & { type: 'checkbox' }

/**
 * One field of an object, described once and used by the record details (read + inline edit),
 * the new/edit form modal and the conflict dialog.
 */
export type FieldDef<R> = TextFieldDef<R> | DateTimeFieldDef<R> | PicklistFieldDef<R> | LookupFieldDef<R> | CheckboxFieldDef<R>

/** A titled group of fields ("Account Information", "Address Information"). */
export interface FieldSection<R> {
  title: string
  fields: readonly FieldDef<R>[]
}

export function picklistOptions(options: readonly PicklistOption[]): { value: string; label: string }[] {
  return options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o))
}

export function allFields<R>(sections: readonly FieldSection<R>[]): FieldDef<R>[] {
  return sections.flatMap((s) => s.fields)
}

/** The fields a person can edit (forms and inline edit). */
export function editableFields<R>(fields: readonly FieldDef<R>[]): FieldDef<R>[] {
  return fields.filter((f) => !f.readOnly)
}
