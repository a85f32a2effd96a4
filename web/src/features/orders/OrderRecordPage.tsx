import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../shared/api'
import {
  formatDate,
  formatMoney,
  RecordDetails,
  RecordHighlights,
  RecordLoader,
  RecordPageLayout,
  RelatedList,
  type FieldSection,
  systemSection,
} from '../../shared/record'
import { ConfirmDialog, useToast } from '../../shared/ui'
import { accountHref } from '../accounts/fields'
import { ActivityTimeline } from '../activities/ActivityTimeline'
import { opportunityHref } from '../opportunities/api'
import { paymentKeys, paymentsApi } from '../payments/api'
import { PaymentModal } from '../payments/PaymentModal'
import { PaymentsRelatedList } from '../payments/PaymentsRelatedList'
import type { PaymentListItem } from '../payments/types'
import { orderKeys, ordersApi, useOrder } from './api'
import type { Order, OrderLine, OrderStatus } from './types'

/** /orders/:id — highlights with the totals, status actions, Order Products and Payments. */
export function OrderRecordPage() {
  const { id = '' } = useParams()
  return (
    <RecordLoader query={useOrder(id)} objectName="order" backHref="/orders" backLabel="Orders">
      {(order) => <OrderRecord order={order} />}
    </RecordLoader>
  )
}

function orderSections(): FieldSection<Order>[] {
  return [
    {
      title: 'Order Information',
      fields: [
        { name: 'order_number', label: 'Order Number', type: 'text', readOnly: true },
        {
          name: 'account_id',
          label: 'Account Name',
          type: 'text',
          readOnly: true,
          text: (o) => o.account_name,
          display: (o) => <Link to={accountHref(o.account_id)}>{o.account_name}</Link>,
        },
        {
          name: 'opportunity_id',
          label: 'Opportunity',
          type: 'text',
          readOnly: true,
          text: (o) => o.opportunity_name,
          display: (o) => <Link to={opportunityHref(o.opportunity_id)}>{o.opportunity_name}</Link>,
        },
        { name: 'order_date', label: 'Order Date', type: 'date', readOnly: true, display: (o) => formatDate(o.order_date) },
        { name: 'status', label: 'Status', type: 'text', readOnly: true },
        { name: 'total', label: 'Total', type: 'text', readOnly: true, display: (o) => formatMoney(o.total) },
        { name: 'total_paid', label: 'Total Paid', type: 'text', readOnly: true, display: (o) => formatMoney(o.total_paid) },
        { name: 'balance_due', label: 'Balance Due', type: 'text', readOnly: true, display: (o) => formatMoney(o.balance_due) },
      ],
    },
    systemSection(),
  ]
}

type Dialog =
  | { kind: 'status'; status: OrderStatus }
  | { kind: 'log' }
  | { kind: 'edit'; payment: PaymentListItem }
  | { kind: 'void'; payment: PaymentListItem }

const CLOSED: readonly OrderStatus[] = ['Fulfilled', 'Cancelled']

function OrderRecord({ order }: { order: Order }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const [dialog, setDialog] = useState<Dialog>()
  const [busy, setBusy] = useState(false)
  const [confirmError, setConfirmError] = useState<string>()
  const id = order.id

  /** After any change: the order again (status and totals are the server's to compute). */
  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) })
    void queryClient.invalidateQueries({ queryKey: orderKeys.lists })
    void queryClient.invalidateQueries({ queryKey: orderKeys.byAccount(order.account_id) })
    void queryClient.invalidateQueries({ queryKey: paymentKeys.all })
  }

  function closeDialog() {
    setDialog(undefined)
    setConfirmError(undefined)
  }

  async function confirm() {
    if (dialog?.kind !== 'status' && dialog?.kind !== 'void') return
    setBusy(true)
    setConfirmError(undefined)
    try {
      if (dialog.kind === 'status') {
        const saved = await ordersApi.update(id, { status: dialog.status, version: order.version })
        queryClient.setQueryData(orderKeys.detail(id), saved)
        toast.success(`Order ${saved.order_number} is now ${saved.status}.`)
      } else {
        await paymentsApi.void(dialog.payment.id, dialog.payment.version)
        toast.success('Payment voided.', `${formatMoney(dialog.payment.amount)} no longer counts towards the order.`)
      }
      await refresh()
      closeDialog()
    } catch (e) {
      if (isApiError(e) && e.status === 409) void refresh()
      setConfirmError(isApiError(e) ? e.displayMessage : 'Try again in a moment.')
    } finally {
      setBusy(false)
    }
  }

  const closedReason = CLOSED.includes(order.status) ? `This order is ${order.status}.` : undefined
  const balance = Number(order.balance_due ?? 0)
  return (
    <>
      <RecordPageLayout
        header={
          <RecordHighlights
            icon="standard:orders"
            objectLabel="Order"
            title={order.order_number}
            badge={order.status}
            fields={[
              { label: 'Account Name', value: <Link to={accountHref(order.account_id)}>{order.account_name}</Link>, title: order.account_name },
              { label: 'Status', value: <span data-testid="order-status">{order.status}</span> },
              { label: 'Total', value: <span className="crm-amount_prominent" data-testid="order-total">{formatMoney(order.total)}</span> },
              { label: 'Total Paid', value: <span className="crm-amount_prominent" data-testid="order-total-paid">{formatMoney(order.total_paid)}</span> },
              {
                label: 'Balance Due',
                value: (
                  <span className={`crm-amount_prominent${balance > 0 ? ' crm-amount_due' : ''}`} data-testid="order-balance-due">
                    {formatMoney(order.balance_due)}
                  </span>
                ),
              },
            ]}
            actions={[
              {
                label: 'Mark Fulfilled',
                onClick: () => setDialog({ kind: 'status', status: 'Fulfilled' }),
                disabled: Boolean(closedReason),
                title: closedReason,
              },
              {
                label: 'Cancel Order',
                onClick: () => setDialog({ kind: 'status', status: 'Cancelled' }),
                disabled: Boolean(closedReason),
                title: closedReason,
              },
            ]}
          />
        }
        details={
          <RecordDetails<Order>
            record={order}
            sections={orderSections()}
            readOnly
            update={() => Promise.reject(new Error('Orders are not edited field by field.'))}
            onSaved={() => undefined}
            onReloaded={() => undefined}
          />
        }
        related={
          <div className="crm-related">
            <RelatedList<OrderLine>
              title="Order Products"
              icon="standard:product"
              rows={order.line_items}
              rowKey={(l) => l.id}
              max={50}
              columns={[
                { key: 'product', label: 'Product', render: (l) => l.product_name, text: (l) => l.product_name },
                { key: 'type', label: 'Type', render: (l) => (l.is_retainer_product ? 'Retainer' : 'One-time') },
                { key: 'quantity', label: 'Quantity', render: (l) => l.quantity },
                { key: 'price', label: 'Price at Purchase', render: (l) => formatMoney(l.price_at_purchase) },
                { key: 'total', label: 'Total', render: (l) => formatMoney(l.total) },
              ]}
              summary={
                <p className="slds-text-align_right slds-p-around_small slds-text-body_regular">
                  Total: <strong>{formatMoney(order.total)}</strong>
                </p>
              }
            />
            <PaymentsRelatedList
              payments={order.payments}
              onNew={() => setDialog({ kind: 'log' })}
              newDisabledReason={order.status === 'Cancelled' ? 'This order is cancelled.' : undefined}
              onEdit={(payment) => setDialog({ kind: 'edit', payment })}
              onVoid={(payment) => setDialog({ kind: 'void', payment })}
            />
          </div>
        }
        aside={<ActivityTimeline record={{ type: 'Order', id: order.id, name: order.order_number }} />}
      />
      {dialog?.kind === 'log' ? (
        <PaymentModal
          tagline={`Order ${order.order_number}`}
          defaultAmount={balance > 0 ? (order.balance_due ?? '') : ''}
          onClose={closeDialog}
          create={async (body) => {
            await paymentsApi.logForOrder(id, body)
            await refresh()
            closeDialog()
            toast.success('Payment logged.', `${formatMoney(body.amount)} on order ${order.order_number}.`)
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <PaymentModal
          payment={dialog.payment}
          tagline={`Order ${order.order_number}`}
          onClose={closeDialog}
          update={async (body) => {
            await paymentsApi.update(dialog.payment.id, body)
            await refresh()
            closeDialog()
            toast.success('Payment saved.')
          }}
        />
      ) : null}
      {dialog?.kind === 'status' ? (
        <ConfirmDialog
          title={dialog.status === 'Cancelled' ? 'Cancel Order' : 'Mark Fulfilled'}
          confirmLabel={dialog.status === 'Cancelled' ? 'Cancel Order' : 'Mark Fulfilled'}
          cancelLabel={dialog.status === 'Cancelled' ? 'Keep Order' : 'Cancel'}
          variant={dialog.status === 'Cancelled' ? 'destructive' : 'brand'}
          busy={busy}
          error={confirmError}
          onCancel={closeDialog}
          onConfirm={() => void confirm()}
        >
          {dialog.status === 'Cancelled'
            ? `Are you sure you want to cancel order ${order.order_number}?`
            : `Mark order ${order.order_number} as fulfilled?`}
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'void' ? (
        <ConfirmDialog
          title="Void Payment"
          confirmLabel="Void"
          variant="destructive"
          busy={busy}
          error={confirmError}
          onCancel={closeDialog}
          onConfirm={() => void confirm()}
        >
          {`Void the payment of ${formatMoney(dialog.payment.amount)} from ${formatDate(dialog.payment.payment_date)}? It stays listed but no longer counts towards the order.`}
        </ConfirmDialog>
      ) : null}
    </>
  )
}
