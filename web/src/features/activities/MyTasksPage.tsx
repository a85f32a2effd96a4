import { useState } from 'react'
import { Link } from 'react-router'
import { formatDate, ListView, localDateKey, type ListColumn } from '../../shared/record'
import { cx } from '../../shared/ui'
import { activitiesApi, activityKeys } from './api'
import { activityHref, linkedRecordHref } from './links'
import { NewActivityModal } from './NewActivityModal'
import { isOverdueTask, TASK_FILTERS, taskFilterQuery, type TaskFilter } from './schedule'
import { TaskCheckbox } from './TaskCheckbox'
import type { Activity } from './types'
import { useCompleteTask } from './useCompleteTask'

function LinkedName({ type, id, name }: { type: string | null; id: string | null; name: string | null }) {
  if (!id) return null
  const href = linkedRecordHref(type, id)
  return href ? <Link to={href}>{name ?? ''}</Link> : <>{name}</>
}

/** /tasks — my tasks by due date: Overdue, Today, This Week, All Open (default) or All; complete them from the list. */
export function MyTasksPage() {
  const [filter, setFilter] = useState<TaskFilter>('open')
  const [creating, setCreating] = useState(false)
  const completer = useCompleteTask()
  const today = localDateKey(new Date())
  const title = TASK_FILTERS.find((f) => f.value === filter)?.title ?? 'My Tasks'

  const columns: ListColumn<Activity>[] = [
    {
      key: 'complete',
      label: 'Complete',
      width: '5.5rem',
      render: (t) => <TaskCheckbox task={t} pending={completer.pendingId === t.id} onComplete={(task) => void completer.complete(task)} />,
    },
    {
      key: 'subject',
      label: 'Subject',
      sortField: 'subject',
      primary: true,
      text: (t) => t.subject,
      render: (t) => <span className={cx(t.status === 'Completed' && 'crm-task_done')}>{t.subject}</span>,
      href: (t) => activityHref(t.id),
    },
    {
      key: 'due_date',
      label: 'Due Date',
      sortField: 'due_date',
      width: '9rem',
      text: (t) => formatDate(t.due_date),
      render: (t) =>
        isOverdueTask(t, today) ? (
          <span className="slds-text-color_error crm-overdue">
            <span className="slds-assistive-text">Overdue: </span>
            {formatDate(t.due_date)}
          </span>
        ) : (
          formatDate(t.due_date)
        ),
    },
    { key: 'status', label: 'Status', width: '10rem', text: (t) => t.status },
    { key: 'priority', label: 'Priority', sortField: 'priority', width: '7rem', text: (t) => t.priority },
    { key: 'what', label: 'Related To', text: (t) => t.what_name, render: (t) => <LinkedName type={t.what_type} id={t.what_id} name={t.what_name} /> },
    { key: 'who', label: 'Name', text: (t) => t.who_name, render: (t) => <LinkedName type={t.who_type} id={t.who_id} name={t.who_name} /> },
  ]

  return (
    <>
      <ListView<Activity>
        objectLabel="Tasks"
        icon="standard:task"
        title={title}
        listViews
        exportPath="/api/v1/activities/export.csv"
        columns={columns}
        rowKey={(t) => t.id}
        queryKey={activityKeys.lists}
        fetchPage={(query, signal) => activitiesApi.list(query, signal)}
        defaultSort={{ field: 'due_date', direction: 'asc' }}
        searchPlaceholder="Search by subject..."
        filters={{ ...taskFilterQuery(filter, today) }}
        rowClassName={(t) => (isOverdueTask(t, today) ? 'crm-row_overdue' : undefined)}
        filterControls={
          <div className="slds-form-element crm-filter">
            <span className="slds-form-element__label">Show</span>
            <div className="slds-form-element__control">
              <div className="slds-button-group" role="group" aria-label="Show tasks">
                {TASK_FILTERS.map((f) => (
                  <button
                    key={f.value}
                    type="button"
                    className={cx('slds-button', filter === f.value ? 'slds-button_brand' : 'slds-button_neutral')}
                    aria-pressed={filter === f.value}
                    onClick={() => setFilter(f.value)}
                  >
                    {f.label}
                  </button>
                ))}
              </div>
            </div>
          </div>
        }
        newLabel="New Task"
        onNew={() => setCreating(true)}
      />
      {creating ? <NewActivityModal type="Task" onClose={() => setCreating(false)} /> : null}
      {completer.dialog}
    </>
  )
}
