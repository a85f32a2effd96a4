import type { ReactNode, Ref } from 'react'
import { Link } from 'react-router'
import { CheckboxField, Icon, SelectField, TextAreaField, TextField } from '../ui'
import { fieldText } from './conflict'
import { picklistOptions, type FieldDef, type FieldValue } from './fields'
import { rawValue } from './form'
import { formatDate } from './format'
import { safeHref } from './links'
import { LookupField } from './LookupField'

export interface FieldInputProps<R> {
  field: FieldDef<R>
  value: FieldValue | undefined
  /** Label of the chosen record (lookups). */
  lookupLabel?: string
  onChange: (value: FieldValue, lookupLabel?: string) => void
  error?: string
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>
}

/** The edit control for a field definition (text, textarea, url, phone, email, picklist, lookup, checkbox). */
export function FieldInput<R>({ field, value, lookupLabel, onChange, error, inputRef }: FieldInputProps<R>) {
  const text = typeof value === 'string' ? value : ''
  const common = { label: field.label, required: field.required, error, help: field.help, name: field.name }
  switch (field.type) {
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
    case 'lookup':
      return (
        <LookupField
          label={field.label}
          required={field.required}
          error={error}
          help={field.help}
          lookup={field.lookup}
          value={text}
          valueLabel={lookupLabel}
          onChange={(id, label) => onChange(id, label)}
          inputRef={inputRef}
        />
      )
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
      const href = id ? field.lookup.recordHref?.(id) : undefined
      return href ? <Link to={href}>{text}</Link> : text
    }
    case 'textarea':
      return <span className="crm-multiline">{text}</span>
    case 'date':
      return formatDate(text)
    default:
      return text
  }
}
