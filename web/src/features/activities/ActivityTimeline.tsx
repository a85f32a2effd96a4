import { useId, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { isApiError } from '../../shared/api'
import { formatDate, formatDateTime, isoToUtcDate, localDateKey } from '../../shared/record'
import { ButtonSvg, cx, Icon, Spinner } from '../../shared/ui'
import { useCurrentUser } from '../auth/session'
import { useTimeline } from './api'
import { activityHref, linkedRecordHref } from './links'
import { prefillFor } from './defaults'
import { NewActivityModal } from './NewActivityModal'
import { groupTimeline, isOverdueTask, whenLabel } from './schedule'
import { TaskCheckbox } from './TaskCheckbox'
import type { Activity, ActivityPrefill, ActivityType, RecordRef } from './types'
import { useCompleteTask } from './useCompleteTask'

export interface ActivityTimelineProps {
  /** The record whose page this is: its activities (`what_*` or, for contacts and leads, `who_*`). */
  record: RecordRef
  /** What New Task / New Event start with; default: the record as Related To (or Name for people). */
  prefill?: ActivityPrefill
}

/**
 * The Activity card of a record page (SLDS activity timeline): New Task / New Event, then
 * "Upcoming & Overdue" (overdue in red) and past activity by month, newest first. A task's checkbox
 * completes it (versioned; a conflict is explained by the kit's dialog).
 */
export function ActivityTimeline({ record, prefill }: ActivityTimelineProps) {
  const headingId = useId()
  const timeline = useTimeline(record)
  const completer = useCompleteTask()
  const [creating, setCreating] = useState<ActivityType>()
  const me = useCurrentUser().data
  const now = new Date()
  const groups = timeline.data ? groupTimeline(timeline.data.items, now) : undefined

  return (
    <article className="slds-card crm-timeline-card" aria-labelledby={headingId} data-testid="activity-timeline">
      <div className="slds-card__header slds-grid">
        <header className="slds-media slds-media_center slds-has-flexi-truncate">
          <div className="slds-media__figure">
            <Icon icon="standard:timesheet" size="small" />
          </div>
          <div className="slds-media__body">
            <h2 className="slds-card__header-title" id={headingId}>
              <span>Activity</span>
            </h2>
          </div>
          <div className="slds-no-flex">
            <div className="slds-button-group" role="group" aria-label="New activity">
              <button type="button" className="slds-button slds-button_neutral" onClick={() => setCreating('Task')}>
                New Task
              </button>
              <button type="button" className="slds-button slds-button_neutral" onClick={() => setCreating('Event')}>
                New Event
              </button>
            </div>
          </div>
        </header>
      </div>
      <div className="slds-card__body slds-card__body_inner slds-is-relative">
        {timeline.isPending ? (
          <div className="crm-timeline__loading">
            <Spinner size="small" label="Loading activities" />
          </div>
        ) : timeline.isError ? (
          <div className="slds-text-align_center slds-p-vertical_medium" role="alert">
            <p className="slds-text-color_error">{isApiError(timeline.error) ? timeline.error.displayMessage : "Activities couldn't be loaded."}</p>
            <button type="button" className="slds-button slds-button_neutral slds-m-top_small" onClick={() => void timeline.refetch()}>
              Try Again
            </button>
          </div>
        ) : groups ? (
          <>
            <TimelineSection title="Upcoming & Overdue">
              {groups.upcoming.length === 0 ? (
                <TimelineEmpty heading="No next steps." message="To get things moving, add a task or set up a meeting." />
              ) : (
                groups.upcoming.map((a) => (
                  <TimelineItem key={a.id} activity={a} now={now} meId={me?.id} pending={completer.pendingId === a.id} onComplete={(t) => void completer.complete(t)} upcoming />
                ))
              )}
            </TimelineSection>
            {groups.past.length === 0 ? (
              <TimelineSection title="Past Activity">
                <TimelineEmpty heading="No past activity." message="Past meetings and tasks marked as done show up here." />
              </TimelineSection>
            ) : (
              groups.past.map((month) => (
                <TimelineSection key={month.key} title={month.label}>
                  {month.items.map((a) => (
                    <TimelineItem key={a.id} activity={a} now={now} meId={me?.id} pending={completer.pendingId === a.id} onComplete={(t) => void completer.complete(t)} />
                  ))}
                </TimelineSection>
              ))
            )}
          </>
        ) : null}
      </div>
      {creating ? <NewActivityModal type={creating} prefill={prefill ?? prefillFor(record)} onClose={() => setCreating(undefined)} /> : null}
      {completer.dialog}
    </article>
  )
}

function TimelineSection({ title, children }: { title: string; children: ReactNode }) {
  const [open, setOpen] = useState(true)
  const id = useId()
  return (
    <div className={cx('slds-section crm-timeline__section', open && 'slds-is-open')}>
      <h3 className="slds-section__title">
        <button type="button" aria-controls={id} aria-expanded={open} className="slds-button slds-section__title-action" onClick={() => setOpen((o) => !o)}>
          <ButtonSvg name="switch" className="slds-section__title-action-icon" position="left" />
          <span className="slds-truncate" title={title}>
            {title}
          </span>
        </button>
      </h3>
      <div className="slds-section__content" id={id} hidden={!open}>
        <ul className="slds-timeline">{children}</ul>
      </div>
    </div>
  )
}

function TimelineEmpty({ heading, message }: { heading: string; message: string }) {
  return (
    <li className="crm-timeline__empty slds-text-align_center slds-text-color_weak slds-p-vertical_small">
      {heading}
      <br />
      {message}
    </li>
  )
}

/** "You have an upcoming task with Jane Doe about Acme" (links to the people and records). */
function Summary({ activity, meId, upcoming }: { activity: Activity; meId: string | undefined; upcoming: boolean }) {
  const mine = activity.assigned_to_id === meId
  const who = activity.assigned_to_name ?? 'Someone'
  const noun = upcoming ? `an upcoming ${activity.type.toLowerCase()}` : activity.type === 'Task' ? 'a task' : 'an event'
  const verb = upcoming ? (mine ? 'have' : 'has') : 'had'
  const whoHref = activity.who_id ? linkedRecordHref(activity.who_type, activity.who_id) : undefined
  const whatHref = activity.what_id ? linkedRecordHref(activity.what_type, activity.what_id) : undefined
  return (
    <p className="slds-m-horizontal_xx-small crm-timeline__summary">
      {mine ? 'You' : who} {verb} {noun}
      {activity.who_name ? (
        <>
          {' with '}
          {whoHref ? <Link to={whoHref}>{activity.who_name}</Link> : activity.who_name}
        </>
      ) : null}
      {activity.what_name ? (
        <>
          {' about '}
          {whatHref ? <Link to={whatHref}>{activity.what_name}</Link> : activity.what_name}
        </>
      ) : null}
    </p>
  )
}

interface TimelineItemProps {
  activity: Activity
  now: Date
  meId: string | undefined
  pending: boolean
  onComplete: (task: Activity) => void
  upcoming?: boolean
}

function TimelineItem({ activity, now, meId, pending, onComplete, upcoming = false }: TimelineItemProps) {
  const [expanded, setExpanded] = useState(false)
  const detailsId = useId()
  const isTask = activity.type === 'Task'
  const today = localDateKey(now)
  const overdue = isOverdueTask(activity, today)
  const done = isTask && activity.status === 'Completed'
  return (
    <li data-testid="timeline-item" data-activity-id={activity.id}>
      <div className={cx('slds-timeline__item_expandable', isTask ? 'slds-timeline__item_task' : 'slds-timeline__item_event', expanded && 'slds-is-open')}>
        <span className="slds-assistive-text">{isTask ? 'task' : 'event'}</span>
        <div className="slds-media">
          <div className="slds-media__figure">
            <button
              type="button"
              className="slds-button slds-button_icon"
              title={`${expanded ? 'Hide' : 'Show'} details for ${activity.subject}`}
              aria-controls={detailsId}
              aria-expanded={expanded}
              onClick={() => setExpanded((e) => !e)}
            >
              <ButtonSvg name="switch" className="slds-timeline__details-action-icon" />
              <span className="slds-assistive-text">
                {expanded ? 'Hide' : 'Show'} details for {activity.subject}
              </span>
            </button>
            <Icon icon={isTask ? 'standard:task' : 'standard:event'} size="small" containerClassName="slds-timeline__icon" title={activity.type} />
          </div>
          <div className="slds-media__body">
            <div className="slds-grid slds-grid_align-spread slds-timeline__trigger">
              <div className="slds-grid slds-grid_vertical-align-center slds-truncate_container_75 slds-no-space">
                {isTask ? <TaskCheckbox task={activity} pending={pending} onComplete={onComplete} className="slds-m-right_x-small" /> : null}
                <h3 className="slds-truncate" title={activity.subject}>
                  <Link to={activityHref(activity.id)} className={cx(done && 'crm-task_done')}>
                    <strong>{activity.subject}</strong>
                  </Link>
                </h3>
              </div>
              <div className="slds-timeline__actions slds-timeline__actions_inline">
                <p className={cx('slds-timeline__date', overdue && 'slds-text-color_error crm-overdue')}>
                  {overdue ? <span className="slds-assistive-text">Overdue: </span> : null}
                  {whenLabel(activity, today)}
                </p>
              </div>
            </div>
            <Summary activity={activity} meId={meId} upcoming={upcoming} />
            <article
              id={detailsId}
              className="slds-box slds-timeline__item_details slds-theme_shade slds-m-top_x-small slds-m-horizontal_xx-small slds-p-around_small"
              aria-hidden={!expanded}
              hidden={!expanded}
            >
              <ul className="slds-list_horizontal slds-wrap">
                {isTask ? (
                  <>
                    <Detail label="Status">{activity.status}</Detail>
                    <Detail label="Priority">{activity.priority}</Detail>
                    <Detail label="Due Date">{activity.due_date ? formatDate(activity.due_date) : 'None'}</Detail>
                  </>
                ) : (
                  <>
                    <Detail label="Start">{activity.is_all_day_event ? formatDate(activity.start_time ? isoToUtcDate(activity.start_time) : null) : formatDateTime(activity.start_time)}</Detail>
                    <Detail label="End">{activity.is_all_day_event ? formatDate(activity.end_time ? isoToUtcDate(activity.end_time) : null) : formatDateTime(activity.end_time)}</Detail>
                    {activity.location ? <Detail label="Location">{activity.location}</Detail> : null}
                  </>
                )}
                <Detail label="Assigned To">{activity.assigned_to_name}</Detail>
              </ul>
              {activity.description ? (
                <div className="slds-m-top_x-small">
                  <span className="slds-text-title">{isTask ? 'Comments' : 'Description'}</span>
                  <p className="crm-multiline">{activity.description}</p>
                </div>
              ) : null}
            </article>
          </div>
        </div>
      </div>
    </li>
  )
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li className="slds-grid slds-grid_vertical slds-size_1-of-2 slds-p-bottom_x-small">
      <span className="slds-text-title slds-p-bottom_xx-small">{label}</span>
      <span className="slds-text-body_medium slds-truncate">{children}</span>
    </li>
  )
}
