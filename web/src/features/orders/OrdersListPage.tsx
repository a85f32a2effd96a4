import { useState } from 'react'
import { Link } from 'react-router'
import { formatDate, formatMoney, ListView, type ActiveFilter, type ListColumn, useUrlFilter } from '../../shared/record'
import { AccountAndStatusFilters, BillingListLinks } from './BillingListControls'
import { accountHref } from '../accounts/fields'
import { orderHref, orderKeys, ordersApi } from './api'
import { ORDER_STATUSES, type OrderListItem } from './types'

const COLUMNS: readonly ListColumn<OrderListItem>[] = [
  { key: 'order_number', label: 'Order Number', sortField: 'order_number', primary: true, text: (o) => o.order_number, href: (o) => orderHref(o.id) },
  {
    key: 'account_name',
    label: 'Account Name',
    sortField: 'account_name',
    text: (o) => o.account_name,
    render: (o) => <Link to={accountHref(o.account_id)}>{o.account_name}</Link>,
  },
  { key: 'order_date', label: 'Order Date', sortField: 'order_date', text: (o) => formatDate(o.order_date), width: '10rem' },
  { key: 'status', label: 'Status', sortField: 'status', text: (o) => o.status, width: '10rem' },
  { key: 'total', label: 'Total', sortField: 'total', text: (o) => formatMoney(o.total), width: '9rem' },
  { key: 'total_paid', label: 'Total Paid', sortField: 'total_paid', text: (o) => formatMoney(o.total_paid), width: '9rem' },
]

/**
 * /orders — every order (generated from won deals); search, sort, filter by status and account; links to
 * payments, contracts and the retainer report. The receivables report opens it with `aging` (0-30, 31-60,
 * 61-90, 90+ days) and `balance_due=true`, shown as pills.
 */
export function OrdersListPage() {
  const [status, setStatus] = useState('')
  const [accountId, setAccountId] = useUrlFilter('account_id')
  const [aging, setAging] = useUrlFilter('aging')
  const [balanceDue, setBalanceDue] = useUrlFilter('balance_due')
  const activeFilters: ActiveFilter[] = [
    ...(aging ? [{ label: 'Age', value: `${aging} days`, onClear: () => setAging('') }] : []),
    ...(balanceDue === 'true' ? [{ label: 'Balance Due', value: 'Yes', onClear: () => setBalanceDue('') }] : []),
  ]
  return (
    <ListView<OrderListItem>
      objectLabel="Orders"
      icon="standard:orders"
      title="All Orders"
      listViews
      exportPath="/api/v1/orders/export.csv"
      columns={COLUMNS}
      rowKey={(o) => o.id}
      queryKey={orderKeys.lists}
      fetchPage={(query, signal) => ordersApi.list(query, signal)}
      defaultSort={{ field: 'order_date', direction: 'desc' }}
      searchPlaceholder="Search by order number or account..."
      filters={{ status: status || undefined, account_id: accountId || undefined, aging: aging || undefined, balance_due: balanceDue || undefined }}
      activeFilters={activeFilters}
      filterControls={
        <AccountAndStatusFilters accountId={accountId} onAccountChange={setAccountId} status={status} onStatusChange={setStatus} statuses={ORDER_STATUSES} />
      }
      headerActions={
        <BillingListLinks
          links={[
            { label: 'Payments', to: '/payments' },
            { label: 'Contracts', to: '/contracts' },
            { label: 'Retainer Report', to: '/reports/retainer' },
          ]}
        />
      }
    />
  )
}
