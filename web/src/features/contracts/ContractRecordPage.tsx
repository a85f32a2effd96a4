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
import { opportunityHref } from '../opportunities/api'
import { NewOpportunityModal } from '../opportunities/NewOpportunityModal'
import { paymentKeys, paymentsApi } from '../payments/api'
import { PaymentModal } from '../payments/PaymentModal'
import { PaymentsRelatedList } from '../payments/PaymentsRelatedList'
import type { PaymentListItem } from '../payments/types'
import { contractKeys, contractsApi, useContract } from './api'
import { renewalDeal } from './renewal'
import { TERMINATED, type Contract, type ContractPeriod } from './types'

/** /contracts/:id — a retainer contract: dates, cycle, price, status, schedule and payments. */
export function ContractRecordPage() {
  const { id = '' } = useParams()
  return (
    <RecordLoader query={useContract(id)} objectName="contract" backHref="/orders" backLabel="Orders">
      {(contract) => <ContractRecord contract={contract} />}
    </RecordLoader>
  )
}

function contractSections(): FieldSection<Contract>[] {
  return [
    {
      title: 'Contract Information',
      fields: [
        { name: 'contract_number', label: 'Contract Number', type: 'text', readOnly: true },
        { name: 'account_id', label: 'Account Name', type: 'text', readOnly: true, text: (c) => c.account_name, display: (c) => <Link to={accountHref(c.account_id)}>{c.account_name}</Link> },
        {
          name: 'opportunity_id',
          label: 'Opportunity',
          type: 'text',
          readOnly: true,
          text: (c) => c.opportunity_name,
          display: (c) => <Link to={opportunityHref(c.opportunity_id)}>{c.opportunity_name}</Link>,
        },
        { name: 'status', label: 'Status', type: 'text', readOnly: true },
        { name: 'terminated_on', label: 'Terminated On', type: 'date', readOnly: true, display: (c) => formatDate(c.terminated_on) },
        { name: 'start_date', label: 'Start Date', type: 'date', readOnly: true, display: (c) => formatDate(c.start_date) },
        { name: 'end_date', label: 'End Date', type: 'date', readOnly: true, display: (c) => formatDate(c.end_date) },
        { name: 'billing_cycle', label: 'Billing Cycle', type: 'text', readOnly: true },
        { name: 'price_per_cycle', label: 'Price per Cycle', type: 'text', readOnly: true, display: (c) => formatMoney(c.price_per_cycle) },
        { name: 'total_paid', label: 'Total Paid', type: 'text', readOnly: true, display: (c) => formatMoney(c.total_paid) },
        { name: 'notes', label: 'Notes', type: 'textarea', readOnly: true, wide: true },
      ],
    },
    systemSection(),
  ]
}

/** The schedule: one period per cycle, what it expects and what its Completed payments add up to. */
function ScheduleCard({ periods }: { periods: readonly ContractPeriod[] }) {
  return (
    <RelatedList<ContractPeriod>
      title="Schedule"
      icon="standard:event"
      rows={periods}
      rowKey={(p) => p.period_start}
      max={120}
      columns={[
        { key: 'period', label: 'Service Period', render: (p) => `${formatDate(p.period_start)} – ${formatDate(p.period_end)}`, text: (p) => `${p.period_start} – ${p.period_end}` },
        { key: 'expected', label: 'Expected', render: (p) => formatMoney(p.expected_amount) },
        { key: 'paid', label: 'Paid', render: (p) => formatMoney(p.paid_amount) },
        {
          key: 'status',
          label: 'Status',
          render: (p) => <span className={p.status === 'Overdue' ? 'slds-text-color_error slds-text-title_bold' : undefined}>{p.status}</span>,
        },
      ]}
    />
  )
}

type Dialog = { kind: 'terminate' } | { kind: 'renew' } | { kind: 'log' } | { kind: 'edit'; payment: PaymentListItem } | { kind: 'void'; payment: PaymentListItem }

function ContractRecord({ contract }: { contract: Contract }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const [dialog, setDialog] = useState<Dialog>()
  const [busy, setBusy] = useState(false)
  const [confirmError, setConfirmError] = useState<string>()
  const id = contract.id
  const active = contract.status === 'Active'

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: contractKeys.detail(id) })
    void queryClient.invalidateQueries({ queryKey: contractKeys.byAccount(contract.account_id) })
    void queryClient.invalidateQueries({ queryKey: paymentKeys.all })
  }

  function closeDialog() {
    setDialog(undefined)
    setConfirmError(undefined)
  }

  async function confirm() {
    if (dialog?.kind !== 'terminate' && dialog?.kind !== 'void') return
    setBusy(true)
    setConfirmError(undefined)
    try {
      if (dialog.kind === 'terminate') {
        const saved = await contractsApi.update(id, { status: TERMINATED, version: contract.version })
        queryClient.setQueryData(contractKeys.detail(id), saved)
        toast.success(`Contract ${saved.contract_number} was terminated.`)
      } else {
        await paymentsApi.void(dialog.payment.id, dialog.payment.version)
        toast.success('Payment voided.')
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

  return (
    <>
      <RecordPageLayout
        header={
          <RecordHighlights
            icon="standard:contract"
            objectLabel="Contract"
            title={contract.contract_number}
            badge={contract.status}
            fields={[
              { label: 'Account Name', value: <Link to={accountHref(contract.account_id)}>{contract.account_name}</Link>, title: contract.account_name },
              { label: 'Term', value: `${formatDate(contract.start_date)} – ${formatDate(contract.end_date)}` },
              { label: 'Billing Cycle', value: contract.billing_cycle },
              { label: 'Price per Cycle', value: <span className="crm-amount_prominent">{formatMoney(contract.price_per_cycle)}</span> },
              { label: 'Total Paid', value: <span className="crm-amount_prominent">{formatMoney(contract.total_paid)}</span> },
            ]}
            actions={[
              { label: 'Renew', onClick: () => setDialog({ kind: 'renew' }), title: 'Open the renewal deal; once won, it generates the next contract.' },
              { label: 'Terminate', onClick: () => setDialog({ kind: 'terminate' }), disabled: !active, title: active ? undefined : `This contract is ${contract.status}.` },
            ]}
          />
        }
        details={
          <RecordDetails<Contract>
            record={contract}
            sections={contractSections()}
            readOnly
            update={() => Promise.reject(new Error('Contracts are not edited field by field.'))}
            onSaved={() => undefined}
            onReloaded={() => undefined}
          />
        }
        related={
          <div className="crm-related">
            <ScheduleCard periods={contract.schedule} />
            <PaymentsRelatedList
              payments={contract.payments}
              onNew={() => setDialog({ kind: 'log' })}
              newDisabledReason={active ? undefined : `This contract is ${contract.status}.`}
              onEdit={(payment) => setDialog({ kind: 'edit', payment })}
              onVoid={(payment) => setDialog({ kind: 'void', payment })}
            />
          </div>
        }
      />
      {dialog?.kind === 'log' || dialog?.kind === 'edit' ? (
        <PaymentModal
          payment={dialog.kind === 'edit' ? dialog.payment : undefined}
          tagline={`Contract ${contract.contract_number}`}
          requireServicePeriod
          defaultAmount={contract.price_per_cycle ?? ''}
          onClose={closeDialog}
          create={async (body) => {
            await paymentsApi.logForContract(id, body)
            await refresh()
            closeDialog()
            toast.success('Payment logged.', `${formatMoney(body.amount)} on contract ${contract.contract_number}.`)
          }}
          update={async (body) => {
            if (dialog.kind !== 'edit') return
            await paymentsApi.update(dialog.payment.id, body)
            await refresh()
            closeDialog()
            toast.success('Payment saved.')
          }}
        />
      ) : null}
      {dialog?.kind === 'renew' ? (
        <NewOpportunityModal
          account={{ id: contract.account_id, name: contract.account_name }}
          defaults={renewalDeal(contract)}
          note={`Renewal of ${contract.contract_number}. Add the retainer line, win the deal, then Generate Contract on it.`}
          onClose={closeDialog}
        />
      ) : null}
      {dialog?.kind === 'terminate' ? (
        <ConfirmDialog title="Terminate Contract" confirmLabel="Terminate" cancelLabel="Keep Contract" variant="destructive" busy={busy} error={confirmError} onCancel={closeDialog} onConfirm={() => void confirm()}>
          {`Are you sure you want to terminate contract ${contract.contract_number}? No further periods will be billed.`}
        </ConfirmDialog>
      ) : null}
      {dialog?.kind === 'void' ? (
        <ConfirmDialog title="Void Payment" confirmLabel="Void" variant="destructive" busy={busy} error={confirmError} onCancel={closeDialog} onConfirm={() => void confirm()}>
          {`Void the payment of ${formatMoney(dialog.payment.amount)} from ${formatDate(dialog.payment.payment_date)}?`}
        </ConfirmDialog>
      ) : null}
    </>
  )
}
