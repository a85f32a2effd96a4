import type { ReactNode } from 'react'
import { formatDate, formatMoney, RelatedList } from '../../shared/record'
import { ActionMenu } from '../../shared/ui'
import { servicePeriod } from './format'
import type { PaymentListItem } from './types'

/** A Void payment stays listed, struck through. */
function cell(p: PaymentListItem, content: ReactNode): ReactNode {
  return p.status === 'Void' ? <span className="crm-void" title="Voided">{content}</span> : content
}

export interface PaymentsRelatedListProps {
  payments: readonly PaymentListItem[]
  onNew?: () => void
  newDisabledReason?: string
  onEdit: (p: PaymentListItem) => void
  onVoid: (p: PaymentListItem) => void
}

/** "Payments" related list of an order or a contract: amount, date, method, status, service period; Edit and Void. */
export function PaymentsRelatedList({ payments, onNew, newDisabledReason, onEdit, onVoid }: PaymentsRelatedListProps) {
  return (
    <RelatedList<PaymentListItem>
      title="Payments"
      icon="standard:currency"
      rows={payments}
      rowKey={(p) => p.id}
      max={50}
      newLabel="Log Payment"
      onNew={onNew}
      newDisabledReason={newDisabledReason}
      columns={[
        { key: 'amount', label: 'Amount', render: (p) => cell(p, formatMoney(p.amount)) },
        { key: 'payment_date', label: 'Payment Date', render: (p) => cell(p, formatDate(p.payment_date)) },
        { key: 'method', label: 'Payment Method', render: (p) => cell(p, p.payment_method) },
        { key: 'status', label: 'Status', render: (p) => cell(p, p.status) },
        { key: 'period', label: 'Service Period', render: (p) => cell(p, servicePeriod(p)), text: servicePeriod },
        { key: 'transaction', label: 'Transaction ID', render: (p) => cell(p, p.transaction_id), text: (p) => p.transaction_id ?? undefined },
        {
          key: 'actions',
          label: 'Actions',
          render: (p) => (
            <ActionMenu
              label={`Show actions for the payment of ${formatMoney(p.amount)} on ${formatDate(p.payment_date)}`}
              items={[
                { label: 'Edit', onSelect: () => onEdit(p), disabled: p.status === 'Void' },
                { label: 'Void', onSelect: () => onVoid(p), disabled: p.status === 'Void' },
              ]}
            />
          ),
        },
      ]}
    />
  )
}
