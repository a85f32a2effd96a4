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

/** Username/password form; on success goes to `?next=` (same-app paths only) or Home. */
export function LoginForm() {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const queryClient = useQueryClient()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [rememberMe, setRememberMe] = useState(false)
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({})

  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (result) => {
      queryClient.setQueryData(sessionKeys.me, result.user)
      navigate(safeNextPath(params.get('next')), { replace: true })
    },
  })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const next = {
      username: username.trim() ? undefined : 'Enter your username.',
      password: password ? undefined : 'Enter your password.',
    }
    setMissing(next)
    if (next.username || next.password) return
    login.mutate({ email: username.trim(), password, remember_me: rememberMe })
  }

  const error = login.error
  const errorMessage = error
    ? isApiError(error) && error.status === 401
      ? error.detail || 'Invalid email or password.'
      : isApiError(error)
        ? error.displayMessage
        : 'Something went wrong. Try again.'
    : undefined

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
