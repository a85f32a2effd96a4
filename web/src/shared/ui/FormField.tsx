import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { cx } from './cx'

interface FieldShellProps {
  id: string
  label: ReactNode
  required?: boolean
  error?: string
  help?: ReactNode
  className?: string
  children: ReactNode
}

/** `slds-form-element` with label, control, inline help and the error text under the field. */
export function FormElement({ id, label, required, error, help, className, children }: FieldShellProps) {
  return (
    <div className={cx('slds-form-element', error && 'slds-has-error', className)}>
      <label className="slds-form-element__label" htmlFor={id}>
        {required ? (
          <abbr className="slds-required" title="required" aria-hidden="true">
            *{' '}
          </abbr>
        ) : null}
        {label}
      </label>
      <div className="slds-form-element__control">{children}</div>
      {error ? (
        <div className="slds-form-element__help" id={`${id}-error`}>
          {error}
        </div>
      ) : help ? (
        <div className="slds-form-element__help" id={`${id}-help`}>
          {help}
        </div>
      ) : null}
    </div>
  )
}

function describedBy(id: string, error?: string, help?: ReactNode): string | undefined {
  if (error) return `${id}-error`
  if (help) return `${id}-help`
  return undefined
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'> {
  label: ReactNode
  value: string
  onChange: (value: string) => void
  error?: string
  help?: ReactNode
  inputRef?: Ref<HTMLInputElement>
  className?: string
}

export function TextField({ label, value, onChange, error, help, required, inputRef, className, ...rest }: TextFieldProps) {
  const id = useId()
  return (
    <FormElement id={id} label={label} required={required} error={error} help={help} className={className}>
      <input
        {...rest}
        ref={inputRef}
        id={id}
        className="slds-input"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormElement>
  )
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'> {
  label: ReactNode
  value: string
  onChange: (value: string) => void
  error?: string
  help?: ReactNode
  inputRef?: Ref<HTMLTextAreaElement>
  className?: string
}

export function TextAreaField({ label, value, onChange, error, help, required, inputRef, className, rows = 3, ...rest }: TextAreaFieldProps) {
  const id = useId()
  return (
    <FormElement id={id} label={label} required={required} error={error} help={help} className={className}>
      <textarea
        {...rest}
        ref={inputRef}
        id={id}
        rows={rows}
        className="slds-textarea"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, help)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormElement>
  )
}

export interface SelectOption {
  value: string
  label: string
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id'> {
  label: ReactNode
  value: string
  options: readonly SelectOption[]
  onChange: (value: string) => void
  /** Adds an empty first option, e.g. "--None--". */
  placeholder?: string
  error?: string
  help?: ReactNode
  className?: string
}

export function SelectField({
  label,
  value,
  options,
  onChange,
  placeholder,
  error,
  help,
  required,
  className,
  ...rest
}: SelectFieldProps) {
  const id = useId()
  return (
    <FormElement id={id} label={label} required={required} error={error} help={help} className={className}>
      <div className="slds-select_container">
        <select
          {...rest}
          id={id}
          className="slds-select"
          value={value}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, help)}
          onChange={(e) => onChange(e.target.value)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </FormElement>
  )
}

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'checked' | 'onChange' | 'id' | 'type'> {
  label: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  error?: string
  className?: string
}

export function CheckboxField({ label, checked, onChange, error, className, ...rest }: CheckboxFieldProps) {
  const id = useId()
  return (
    <div className={cx('slds-form-element', error && 'slds-has-error', className)}>
      <div className="slds-form-element__control">
        <div className="slds-checkbox">
          <input
            {...rest}
            type="checkbox"
            id={id}
            checked={checked}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label className="slds-checkbox__label" htmlFor={id}>
            <span className="slds-checkbox_faux" />
            <span className="slds-form-element__label">{label}</span>
          </label>
        </div>
      </div>
      {error ? (
        <div className="slds-form-element__help" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </div>
  )
}

/** A read-only value laid out like a field (label above, value below), as on record pages. */
export function StaticField({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="slds-form-element slds-form-element_readonly">
      <span className="slds-form-element__label">{label}</span>
      <div className="slds-form-element__control">
        <div className="slds-form-element__static">{children}</div>
      </div>
    </div>
  )
}

/** An error banner for a form (problems that belong to no single field). */
export function FormErrorAlert({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="slds-notify slds-notify_alert slds-alert_error crm-form-alert" role="alert">
      <h2 className="crm-form-alert__text">
        {title ? <strong>{title} </strong> : null}
        {children}
      </h2>
    </div>
  )
}
