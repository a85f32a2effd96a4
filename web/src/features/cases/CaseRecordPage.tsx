import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../shared/api'
import { conflictCurrent, formatDateTime, RecordDetails, RecordHighlights, RecordLoader, RecordPageLayout, RecordPath } from '../../shared/record'
import { useToast } from '../../shared/ui'
import { accountHref } from '../accounts/fields'
import { ActivityTimeline } from '../activities/ActivityTimeline'
import { useAssignee } from '../activities/defaults'
import { contactHref } from '../contacts/fields'
import { caseKeys, casesApi, toUpdateRequest, useCase } from './api'
import { PriorityText } from './PriorityText'
import { CASE_CLOSED_STEP, CASE_PATH_STEPS, caseSections } from './fields'
import type { Case, CaseStatus } from './types'

/** /cases/:id — highlights, status path (New → In Progress → Closed), Details (inline edit), Activity. */
export function CaseRecordPage() {
  const { id = '' } = useParams()
  return (
    <RecordLoader query={useCase(id)} objectName="case" backHref="/cases" backLabel="Cases">
      {(record) => <CaseRecord record={record} />}
    </RecordLoader>
  )
}

function CaseRecord({ record }: { record: Case }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const me = useAssignee()
  const [savingStatus, setSavingStatus] = useState(false)
  const closed = record.status === 'Closed'

  const apply = (saved: Case) => {
    queryClient.setQueryData(caseKeys.detail(saved.id), saved)
    void queryClient.invalidateQueries({ queryKey: caseKeys.lists })
    void queryClient.invalidateQueries({ queryKey: caseKeys.mine })
    void queryClient.invalidateQueries({ queryKey: ['cases', 'account'] })
    void queryClient.invalidateQueries({ queryKey: ['cases', 'contact'] })
  }

  async function markStatus(status: CaseStatus) {
    setSavingStatus(true)
    try {
      const saved = await casesApi.update(record.id, { status, version: record.version })
      apply(saved)
      toast.success(status === 'Closed' ? `Case ${saved.case_number} was closed.` : 'Status changed successfully.', `Status: ${saved.status}`)
    } catch (e) {
      const current = conflictCurrent<Case>(e)
      if (current) {
        apply(current)
        toast.show({
          variant: 'warning',
          title: 'This case was changed by someone else.',
          message: `Its status is now ${current.status}. Check it and try again.`,
        })
      } else if (isApiError(e) && e.status === 409) {
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(record.id) })
        toast.error("The status couldn't be changed.", e.displayMessage)
      } else {
        toast.error("The status couldn't be changed.", isApiError(e) ? e.displayMessage : undefined)
      }
    } finally {
      setSavingStatus(false)
    }
  }

  return (
    <RecordPageLayout
      header={
        <RecordHighlights
          icon="standard:case"
          objectLabel="Case"
          title={`${record.case_number} · ${record.subject}`}
          badge={closed ? 'Closed' : undefined}
          fields={[
            { label: 'Priority', value: <PriorityText priority={record.priority} /> },
            { label: 'Status', value: <span data-testid="case-status">{record.status}</span> },
            { label: 'Account Name', value: <Link to={accountHref(record.account_id)}>{record.account_name}</Link>, title: record.account_name ?? undefined },
            {
              label: 'Contact Name',
              value: record.contact_id ? <Link to={contactHref(record.contact_id)}>{record.contact_name}</Link> : null,
              title: record.contact_name ?? undefined,
            },
            { label: 'Case Owner', value: record.owner_name, title: closed ? `Closed ${formatDateTime(record.closed_at)}` : undefined },
          ]}
          actions={
            closed
              ? [{ label: 'Reopen Case', onClick: () => void markStatus('In Progress'), disabled: savingStatus }]
              : [{ label: 'Close Case', onClick: () => void markStatus('Closed'), disabled: savingStatus }]
          }
        />
      }
      path={
        <RecordPath
          fieldLabel="Status"
          steps={CASE_PATH_STEPS}
          closed={CASE_CLOSED_STEP}
          current={record.status}
          busy={savingStatus}
          onMark={(status) => void markStatus(status as CaseStatus)}
          onClose={() => void markStatus('Closed')}
        />
      }
      details={
        <RecordDetails<Case>
          record={record}
          sections={caseSections({ me })}
          update={(body) => casesApi.update(record.id, toUpdateRequest(body))}
          fetchLatest={() => casesApi.get(record.id)}
          onSaved={(saved) => {
            apply(saved)
            toast.success('Save successful.', `Case ${saved.case_number} was saved.`)
          }}
          onReloaded={(current) => {
            apply(current)
            toast.show({ variant: 'info', title: 'Showing the latest version.', message: 'Your changes were discarded.' })
          }}
        />
      }
      aside={<ActivityTimeline record={{ type: 'Case', id: record.id, name: record.subject }} />}
    />
  )
}
