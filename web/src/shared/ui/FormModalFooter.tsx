import type { ReactNode } from 'react'

export interface FormModalFooterProps {
  /** The id of the modal's form: the submit button sits in the footer, outside it. */
  formId: string
  onCancel: () => void
  /** Disables the submit button while the form is being saved. */
  busy: boolean
  submitLabel?: ReactNode
}

/** The footer of a form modal: Cancel, then the brand submit button (Save unless told). */
export function FormModalFooter({ formId, onCancel, busy, submitLabel = 'Save' }: FormModalFooterProps) {
  return (
    <>
      <button type="button" className="slds-button slds-button_neutral" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" form={formId} className="slds-button slds-button_brand" disabled={busy}>
        {submitLabel}
      </button>
    </>
  )
}
