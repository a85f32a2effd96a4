import { useState, type FormEvent, type ReactNode } from 'react'
import { FormErrorAlert, Modal, FormModalFooter } from '../ui'
import { ConflictDialog } from './ConflictDialog'
import type { Versioned } from './conflict'
import { FieldInput } from './FieldControls'
import { allFields, editableFields, type FieldChanges, type VersionedChanges, type FieldErrors, type FieldSection, type FieldValue, type FormValues, type LookupLabels } from './fields'
import { applyChange, changedValues, createBody, initialLookupLabels, initialValues, splitApiErrors, validateRequired } from './form'
import { useVersionedSave } from './useVersionedSave'

interface CreateMode<R> {
  kind: 'create'
  /** POSTs the body (filled-in fields only); resolves with the created record. */
  submit: (body: FieldChanges) => Promise<R>
  onCreated: (created: R) => void
  /** Values to start with (e.g. the parent record of a related "New"). */
  defaults?: FormValues
  defaultLabels?: LookupLabels
}

interface EditMode<R> {
  kind: 'edit'
  record: R
  /** PUTs only the changed fields plus `version`; resolves with the saved record. */
  submit: (body: VersionedChanges) => Promise<R>
  onSaved: (saved: R) => void
  /** After "Reload" in the conflict dialog (the modal closes; show `current`). */
  onReloaded: (current: R) => void
  fetchLatest?: () => Promise<R>
}

export interface RecordFormModalProps<R extends Versioned> {
  /** "New Account", "Edit Acme". */
  title: string
  sections: readonly FieldSection<R>[]
  mode: CreateMode<R> | EditMode<R>
  onClose: () => void
  /** Shown above the sections (e.g. the read-only parent record of a related "New"). */
  intro?: ReactNode
  /** Checks across fields after the required check (e.g. an end after the start): messages per field. */
  validate?: (values: FormValues) => FieldErrors
  /** Small text under the title. */
  tagline?: ReactNode
}

/**
 * The new/edit modal of an object, drawn from its field definitions: sections of two-column fields,
 * required markers, the client-side required check, the API's 400 errors under each field, and
 * (edit) the conflict dialog on a 409.
 */
export function RecordFormModal<R extends Versioned>({ title, sections, mode, onClose, intro, validate, tagline }: RecordFormModalProps<R>) {
  const fields = editableFields(allFields(sections))
  const record = mode.kind === 'edit' ? mode.record : undefined
  const [base] = useState<FormValues>(() => initialValues(fields, record))
  const [values, setValues] = useState<FormValues>(() => ({ ...base, ...(mode.kind === 'create' ? mode.defaults : undefined) }))
  const [labels, setLabels] = useState<LookupLabels>(() =>
    mode.kind === 'create' ? { ...mode.defaultLabels } : initialLookupLabels(fields, record),
  )
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [createError, setCreateError] = useState<unknown>()
  const [creating, setCreating] = useState(false)

  const versioned = useVersionedSave<R>({
    fields: allFields(sections),
    update: (body) => (mode.kind === 'edit' ? mode.submit(body) : Promise.reject(new Error('not in edit mode'))),
    onSaved: (saved) => (mode.kind === 'edit' ? mode.onSaved(saved) : undefined),
    onReloaded: (current) => (mode.kind === 'edit' ? mode.onReloaded(current) : undefined),
    fetchLatest: mode.kind === 'edit' ? mode.fetchLatest : undefined,
  })

  const serverError = mode.kind === 'create' ? createError : versioned.error
  const server = splitApiErrors(serverError, fields)
  const busy = creating || versioned.pending
  const errorFor = (name: string) => clientErrors[name] ?? server.fieldErrors[name]

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
    // A changed field's old error no longer applies.
    setClientErrors((errors) => {
      if (!errors[name]) return errors
      const next = { ...errors }
      delete next[name]
      return next
    })
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const missing = { ...validate?.(values), ...validateRequired(fields, values) }
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    if (mode.kind === 'create') {
      setCreating(true)
      setCreateError(undefined)
      try {
        const created = await mode.submit(createBody(fields, values))
        mode.onCreated(created)
      } catch (e) {
        setCreateError(e)
      } finally {
        setCreating(false)
      }
      return
    }
    const changes = changedValues(fields, base, values)
    if (Object.keys(changes).length === 0) {
      onClose()
      return
    }
    await versioned.save(mode.record, changes, labels)
  }

  const formId = `record-form-${title.replace(/\W+/g, '-').toLowerCase()}`
  const hasErrors = Object.keys(clientErrors).length > 0 || Object.keys(server.fieldErrors).length > 0
  if (versioned.conflict) {
    // One dialog at a time: the form (and what you typed) comes back if applying fails.
    return (
      <ConflictDialog
        conflict={versioned.conflict}
        busy={versioned.pending}
        onReload={versioned.reload}
        onApply={() => void versioned.applyMine()}
      />
    )
  }

  return (
    <>
      <Modal
        title={title}
        tagline={tagline}
        size="medium"
        onClose={onClose}
        busy={busy}
        footer={
          <FormModalFooter formId={formId} onCancel={onClose} busy={busy} />
        }
      >
        <form id={formId} onSubmit={(e) => void onSubmit(e)} noValidate>
          {server.other ? <FormErrorAlert title="We hit a snag.">{server.other}</FormErrorAlert> : null}
          {!server.other && hasErrors ? (
            <FormErrorAlert title="We hit a snag.">Review the errors on this page.</FormErrorAlert>
          ) : null}
          {intro}
          {sections.map((section) => {
            const sectionFields = editableFields(section.fields)
            if (sectionFields.length === 0) return null
            return (
              <fieldset key={section.title} className="slds-m-bottom_medium">
                <legend className="slds-section__title slds-theme_shade crm-section-title crm-section-title_legend">{section.title}</legend>
                <div className="slds-grid slds-gutters_small slds-wrap">
                  {sectionFields.map((field) => (
                    <div
                      key={field.name}
                      className={`slds-col slds-size_1-of-1 ${field.wide ? '' : 'slds-medium-size_1-of-2'} slds-m-bottom_small`}
                    >
                      <FieldInput
                        field={field}
                        value={values[field.name]}
                        lookupLabel={labels[field.name]}
                        onChange={(value, label, lookupType) => set(field.name, value, label, lookupType)}
                        error={errorFor(field.name)}
                        values={values}
                      />
                    </div>
                  ))}
                </div>
              </fieldset>
            )
          })}
        </form>
      </Modal>
    </>
  )
}


