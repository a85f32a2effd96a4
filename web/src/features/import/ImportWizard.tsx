import { useQueryClient } from '@tanstack/react-query'
import { useId, useState, type DragEvent } from 'react'
import { Link } from 'react-router'
import { isApiError } from '../../shared/api'
import { ButtonSvg, CheckboxField, cx, FormErrorAlert, Icon, Modal, SelectField } from '../../shared/ui'
import { runImport, type ImportAnswer } from './api'
import { countRows, readCsv, replaceHeader } from './csv'
import { IMPORT_TARGETS, type ImportObject, type ImportTarget } from './fields'
import { autoMap, duplicateFields, missingRequired, SKIP } from './mapping'

/** The server's limits, checked here first so a too-big file is refused before it is sent. */
const MAX_ROWS = 10_000
const MAX_BYTES = 5 * 1024 * 1024
const PREVIEW_ROWS = 10

const STEPS = ['Upload', 'Map fields', 'Review', 'Import'] as const
type Step = 'upload' | 'map' | 'review' | 'done'
const STEP_INDEX: Record<Step, number> = { upload: 0, map: 1, review: 2, done: 3 }

interface LoadedFile {
  name: string
  text: string
  headers: string[]
  preview: string[][]
  rows: number
}

const numberFormat = new Intl.NumberFormat('en-US')

/** "1 row", "2,000 rows". */
const count = (n: number, singular: string, plural = `${singular}s`) => `${numberFormat.format(n)} ${n === 1 ? singular : plural}`

/** Upload → Map fields → Review (a dry run: preview, errors, duplicates) → Import, for one list's records. */
export function ImportWizard({ object, onClose }: { object: ImportObject; onClose: () => void }) {
  const target = IMPORT_TARGETS[object]
  const queryClient = useQueryClient()
  const [step, setStep] = useState<Step>('upload')
  const [file, setFile] = useState<LoadedFile>()
  const [mapping, setMapping] = useState<string[]>([])
  const [skipDuplicates, setSkipDuplicates] = useState(false)
  const [review, setReview] = useState<ImportAnswer>()
  const [result, setResult] = useState<ImportAnswer>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const mappedText = () => (file ? replaceHeader(file.text, mapping) : '')

  async function load(picked: File) {
    setError(undefined)
    if (picked.size > MAX_BYTES) {
      setError(`${picked.name} is larger than 5 MB. Split it into smaller files.`)
      return
    }
    const text = await picked.text()
    const records = readCsv(text, PREVIEW_ROWS + 1)
    const headers = records[0]?.cells ?? []
    if (headers.every((h) => h.trim() === '')) {
      setError(`${picked.name} has no header row.`)
      return
    }
    const rows = countRows(text)
    if (rows > MAX_ROWS) {
      setError(`${picked.name} has ${numberFormat.format(rows)} rows; an import takes at most ${numberFormat.format(MAX_ROWS)}.`)
      return
    }
    setFile({ name: picked.name, text, headers, preview: records.slice(1).map((r) => r.cells), rows })
    setMapping(autoMap(headers, target.fields))
    setReview(undefined)
    setStep('map')
  }

  async function dryRun(skip: boolean) {
    setBusy(true)
    setError(undefined)
    try {
      setReview(await runImport(object, mappedText(), { dryRun: true, skipDuplicates: skip }))
      setStep('review')
    } catch (e) {
      setError(isApiError(e) ? e.displayMessage : String(e))
    } finally {
      setBusy(false)
    }
  }

  async function importFile() {
    setBusy(true)
    setError(undefined)
    try {
      const answer = await runImport(object, mappedText(), { dryRun: false, skipDuplicates })
      if (answer.errors.length > 0) {
        // Something changed since the dry run (a record was added meanwhile): show the new errors.
        setReview(answer)
        return
      }
      setResult(answer)
      setStep('done')
      await queryClient.invalidateQueries({ queryKey: [object] })
    } catch (e) {
      setError(isApiError(e) ? e.displayMessage : String(e))
    } finally {
      setBusy(false)
    }
  }

  const missing = missingRequired(mapping, target.fields)
  const repeated = duplicateFields(mapping)
  const toImport = review ? review.rows - review.skipped : 0

  const footer = (
    <>
      {step === 'done' ? null : (
        <button type="button" className="slds-button slds-button_neutral" onClick={onClose}>
          Cancel
        </button>
      )}
      {step === 'map' || step === 'review' ? (
        <button type="button" className="slds-button slds-button_neutral" onClick={() => setStep(step === 'map' ? 'upload' : 'map')} disabled={busy}>
          Back
        </button>
      ) : null}
      {step === 'map' ? (
        <button
          type="button"
          className="slds-button slds-button_brand"
          disabled={busy || missing.length > 0 || repeated.length > 0}
          onClick={() => void dryRun(skipDuplicates)}
        >
          Next
        </button>
      ) : null}
      {step === 'review' ? (
        <button
          type="button"
          className="slds-button slds-button_brand"
          disabled={busy || !review || review.errors.length > 0 || toImport === 0}
          onClick={() => void importFile()}
        >
          Import {review ? numberFormat.format(toImport) : ''} {toImport === 1 ? target.singular : target.label.toLowerCase()}
        </button>
      ) : null}
      {step === 'done' ? (
        <button type="button" className="slds-button slds-button_brand" onClick={onClose}>
          Done
        </button>
      ) : null}
    </>
  )

  return (
    <Modal title={`Import ${target.label}`} tagline={file ? file.name : undefined} onClose={onClose} footer={footer} size="large" busy={busy}>
      <ImportProgress step={step} />
      {error ? <FormErrorAlert>{error}</FormErrorAlert> : null}
      {step === 'upload' ? <UploadStep target={target} onFile={(f) => void load(f)} /> : null}
      {step === 'map' && file ? (
        <MapStep target={target} file={file} mapping={mapping} onChange={setMapping} missing={missing.map((f) => f.label)} repeated={repeated} />
      ) : null}
      {step === 'review' && file && review ? (
        <ReviewStep
          target={target}
          file={file}
          mapping={mapping}
          answer={review}
          skipDuplicates={skipDuplicates}
          onSkipDuplicates={(skip) => {
            setSkipDuplicates(skip)
            void dryRun(skip)
          }}
        />
      ) : null}
      {step === 'done' && result ? <DoneStep target={target} answer={result} onClose={onClose} /> : null}
    </Modal>
  )
}

function ImportProgress({ step }: { step: Step }) {
  const current = STEP_INDEX[step]
  return (
    <div className="crm-import-progress slds-m-bottom_medium">
      <div className="slds-progress slds-progress_shade">
        <ol className="slds-progress__list">
          {STEPS.map((label, i) => (
            <li key={label} className={cx('slds-progress__item', i < current && 'slds-is-completed', i === current && 'slds-is-active')}>
              <span className="slds-progress__marker" aria-hidden="true" />
              <span className="slds-assistive-text">
                {label}
                {i < current ? ' (done)' : i === current ? ' (current)' : ''}
              </span>
            </li>
          ))}
        </ol>
        <div className="slds-progress-bar slds-progress-bar_x-small" aria-hidden="true">
          <span className="slds-progress-bar__value" style={{ width: `${(current / (STEPS.length - 1)) * 100}%` }} />
        </div>
      </div>
      <ol className="crm-import-progress__labels">
        {STEPS.map((label, i) => (
          <li key={label} className={cx(i === current && 'crm-import-progress__current')} aria-current={i === current ? 'step' : undefined}>
            {label}
          </li>
        ))}
      </ol>
    </div>
  )
}

function UploadStep({ target, onFile }: { target: ImportTarget; onFile: (file: File) => void }) {
  const inputId = useId()
  const [over, setOver] = useState(false)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    const dropped = event.dataTransfer.files[0]
    if (dropped) onFile(dropped)
  }
  return (
    <div>
      <p className="slds-m-bottom_small">
        Choose a CSV file (UTF-8, comma separated, with a header row) of up to {numberFormat.format(MAX_ROWS)} {target.label.toLowerCase()}. An export of
        this list imports as it is; columns such as the owner or the created date are ignored.
      </p>
      <div className="slds-form-element">
        <span className="slds-form-element__label">CSV file</span>
        <div className="slds-form-element__control">
          <div className="slds-file-selector slds-file-selector_files crm-import-drop">
            <div
              className={cx('slds-file-selector__dropzone', over && 'slds-has-drag-over')}
              onDragOver={(e) => {
                e.preventDefault()
                setOver(true)
              }}
              onDragLeave={() => setOver(false)}
              onDrop={onDrop}
            >
              <input
                type="file"
                className="slds-file-selector__input slds-assistive-text"
                accept=".csv,text/csv"
                id={inputId}
                onChange={(e) => {
                  const picked = e.target.files?.[0]
                  if (picked) onFile(picked)
                  e.target.value = ''
                }}
              />
              <label className="slds-file-selector__body" htmlFor={inputId}>
                <span className="slds-file-selector__button slds-button slds-button_neutral">
                  <ButtonSvg name="upload" position="left" />
                  Upload File
                </span>
                <span className="slds-file-selector__text slds-medium-show">or Drop File</span>
              </label>
            </div>
          </div>
        </div>
      </div>
    </div>
  )
}

interface MapStepProps {
  target: ImportTarget
  file: LoadedFile
  mapping: string[]
  onChange: (mapping: string[]) => void
  missing: string[]
  repeated: string[]
}

function MapStep({ target, file, mapping, onChange, missing, repeated }: MapStepProps) {
  const options = target.fields.map((f) => ({ value: f.name, label: f.required ? `${f.label} *` : f.label }))
  const label = (name: string) => target.fields.find((f) => f.name === name)?.label ?? name
  return (
    <div>
      <p className="slds-m-bottom_small">
        {count(file.rows, 'row')}. Each column was matched to a field by its header; change any that is wrong, or choose Don&apos;t
        import.
      </p>
      {missing.length > 0 ? <FormErrorAlert>No column is mapped to {missing.join(', ')}, which is required.</FormErrorAlert> : null}
      {repeated.length > 0 ? <FormErrorAlert>Map only one column to {repeated.map(label).join(', ')}.</FormErrorAlert> : null}
      <table className="slds-table slds-table_cell-buffer slds-table_bordered" aria-label="Column mapping">
        <thead>
          <tr className="slds-line-height_reset">
            <th scope="col">Column in the file</th>
            <th scope="col">First row</th>
            <th scope="col">Field</th>
          </tr>
        </thead>
        <tbody>
          {file.headers.map((header, i) => (
            <tr key={i}>
              <th scope="row" className="slds-cell-wrap">
                {header || <em>(no header)</em>}
              </th>
              <td className="slds-cell-wrap slds-text-color_weak">{file.preview[0]?.[i] ?? ''}</td>
              <td>
                <SelectField
                  label={`Field for ${header || `column ${i + 1}`}`}
                  className="crm-import-field"
                  value={mapping[i] ?? SKIP}
                  placeholder="Don't import"
                  options={options}
                  onChange={(value) => onChange(mapping.map((m, j) => (j === i ? value : m)))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface ReviewStepProps {
  target: ImportTarget
  file: LoadedFile
  mapping: string[]
  answer: ImportAnswer
  skipDuplicates: boolean
  onSkipDuplicates: (skip: boolean) => void
}

function ReviewStep({ target, file, mapping, answer, skipDuplicates, onSkipDuplicates }: ReviewStepProps) {
  const label = (name: string) => target.fields.find((f) => f.name === name)?.label ?? (name === 'file' ? 'File' : name)
  const columns = mapping.map((field, index) => ({ field, index })).filter((c) => c.field !== SKIP)
  const errorAt = new Map(answer.errors.map((e) => [`${e.row}:${e.field}`, e.message]))
  const duplicateRows = new Set(answer.duplicates.map((d) => d.row))
  const ok = answer.errors.length === 0
  return (
    <div>
      <div className={cx('slds-box slds-box_x-small slds-m-bottom_medium', ok ? 'crm-import-summary_ok' : 'crm-import-summary_error')} role="status">
        {ok
          ? `Ready: ${numberFormat.format(answer.rows - answer.skipped)} of ${numberFormat.format(answer.rows)} rows will be imported.`
          : `${count(answer.errors.length, 'error')} in ${count(answer.rows, 'row')}. Nothing is imported until every row is right: fix the file and upload it again.`}
        {answer.duplicates.length > 0
          ? answer.duplicates.length === 1
            ? ` 1 row duplicates an existing ${target.singular}.`
            : ` ${count(answer.duplicates.length, 'row')} duplicate existing ${target.label.toLowerCase()}.`
          : ''}
      </div>

      <h3 className="slds-text-heading_small slds-m-bottom_x-small">Preview (first {count(Math.min(PREVIEW_ROWS, file.preview.length), 'row')})</h3>
      <div className="crm-import-preview slds-scrollable_x slds-m-bottom_medium">
        <table className="slds-table slds-table_cell-buffer slds-table_bordered slds-table_col-bordered" aria-label="Preview">
          <thead>
            <tr className="slds-line-height_reset">
              <th scope="col">Row</th>
              {columns.map((c) => (
                <th key={c.index} scope="col">
                  {label(c.field)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {file.preview.map((cells, i) => {
              const row = i + 2
              return (
                <tr key={row} className={cx(duplicateRows.has(row) && 'crm-import-row_duplicate')}>
                  <td>{row}</td>
                  {columns.map((c) => {
                    const message = errorAt.get(`${row}:${c.field}`)
                    return (
                      <td key={c.index} className={cx('slds-cell-wrap', message && 'crm-import-cell_error')} title={message}>
                        {cells[c.index] ?? ''}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      {answer.errors.length > 0 ? (
        <>
          <h3 className="slds-text-heading_small slds-m-bottom_x-small">Errors</h3>
          <table className="slds-table slds-table_cell-buffer slds-table_bordered slds-m-bottom_medium" aria-label="Errors">
            <thead>
              <tr className="slds-line-height_reset">
                <th scope="col">Row</th>
                <th scope="col">Field</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {answer.errors.map((e) => (
                <tr key={`${e.row}:${e.field}`}>
                  <td>{e.row}</td>
                  <td>{label(e.field)}</td>
                  <td className="slds-cell-wrap slds-text-color_error">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {answer.duplicates.length > 0 ? (
        <>
          <h3 className="slds-text-heading_small slds-m-bottom_x-small">Duplicates</h3>
          <CheckboxField
            label={`Skip duplicates (${count(answer.duplicates.length, 'row')})`}
            checked={skipDuplicates}
            onChange={onSkipDuplicates}
            className="slds-m-bottom_x-small"
          />
          <table className="slds-table slds-table_cell-buffer slds-table_bordered" aria-label="Duplicates">
            <thead>
              <tr className="slds-line-height_reset">
                <th scope="col">Row</th>
                <th scope="col">Same</th>
                <th scope="col">Existing {target.singular}</th>
              </tr>
            </thead>
            <tbody>
              {answer.duplicates.map((d) => (
                <tr key={`${d.row}:${d.field}`}>
                  <td>{d.row}</td>
                  <td>{label(d.field)}</td>
                  <td>
                    <a href={`${target.listPath}/${d.existing_id}`} target="_blank" rel="noopener noreferrer">
                      Open the existing {target.singular}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  )
}

function DoneStep({ target, answer, onClose }: { target: ImportTarget; answer: ImportAnswer; onClose: () => void }) {
  return (
    <div className="slds-text-align_center slds-p-vertical_large" role="status">
      <Icon icon="action:approval" size="large" containerClassName="slds-icon_container_circle" />
      <p className="slds-text-heading_medium slds-m-top_medium">
        Imported {numberFormat.format(answer.created)} {answer.created === 1 ? target.singular : target.label.toLowerCase()}.
      </p>
      {answer.skipped > 0 ? (
        <p className="slds-text-color_weak">
          {answer.skipped === 1 ? '1 duplicate was skipped.' : `${numberFormat.format(answer.skipped)} duplicates were skipped.`}
        </p>
      ) : null}
      <p className="slds-m-top_medium">
        <Link to={target.listPath} onClick={onClose}>
          View {target.label}
        </Link>
      </p>
    </div>
  )
}
