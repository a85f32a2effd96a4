import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { ButtonSvg, cx, FormElement, Icon, Spinner, useDebounced } from '../ui'
import type { LookupConfig } from './fields'

export interface LookupFieldProps {
  label: string
  lookup: LookupConfig
  /** The chosen record's id ('' for none). */
  value: string
  /** Its display label. */
  valueLabel: string | undefined
  /** Its object (polymorphic lookups): picks the icon shown with it. */
  valueType?: string
  /** What the search is narrowed to (the value of the field this one depends on). */
  parent?: string
  /** `type`: the chosen record's object (polymorphic lookups). */
  onChange: (id: string, label: string, type?: string) => void
  required?: boolean
  error?: string
  help?: string
  inputRef?: React.Ref<HTMLInputElement>
}

/**
 * SLDS lookup (`slds-combobox` with a listbox): type to search another object through its list API,
 * pick a match; the selection shows as the record's name with a remove button. A lookup over several
 * objects (`lookup.types`) has an object switcher in front and shows each match's object icon.
 */
export function LookupField({ label, lookup, value, valueLabel, valueType, parent, onChange, required, error, help, inputRef }: LookupFieldProps) {
  const id = useId()
  const listboxId = `${id}-listbox`
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  // Polymorphic lookups: '' searches every type.
  const [type, setType] = useState('')
  const q = useDebounced(text.trim(), 250)
  const containerRef = useRef<HTMLDivElement>(null)
  const types = lookup.types ?? []
  const typeOf = (name: string | undefined) => types.find((t) => t.value === name)

  const results = useQuery({
    queryKey: ['lookup', lookup.objectLabel, lookup.scope ?? '', type, parent ?? '', q],
    queryFn: ({ signal }) => lookup.search(q, signal, { type: type || undefined, parent }),
    enabled: open && !value,
    staleTime: 10_000,
  })
  const options = results.data ?? []
  const searchLabel = typeOf(type)?.label ?? lookup.objectLabel

  useEffect(() => {
    if (!open) return
    function onPointerDown(event: MouseEvent) {
      if (containerRef.current && !containerRef.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onPointerDown)
    return () => document.removeEventListener('mousedown', onPointerDown)
  }, [open])

  function choose(index: number) {
    const option = options[index]
    if (!option) return
    onChange(option.id, option.label, option.type)
    setText('')
    setOpen(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      if (options.length === 0) return
      setActive((a) => (event.key === 'ArrowDown' ? (a + 1) % options.length : (a - 1 + options.length) % options.length))
    } else if (event.key === 'Enter' && open) {
      event.preventDefault()
      choose(active)
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation()
      setOpen(false)
    }
  }

  const selected = Boolean(value)
  const combobox = (
    <div className={cx('slds-combobox_container slds-has-selection', types.length > 0 && 'slds-combobox-addon_end')} ref={containerRef}>
      <div className={cx('slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click', open && !selected && 'slds-is-open')}>
        <div
          className={cx(
            'slds-combobox__form-element slds-input-has-icon',
            selected ? 'slds-input-has-icon_left-right' : 'slds-input-has-icon_right',
          )}
          role="none"
        >
          {selected ? (
            <>
              <Icon icon={typeOf(valueType)?.icon ?? lookup.icon} size="small" containerClassName="slds-combobox__input-entity-icon" />
              <input
                ref={inputRef}
                id={id}
                type="text"
                className="slds-input slds-combobox__input slds-combobox__input-value"
                role="combobox"
                aria-expanded="false"
                aria-controls={listboxId}
                aria-autocomplete="list"
                aria-invalid={error ? true : undefined}
                readOnly
                value={valueLabel ?? value}
              />
              <button
                type="button"
                className="slds-button slds-button_icon slds-input__icon slds-input__icon_right"
                title="Remove selected option"
                onClick={() => {
                  onChange('', '')
                  setOpen(false)
                }}
              >
                <ButtonSvg name="close" />
                <span className="slds-assistive-text">Remove selected option</span>
              </button>
            </>
          ) : (
            <>
              <input
                ref={inputRef}
                id={id}
                type="text"
                className="slds-input slds-combobox__input"
                role="combobox"
                aria-expanded={open}
                aria-controls={listboxId}
                aria-autocomplete="list"
                aria-activedescendant={open && options[active] ? `${id}-option-${active}` : undefined}
                aria-invalid={error ? true : undefined}
                autoComplete="off"
                placeholder={`Search ${searchLabel}...`}
                value={text}
                onFocus={() => setOpen(true)}
                onChange={(e) => {
                  setText(e.target.value)
                  setActive(0)
                  setOpen(true)
                }}
                onKeyDown={onKeyDown}
              />
              <Icon icon="utility:search" size="x-small" variant="default" containerClassName="slds-input__icon slds-input__icon_right" />
            </>
          )}
        </div>
        {open && !selected ? (
          <div id={listboxId} className="slds-dropdown slds-dropdown_length-with-icon-7 slds-dropdown_fluid" role="listbox" aria-label={`${searchLabel} matches`}>
            {results.isFetching && options.length === 0 ? (
              <div className="crm-lookup__loading">
                <Spinner size="x-small" label="Searching" />
              </div>
            ) : null}
            <ul className="slds-listbox slds-listbox_vertical" role="presentation">
              {options.map((option, index) => (
                <li key={`${option.type ?? ''}:${option.id}`} role="presentation" className="slds-listbox__item">
                  <div
                    id={`${id}-option-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className={cx(
                      'slds-media slds-listbox__option slds-listbox__option_entity slds-listbox__option_has-meta',
                      index === active && 'slds-has-focus',
                    )}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => choose(index)}
                  >
                    <span className="slds-media__figure slds-listbox__option-icon">
                      <Icon icon={typeOf(option.type)?.icon ?? lookup.icon} size="small" />
                    </span>
                    <span className="slds-media__body">
                      <span className="slds-listbox__option-text slds-listbox__option-text_entity">{option.label}</span>
                      {option.meta ? (
                        <span className="slds-listbox__option-meta slds-listbox__option-meta_entity">{option.meta}</span>
                      ) : null}
                    </span>
                  </div>
                </li>
              ))}
              {!results.isFetching && results.isSuccess && options.length === 0 ? (
                <li role="presentation" className="slds-listbox__item">
                  <div className="slds-listbox__option slds-listbox__option_plain slds-text-color_weak" role="presentation">
                    {q ? `No ${searchLabel.toLowerCase()} match "${q}".` : `No ${searchLabel.toLowerCase()} yet.`}
                  </div>
                </li>
              ) : null}
              {results.isError ? (
                <li role="presentation" className="slds-listbox__item">
                  <div className="slds-listbox__option slds-listbox__option_plain slds-text-color_error" role="presentation">
                    The search failed. Try again.
                  </div>
                </li>
              ) : null}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  )
  if (types.length === 0) {
    return (
      <FormElement id={id} label={label} required={required} error={error} help={help}>
        {combobox}
      </FormElement>
    )
  }
  return (
    <FormElement id={id} label={label} required={required} error={error} help={help}>
      <div className="slds-combobox-group crm-lookup-group">
        <div className="slds-combobox_object-switcher slds-combobox-addon_start crm-lookup-switcher">
          <div className="slds-select_container">
            <select
              className="slds-select"
              aria-label={`${label}: search in`}
              title="Search in"
              value={selected ? (valueType ?? type) : type}
              disabled={selected}
              onChange={(e) => {
                setType(e.target.value)
                setActive(0)
              }}
            >
              <option value="">All</option>
              {types.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        {combobox}
      </div>
    </FormElement>
  )
}
