import { Icon, Modal } from '../ui'
import type { SaveConflict } from './useVersionedSave'

export interface ConflictDialogProps<R> {
  conflict: SaveConflict<R>
  /** Discard your changes and show theirs. */
  onReload: () => void
  /** Re-send your changes on top of the current version. */
  onApply: () => void
  busy?: boolean
}

function Value({ text }: { text: string }) {
  return text ? <span className="crm-conflict__value">{text}</span> : <span className="slds-text-color_weak">(empty)</span>
}

/**
 * "This record was changed by someone else": the fields that differ between the version you began
 * with and the current one (Field / Their value / Your value), with Reload and Apply my changes.
 */
export function ConflictDialog<R>({ conflict, onReload, onApply, busy = false }: ConflictDialogProps<R>) {
  const { rows } = conflict
  const clashes = rows.filter((r) => r.conflict).length
  return (
    <Modal
      title="This record was changed by someone else"
      size="medium"
      onClose={onReload}
      busy={busy}
      footer={
        <>
          <button type="button" className="slds-button slds-button_neutral" onClick={onReload} disabled={busy}>
            Reload
          </button>
          <button type="button" className="slds-button slds-button_brand" onClick={onApply} disabled={busy}>
            Apply my changes
          </button>
        </>
      }
    >
      <div className="slds-media slds-media_center slds-m-bottom_medium">
        <div className="slds-media__figure">
          <Icon icon="utility:warning" size="small" variant="warning" />
        </div>
        <div className="slds-media__body">
          <p>
            Someone saved this record after you started editing, so your changes weren't saved yet.
            {clashes > 0
              ? ` ${clashes === 1 ? 'One field was' : `${clashes} fields were`} changed by both of you.`
              : ' None of the fields you changed were changed by them.'}
          </p>
          <p className="slds-text-color_weak slds-m-top_xx-small">
            <strong>Reload</strong> shows their version and discards yours. <strong>Apply my changes</strong> saves your changes
            on top of theirs; fields you didn't touch keep their value.
          </p>
        </div>
      </div>
      {rows.length > 0 ? (
        <table className="slds-table slds-table_bordered slds-table_cell-buffer slds-table_fixed-layout crm-conflict-table" aria-label="Changed fields">
          <thead>
            <tr className="slds-line-height_reset">
              <th scope="col" style={{ width: '25%' }}>
                <div className="slds-truncate">Field</div>
              </th>
              <th scope="col">
                <div className="slds-truncate">Their value</div>
              </th>
              <th scope="col">
                <div className="slds-truncate">Your value</div>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name} className={row.conflict ? 'crm-conflict-table__clash' : undefined}>
                <th scope="row">
                  <div className="slds-truncate" title={row.label}>
                    {row.conflict ? <Icon icon="utility:warning" size="xx-small" variant="warning" assistiveText="Changed by both: " containerClassName="slds-m-right_xx-small" /> : null}
                    {row.label}
                  </div>
                </th>
                <td>
                  <Value text={row.theirs} />
                </td>
                <td>
                  {row.yours === undefined ? (
                    <span className="slds-text-color_weak">Not changed by you (theirs is kept)</span>
                  ) : (
                    <Value text={row.yours} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="slds-text-color_weak">No field you can see here differs; only the record's version moved on.</p>
      )}
    </Modal>
  )
}
