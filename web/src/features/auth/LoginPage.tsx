import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { isApiError, safeNextPath } from '../../shared/api'
import { CheckboxField, TextField } from '../../shared/ui'
import { authApi, sessionKeys } from './api'
import { AuthLayout } from './AuthLayout'

export function LoginPage() {
  return (
    <AuthLayout>
      <LoginForm />
    </AuthLayout>
  )
}

/** Whether a login answer asks for the second factor: 401 with `mfa_required: true` (only after a right password). */
function asksForCode(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && (error.body as { mfa_required?: unknown } | undefined)?.mfa_required === true
}

/**
 * Username/password form; when the account has two-factor sign-in on, a second step asks for the authenticator's code
 * (or a recovery code). On success goes to `?next=` (same-app paths only) or Home.
 */
export function LoginForm() {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const queryClient = useQueryClient()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [rememberMe, setRememberMe] = useState(false)
  const [missing, setMissing] = useState<{ username?: string; password?: string; code?: string }>({})
  const [step, setStep] = useState<'password' | 'code' | 'recovery'>('password')
  const [code, setCode] = useState('')

  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (result) => {
      // A session limited to enrolment: /auth/me will say so, and the app shows the enrolment screen.
      queryClient.setQueryData(sessionKeys.me, result.mfa_enrolment_required ? { ...result.user, mfa_enrolment_required: true } : result.user)
      navigate(safeNextPath(params.get('next')), { replace: true })
    },
    onError: (error, variables) => {
      if (!variables.otp && !variables.recovery_code && asksForCode(error)) setStep('code')
    },
  })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (step !== 'password') {
      const value = step === 'code' ? code.replace(/\s/g, '') : code.trim()
      const problem =
        step === 'code'
          ? /^\d{6}$/.test(value)
            ? undefined
            : 'Enter the 6-digit code from your authenticator app.'
          : value
            ? undefined
            : 'Enter one of your recovery codes.'
      setMissing({ code: problem })
      if (problem) return
      login.mutate({
        email: username.trim(),
        password,
        remember_me: rememberMe,
        ...(step === 'code' ? { otp: value } : { recovery_code: value }),
      })
      return
    }

    const next = {
      username: username.trim() ? undefined : 'Enter your username.',
      password: password ? undefined : 'Enter your password.',
    }
    setMissing(next)
    if (next.username || next.password) return
    login.mutate({ email: username.trim(), password, remember_me: rememberMe })
  }

  function backToPassword() {
    setStep('password')
    setCode('')
    setPassword('')
    setMissing({})
    login.reset()
  }

  // The answer that asked for the code is not an error to show; a refused code is.
  const sentCode = Boolean(login.variables?.otp || login.variables?.recovery_code)
  const error = step === 'password' || sentCode ? login.error : null
  const errorMessage = error
    ? isApiError(error) && error.status === 401
      ? error.detail || 'Invalid email or password.'
      : isApiError(error)
        ? error.displayMessage
        : 'Something went wrong. Try again.'
    : undefined

  if (step !== 'password') {
    const recovery = step === 'recovery'
    return (
      <form className="crm-auth__form" onSubmit={onSubmit} noValidate aria-label="Verify your identity">
        <h2 className="slds-text-heading_small slds-m-bottom_x-small">Verify Your Identity</h2>
        <p className="slds-text-body_regular slds-m-bottom_medium">
          {recovery
            ? 'Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once.'
            : 'Enter the 6-digit code from your authenticator app.'}
        </p>
        {errorMessage ? (
          <div className="crm-auth__error" role="alert">
            {errorMessage}
          </div>
        ) : null}
        <TextField
          key={step}
          label={recovery ? 'Recovery Code' : 'Verification Code'}
          name={recovery ? 'recovery_code' : 'otp'}
          type="text"
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          autoCapitalize="none"
          spellCheck={false}
          value={code}
          onChange={setCode}
          error={missing.code}
          autoFocus
        />
        <button type="submit" className="slds-button slds-button_brand slds-button_stretch crm-auth__submit" disabled={login.isPending}>
          {login.isPending ? 'Verifying…' : 'Verify'}
        </button>
        <div className="crm-auth__links">
          <button
            type="button"
            className="slds-button"
            onClick={() => {
              setStep(recovery ? 'code' : 'recovery')
              setCode('')
              setMissing({})
              login.reset()
            }}
          >
            {recovery ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
          </button>
          <button type="button" className="slds-button" onClick={backToPassword}>
            Back
          </button>
        </div>
      </form>
    )
  }

  return (
    <form className="crm-auth__form" onSubmit={onSubmit} noValidate aria-label="Log in">
      {errorMessage ? (
        <div className="crm-auth__error" role="alert">
          {errorMessage}
        </div>
      ) : null}
      <TextField
        label="Username"
        name="username"
        type="text"
        inputMode="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={setUsername}
        error={missing.username}
        autoFocus
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={missing.password}
        className="slds-m-top_medium"
      />
      <button
        type="submit"
        className="slds-button slds-button_brand slds-button_stretch crm-auth__submit"
        disabled={login.isPending}
      >
        {login.isPending ? 'Logging In…' : 'Log In'}
      </button>
      <CheckboxField label="Remember me" name="remember_me" checked={rememberMe} onChange={setRememberMe} className="slds-m-top_small" />
      <p className="crm-auth__links">
        {/* Carries what was typed, so the next page need not ask for it again. */}
        <Link to={username.trim() ? `/forgot-password?email=${encodeURIComponent(username.trim())}` : '/forgot-password'}>
          Forgot Your Password?
        </Link>
      </p>
    </form>
  )
}
