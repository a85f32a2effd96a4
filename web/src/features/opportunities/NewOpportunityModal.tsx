import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { RecordFormModal, type FormValues } from '../../shared/record'
import { StaticField, useToast } from '../../shared/ui'
import { accountKeys } from '../accounts/api'
import { opportunitiesApi, opportunityHref, opportunityKeys, toCreateRequest } from './api'
import { opportunitySections } from './fields'
import type { Opportunity } from './types'

export interface NewOpportunityModalProps {
  account: { id: string; name: string }
  onClose: () => void
  /** Pre-filled fields (a renewal's name, close date and description). */
  defaults?: FormValues
  /** A line under the account saying why this deal is being opened. */
  note?: string
}

/** "New Opportunity" (an account's related list, a contract's Renew): the account is fixed; on 201 go to the new record. */
export function NewOpportunityModal({ account, onClose, defaults, note }: NewOpportunityModalProps) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const toast = useToast()
  return (
    <RecordFormModal<Opportunity>
      title="New Opportunity"
      sections={opportunitySections()}
      onClose={onClose}
      intro={
        <div className="slds-m-bottom_small">
          <StaticField label="Account Name">{account.name}</StaticField>
          {note ? <p className="slds-text-body_small slds-text-color_weak slds-m-top_x-small">{note}</p> : null}
        </div>
      }
      mode={{
        kind: 'create',
        defaults: { stage: 'Qualifying', ...defaults },
        submit: (body) => opportunitiesApi.create(toCreateRequest({ ...body, account_id: account.id })),
        onCreated: (opportunity) => {
          queryClient.setQueryData(opportunityKeys.detail(opportunity.id), opportunity)
          void queryClient.invalidateQueries({ queryKey: opportunityKeys.lists })
          void queryClient.invalidateQueries({ queryKey: opportunityKeys.board })
          void queryClient.invalidateQueries({ queryKey: accountKeys.detail(account.id) })
          toast.success(`Opportunity "${opportunity.name}" was created.`)
          void navigate(opportunityHref(opportunity.id))
        },
      }}
    />
  )
}
