import { Link } from 'react-router'
import { Illustration } from '../ui'

export interface RecordNotFoundProps {
  /** Where "Back to ..." goes: the object's list. */
  backHref?: string
  /** "Accounts". */
  backLabel?: string
}

/** The 404 of a record page: SLDS illustration "This page isn't available". */
export function RecordNotFound({ backHref = '/', backLabel = 'Home' }: RecordNotFoundProps) {
  return (
    <div className="crm-page">
      <div className="slds-card crm-page__body crm-not-found">
        <Illustration
          name="page-not-available"
          heading="This page isn't available"
          message="The record you're trying to view may have been deleted, or the link is wrong. Check the address or go back."
        >
          <Link to={backHref} className="slds-button slds-button_neutral">
            Back to {backLabel}
          </Link>
        </Illustration>
      </div>
    </div>
  )
}
