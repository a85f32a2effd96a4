import { useQueryClient } from '@tanstack/react-query'
import { RecordFormModal } from '../../shared/record'
import { StaticField, useToast } from '../../shared/ui'
import { accountKeys } from '../accounts/api'
import { contactKeys, contactsApi, toCreateRequest } from './api'
import { contactSections } from './fields'
import type { Contact } from './types'

export interface NewContactModalProps {
  /** A related "New" from an account page: the account is fixed (shown read-only). */
  account?: { id: string; name: string }
  onClose: () => void
  onCreated: (contact: Contact) => void
}

/** "New Contact": from the Contacts tab (Account lookup) or an account's Contacts related list (account fixed). */
export function NewContactModal({ account, onClose, onCreated }: NewContactModalProps) {
  const queryClient = useQueryClient()
  const toast = useToast()
  return (
    <RecordFormModal<Contact>
      title="New Contact"
      sections={contactSections({ accountId: account?.id, fixedAccount: Boolean(account) })}
      onClose={onClose}
      intro={
        account ? (
          <div className="slds-m-bottom_small">
            <StaticField label="Account Name">{account.name}</StaticField>
          </div>
        ) : undefined
      }
      mode={{
        kind: 'create',
        submit: (body) => contactsApi.create(toCreateRequest(account ? { ...body, account_id: account.id } : body)),
        onCreated: (contact) => {
          queryClient.setQueryData(contactKeys.detail(contact.id), contact)
          void queryClient.invalidateQueries({ queryKey: contactKeys.lists })
          void queryClient.invalidateQueries({ queryKey: accountKeys.detail(contact.account_id) })
          toast.success(`Contact "${contact.name}" was created.`)
          onCreated(contact)
        },
      }}
    />
  )
}
