import { LookupFilter } from '../../shared/record'
import { searchAccounts, useAccount } from './api'
import { accountHref } from './fields'

const lookup = { objectLabel: 'Accounts', icon: 'standard:account', search: searchAccounts, recordHref: accountHref } as const

/** The Account filter of a list (orders, contracts, payments, cases). */
export function AccountFilter({ accountId, onChange }: { accountId: string; onChange: (id: string) => void }) {
  const account = useAccount(accountId)
  return <LookupFilter label="Account" lookup={lookup} value={accountId} valueLabel={account.data?.name} onChange={onChange} />
}
