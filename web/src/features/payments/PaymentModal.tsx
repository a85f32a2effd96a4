import { useState, type FormEvent } from 'react'
import { isApiError } from '../../shared/api'
import { CheckboxField, FormErrorAlert, Modal, SelectField, TextAreaField, TextField, FormModalFooter } from '../../shared/ui'
import { todayIso } from './format'
import { LOGGED_PAYMENT_STATUSES, PAYMENT_METHODS, type CreatePaymentRequest, type PaymentListItem, type PaymentMethod, type PaymentStatus, type UpdatePaymentRequest } from './types'

type Errors = Record<string, string>

const FIELDS = ['amount', 'payment_date', 'payment_method', 'status', 'transaction_id', 'notes', 'service_period_start', 'service_period_end'] as const

/** 400 `errors` under their fields; anything else as one message. */
function readError(e: unknown): { errors: Errors; other?: string } {
  if (!isApiError(e)) return { errors: {}, other: 'Something went wrong. Try again.' }
  const errors: Errors = {}
  const rest: string[] = []
  for (const [key, messages] of Object.entries(e.errors)) {
    if ((FIELDS as readonly string[]).includes(key) && messages[0]) errors[key] = messages[0]
    else rest.push(...messages)
  }
  return { errors, other: rest.length ? rest.join(' ') : Object.keys(errors).length ? undefined : e.displayMessage }
}

export interface PaymentModalProps {
  /** "Log Payment" (create) or "Edit Payment" (the payment given). */
  payment?: PaymentListItem
  /** Shown under the title: the order or contract number. */
  tagline?: string
  /** Contract payments always cover a service period. */
  requireServicePeriod?: boolean
  /** Suggested amount for a new payment (the balance due, the price per cycle). */
  defaultAmount?: string
  onClose: () => void
  create?: (body: CreatePaymentRequest) => Promise<void>
  update?: (body: UpdatePaymentRequest) => Promise<void>
}

/** "Log Payment" / "Edit Payment": amount, date, method, status, transaction, notes and the retainer service period. */
export function PaymentModal({ payment, tagline, requireServicePeriod = false, defaultAmount = '', onClose, create, update }: PaymentModalProps) {
  const [amount, setAmount] = useState(payment?.amount ?? defaultAmount)
  const [paymentDate, setPaymentDate] = useState(payment?.payment_date ?? todayIso())
  const [method, setMethod] = useState<string>(payment?.payment_method ?? '')
  const [status, setStatus] = useState<string>(payment?.status ?? 'Completed')
  const [transactionId, setTransactionId] = useState(payment?.transaction_id ?? '')
  const [notes, setNotes] = useState(payment?.notes ?? '')
  const [retainer, setRetainer] = useState(requireServicePeriod || Boolean(payment?.service_period_start))
  const [periodStart, setPeriodStart] = useState(payment?.service_period_start ?? '')
  const [periodEnd, setPeriodEnd] = useState(payment?.service_period_end ?? '')
  const [errors, setErrors] = useState<Errors>({})
  const [other, setOther] = useState<string>()
  const [busy, setBusy] = useState(false)

  function validate(): Errors {
    const out: Errors = {}
    if (!/^\d+(\.\d{1,2})?$/.test(amount.trim()) || Number(amount) <= 0) out.amount = 'Enter an amount greater than 0, such as 500.00.'
    if (!paymentDate) out.payment_date = 'Complete this field.'
    if (!method) out.payment_method = 'Complete this field.'
    if (retainer) {
      if (!periodStart) out.service_period_start = 'Complete this field.'
      if (!periodEnd) out.service_period_end = 'Complete this field.'
      if (periodStart && periodEnd && periodEnd < periodStart) out.service_period_end = 'The end must be on or after the start.'
    }
    return out
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    setOther(undefined)
    if (Object.keys(found).length > 0) return
    const values = {
      amount: amount.trim(),
      payment_date: paymentDate,
      payment_method: method as PaymentMethod,
      status: status as PaymentStatus,
      transaction_id: transactionId.trim() || null,
      notes: notes.trim() || null,
      service_period_start: retainer ? periodStart : null,
      service_period_end: retainer ? periodEnd : null,
    }
    setBusy(true)
    try {
      if (payment && update) {
        const body: UpdatePaymentRequest = { version: payment.version }
        if (Number(values.amount) !== Number(payment.amount)) body.amount = values.amount
        if (values.payment_date !== payment.payment_date) body.payment_date = values.payment_date
        if (values.payment_method !== payment.payment_method) body.payment_method = values.payment_method
        if (values.status !== payment.status) body.status = values.status
        if (values.transaction_id !== payment.transaction_id) body.transaction_id = values.transaction_id
        if (values.notes !== payment.notes) body.notes = values.notes
        if (values.service_period_start !== payment.service_period_start) body.service_period_start = values.service_period_start
        if (values.service_period_end !== payment.service_period_end) body.service_period_end = values.service_period_end
        if (Object.keys(body).length === 1) return onClose()
        await update(body)
      } else if (create) {
        await create(values)
      }
    } catch (e) {
      const read = readError(e)
      setErrors(read.errors)
      setOther(read.other)
      setBusy(false)
    }
  }

  const statusOptions = payment?.status === 'Void' ? [...LOGGED_PAYMENT_STATUSES, 'Void'] : LOGGED_PAYMENT_STATUSES
  return (
    <Modal
      title={payment ? 'Edit Payment' : 'Log Payment'}
      tagline={tagline}
      size="medium"
      onClose={onClose}
      busy={busy}
      footer={
        <FormModalFooter formId="payment-form" onCancel={onClose} busy={busy} />
      }
    >
      <form id="payment-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {other ? <FormErrorAlert title="We hit a snag.">{other}</FormErrorAlert> : null}
        <h3 className="slds-section__title slds-theme_shade slds-p-horizontal_small slds-m-bottom_small">Payment Information</h3>
        <div className="slds-grid slds-wrap slds-gutters_small">
          <div className="slds-col slds-size_1-of-2 slds-m-bottom_small">
            <TextField label="Amount" required inputMode="decimal" value={amount} onChange={setAmount} error={errors.amount} />
          </div>
          <div className="slds-col slds-size_1-of-2 slds-m-bottom_small">
            <TextField label="Payment Date" required type="date" value={paymentDate} onChange={setPaymentDate} error={errors.payment_date} />
          </div>
          <div className="slds-col slds-size_1-of-2 slds-m-bottom_small">
            <SelectField
              label="Payment Method"
              required
              value={method}
              onChange={setMethod}
              placeholder="--None--"
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: m }))}
              error={errors.payment_method}
            />
          </div>
          <div className="slds-col slds-size_1-of-2 slds-m-bottom_small">
            <SelectField label="Status" required value={status} onChange={setStatus} options={statusOptions.map((s) => ({ value: s, label: s }))} error={errors.status} />
          </div>
          <div className="slds-col slds-size_1-of-2 slds-m-bottom_small">
            <TextField label="Transaction ID" maxLength={255} value={transactionId} onChange={setTransactionId} error={errors.transaction_id} />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-m-bottom_small">
            <TextAreaField label="Notes" value={notes} onChange={setNotes} error={errors.notes} />
          </div>
        </div>
        <h3 className="slds-section__title slds-theme_shade slds-p-horizontal_small slds-m-bottom_small">Retainer</h3>
        {requireServicePeriod ? null : (
          <CheckboxField label="Retainer payment" checked={retainer} onChange={setRetainer} className="slds-m-bottom_small" />
        )}
        {retainer ? (
          <div className="slds-grid slds-gutters_small">
            <div className="slds-col slds-size_1-of-2">
              <TextField label="Service Period Start" required type="date" value={periodStart} onChange={setPeriodStart} error={errors.service_period_start} />
            </div>
            <div className="slds-col slds-size_1-of-2">
              <TextField label="Service Period End" required type="date" value={periodEnd} onChange={setPeriodEnd} error={errors.service_period_end} />
            </div>
          </div>
        ) : null}
      </form>
    </Modal>
  )
}
