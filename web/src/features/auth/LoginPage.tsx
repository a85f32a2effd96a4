import { useEffect } from 'react'
import { useSearchParams } from 'react-router'
import { safeNextPath } from '../../shared/api'
import { AuthLayout } from './AuthLayout'
import { signInUrl } from './signIn'

/**
 * `/login?next=`: signing in happens on Identity's page, through the gateway's code flow (`/auth/signin`), so the
 * browser never sees a token. This page only sends it there, and comes back to `next` afterwards.
 */
export function LoginPage() {
  const [params] = useSearchParams()
  const target = signInUrl(safeNextPath(params.get('next')))
  useEffect(() => {
    window.location.replace(target)
  }, [target])
  return (
    <AuthLayout>
      <p className="slds-text-body_regular">
        Taking you to the sign-in page… <a href={target}>Continue</a>
      </p>
    </AuthLayout>
  )
}
