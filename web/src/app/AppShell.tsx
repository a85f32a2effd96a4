import { Outlet } from 'react-router'
import { isAdmin, useCurrentUser } from '../features/auth/session'
import { EnrolmentRequiredPage } from '../features/two-factor/EnrolmentRequiredPage'
import { isApiError } from '../shared/api'
import { Illustration, Spinner } from '../shared/ui'
import { ContextBar } from './ContextBar'
import { GlobalHeader } from './GlobalHeader'

/** Layout of every signed-in page: global header + context bar, page below. */
export function AppShell() {
  const me = useCurrentUser()

  if (me.isPending) return <Spinner size="large" label="Loading Agency CRM" className="crm-app-loading" />

  if (me.isError) {
    // A 401 is already on its way to /login (see the API client); anything else: say so.
    if (isApiError(me.error) && me.error.status === 401) return null
    return (
      <div className="crm-page">
        <Illustration
          name="page-not-available"
          heading="We can't reach Agency CRM right now"
          message={isApiError(me.error) ? me.error.displayMessage : 'Check your connection and try again.'}
        >
          <button type="button" className="slds-button slds-button_brand" onClick={() => void me.refetch()}>
            Try Again
          </button>
        </Illustration>
      </div>
    )
  }

  const user = me.data
  // The administrator requires two factors and this user has none: every other call would answer 403, so the app
  // is replaced by the enrolment screen, whatever the address (kept for after).
  if (user.mfa_enrolment_required) return <EnrolmentRequiredPage user={user} />

  return (
    <div className="crm-app">
      <a href="#crm-main" className="slds-assistive-text slds-assistive-text_focus crm-skip-link">
        Skip to Main Content
      </a>
      <header className="slds-global-header_container crm-header">
        <GlobalHeader user={user} />
        <ContextBar isAdmin={isAdmin(user)} />
      </header>
      <main id="crm-main" className="crm-main slds-brand-band slds-brand-band_medium slds-template_default" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  )
}
