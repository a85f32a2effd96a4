import { useState } from 'react'
import { isApiError } from '../../shared/api'
import { Card, CheckboxField, PageHeader, Spinner, useToast } from '../../shared/ui'
import { useSecuritySettings, useUpdateSecuritySettings } from './api'

/** Setup (admins): the organisation's settings. Today: Identity Verification, whether every user needs two factors. */
export function SetupPage() {
  const settings = useSecuritySettings()
  return (
    <div className="crm-page">
      <PageHeader icon="standard:settings" label="Setup" title="Identity Verification" variant="base" />
      <div className="crm-page__body">
        <Card title="Two-Factor Authentication">
          {settings.isPending ? (
            <Spinner label="Loading" />
          ) : settings.isError ? (
            <p role="alert">{isApiError(settings.error) ? settings.error.displayMessage : 'Something went wrong.'}</p>
          ) : (
            // Keyed by version: a save (or someone else's) starts the form from what is stored.
            <SecurityForm key={settings.data.version} required={settings.data.require_two_factor} version={settings.data.version} />
          )}
        </Card>
      </div>
    </div>
  )
}

function SecurityForm({ required, version }: { required: boolean; version: number }) {
  const update = useUpdateSecuritySettings()
  const toast = useToast()
  const [value, setValue] = useState(required)
  const error = update.error
  return (
    <form
      aria-label="Identity verification"
      onSubmit={(event) => {
        event.preventDefault()
        update.mutate(
          { require_two_factor: value, version },
          { onSuccess: () => toast.success(value ? 'Two-factor sign-in is now required for every user.' : 'Two-factor sign-in is no longer required.') },
        )
      }}
    >
      {error ? (
        <div className="slds-text-color_error slds-m-bottom_small" role="alert">
          {isApiError(error) && error.status === 409
            ? 'Someone else changed these settings. Review them and save again.'
            : isApiError(error)
              ? error.displayMessage
              : 'Something went wrong. Try again.'}
        </div>
      ) : null}
      <CheckboxField label="Require two-factor sign-in for all users" name="require_two_factor" checked={value} onChange={setValue} />
      <p className="slds-text-body_small slds-text-color_weak slds-m-top_x-small slds-m-left_large">
        Users sign in with their password and a code from an authenticator app. Anyone who hasn't set one up is asked to at their
        next sign-in, and can do nothing else until they have.
      </p>
      <div className="slds-m-top_medium">
        <button type="submit" className="slds-button slds-button_brand" disabled={update.isPending || value === required}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  )
}
