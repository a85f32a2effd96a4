import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { isApiError } from '../../shared/api'
import { Icon, TextField } from '../../shared/ui'
import { authApi } from './api'
import { AuthLayout } from './AuthLayout'

/** `/set-password?token=...`: the page behind a new user's one-time link. */
export function SetPasswordPage() {
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [clientErrors, setClientErrors] = useState<{ password?: string; confirm?: string }>({})

  const setPasswordCall = useMutation({ mutationFn: authApi.setPassword })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = {
      password: password ? undefined : 'Enter a new password.',
      confirm: !confirm ? 'Confirm your new password.' : confirm !== password ? "The passwords don't match." : undefined,
    }
    setClientErrors(next)
    if (next.password || next.confirm) return
    setPasswordCall.mutate({ token, new_password: password })
  }

  if (setPasswordCall.isSuccess) {
    return (
      <AuthLayout heading="Password set">
        <div className="crm-auth__success" role="status">
          <Icon icon="utility:success" size="small" variant="success" containerClassName="slds-m-right_x-small" />
          <span>Your password has been set. You can now log in with your email and new password.</span>
        </div>
        <Link to="/login" className="slds-button slds-button_brand slds-button_stretch crm-auth__submit">
          Go to Log In
        </Link>
      </AuthLayout>
    )
  }

  const error = setPasswordCall.error
  const apiError = isApiError(error) ? error : undefined
  const passwordError = clientErrors.password ?? apiError?.fieldError('new_password') ?? apiError?.fieldError('password')
  const tokenError = apiError?.fieldError('token')
  // Anything that isn't about the password field goes into the banner at the top.
  const bannerMessage = !token
    ? 'This link is incomplete. Open the full link you were sent, or ask your administrator for a new one.'
    : tokenError
      ? `${tokenError} Request a new one with "Forgot Your Password?", or ask your administrator.`
      : error && !apiError?.fieldError('new_password') && !apiError?.fieldError('password')
        ? (apiError?.displayMessage ?? 'Something went wrong. Try again.')
        : undefined

  return (
    <AuthLayout heading="Set your password">
      <form className="crm-auth__form" onSubmit={onSubmit} noValidate aria-label="Set password">
        {bannerMessage ? (
          <div className="crm-auth__error" role="alert">
            {bannerMessage}
          </div>
        ) : null}
        <p className="slds-text-color_weak slds-m-bottom_medium">
          Choose a password for your Agency CRM account. Use at least 8 characters with a mix of letters, numbers and
          symbols.
        </p>
        <TextField
          label="New Password"
          name="new_password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={passwordError}
          required
          autoFocus
        />
        <TextField
          label="Confirm Password"
          name="confirm_password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={clientErrors.confirm}
          required
          className="slds-m-top_medium"
        />
        <button
          type="submit"
          className="slds-button slds-button_brand slds-button_stretch crm-auth__submit"
          disabled={setPasswordCall.isPending || !token}
        >
          {setPasswordCall.isPending ? 'Saving…' : 'Set Password'}
        </button>
        <p className="slds-text-align_center slds-m-top_medium">
          <Link to="/login">Back to Log In</Link>
          {tokenError ? (
            <>
              {' · '}
              <Link to="/forgot-password">Forgot Your Password?</Link>
            </>
          ) : null}
        </p>
      </form>
    </AuthLayout>
  )
}
