import { Link, useLocation } from 'react-router'
import { Illustration, PageHeader } from '../shared/ui'
import { NAV_ITEMS } from './navigation'

/** Placeholder for tabs whose pages later slices build. */
export function ComingSoonPage() {
  const { pathname } = useLocation()
  const item = NAV_ITEMS.find((i) => i.path === pathname)
  const label = item?.label ?? 'This page'
  return (
    <div className="crm-page">
      <PageHeader icon={item?.icon} label={label} title={`Recently Viewed`} />
      <div className="slds-card crm-page__body">
        <Illustration name="open-road" heading="Coming soon" message={`${label} is on its way. Check back after the next release.`}>
          <Link to="/" className="slds-button slds-button_neutral">
            Back to Home
          </Link>
        </Illustration>
      </div>
    </div>
  )
}

export function NotFoundPage() {
  return (
    <div className="crm-page">
      <div className="slds-card crm-page__body">
        <Illustration
          name="page-not-available"
          heading="Looks like there's a problem"
          message="The page you're looking for doesn't exist or may have moved."
        >
          <Link to="/" className="slds-button slds-button_neutral">
            Back to Home
          </Link>
        </Illustration>
      </div>
    </div>
  )
}

export function NoAccessPage() {
  return (
    <div className="crm-page">
      <div className="slds-card crm-page__body">
        <Illustration
          name="no-access"
          heading="You don't have access"
          message="Ask your administrator for access to this page."
        >
          <Link to="/" className="slds-button slds-button_neutral">
            Back to Home
          </Link>
        </Illustration>
      </div>
    </div>
  )
}
