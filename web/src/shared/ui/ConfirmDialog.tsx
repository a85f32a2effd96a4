import type { ReactNode } from 'react'
import { Modal } from './Modal'

export interface ConfirmDialogProps {
  /** Dialog heading, e.g. "Deactivate Account". */
  title: string
  /** The question, e.g. "Are you sure you want to deactivate this account?". */
  children: ReactNode
  /** Label of the confirming button ("Deactivate"). */
  confirmLabel: string
  cancelLabel?: string
  /** `destructive` shows the confirming button in red. */
  variant?: 'brand' | 'destructive'
  /** Shows a spinner and disables the buttons while the action runs. */
  busy?: boolean
  /** An error from the last attempt, shown above the question. */
  error?: string
  onConfirm: () => void
  onCancel: () => void
}

/** A small SLDS modal asking to confirm one action (Lightning's "Delete Account?" prompt). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  variant = 'brand',
  busy = false,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Modal
      title={title}
      size="small"
      onClose={onCancel}
      busy={busy}
      footer={
        <>
          <button type="button" className="slds-button slds-button_neutral" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={`slds-button ${variant === 'destructive' ? 'slds-button_destructive' : 'slds-button_brand'}`}
            onClick={onConfirm}
            disabled={busy}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {error ? <p className="slds-text-color_error slds-m-bottom_small" role="alert">{error}</p> : null}
      <div className="slds-text-align_center crm-confirm__text">{children}</div>
    </Modal>
  )
}
