import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../shared/api'
import {
  formatDate,
  formatMoney,
  RecordDetails,
  RecordHighlights,
  RecordNotFound,
  RecordPageLayout,
  RelatedList,
  safeHref,
} from '../../shared/record'
import { ConfirmDialog, Illustration, Spinner, useToast } from '../../shared/ui'
import { accountKeys, accountsApi, toUpdateRequest, useAccount } from './api'
import { ActivityTimeline } from '../activities/ActivityTimeline'
import { CasesRelatedList } from '../cases/CasesRelatedList'
import { NewContactModal } from '../contacts/ContactFormModal'
import { contactHref } from '../contacts/fields'
import { contractHref, useAccountContracts } from '../contracts/api'
import type { ContractListItem } from '../contracts/types'
import { orderHref, useAccountOrders } from '../orders/api'
import { useAccountPayments } from '../payments/api'
import type { PaymentListItem } from '../payments/types'
import type { OrderListItem } from '../orders/types'
import { opportunityHref } from '../opportunities/api'
import { NewOpportunityModal } from '../opportunities/NewOpportunityModal'
import { EditAccountModal } from './AccountFormModal'
import { accountSections } from './fields'
import type { Account, AccountContact, AccountOpportunity } from './types'

/** /accounts/:id — highlights, Details (inline edit), Related (contacts, opportunities), Activity. */
export function AccountRecordPage() {
  const { id = '' } = useParams()
  const account = useAccount(id)

  if (account.isPending) return <Spinner size="large" label="Loading account" className="crm-app-loading" />
  if (account.isError) {
    const error = account.error
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return <RecordNotFound backHref="/accounts" backLabel="Accounts" />
    return (
      <div className="crm-page">
        <div className="slds-card crm-page__body">
          <Illustration
            name="page-not-available"
            heading="This account couldn't be loaded"
            message={isApiError(error) ? error.displayMessage : 'Try again in a moment.'}
          >
            <button type="button" className="slds-button slds-button_neutral" onClick={() => void account.refetch()}>
              Try Again
            </button>
          </Illustration>
        </div>
      </div>
    )
  }
  return <AccountRecord account={account.data} />
}

function AccountRecord({ account }: { account: Account }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const navigate = useNavigate()
  const [editing, setEditing] = useState(false)
  const [creating, setCreating] = useState<'contact' | 'opportunity'>()
  const [confirming, setConfirming] = useState(false)
  const [deactivating, setDeactivating] = useState(false)
  const [deactivateError, setDeactivateError] = useState<string>()
  const sections = accountSections(account.id)
  const orders = useAccountOrders(account.id)
  const contracts = useAccountContracts(account.id)
  const payments = useAccountPayments(account.id)

  const apply = (saved: Account) => {
    queryClient.setQueryData(accountKeys.detail(saved.id), saved)
    void queryClient.invalidateQueries({ queryKey: accountKeys.lists })
  }

  async function deactivate() {
    setDeactivating(true)
    setDeactivateError(undefined)
    try {
      // The latest version: deactivating is a decision on the account, not on the fields someone edited.
      const latest = await accountsApi.get(account.id)
      const saved = await accountsApi.update(account.id, { is_active: false, version: latest.version })
      apply(saved)
      await queryClient.invalidateQueries({ queryKey: accountKeys.lists })
      toast.success(`Account "${saved.name}" was deactivated.`)
      void navigate('/accounts')
    } catch (e) {
      setDeactivateError(isApiError(e) ? e.displayMessage : 'The account could not be deactivated. Try again.')
      setDeactivating(false)
    }
  }

  const website = account.website ? safeHref(account.website) : undefined
  return (
    <>
      <RecordPageLayout
        header={
          <RecordHighlights
            icon="standard:account"
            objectLabel="Account"
            title={account.name}
            badge={account.is_active ? undefined : 'Inactive'}
            fields={[
              { label: 'Type', value: account.type },
              { label: 'Phone', value: account.phone, title: account.phone ?? undefined },
              {
                label: 'Website',
                title: account.website ?? undefined,
                value: website ? (
                  <a href={website} target="_blank" rel="noopener noreferrer">
                    {account.website}
                  </a>
                ) : (
                  account.website
                ),
              },
              { label: 'Account Owner', value: account.owner_name, title: account.owner_name ?? undefined },
            ]}
            actions={[
              { label: 'Edit', onClick: () => setEditing(true), disabled: !account.is_active },
              {
                label: 'Deactivate',
                onClick: () => setConfirming(true),
                disabled: !account.is_active,
                title: account.is_active ? undefined : 'This account is already inactive.',
              },
            ]}
          />
        }
        details={
          <RecordDetails<Account>
            record={account}
            sections={sections}
            readOnly={!account.is_active}
            update={(body) => accountsApi.update(account.id, toUpdateRequest(body))}
            fetchLatest={() => accountsApi.get(account.id)}
            onSaved={(saved) => {
              apply(saved)
              toast.success('Account saved.')
            }}
            onReloaded={(current) => {
              apply(current)
              toast.show({ variant: 'info', title: 'Showing the latest version.', message: 'Your changes were discarded.' })
            }}
          />
        }
        related={
          <div className="crm-related">
            <RelatedList<AccountContact>
              title="Contacts"
              icon="standard:contact"
              rows={account.contacts}
              rowKey={(c) => c.id}
              onNew={() => setCreating('contact')}
              newDisabledReason={account.is_active ? undefined : 'This account is inactive.'}
              newLabel="New Contact"
              viewAllHref="/contacts"
              columns={[
                { key: 'name', label: 'Name', render: (c) => <Link to={contactHref(c.id)}>{c.name}</Link>, text: (c) => c.name },
                { key: 'title', label: 'Title', render: (c) => c.title, text: (c) => c.title ?? undefined },
                { key: 'email', label: 'Email', render: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null), text: (c) => c.email ?? undefined },
                { key: 'phone', label: 'Phone', render: (c) => c.phone, text: (c) => c.phone ?? undefined },
              ]}
            />
            <RelatedList<AccountOpportunity>
              title="Opportunities"
              icon="standard:opportunity"
              rows={account.opportunities}
              rowKey={(o) => o.id}
              onNew={() => setCreating('opportunity')}
              newDisabledReason={account.is_active ? undefined : 'This account is inactive.'}
              newLabel="New Opportunity"
              columns={[
                { key: 'name', label: 'Opportunity Name', render: (o) => <Link to={opportunityHref(o.id)}>{o.name}</Link>, text: (o) => o.name },
                { key: 'stage', label: 'Stage', render: (o) => o.stage },
                { key: 'close_date', label: 'Close Date', render: (o) => formatDate(o.close_date) },
                { key: 'amount', label: 'Amount', render: (o) => formatMoney(o.amount) },
              ]}
            />
            <CasesRelatedList
              account={{ id: account.id, name: account.name }}
              newDisabledReason={account.is_active ? undefined : 'This account is inactive.'}
            />
            <RelatedList<OrderListItem>
              title="Orders"
              icon="standard:orders"
              viewAllHref={`/orders?account_id=${account.id}`}
              rows={orders.data?.items ?? []}
              rowKey={(o) => o.id}
              columns={[
                { key: 'number', label: 'Order Number', render: (o) => <Link to={orderHref(o.id)}>{o.order_number}</Link>, text: (o) => o.order_number },
                { key: 'date', label: 'Order Date', render: (o) => formatDate(o.order_date) },
                { key: 'status', label: 'Status', render: (o) => o.status },
                { key: 'total', label: 'Total', render: (o) => formatMoney(o.total) },
              ]}
            />
            <RelatedList<ContractListItem>
              title="Contracts"
              icon="standard:contract"
              viewAllHref={`/contracts?account_id=${account.id}`}
              rows={contracts.data?.items ?? []}
              rowKey={(c) => c.id}
              columns={[
                { key: 'number', label: 'Contract Number', render: (c) => <Link to={contractHref(c.id)}>{c.contract_number}</Link>, text: (c) => c.contract_number },
                { key: 'term', label: 'Term', render: (c) => `${formatDate(c.start_date)} – ${formatDate(c.end_date)}` },
                { key: 'cycle', label: 'Billing Cycle', render: (c) => c.billing_cycle },
                { key: 'price', label: 'Price per Cycle', render: (c) => formatMoney(c.price_per_cycle) },
                { key: 'status', label: 'Status', render: (c) => c.status },
              ]}
            />
            <RelatedList<PaymentListItem>
              title="Payments"
              icon="standard:currency"
              viewAllHref={`/payments?account_id=${account.id}`}
              rows={payments.data?.items ?? []}
              rowKey={(p) => p.id}
              columns={[
                { key: 'amount', label: 'Amount', render: (p) => formatMoney(p.amount) },
                { key: 'date', label: 'Payment Date', render: (p) => formatDate(p.payment_date) },
                { key: 'method', label: 'Method', render: (p) => p.payment_method },
                { key: 'status', label: 'Status', render: (p) => p.status },
                {
                  key: 'for',
                  label: 'For',
                  render: (p) =>
                    p.order_id ? <Link to={orderHref(p.order_id)}>{p.order_number}</Link> : p.contract_id ? <Link to={contractHref(p.contract_id)}>{p.contract_number}</Link> : null,
                },
              ]}
            />
          </div>
        }
        aside={<ActivityTimeline record={{ type: 'Account', id: account.id, name: account.name }} />}
      />
      {editing ? <EditAccountModal account={account} onClose={() => setEditing(false)} /> : null}
      {creating === 'contact' ? (
        <NewContactModal
          account={{ id: account.id, name: account.name }}
          onClose={() => setCreating(undefined)}
          onCreated={() => setCreating(undefined)}
        />
      ) : null}
      {creating === 'opportunity' ? (
        <NewOpportunityModal account={{ id: account.id, name: account.name }} onClose={() => setCreating(undefined)} />
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Deactivate Account"
          confirmLabel="Deactivate"
          variant="destructive"
          busy={deactivating}
          error={deactivateError}
          onCancel={() => {
            setConfirming(false)
            setDeactivateError(undefined)
          }}
          onConfirm={() => void deactivate()}
        >
          Are you sure you want to deactivate this account? All historical data will be preserved.
        </ConfirmDialog>
      ) : null}
    </>
  )
}
