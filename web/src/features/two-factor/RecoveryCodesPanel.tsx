import { useState } from 'react'
import { ButtonSvg, CheckboxField, Icon } from '../../shared/ui'
import { recoveryCodesFile } from './api'

/**
 * The ten recovery codes, shown once: copy or download them, then confirm they are kept somewhere safe before going
 * on (the server keeps only their hashes, so they cannot be shown again).
 */
export function RecoveryCodesPanel({ email, codes, onDone, doneLabel = 'Done' }: { email: string; codes: readonly string[]; onDone: () => void; doneLabel?: string }) {
  const [saved, setSaved] = useState(false)
  const [copied, setCopied] = useState<'yes' | 'failed'>()

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'))
      setCopied('yes')
    } catch {
      // The clipboard API needs a secure context; over plain http the codes can still be selected or downloaded.
      setCopied('failed')
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([recoveryCodesFile(email, codes)], { type: 'text/plain;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = 'crm-recovery-codes.txt'
    link.click()
    URL.revokeObjectURL(url)
  }

  return (
    <section aria-labelledby="crm-recovery-codes-heading">
      <div className="slds-scoped-notification slds-scoped-notification_light crm-two-factor__notice" role="status">
        <div className="slds-media slds-media_center">
          <div className="slds-media__figure">
            <Icon icon="utility:warning" size="x-small" variant="warning" />
          </div>
          <div className="slds-media__body">
            <h2 id="crm-recovery-codes-heading" className="slds-text-heading_small">
              Two-factor authentication is on. Save your recovery codes.
            </h2>
          </div>
        </div>
      </div>
      <p className="slds-m-vertical_small">
        Each code signs you in once if you lose your phone. Store them somewhere safe, such as a password manager. They
        won't be shown again.
      </p>
      <ol className="crm-two-factor__codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="slds-button-group slds-m-top_small" role="group">
        <button type="button" className="slds-button slds-button_neutral" onClick={() => void copy()}>
          <ButtonSvg name="copy" position="left" />
          Copy
        </button>
        <button type="button" className="slds-button slds-button_neutral" onClick={download}>
          <ButtonSvg name="download" position="left" />
          Download
        </button>
      </div>
      {copied === 'yes' ? <p className="slds-text-color_success slds-m-top_x-small">Copied to the clipboard.</p> : null}
      {copied === 'failed' ? (
        <p className="slds-text-color_error slds-m-top_x-small">This browser didn't allow copying. Select the codes or download them.</p>
      ) : null}
      <CheckboxField label="I saved my recovery codes" name="codes_saved" checked={saved} onChange={setSaved} className="slds-m-top_medium" />
      <button type="button" className="slds-button slds-button_brand slds-m-top_small" disabled={!saved} onClick={onDone}>
        {doneLabel}
      </button>
    </section>
  )
}
