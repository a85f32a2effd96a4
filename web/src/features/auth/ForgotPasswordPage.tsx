import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { isApiError } from '../../shared/api'
import { Icon, TextField } from '../../shared/ui'
import { authApi } from './api'
import { AuthLayout } from './AuthLayout'

/** The same words whatever the address: the page must not tell who has an account. */
export const FORGOT_PASSWORD_CONFIRMATION =
  "If that address is in our records, we've sent a link to reset your password. Check your email."

/** `/forgot-password`: asks for the username (e-mail) and mails a one-hour link to `/set-password`. */
export function ForgotPasswordPage() {
  const [params] = useSearchParams()
  const [email, setEmail] = useState(params.get('email') ?? '')
  const [missing, setMissing] = useState<string>()
  const request = useMutation({ mutationFn: authApi.forgotPassword })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = email.trim()
    setMissing(value ? undefined : 'Enter your username.')
    if (!value) return
    request.mutate({ email: value })
  }

  if (request.isSuccess) {
    return (
      <AuthLayout heading="Check Your Email">
        <div className="crm-auth__success" role="status">
          <Icon icon="utility:email" size="small" variant="default" containerClassName="slds-m-right_x-small" />
          <span>{request.data.message || FORGOT_PASSWORD_CONFIRMATION}</span>
        </div>
        <p className="slds-text-color_weak slds-m-top_medium">
          The link works once and expires in one hour. Didn&apos;t get the email? Check your spam folder, or make sure
          you entered the username you sign in with.
        </p>
        <Link to="/login" className="slds-button slds-button_brand slds-button_stretch crm-auth__submit">
          Back to Log In
        </Link>
      </AuthLayout>
    )
  }

  const apiError = isApiError(request.error) ? request.error : undefined
  const fieldError = missing ?? apiError?.fieldError('email')
  const bannerMessage =
    request.error && !apiError?.fieldError('email')
      ? (apiError?.displayMessage ?? 'Something went wrong. Try again.')
      : undefined

  return (
    <AuthLayout heading="Forgot Your Password">
      <form className="crm-auth__form" onSubmit={onSubmit} noValidate aria-label="Forgot password">
        {bannerMessage ? (
          <div className="crm-auth__error" role="alert">
            {bannerMessage}
          </div>
        ) : null}
        <p className="slds-text-color_weak slds-m-bottom_medium">
          To reset your password, enter your username. We&apos;ll email you a link to choose a new one.
        </p>
        <TextField
          label="Username"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={fieldError}
          required
          autoFocus
        />
        <button
          type="submit"
          className="slds-button slds-button_brand slds-button_stretch crm-auth__submit"
          disabled={request.isPending}
        >
          {request.isPending ? 'Sending…' : 'Continue'}
        </button>
        <p className="slds-text-align_center slds-m-top_medium">
          <Link to="/login">Cancel</Link>
        </p>
      </form>
    </AuthLayout>
  )
}
