import { useId, useState } from 'react'
import type { ApiClientWithSecret } from '../../shared/api/types'
import { cx, Icon, Modal } from '../../shared/ui'
import { curlExample, tokenUrl } from './api'

const SECRET_WARNING = "Copy this secret now. For security, it won't be shown again."

/**
 * The client secret, shown once (after New and after Rotate Secret): read-only with Copy, the Client ID, the token URL
 * and a curl example. Nothing here is kept: closing the modal is the last time anyone sees the secret.
 */
export function ClientSecretModal({ title, client, onClose }: { title: string; client: ApiClientWithSecret; onClose: () => void }) {
  return (
    <Modal
      title={title}
      tagline={client.name}
      onClose={onClose}
      footer={
        <button type="button" className="slds-button slds-button_brand" onClick={onClose}>
          Done
        </button>
      }
    >
      <ClientSecretPanel client={client} />
    </Modal>
  )
}

function ClientSecretPanel({ client }: { client: ApiClientWithSecret }) {
  const origin = window.location.origin
  return (
    <div className="crm-client-secret">
      <div className="slds-scoped-notification slds-scoped-notification_light slds-media slds-media_center crm-client-secret__warning" role="note">
        <div className="slds-media__figure">
          <Icon icon="utility:warning" size="small" variant="warning" />
        </div>
        <div className="slds-media__body">
          <p>
            <strong>{SECRET_WARNING}</strong> If it's lost, rotate the secret to get a new one.
          </p>
        </div>
      </div>
      <CopyField label="Client Secret" value={client.client_secret} secret />
      <CopyField label="Client ID" value={client.client_id} className="slds-m-top_small" />
      <CopyField label="Token URL" value={tokenUrl(origin)} className="slds-m-top_small" />
      <CopyField
        label="Example"
        value={curlExample(origin, client.client_id)}
        multiline
        className="slds-m-top_small"
        help={
          <>
            Set <code>CLIENT_SECRET</code> to the secret above; the token lasts a limited time and acts with the role{' '}
            <strong>{client.role}</strong>.
          </>
        }
      />
    </div>
  )
}

/** A read-only value in a monospace box with a Copy button beside it. */
function CopyField({
  label,
  value,
  secret = false,
  multiline = false,
  help,
  className,
}: {
  label: string
  value: string
  secret?: boolean
  multiline?: boolean
  help?: React.ReactNode
  className?: string
}) {
  const id = useId()
  const [copied, setCopied] = useState(false)

  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
    } catch {
      // Clipboard API unavailable (e.g. plain http): fall back to selecting and copying.
      const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null
      field?.select()
      document.execCommand('copy')
    }
    setCopied(true)
  }

  const common = {
    id,
    readOnly: true,
    value,
    spellCheck: false,
    autoComplete: 'off',
    'aria-describedby': help ? `${id}-help` : undefined,
    onFocus: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.currentTarget.select(),
  }

  return (
    <div className={cx('slds-form-element', className)}>
      <label className="slds-form-element__label" htmlFor={id}>
        {label}
      </label>
      <div className={cx('slds-form-element__control slds-grid slds-gutters_xx-small', multiline && 'slds-grid_vertical-align-start')}>
        <div className="slds-col">
          {multiline ? (
            <textarea {...common} className="slds-textarea crm-mono" rows={value.split('\n').length} wrap="off" />
          ) : (
            <input {...common} type="text" className={cx('slds-input crm-mono', secret && 'crm-client-secret__secret')} />
          )}
        </div>
        <div className="slds-col slds-no-flex">
          <button type="button" className="slds-button slds-button_neutral" onClick={() => void copy()}>
            <Icon icon="utility:copy" size="x-small" variant="default" containerClassName="slds-m-right_x-small" />
            {/* "Copy Client Secret" to screen readers (an aria-label would make the button a second "Client Secret" label). */}
            {copied ? 'Copied ' : 'Copy '}
            <span className="slds-assistive-text">{label}</span>
          </button>
        </div>
      </div>
      {help ? (
        <div className="slds-form-element__help" id={`${id}-help`}>
          {help}
        </div>
      ) : null}
      <div className="slds-assistive-text" role="status">
        {copied ? `${label} copied to the clipboard.` : ''}
      </div>
    </div>
  )
}
