import { useQueryClient } from '@tanstack/react-query'
import { RecordFormModal } from '../../shared/record'
import { useToast } from '../../shared/ui'
import { caseKeys, casesApi, toCreateRequest } from './api'
import { caseSections } from './fields'
import { newCaseDefaults } from './queue'
import type { Case } from './types'

export interface NewCaseModalProps {
  /** Pre-filled from an account or a contact page. */
  account?: { id: string; name: string }
  contact?: { id: string; name: string }
  onClose: () => void
  onCreated?: (created: Case) => void
}

/** "New Case": Subject, Status, Priority, Account (required), Contact (of that account), Description. */
export function NewCaseModal({ account, contact, onClose, onCreated }: NewCaseModalProps) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const { values, labels } = newCaseDefaults(account, contact)
  return (
    <RecordFormModal<Case>
      title="New Case"
      sections={caseSections({ create: true })}
      onClose={onClose}
      mode={{
        kind: 'create',
        defaults: values,
        defaultLabels: labels,
        submit: (body) => casesApi.create(toCreateRequest(body)),
        onCreated: (created) => {
          queryClient.setQueryData(caseKeys.detail(created.id), created)
          void queryClient.invalidateQueries({ queryKey: caseKeys.all })
          toast.success(`Case ${created.case_number} was created.`, created.subject)
          if (onCreated) onCreated(created)
          else onClose()
        },
      }}
    />
  )
}
