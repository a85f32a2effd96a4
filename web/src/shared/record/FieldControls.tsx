import type { ReactNode, Ref } from 'react'
import { Link } from 'react-router'
import { CheckboxField, Icon, SelectField, TextAreaField, TextField } from '../ui'
import { fieldText } from './conflict'
import { isDateKey, isoToUtcDate } from './datetime'
import { picklistOptions, type FieldDef, type FieldValue, type FormValues } from './fields'
import { rawValue } from './form'
import { formatDate, formatDateTime } from './format'
import { safeHref } from './links'
import { LookupField } from './LookupField'

export interface FieldInputProps<R> {
  field: FieldDef<R>
  value: FieldValue | undefined
  /** Label of the chosen record (lookups). */
  lookupLabel?: string
  /** `lookupType`: the object of the chosen record (polymorphic lookups). */
  onChange: (value: FieldValue, lookupLabel?: string, lookupType?: string) => void
  error?: string
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>
  /** The whole form: what `dateOnlyWhen`, `typeField` and `dependsOn` refer to. */
  values?: FormValues
}

/** The edit control for a field definition (text, textarea, url, phone, email, date, date-time, picklist, lookup, checkbox). */
export function FieldInput<R>({ field, value, lookupLabel, onChange, error, inputRef, values = {} }: FieldInputProps<R>) {
  const text = typeof value === 'string' ? value : ''
  const common = { label: field.label, required: field.required, error, help: field.help, name: field.name }
  switch (field.type) {
    case 'datetime': {
      const dateOnly = field.dateOnlyWhen !== undefined && values[field.dateOnlyWhen] === true
      // A value of the other kind (just switched) shows in this input's format until it's stored.
      const shown = dateOnly ? text.slice(0, 10) : isDateKey(text) ? `${text}T${field.defaultTime ?? '00:00'}` : text
      return (
        <TextField
          {...common}
          type={dateOnly ? 'date' : 'datetime-local'}
          autoComplete="off"
          value={shown}
          onChange={onChange}
          inputRef={inputRef}
        />
      )
    }
    case 'textarea':
      return <TextAreaField {...common} value={text} onChange={onChange} maxLength={field.maxLength} inputRef={inputRef} />
    case 'picklist':
      return (
        <SelectField
          {...common}
          value={text}
          options={picklistOptions(field.options)}
          placeholder="--None--"
          onChange={onChange}
        />
      )
    case 'lookup': {
      const type = field.typeField ? values[field.typeField] : undefined
      const parent = field.dependsOn ? values[field.dependsOn] : undefined
      return (
        <LookupField
          label={field.label}
          required={field.required}
          error={error}
          help={field.help}
          lookup={field.lookup}
          value={text}
          valueLabel={lookupLabel}
          valueType={typeof type === 'string' && type ? type : undefined}
          parent={typeof parent === 'string' && parent ? parent : undefined}
          onChange={(id, label, lookupType) => onChange(id, label, lookupType)}
          inputRef={inputRef}
        />
      )
    }
    case 'checkbox':
      return <CheckboxField label={field.label} name={field.name} checked={value === true} onChange={onChange} error={error} />
    default: {
      const type = field.type === 'url' ? 'url' : field.type === 'phone' ? 'tel' : field.type === 'email' ? 'email' : field.type === 'date' ? 'date' : 'text'
      return (
        <TextField
          {...common}
          type={type}
          autoComplete="off"
          value={text}
          onChange={onChange}
          maxLength={field.maxLength}
          inputRef={inputRef}
        />
      )
    }
  }
}

/** A field's read-mode value: the definition's `display`, or links for url/phone/email/lookup. */
export function FieldOutput<R>({ field, record }: { field: FieldDef<R>; record: R }): ReactNode {
  if (field.display) return field.display(record)
  const raw = rawValue(field, record)
  if (field.type === 'checkbox') {
    return raw === true ? <Icon icon="utility:check" size="x-small" variant="default" assistiveText="Yes" /> : <span className="slds-assistive-text">No</span>
  }
  const text = fieldText(field, record)
  if (!text) return null
  switch (field.type) {
    case 'url': {
      const href = safeHref(text)
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        text
      )
    }
    case 'phone':
      return <a href={`tel:${text.replace(/[^\d+]/g, '')}`}>{text}</a>
    case 'email':
      return <a href={`mailto:${text}`}>{text}</a>
    case 'lookup': {
      const id = typeof raw === 'string' ? raw : undefined
      const type = field.typeField ? (record as Record<string, unknown>)[field.typeField] : undefined
      const href = id ? field.lookup.recordHref?.(id, typeof type === 'string' ? type : undefined) : undefined
      const icon = field.lookup.types?.find((t) => t.value === type)?.icon
      const link = href ? <Link to={href}>{text}</Link> : text
      return icon ? (
        <span className="crm-lookup-value">
          <Icon icon={icon} size="x-small" containerClassName="slds-m-right_xx-small" />
          {link}
        </span>
      ) : (
        link
      )
    }
    case 'datetime': {
      const dateOnly = field.dateOnlyWhen !== undefined && (record as Record<string, unknown>)[field.dateOnlyWhen] === true
      return dateOnly ? formatDate(isoToUtcDate(text)) : formatDateTime(text)
    }
    case 'textarea':
      return <span className="crm-multiline">{text}</span>
    case 'date':
      return formatDate(text)
    default:
      return text
  }
}
