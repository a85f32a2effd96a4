import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { RecordFormModal } from '../../shared/record'
import { useToast } from '../../shared/ui'
import { accountKeys, accountsApi, toCreateRequest, toUpdateRequest } from './api'
import { accountHref, accountSections } from './fields'
import type { Account } from './types'

/** "New Account": on 201, toast and go to the new record page. */
export function NewAccountModal({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const toast = useToast()
  return (
    <RecordFormModal<Account>
      title="New Account"
      sections={accountSections()}
      onClose={onClose}
      mode={{
        kind: 'create',
        submit: (body) => accountsApi.create(toCreateRequest(body)),
        onCreated: (account) => {
          queryClient.setQueryData(accountKeys.detail(account.id), account)
          void queryClient.invalidateQueries({ queryKey: accountKeys.lists })
          toast.success(`Account "${account.name}" was created.`)
          void navigate(accountHref(account.id))
        },
      }}
    />
  )
}

/** "Edit <name>": sends only the changed fields; a 409 opens the conflict dialog. */
export function EditAccountModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const apply = (saved: Account) => {
    queryClient.setQueryData(accountKeys.detail(saved.id), saved)
    void queryClient.invalidateQueries({ queryKey: accountKeys.lists })
  }
  return (
    <RecordFormModal<Account>
      title={`Edit ${account.name}`}
      sections={accountSections(account.id)}
      onClose={onClose}
      mode={{
        kind: 'edit',
        record: account,
        submit: (body) => accountsApi.update(account.id, toUpdateRequest(body)),
        fetchLatest: () => accountsApi.get(account.id),
        onSaved: (saved) => {
          apply(saved)
          toast.success(`Account "${saved.name}" was saved.`)
          onClose()
        },
        onReloaded: (current) => {
          apply(current)
          toast.show({ variant: 'info', title: 'Showing the latest version.', message: 'Your changes were discarded.' })
          onClose()
        },
      }}
    />
  )
}
