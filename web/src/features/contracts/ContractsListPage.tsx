import { useState } from 'react'
import { Link } from 'react-router'
import { formatDate, formatMoney, ListView, type ListColumn, useUrlFilter } from '../../shared/record'
import { AccountAndStatusFilters, BillingListLinks } from '../orders/BillingListControls'
import { accountHref } from '../accounts/fields'
import { contractHref, contractKeys, contractsApi } from './api'
import { CONTRACT_STATUSES, type ContractListItem } from './types'

const COLUMNS: readonly ListColumn<ContractListItem>[] = [
  {
    key: 'contract_number',
    label: 'Contract Number',
    sortField: 'contract_number',
    primary: true,
    text: (c) => c.contract_number,
    href: (c) => contractHref(c.id),
  },
  {
    key: 'account_name',
    label: 'Account Name',
    sortField: 'account_name',
    text: (c) => c.account_name,
    render: (c) => <Link to={accountHref(c.account_id)}>{c.account_name}</Link>,
  },
  { key: 'start_date', label: 'Start Date', sortField: 'start_date', text: (c) => formatDate(c.start_date), width: '9rem' },
  { key: 'end_date', label: 'End Date', sortField: 'end_date', text: (c) => formatDate(c.end_date), width: '9rem' },
  { key: 'billing_cycle', label: 'Billing Cycle', sortField: 'billing_cycle', text: (c) => c.billing_cycle, width: '8rem' },
  { key: 'price_per_cycle', label: 'Price per Cycle', sortField: 'price_per_cycle', text: (c) => formatMoney(c.price_per_cycle), width: '9rem' },
  { key: 'status', label: 'Status', sortField: 'status', text: (c) => c.status, width: '8rem' },
  { key: 'total_paid', label: 'Total Paid', sortField: 'total_paid', text: (c) => formatMoney(c.total_paid), width: '9rem' },
]

/** /contracts — every retainer contract; search, sort, filter by status and account. */
export function ContractsListPage() {
  const [status, setStatus] = useState('')
  const [accountId, setAccountId] = useUrlFilter('account_id')
  return (
    <ListView<ContractListItem>
      objectLabel="Contracts"
      icon="standard:contract"
      title="All Contracts"
      listViews
      exportPath="/api/v1/contracts/export.csv"
      columns={COLUMNS}
      rowKey={(c) => c.id}
      queryKey={contractKeys.lists}
      fetchPage={(query, signal) => contractsApi.list(query, signal)}
      defaultSort={{ field: 'contract_number', direction: 'desc' }}
      searchPlaceholder="Search by contract number or account..."
      filters={{ status: status || undefined, account_id: accountId || undefined }}
      filterControls={
        <AccountAndStatusFilters accountId={accountId} onAccountChange={setAccountId} status={status} onStatusChange={setStatus} statuses={CONTRACT_STATUSES} />
      }
      headerActions={
        <BillingListLinks
          links={[
            { label: 'Orders', to: '/orders' },
            { label: 'Retainer Report', to: '/reports/retainer' },
          ]}
        />
      }
    />
  )
}
