import { Link } from 'react-router'
import { SelectField } from '../../shared/ui'
import { AccountFilter } from '../accounts/AccountFilter'

export interface AccountAndStatusFiltersProps {
  accountId: string
  onAccountChange: (id: string) => void
  status: string
  onStatusChange: (status: string) => void
  statuses: readonly string[]
}

/** The filters of the billing lists (orders, contracts): one account, one status. */
export function AccountAndStatusFilters({ accountId, onAccountChange, status, onStatusChange, statuses }: AccountAndStatusFiltersProps) {
  return (
    <>
      <AccountFilter accountId={accountId} onChange={onAccountChange} />
      <SelectField
        label="Status"
        className="crm-filter"
        value={status}
        onChange={onStatusChange}
        placeholder="All statuses"
        options={statuses.map((s) => ({ value: s, label: s }))}
      />
    </>
  )
}

/** The billing lists link to each other and to the retainer report. */
export function BillingListLinks({ links }: { links: readonly { label: string; to: string }[] }) {
  return (
    <div className="slds-button-group" role="group">
      {links.map((link) => (
        <Link key={link.to} className="slds-button slds-button_neutral" to={link.to}>
          {link.label}
        </Link>
      ))}
    </div>
  )
}
