import { useState, type FormEvent } from 'react'
import { isApiError } from '../../shared/api'
import { TextField } from '../../shared/ui'
import { useDisableTwoFactor } from './api'

/** Turning two-factor sign-in off takes a code from the app or a recovery code: a session alone is not enough. */
export function TurnOffTwoFactor({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const disable = useDisableTwoFactor()
  const [useRecovery, setUseRecovery] = useState(false)
  const [value, setValue] = useState('')
  const [missing, setMissing] = useState<string>()
  const field = useRecovery ? 'recovery_code' : 'code'

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const trimmed = value.trim()
    const problem = !trimmed ? (useRecovery ? 'Enter a recovery code.' : 'Enter the 6-digit code from your authenticator app.') : undefined
    setMissing(problem)
    if (problem) return
    disable.mutate(useRecovery ? { recovery_code: trimmed } : { code: trimmed.replace(/\s/g, '') }, { onSuccess: onDone })
  }

  const error = disable.error
  const serverError = error ? (isApiError(error) ? (error.fieldError(field) ?? error.displayMessage) : 'Something went wrong. Try again.') : undefined
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Turn off two-factor authentication" className="slds-m-top_medium">
      <TextField
        label={useRecovery ? 'Recovery Code' : 'Verification Code'}
        name={field}
        inputMode={useRecovery ? 'text' : 'numeric'}
        autoComplete={useRecovery ? 'off' : 'one-time-code'}
        value={value}
        onChange={setValue}
        error={missing ?? serverError}
        autoFocus
      />
      <button
        type="button"
        className="slds-button slds-m-top_x-small"
        onClick={() => {
          setUseRecovery(!useRecovery)
          setValue('')
          setMissing(undefined)
          disable.reset()
        }}
      >
        {useRecovery ? 'Use a code from your app instead' : 'Use a recovery code instead'}
      </button>
      <div className="slds-m-top_medium">
        <button type="submit" className="slds-button slds-button_destructive" disabled={disable.isPending}>
          {disable.isPending ? 'Turning Off…' : 'Turn Off'}
        </button>
        <button type="button" className="slds-button slds-button_neutral" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
