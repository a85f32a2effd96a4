import { useState } from 'react'
import type { ImportObject } from './fields'
import { ImportWizard } from './ImportWizard'

/** The list header's Import button and the wizard it opens. */
export function ImportButton({ object }: { object: ImportObject }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="slds-button slds-button_neutral" onClick={() => setOpen(true)}>
        Import
      </button>
      {open ? <ImportWizard object={object} onClose={() => setOpen(false)} /> : null}
    </>
  )
}
