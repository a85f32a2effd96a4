import { LookupField } from '../../shared/record'
import { useAccount, searchAccounts } from './api'
import { accountHref } from './fields'

/** An Account lookup used as a list filter: pick an account to see only its records, remove it to see all. */
export function AccountFilter({ accountId, onChange }: { accountId: string; onChange: (id: string) => void }) {
  const account = useAccount(accountId)
  return (
    <div className="crm-filter crm-filter_lookup">
      <LookupField
        label="Account"
        lookup={{ objectLabel: 'Accounts', icon: 'standard:account', search: searchAccounts, recordHref: accountHref }}
        value={accountId}
        valueLabel={accountId ? (account.data?.name ?? 'Loading…') : undefined}
        onChange={(id) => onChange(id)}
      />
    </div>
  )
}
