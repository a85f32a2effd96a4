import { useState, type FormEvent } from 'react'
import { isApiError } from '../../shared/api'
import { TextField } from '../../shared/ui'
import { groupKey, svgDataUri, useEnableTwoFactor, useSetUpTwoFactor } from './api'
import { RecoveryCodesPanel } from './RecoveryCodesPanel'

/**
 * Setting up an authenticator app: a new key (QR code and the key as text), a code from the app to confirm it, then
 * the recovery codes, shown once. `onFinished` runs when the person confirmed they saved them.
 */
export function TwoFactorEnrolment({ email, onFinished, onCancel }: { email: string; onFinished: () => void; onCancel?: () => void }) {
  const setUp = useSetUpTwoFactor()
  const enable = useEnableTwoFactor()
  const [code, setCode] = useState('')
  const [missing, setMissing] = useState<string>()

  if (enable.data) {
    return <RecoveryCodesPanel email={email} codes={enable.data.recovery_codes} onDone={onFinished} doneLabel="Continue" />
  }

  if (!setUp.data) {
    return (
      <div>
        <p>
          Use an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password. After your
          password, you'll enter the 6-digit code it shows.
        </p>
        {setUp.error ? (
          <p className="slds-text-color_error slds-m-top_small" role="alert">
            {isApiError(setUp.error) ? setUp.error.displayMessage : 'Something went wrong. Try again.'}
          </p>
        ) : null}
        <div className="slds-m-top_medium">
          <button type="button" className="slds-button slds-button_brand" disabled={setUp.isPending} onClick={() => setUp.mutate()}>
            {setUp.isPending ? 'Setting Up…' : 'Set Up Authenticator App'}
          </button>
          {onCancel ? (
            <button type="button" className="slds-button slds-button_neutral" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </div>
    )
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = code.replace(/\s/g, '')
    const problem = /^\d{6}$/.test(value) ? undefined : 'Enter the 6-digit code from your authenticator app.'
    setMissing(problem)
    if (!problem) enable.mutate(value)
  }

  const serverError = enable.error && isApiError(enable.error) ? (enable.error.fieldError('code') ?? enable.error.displayMessage) : enable.error ? 'Something went wrong. Try again.' : undefined
  const setup = setUp.data
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Set up authenticator app" className="crm-two-factor__enrol">
      <ol className="slds-list_ordered crm-two-factor__steps">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <img className="crm-two-factor__qr" src={svgDataUri(setup.qr_svg)} alt="QR code for your authenticator app" width={192} height={192} />
          <p className="slds-text-body_small slds-text-color_weak">Can't scan it? Enter this key in the app instead:</p>
          <p>
            <code className="crm-two-factor__key" aria-label="Setup key">
              {groupKey(setup.secret)}
            </code>
          </p>
        </li>
        <li className="crm-two-factor__code">
          <TextField
            label="Verification Code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onChange={setCode}
            error={missing ?? serverError}
            help="The 6-digit code your app shows for Agency CRM."
          />
        </li>
      </ol>
      <div className="slds-m-top_medium">
        <button type="submit" className="slds-button slds-button_brand" disabled={enable.isPending}>
          {enable.isPending ? 'Verifying…' : 'Verify and Turn On'}
        </button>
        {onCancel ? (
          <button type="button" className="slds-button slds-button_neutral" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}
