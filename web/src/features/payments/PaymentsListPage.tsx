import { useState } from 'react'
import { Link } from 'react-router'
import { formatDate, formatMoney, ListView, type ListColumn, useUrlFilter } from '../../shared/record'
import { SelectField } from '../../shared/ui'
import { AccountFilter } from '../accounts/AccountFilter'
import { accountHref } from '../accounts/fields'
import { contractHref } from '../contracts/api'
import { orderHref } from '../orders/api'
import { paymentKeys, paymentsApi } from './api'
import { servicePeriod } from './format'
import { PAYMENT_METHODS, PAYMENT_STATUSES, type PaymentListItem } from './types'

const COLUMNS: readonly ListColumn<PaymentListItem>[] = [
  { key: 'payment_date', label: 'Payment Date', sortField: 'payment_date', primary: true, text: (p) => formatDate(p.payment_date), width: '9rem' },
  { key: 'amount', label: 'Amount', sortField: 'amount', text: (p) => formatMoney(p.amount), width: '8rem' },
  {
    key: 'order',
    label: 'Order / Contract',
    text: (p) => p.order_number ?? p.contract_number,
    render: (p) =>
      p.order_id ? (
        <Link to={orderHref(p.order_id)}>{p.order_number}</Link>
      ) : p.contract_id ? (
        <Link to={contractHref(p.contract_id)}>{p.contract_number}</Link>
      ) : null,
  },
  { key: 'account_name', label: 'Account Name', sortField: 'account_name', text: (p) => p.account_name, render: (p) => <Link to={accountHref(p.account_id)}>{p.account_name}</Link> },
  { key: 'method', label: 'Payment Method', sortField: 'payment_method', text: (p) => p.payment_method, width: '9rem' },
  { key: 'status', label: 'Status', sortField: 'status', text: (p) => p.status, width: '7rem' },
  { key: 'period', label: 'Service Period', text: servicePeriod },
]

/** /payments — payments of every order and contract; filters account, status and method. */
export function PaymentsListPage() {
  const [status, setStatus] = useState('')
  const [method, setMethod] = useState('')
  const [accountId, setAccountId] = useUrlFilter('account_id')
  return (
    <ListView<PaymentListItem>
      objectLabel="Payments"
      icon="standard:currency"
      title="All Payments"
      listViews
      exportPath="/api/v1/payments/export.csv"
      columns={COLUMNS}
      rowKey={(p) => p.id}
      queryKey={paymentKeys.lists}
      fetchPage={(query, signal) => paymentsApi.list(query, signal)}
      defaultSort={{ field: 'payment_date', direction: 'desc' }}
      searchPlaceholder="Search payments..."
      filters={{ status: status || undefined, payment_method: method || undefined, account_id: accountId || undefined }}
      rowClassName={(p) => (p.status === 'Void' ? 'crm-void' : undefined)}
      filterControls={
        <>
          <AccountFilter accountId={accountId} onChange={setAccountId} />
          <SelectField label="Status" className="crm-filter" value={status} onChange={setStatus} placeholder="All statuses" options={PAYMENT_STATUSES.map((s) => ({ value: s, label: s }))} />
          <SelectField label="Payment Method" className="crm-filter" value={method} onChange={setMethod} placeholder="All methods" options={PAYMENT_METHODS.map((m) => ({ value: m, label: m }))} />
        </>
      }
    />
  )
}
