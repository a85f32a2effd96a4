import { useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { isApiError, type ApiError } from '../../shared/api'
import { ConfirmDialog, FormErrorAlert, Modal, SelectField, TextField, useToast, FormModalFooter } from '../../shared/ui'
import { contractHref, contractKeys, contractsApi } from '../contracts/api'
import { BILLING_CYCLES, type BillingCycle, type GenerateContractRequest } from '../contracts/types'
import { orderHref, orderKeys, ordersApi } from '../orders/api'
import { retryWhilePreparing } from './generate'
import type { Opportunity } from './types'

/** The existing record a 409 names (`order_id`/`order_number`, `contract_id`/`contract_number`). */
function existing(e: ApiError, kind: 'order' | 'contract'): { id: string; number: string } | undefined {
  const body = e.body as Record<string, unknown> | null
  const id = body?.[`${kind}_id`]
  const number = body?.[`${kind}_number`]
  return typeof id === 'string' ? { id, number: typeof number === 'string' ? number : '' } : undefined
}

/** "Generate Order" on a Closed Won opportunity: confirm, create, go to the order. */
export function GenerateOrderDialog({ opportunity, onClose }: { opportunity: Opportunity; onClose: () => void }) {
  const navigate = useNavigate()
  const toast = useToast()
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<string>()
  const [error, setError] = useState<string>()

  async function generate() {
    setBusy(true)
    setError(undefined)
    try {
      const order = await retryWhilePreparing(
        () => ordersApi.generate(opportunity.id),
        (attempt) => setStatus(`Preparing… the won deal is on its way to Billing (attempt ${attempt + 1}).`),
      )
      void queryClient.invalidateQueries({ queryKey: orderKeys.all })
      toast.success(`Order ${order.order_number} was generated.`, `From "${opportunity.name}".`)
      void navigate(orderHref(order.id))
    } catch (e) {
      const found = isApiError(e) && e.status === 409 ? existing(e, 'order') : undefined
      if (found) {
        toast.show({ variant: 'info', title: `Order ${found.number} was already generated for this opportunity.`, message: 'Showing that order.' })
        void navigate(orderHref(found.id))
        return
      }
      setError(isApiError(e) && e.status === 404 ? 'Billing hasn’t received this won deal yet. Try again in a minute.' : isApiError(e) ? e.displayMessage : 'Try again in a moment.')
      setStatus(undefined)
      setBusy(false)
    }
  }

  return (
    <ConfirmDialog title="Generate Order" confirmLabel={status ? 'Preparing…' : 'Generate Order'} busy={busy} error={error} onCancel={onClose} onConfirm={() => void generate()}>
      {status ? (
        <span role="status">{status}</span>
      ) : (
        `Generate an order from "${opportunity.name}"? Its products and prices are copied to the order, which then takes payments.`
      )}
    </ConfirmDialog>
  )
}

type Errors = Record<string, string>

/** "Generate Contract" for a won retainer deal: term, billing cycle, optional price per cycle. */
export function GenerateContractModal({ opportunity, onClose }: { opportunity: Opportunity; onClose: () => void }) {
  const navigate = useNavigate()
  const toast = useToast()
  const queryClient = useQueryClient()
  const [startDate, setStartDate] = useState('')
  const [endDate, setEndDate] = useState('')
  const [cycle, setCycle] = useState<string>('Monthly')
  const [price, setPrice] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [other, setOther] = useState<string>()
  const [preparing, setPreparing] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const found: Errors = {}
    if (!startDate) found.start_date = 'Complete this field.'
    if (!endDate) found.end_date = 'Complete this field.'
    if (startDate && endDate && endDate < startDate) found.end_date = 'The end date must be on or after the start date.'
    if (!cycle) found.billing_cycle = 'Complete this field.'
    if (price.trim() && !/^\d+(\.\d{1,2})?$/.test(price.trim())) found.price_per_cycle = 'Enter a price such as 1500.00.'
    setErrors(found)
    setOther(undefined)
    if (Object.keys(found).length > 0) return
    const body: GenerateContractRequest = { start_date: startDate, end_date: endDate, billing_cycle: cycle as BillingCycle }
    if (price.trim()) body.price_per_cycle = price.trim()
    setBusy(true)
    try {
      const contract = await retryWhilePreparing(
        () => contractsApi.generate(opportunity.id, body),
        () => setPreparing('Preparing… the won deal is on its way to Billing.'),
      )
      void queryClient.invalidateQueries({ queryKey: contractKeys.all })
      toast.success(`Contract ${contract.contract_number} was generated.`)
      void navigate(contractHref(contract.id))
    } catch (e) {
      setPreparing(undefined)
      setBusy(false)
      if (!isApiError(e)) return setOther('Something went wrong. Try again.')
      const existingContract = e.status === 409 ? existing(e, 'contract') : undefined
      if (existingContract) {
        toast.show({ variant: 'info', title: `Contract ${existingContract.number} was already generated for this opportunity.`, message: 'Showing that contract.' })
        void navigate(contractHref(existingContract.id))
        return
      }
      const fieldErrors: Errors = {}
      const rest: string[] = []
      for (const [key, messages] of Object.entries(e.errors)) {
        if (['start_date', 'end_date', 'billing_cycle', 'price_per_cycle'].includes(key) && messages[0]) fieldErrors[key] = messages[0]
        else rest.push(...messages)
      }
      setErrors(fieldErrors)
      setOther(rest.length ? rest.join(' ') : Object.keys(fieldErrors).length ? undefined : e.status === 404 ? 'Billing hasn’t received this won deal yet. Try again in a minute.' : e.displayMessage)
    }
  }

  return (
    <Modal
      title="Generate Contract"
      tagline={opportunity.name}
      size="small"
      onClose={onClose}
      busy={busy}
      footer={
        <FormModalFooter formId="generate-contract-form" onCancel={onClose} busy={busy} submitLabel={preparing ? 'Preparing…' : 'Generate Contract'} />
      }
    >
      <form id="generate-contract-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {other ? <FormErrorAlert title="We hit a snag.">{other}</FormErrorAlert> : null}
        {preparing ? (
          <p role="status" className="slds-m-bottom_small slds-text-color_weak">
            {preparing}
          </p>
        ) : null}
        <div className="slds-grid slds-gutters_small slds-m-bottom_small">
          <div className="slds-col slds-size_1-of-2">
            <TextField label="Start Date" required type="date" value={startDate} onChange={setStartDate} error={errors.start_date} />
          </div>
          <div className="slds-col slds-size_1-of-2">
            <TextField label="End Date" required type="date" value={endDate} onChange={setEndDate} error={errors.end_date} />
          </div>
        </div>
        <div className="slds-grid slds-gutters_small">
          <div className="slds-col slds-size_1-of-2">
            <SelectField label="Billing Cycle" required value={cycle} onChange={setCycle} options={BILLING_CYCLES.map((c) => ({ value: c, label: c }))} error={errors.billing_cycle} />
          </div>
          <div className="slds-col slds-size_1-of-2">
            <TextField
              label="Price per Cycle"
              inputMode="decimal"
              value={price}
              onChange={setPrice}
              error={errors.price_per_cycle}
              help="Leave empty to use the retainer products' prices."
            />
          </div>
        </div>
      </form>
    </Modal>
  )
}
