import { useQueryClient } from '@tanstack/react-query'
import { RecordFormModal } from '../../shared/record'
import { useToast } from '../../shared/ui'
import { activitiesApi, activityKeys, toCreateRequest } from './api'
import { newActivityDefaults, useAssignee } from './defaults'
import { eventSections, taskSections, validateEvent } from './fields'
import type { Activity, ActivityPrefill, ActivityType } from './types'

export interface NewActivityModalProps {
  type: ActivityType
  prefill?: ActivityPrefill
  onClose: () => void
  onCreated?: (activity: Activity) => void
}

/** "New Task" / "New Event" (Salesforce's layouts): on 201 a toast, every activity list refreshed, the modal closed. */
export function NewActivityModal({ type, prefill, onClose, onCreated }: NewActivityModalProps) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const me = useAssignee()
  if (!me) return null
  const { values, labels } = newActivityDefaults(type, me, prefill)
  return (
    <RecordFormModal<Activity>
      title={type === 'Task' ? 'New Task' : 'New Event'}
      sections={type === 'Task' ? taskSections(me) : eventSections(me)}
      validate={type === 'Event' ? validateEvent : undefined}
      onClose={onClose}
      mode={{
        kind: 'create',
        defaults: values,
        defaultLabels: labels,
        submit: (body) => activitiesApi.create(toCreateRequest(type, body)),
        onCreated: (activity) => {
          queryClient.setQueryData(activityKeys.detail(activity.id), activity)
          void queryClient.invalidateQueries({ queryKey: activityKeys.all })
          toast.success(`${type} "${activity.subject}" was created.`)
          onCreated?.(activity)
          onClose()
        },
      }}
    />
  )
}
