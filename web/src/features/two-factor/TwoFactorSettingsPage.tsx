import { useState } from 'react'
import { Link } from 'react-router'
import { isApiError } from '../../shared/api'
import { Card, PageHeader, Spinner } from '../../shared/ui'
import { useCurrentUser } from '../auth/session'
import { useRefreshAfterEnrolment, useTwoFactorStatus } from './api'
import { TurnOffTwoFactor } from './TurnOffTwoFactor'
import { TwoFactorEnrolment } from './TwoFactorEnrolment'

type Mode = 'view' | 'enrol' | 'turn-off'

/** Personal Settings → Two-Factor Authentication (from the user menu): set up, see, or turn off the authenticator app. */
export function TwoFactorSettingsPage() {
  const me = useCurrentUser()
  const status = useTwoFactorStatus()
  const refresh = useRefreshAfterEnrolment()
  const [mode, setMode] = useState<Mode>('view')

  return (
    <div className="crm-page">
      <PageHeader icon="standard:user" label="Personal Settings" title="Two-Factor Authentication" variant="base" />
      <div className="crm-page__body slds-grid slds-gutters_small slds-wrap">
        <nav className="slds-col slds-size_1-of-1 slds-medium-size_1-of-4" aria-label="Personal Settings">
          <div className="slds-card slds-p-vertical_small">
            <div className="slds-vertical-navigation">
              <h2 className="slds-nav-vertical__title">Personal Settings</h2>
              <ul>
                <li className="slds-nav-vertical__item slds-is-active">
                  <Link to="/settings/two-factor" className="slds-nav-vertical__action" aria-current="page">
                    Two-Factor Authentication
                  </Link>
                </li>
              </ul>
            </div>
          </div>
        </nav>
        <div className="slds-col slds-size_1-of-1 slds-medium-size_3-of-4">
          <Card title="Authenticator App">
            {status.isPending || !me.data ? (
              <Spinner label="Loading" />
            ) : status.isError ? (
              <p role="alert">{isApiError(status.error) ? status.error.displayMessage : 'Something went wrong.'}</p>
            ) : mode === 'enrol' ? (
              <TwoFactorEnrolment
                email={me.data.email}
                onCancel={() => setMode('view')}
                onFinished={() => {
                  setMode('view')
                  void refresh()
                }}
              />
            ) : (
              <div className="crm-two-factor">
                <dl className="slds-list_horizontal slds-wrap">
                  <dt className="slds-item_label slds-text-color_weak">Status</dt>
                  <dd className="slds-item_detail">
                    {status.data.enabled ? (
                      <span className="slds-badge slds-theme_success">On</span>
                    ) : (
                      <span className="slds-badge">Off</span>
                    )}
                  </dd>
                  {status.data.enabled ? (
                    <>
                      <dt className="slds-item_label slds-text-color_weak">Turned on</dt>
                      <dd className="slds-item_detail">{status.data.enabled_at ? new Date(status.data.enabled_at).toLocaleString() : ''}</dd>
                      <dt className="slds-item_label slds-text-color_weak">Recovery codes left</dt>
                      <dd className="slds-item_detail">{status.data.recovery_codes_left} of 10</dd>
                    </>
                  ) : null}
                </dl>
                {status.data.required_for_everyone ? (
                  <p className="slds-m-top_small slds-text-color_weak">Your administrator requires two-factor authentication for every user.</p>
                ) : null}
                {status.data.enabled ? (
                  mode === 'turn-off' ? (
                    <TurnOffTwoFactor onCancel={() => setMode('view')} onDone={() => setMode('view')} />
                  ) : (
                    <div className="slds-m-top_medium">
                      <p className="slds-m-bottom_small">You sign in with your password and a code from your authenticator app.</p>
                      <button type="button" className="slds-button slds-button_neutral" onClick={() => setMode('turn-off')}>
                        Turn Off
                      </button>
                    </div>
                  )
                ) : (
                  <div className="slds-m-top_medium">
                    <p className="slds-m-bottom_small">
                      Protect your account with a second step at sign-in: a code from an authenticator app on your phone.
                    </p>
                    <button type="button" className="slds-button slds-button_brand" onClick={() => setMode('enrol')}>
                      Set Up
                    </button>
                  </div>
                )}
              </div>
            )}
          </Card>
        </div>
      </div>
    </div>
  )
}
