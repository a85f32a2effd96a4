import { AuthLayout } from '../auth/AuthLayout'
import { useLogout } from '../auth/session'
import type { CurrentUser } from '../../shared/api/types'
import { useRefreshAfterEnrolment } from './api'
import { TwoFactorEnrolment } from './TwoFactorEnrolment'

/**
 * What a session limited to enrolment sees instead of the app, whatever the address: the administrator requires two
 * factors and this user has none yet. Once enabled the session is a full one (the gateway swapped it) and, after the
 * recovery codes, the app opens where the person was going.
 */
export function EnrolmentRequiredPage({ user }: { user: CurrentUser }) {
  const refresh = useRefreshAfterEnrolment()
  const logout = useLogout()
  return (
    <AuthLayout heading="Set Up Two-Factor Authentication">
      <p className="slds-m-bottom_small">
        Your administrator requires a second step when you sign in. Set up an authenticator app to continue, {user.first_name || user.email}.
      </p>
      <TwoFactorEnrolment email={user.email} onFinished={() => void refresh()} />
      <p className="slds-m-top_large slds-text-align_center">
        <button type="button" className="slds-button" onClick={() => logout.mutate()} disabled={logout.isPending}>
          Log Out
        </button>
      </p>
    </AuthLayout>
  )
}
