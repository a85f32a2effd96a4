import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../shared/api'
import {
  conflictCurrent,
  formatDate,
  formatMoney,
  RecordDetails,
  RecordHighlights,
  RecordLoader,
  RecordPageLayout,
  RecordPath,
  RelatedList,
} from '../../shared/record'
import { ActionMenu, ConfirmDialog, Modal, SelectField, useToast } from '../../shared/ui'
import { accountKeys } from '../accounts/api'
import { accountHref } from '../accounts/fields'
import { ActivityTimeline } from '../activities/ActivityTimeline'
import { contactHref } from '../contacts/fields'
import { opportunitiesApi, opportunityKeys, toUpdateRequest, useOpportunity } from './api'
import { opportunitySections, STAGE_CLOSED_STEP, STAGE_PATH_STEPS } from './fields'
import { GenerateContractModal, GenerateOrderDialog } from './GenerateBilling'
import { AddContactRoleModal, AddProductModal, EditLineItemModal } from './LineItemModals'
import type { ContactRole, LineItem, Opportunity, Stage } from './types'


/** /opportunities/:id — stage path, highlights with the calculated Amount, Details, Products and Contact Roles. */
export function OpportunityRecordPage() {
  const { id = '' } = useParams()
  return (
    <RecordLoader query={useOpportunity(id)} objectName="opportunity" backHref="/opportunities" backLabel="Opportunities">
      {(opportunity) => <OpportunityRecord opportunity={opportunity} />}
    </RecordLoader>
  )
}

type Dialog =
  | { kind: 'close' }
  | { kind: 'generate-order' }
  | { kind: 'generate-contract' }
  | { kind: 'add-product' }
  | { kind: 'edit-line'; line: LineItem }
  | { kind: 'delete-line'; line: LineItem }
  | { kind: 'add-role' }
  | { kind: 'remove-role'; role: ContactRole }

function OpportunityRecord({ opportunity }: { opportunity: Opportunity }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const [dialog, setDialog] = useState<Dialog>()
  const [savingStage, setSavingStage] = useState(false)
  const [confirmBusy, setConfirmBusy] = useState(false)
  const [confirmError, setConfirmError] = useState<string>()
  const id = opportunity.id

  const apply = (saved: Opportunity) => {
    queryClient.setQueryData(opportunityKeys.detail(saved.id), saved)
    void queryClient.invalidateQueries({ queryKey: opportunityKeys.lists })
    void queryClient.invalidateQueries({ queryKey: opportunityKeys.board })
    void queryClient.invalidateQueries({ queryKey: accountKeys.detail(saved.account_id) })
  }
  /** Line and role changes answer the whole opportunity: show it (new Amount, new version). */
  const applyChange = (saved: Opportunity, message: string) => {
    apply(saved)
    setDialog(undefined)
    toast.success(message)
  }

  async function markStage(stage: string) {
    setSavingStage(true)
    try {
      const saved = await opportunitiesApi.update(id, { stage: stage as Stage, version: opportunity.version })
      apply(saved)
      toast.success('Stage changed successfully.', `Stage: ${saved.stage} (${saved.probability}%)`)
    } catch (e) {
      const current = conflictCurrent<Opportunity>(e)
      if (current) {
        apply(current)
        toast.show({ variant: 'warning', title: 'This opportunity was changed by someone else.', message: `Its stage is now ${current.stage}. Check it and try again.` })
      } else {
        if (isApiError(e) && e.status === 409) void queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(id) })
        toast.error("The stage couldn't be changed.", isApiError(e) ? e.displayMessage : undefined)
      }
    } finally {
      setSavingStage(false)
    }
  }

  async function confirmRemove() {
    if (dialog?.kind !== 'delete-line' && dialog?.kind !== 'remove-role') return
    setConfirmBusy(true)
    setConfirmError(undefined)
    try {
      if (dialog.kind === 'delete-line') {
        applyChange(await opportunitiesApi.deleteLineItem(id, dialog.line.id), `"${dialog.line.product_name}" was removed.`)
      } else {
        applyChange(await opportunitiesApi.deleteContactRole(id, dialog.role.id), `"${dialog.role.contact_name}" was removed from the contact roles.`)
      }
    } catch (e) {
      setConfirmError(isApiError(e) ? e.displayMessage : 'Try again in a moment.')
    } finally {
      setConfirmBusy(false)
    }
  }

  const won = opportunity.stage === 'Closed Won'
  const hasRetainer = opportunity.line_items.some((l) => l.is_retainer_product)
  const wonLocked = opportunity.stage === 'Closed Won' ? 'The products of a Closed Won opportunity can no longer change.' : undefined
  return (
    <>
      <RecordPageLayout
        header={
          <RecordHighlights
            icon="standard:opportunity"
            objectLabel="Opportunity"
            title={opportunity.name}
            badge={opportunity.is_closed ? opportunity.stage : undefined}
            fields={[
              {
                label: 'Account Name',
                value: <Link to={accountHref(opportunity.account_id)}>{opportunity.account?.name}</Link>,
                title: opportunity.account?.name,
              },
              { label: 'Close Date', value: formatDate(opportunity.close_date) },
              {
                label: 'Amount',
                value: (
                  <span className="crm-amount" data-testid="opportunity-amount">
                    {formatMoney(opportunity.calculated_amount)}
                  </span>
                ),
                title: 'The sum of the products (calculated)',
              },
              { label: 'Probability (%)', value: `${opportunity.probability}%` },
              { label: 'Opportunity Owner', value: opportunity.owner_name },
            ]}
            actions={[
              ...(won ? [{ label: 'Generate Order', onClick: () => setDialog({ kind: 'generate-order' }) }] : []),
              ...(hasRetainer
                ? [
                    {
                      label: 'Generate Contract',
                      onClick: () => setDialog({ kind: 'generate-contract' }),
                      disabled: !won,
                      title: won ? undefined : 'A contract is generated once the opportunity is Closed Won.',
                    },
                  ]
                : []),
            ]}
          />
        }
        path={
          <RecordPath
            fieldLabel="Stage"
            steps={STAGE_PATH_STEPS}
            closed={STAGE_CLOSED_STEP}
            current={opportunity.stage}
            busy={savingStage}
            onMark={(stage) => void markStage(stage)}
            onClose={() => setDialog({ kind: 'close' })}
          />
        }
        details={
          <RecordDetails<Opportunity>
            record={opportunity}
            sections={opportunitySections()}
            update={(body) => opportunitiesApi.update(id, toUpdateRequest(body))}
            fetchLatest={() => opportunitiesApi.get(id)}
            onSaved={(saved) => {
              apply(saved)
              toast.success('Save successful.', `Opportunity "${saved.name}" was saved.`)
            }}
            onReloaded={(current) => {
              apply(current)
              toast.show({ variant: 'info', title: 'Showing the latest version.', message: 'Your changes were discarded.' })
            }}
          />
        }
        related={
          <div className="crm-related">
            <RelatedList<LineItem>
              title="Products"
              icon="standard:product"
              rows={opportunity.line_items}
              rowKey={(l) => l.id}
              max={50}
              newLabel="Add Products"
              onNew={() => setDialog({ kind: 'add-product' })}
              newDisabledReason={wonLocked}
              columns={[
                { key: 'product', label: 'Product', render: (l) => l.product_name, text: (l) => l.product_name },
                { key: 'quantity', label: 'Quantity', render: (l) => l.quantity },
                { key: 'sale_price', label: 'Sales Price', render: (l) => formatMoney(l.sale_price) },
                { key: 'list_price', label: 'List Price', render: (l) => formatMoney(l.list_price) },
                { key: 'total_price', label: 'Total Price', render: (l) => formatMoney(l.total_price) },
                {
                  key: 'actions',
                  label: 'Actions',
                  render: (l) => (
                    <ActionMenu
                      label={`Show actions for ${l.product_name}`}
                      items={[
                        { label: 'Edit', onSelect: () => setDialog({ kind: 'edit-line', line: l }), disabled: Boolean(wonLocked) },
                        { label: 'Delete', onSelect: () => setDialog({ kind: 'delete-line', line: l }), disabled: Boolean(wonLocked) },
                      ]}
                    />
                  ),
                },
              ]}
              summary={
                opportunity.line_items.length > 0 ? (
                  <p className="slds-text-align_right slds-p-around_small slds-text-body_regular">
                    Amount: <strong>{formatMoney(opportunity.calculated_amount)}</strong>
                  </p>
                ) : null
              }
            />
            <RelatedList<ContactRole>
              title="Contact Roles"
              icon="standard:contact"
              rows={opportunity.contact_roles}
              rowKey={(r) => r.id}
              max={50}
              newLabel="Add Contact Role"
              onNew={() => setDialog({ kind: 'add-role' })}
              columns={[
                { key: 'contact', label: 'Contact Name', render: (r) => <Link to={contactHref(r.contact_id)}>{r.contact_name}</Link>, text: (r) => r.contact_name },
                { key: 'role', label: 'Role', render: (r) => r.role },
                { key: 'title', label: 'Title', render: (r) => r.contact_title, text: (r) => r.contact_title ?? undefined },
                {
                  key: 'actions',
                  label: 'Actions',
                  render: (r) => (
                    <ActionMenu label={`Show actions for ${r.contact_name}`} items={[{ label: 'Remove', onSelect: () => setDialog({ kind: 'remove-role', role: r }) }]} />
                  ),
                },
              ]}
            />
          </div>
        }
        aside={<ActivityTimeline record={{ type: 'Opportunity', id: opportunity.id, name: opportunity.name }} />}
      />
      {dialog?.kind === 'close' ? (
        <CloseStageModal
          onCancel={() => setDialog(undefined)}
          onSave={(stage) => {
            setDialog(undefined)
            void markStage(stage)
          }}
        />
      ) : null}
      {dialog?.kind === 'generate-order' ? <GenerateOrderDialog opportunity={opportunity} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'generate-contract' ? <GenerateContractModal opportunity={opportunity} onClose={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'add-product' ? (
        <AddProductModal
          opportunity={opportunity}
          onClose={() => setDialog(undefined)}
          submit={async (body) => applyChange(await opportunitiesApi.addLineItem(id, body), 'Product added.')}
        />
      ) : null}
      {dialog?.kind === 'edit-line' ? (
        <EditLineItemModal
          line={dialog.line}
          onClose={() => setDialog(undefined)}
          submit={async (body) => applyChange(await opportunitiesApi.updateLineItem(id, dialog.line.id, body), `"${dialog.line.product_name}" was saved.`)}
        />
      ) : null}
      {dialog?.kind === 'add-role' ? (
        <AddContactRoleModal
          opportunity={opportunity}
          onClose={() => setDialog(undefined)}
          submit={async (body) => applyChange(await opportunitiesApi.addContactRole(id, body), 'Contact role added.')}
        />
      ) : null}
      {dialog?.kind === 'delete-line' || dialog?.kind === 'remove-role' ? (
        <ConfirmDialog
          title={dialog.kind === 'delete-line' ? 'Delete Product' : 'Remove Contact Role'}
          confirmLabel={dialog.kind === 'delete-line' ? 'Delete' : 'Remove'}
          variant="destructive"
          busy={confirmBusy}
          error={confirmError}
          onCancel={() => {
            setDialog(undefined)
            setConfirmError(undefined)
          }}
          onConfirm={() => void confirmRemove()}
        >
          {dialog.kind === 'delete-line'
            ? `Are you sure you want to delete "${dialog.line.product_name}" from this opportunity?`
            : `Are you sure you want to remove "${dialog.role.contact_name}" from this opportunity's contact roles?`}
        </ConfirmDialog>
      ) : null}
    </>
  )
}

/** "Close This Opportunity": the closed stage, Closed Won or Closed Lost. */
function CloseStageModal({ onCancel, onSave }: { onCancel: () => void; onSave: (stage: Stage) => void }) {
  const [stage, setStage] = useState<Stage>('Closed Won')
  return (
    <Modal
      title="Close This Opportunity"
      size="small"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="slds-button slds-button_neutral" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="slds-button slds-button_brand" onClick={() => onSave(stage)}>
            Save
          </button>
        </>
      }
    >
      <SelectField
        label="Stage"
        required
        value={stage}
        onChange={(v) => setStage(v as Stage)}
        options={[
          { value: 'Closed Won', label: 'Closed Won' },
          { value: 'Closed Lost', label: 'Closed Lost' },
        ]}
      />
    </Modal>
  )
}
