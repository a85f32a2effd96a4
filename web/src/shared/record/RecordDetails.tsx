import { useEffect, useRef, useState } from 'react'
import { ButtonSvg, cx, FormErrorAlert, Spinner } from '../ui'
import { ConflictDialog } from './ConflictDialog'
import type { Versioned } from './conflict'
import { FieldInput, FieldOutput } from './FieldControls'
import { allFields, editableFields, type VersionedChanges, type FieldDef, type FieldErrors, type FieldSection, type FieldValue, type FormValues, type LookupLabels } from './fields'
import { applyChange, changedValues, initialLookupLabels, initialValues, splitApiErrors, validateRequired } from './form'
import { useVersionedSave } from './useVersionedSave'

export interface RecordDetailsProps<R extends Versioned> {
  record: R
  sections: readonly FieldSection<R>[]
  /** PUTs only the changed fields plus `version`; resolves with the saved record. */
  update: (body: VersionedChanges) => Promise<R>
  /** After a save (update the cache with `saved`, toast "X saved."). */
  onSaved: (saved: R) => void
  /** After "Reload" in the conflict dialog (put `current` in the cache). */
  onReloaded: (current: R) => void
  fetchLatest?: () => Promise<R>
  /** No pencils (e.g. an inactive record). */
  readOnly?: boolean
  /** Checks across fields after the required check (e.g. an end after the start): messages per field. */
  validate?: (values: FormValues) => FieldErrors
}

/** Splits fields into rows of two; a `wide` field takes a row of its own. */
function rowsOf<R>(fields: readonly FieldDef<R>[]): FieldDef<R>[][] {
  const rows: FieldDef<R>[][] = []
  let pending: FieldDef<R>[] = []
  for (const field of fields) {
    if (field.wide) {
      if (pending.length) rows.push(pending)
      rows.push([field])
      pending = []
    } else {
      pending.push(field)
      if (pending.length === 2) {
        rows.push(pending)
        pending = []
      }
    }
  }
  if (pending.length) rows.push(pending)
  return rows
}

/**
 * The record's fields in sections, Lightning style: a pencil on hover per field; clicking one turns
 * every editable field into an input with a docked Cancel / Save footer. Save sends only the changed
 * fields plus `version`; 400 errors appear under the fields; a 409 opens the conflict dialog.
 */
export function RecordDetails<R extends Versioned>({ record, sections, update, onSaved, onReloaded, fetchLatest, readOnly = false, validate }: RecordDetailsProps<R>) {
  const fields = editableFields(allFields(sections))
  const [editing, setEditing] = useState(false)
  const [base, setBase] = useState<FormValues>({})
  // The record as it was when editing began: its version is what the save is based on.
  const [baseRecord, setBaseRecord] = useState<R>(record)
  const [values, setValues] = useState<FormValues>({})
  const [labels, setLabels] = useState<LookupLabels>({})
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  // The field whose pencil was clicked: focused once the inputs are there.
  const focusName = useRef<string | undefined>(undefined)
  const containerRef = useRef<HTMLDivElement>(null)

  const versioned = useVersionedSave<R>({
    fields: allFields(sections),
    update,
    onSaved: (saved) => {
      setEditing(false)
      onSaved(saved)
    },
    onReloaded: (current) => {
      setEditing(false)
      onReloaded(current)
    },
    fetchLatest,
  })
  const server = splitApiErrors(versioned.error, fields)
  const errorFor = (name: string) => clientErrors[name] ?? server.fieldErrors[name]

  useEffect(() => {
    const name = focusName.current
    if (!editing || !name) return
    focusName.current = undefined
    const within = (tag: string) => containerRef.current?.querySelector<HTMLElement>(`[data-field="${name}"] ${tag}`)
    const el = within('input') ?? within('textarea') ?? within('select')
    el?.focus()
  }, [editing])

  function startEdit(name: string) {
    const start = initialValues(fields, record)
    setBase(start)
    setBaseRecord(record)
    setValues(start)
    setLabels(initialLookupLabels(fields, record))
    setClientErrors({})
    versioned.reset()
    setEditing(true)
    focusName.current = name
  }

  function cancel() {
    setEditing(false)
    setClientErrors({})
    versioned.reset()
  }

  function set(name: string, value: FieldValue, label?: string, lookupType?: string) {
    const { values: next, cleared } = applyChange(fields, values, name, value, lookupType)
    setValues(next)
    if (label !== undefined || cleared.length > 0) {
      setLabels((l) => {
        const updated = { ...l }
        if (label !== undefined) updated[name] = label
        for (const c of cleared) delete updated[c]
        return updated
      })
    }
  }

  async function save() {
    const missing = { ...validate?.(values), ...validateRequired(fields, values) }
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    const changes = changedValues(fields, base, values)
    if (Object.keys(changes).length === 0) {
      cancel()
      return
    }
    await versioned.save(baseRecord, changes, labels)
  }

  const errorCount = Object.keys(clientErrors).length + Object.keys(server.fieldErrors).length
  return (
    <div ref={containerRef} className={cx('crm-record-details slds-is-relative', editing && 'crm-record-details_editing')}>
      {versioned.pending ? <Spinner size="small" label="Saving" /> : null}
      {editing && server.other ? <FormErrorAlert title="We hit a snag.">{server.other}</FormErrorAlert> : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && editing) cancel()
        }}
      >
        {sections.map((section) => (
          <div key={section.title} className="slds-section slds-is-open crm-record-section">
            <h3 className="slds-section__title slds-theme_shade crm-section-title">
              <span className="slds-truncate" title={section.title}>
                {section.title}
              </span>
            </h3>
            <div className="slds-section__content">
              <div className="slds-form" role="list">
                {rowsOf(section.fields).map((row) => (
                  <div key={row.map((f) => f.name).join('|')} className="slds-form__row">
                    {row.map((field) => (
                      <div key={field.name} className={cx('slds-form__item', field.wide && 'crm-form__item_wide')} role="listitem" data-field={field.name}>
                        {editing && !field.readOnly ? (
                          <FieldInput
                            field={field}
                            value={values[field.name]}
                            lookupLabel={labels[field.name]}
                            onChange={(value, label, lookupType) => set(field.name, value, label, lookupType)}
                            error={errorFor(field.name)}
                            values={values}
                          />
                        ) : (
                          <ReadField field={field} record={record} canEdit={!readOnly && !field.readOnly && !editing} onEdit={() => startEdit(field.name)} />
                        )}
                      </div>
                    ))}
                  </div>
                ))}
              </div>
            </div>
          </div>
        ))}
        {editing ? (
          <div className="slds-docked-form-footer crm-docked-footer" role="group" aria-label="Save or cancel your edits">
            {errorCount > 0 ? (
              <span className="slds-text-color_error slds-m-right_medium" role="alert">
                {errorCount === 1 ? 'Review the error on this page.' : `Review the ${errorCount} errors on this page.`}
              </span>
            ) : null}
            <button type="button" className="slds-button slds-button_neutral" onClick={cancel} disabled={versioned.pending}>
              Cancel
            </button>
            <button type="submit" className="slds-button slds-button_brand" disabled={versioned.pending}>
              Save
            </button>
          </div>
        ) : null}
      </form>
      {versioned.conflict ? (
        <ConflictDialog
          conflict={versioned.conflict}
          busy={versioned.pending}
          onReload={versioned.reload}
          onApply={() => void versioned.applyMine()}
        />
      ) : null}
    </div>
  )
}

function ReadField<R>({ field, record, canEdit, onEdit }: { field: FieldDef<R>; record: R; canEdit: boolean; onEdit: () => void }) {
  return (
    <div className={cx('slds-form-element slds-form-element_readonly slds-form-element_stacked', canEdit && 'slds-form-element_edit slds-hint-parent')}>
      <span className="slds-form-element__label">{field.label}</span>
      <div className="slds-form-element__control">
        <div className="slds-form-element__static crm-static">
          <FieldOutput field={field} record={record} />
        </div>
        {canEdit ? (
          <button type="button" className="slds-button slds-button_icon crm-inline-edit" title={`Edit ${field.label}`} onClick={onEdit}>
            <ButtonSvg name="edit" className="slds-button__icon_hint" />
            <span className="slds-assistive-text">Edit {field.label}</span>
          </button>
        ) : null}
      </div>
    </div>
  )
}
