import { useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { formatDate, formatDateTime, isoToUtcDate, localDateKey, RecordDetails, RecordHighlights, RecordLoader, RecordPageLayout, type HighlightField } from '../../shared/record'
import { useToast } from '../../shared/ui'
import { activitiesApi, activityKeys, toUpdateRequest, useActivity } from './api'
import { useAssignee } from './defaults'
import { eventSections, taskSections, validateEvent } from './fields'
import { linkedRecordHref } from './links'
import { isOverdueTask } from './schedule'
import type { Activity } from './types'
import { useCompleteTask } from './useCompleteTask'

/** /activities/:id — a task or an event: highlights, Mark Complete (tasks), Details (inline edit, versioned). */
export function ActivityRecordPage() {
  const { id = '' } = useParams()
  return (
    <RecordLoader query={useActivity(id)} objectName="activity" backHref="/tasks" backLabel="My Tasks">
      {(activity) => <ActivityRecord activity={activity} />}
    </RecordLoader>
  )
}

function linked(type: string | null, id: string | null, name: string | null) {
  if (!id) return null
  const href = linkedRecordHref(type, id)
  return href ? <Link to={href}>{name ?? id}</Link> : name
}

function ActivityRecord({ activity }: { activity: Activity }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const me = useAssignee() ?? { id: '', name: '' }
  const completer = useCompleteTask()
  const isTask = activity.type === 'Task'
  const done = isTask && activity.status === 'Completed'
  const overdue = isOverdueTask(activity, localDateKey(new Date()))

  const apply = (saved: Activity) => {
    queryClient.setQueryData(activityKeys.detail(saved.id), saved)
    void queryClient.invalidateQueries({ queryKey: activityKeys.all })
  }

  const fields: HighlightField[] = isTask
    ? [
        {
          label: 'Due Date',
          value: activity.due_date ? <span className={overdue ? 'slds-text-color_error' : undefined}>{formatDate(activity.due_date)}</span> : null,
        },
        { label: 'Status', value: <span data-testid="task-status">{activity.status}</span> },
        { label: 'Priority', value: activity.priority },
        { label: 'Assigned To', value: activity.assigned_to_name },
        { label: 'Related To', value: linked(activity.what_type, activity.what_id, activity.what_name) ?? linked(activity.who_type, activity.who_id, activity.who_name) },
      ]
    : [
        {
          label: 'Start',
          value: activity.is_all_day_event ? formatDate(activity.start_time ? isoToUtcDate(activity.start_time) : null) : formatDateTime(activity.start_time),
        },
        {
          label: 'End',
          value: activity.is_all_day_event ? formatDate(activity.end_time ? isoToUtcDate(activity.end_time) : null) : formatDateTime(activity.end_time),
        },
        { label: 'Location', value: activity.location, title: activity.location ?? undefined },
        { label: 'Assigned To', value: activity.assigned_to_name },
        { label: 'Related To', value: linked(activity.what_type, activity.what_id, activity.what_name) ?? linked(activity.who_type, activity.who_id, activity.who_name) },
      ]

  return (
    <>
      <RecordPageLayout
        header={
          <RecordHighlights
            icon={isTask ? 'standard:task' : 'standard:event'}
            objectLabel={activity.type}
            title={activity.subject}
            badge={done ? 'Completed' : overdue ? 'Overdue' : undefined}
            fields={fields}
            actions={
              isTask && !done
                ? [{ label: 'Mark Complete', onClick: () => void completer.complete(activity), disabled: completer.pendingId === activity.id }]
                : []
            }
          />
        }
        details={
          <RecordDetails<Activity>
            record={activity}
            sections={isTask ? taskSections(me, { system: true }) : eventSections(me, { system: true })}
            validate={isTask ? undefined : validateEvent}
            update={(body) => activitiesApi.update(activity.id, toUpdateRequest(body))}
            fetchLatest={() => activitiesApi.get(activity.id)}
            onSaved={(saved) => {
              apply(saved)
              toast.success('Save successful.', `${saved.type} "${saved.subject}" was saved.`)
            }}
            onReloaded={(current) => {
              apply(current)
              toast.show({ variant: 'info', title: 'Showing the latest version.', message: 'Your changes were discarded.' })
            }}
          />
        }
      />
      {completer.dialog}
    </>
  )
}
