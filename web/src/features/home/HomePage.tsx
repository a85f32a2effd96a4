import eventsImage from '@salesforce-ux/design-system/assets/images/illustrations/empty-state-events.svg'
import tasksImage from '@salesforce-ux/design-system/assets/images/illustrations/empty-state-tasks.svg'
import { useState } from 'react'
import { Link } from 'react-router'
import { NAV_ITEMS, NEW_ITEMS } from '../../app/navigation'
import { isApiError } from '../../shared/api'
import { formatDate, localDateKey, useUrlFilter } from '../../shared/record'
import { ButtonSwitch, Card, cx, EmptyState, Icon, PageHeader, Spinner } from '../../shared/ui'
import { useAgenda } from '../activities/api'
import { activityHref, linkedRecordHref } from '../activities/links'
import { NewActivityModal } from '../activities/NewActivityModal'
import { isOverdueTask, timeLabel } from '../activities/schedule'
import { TaskCheckbox } from '../activities/TaskCheckbox'
import type { Activity, ActivityType } from '../activities/types'
import { useCompleteTask } from '../activities/useCompleteTask'
import { isAdmin, useCurrentUser } from '../auth/session'
import { caseHref, useMyOpenCases } from '../cases/api'
import { PriorityText } from '../cases/PriorityText'
import { HomeCharts } from './HomeCharts'
import { KpiTiles } from './KpiTiles'
import { useHomeFigures } from './useHomeFigures'

function greeting(date: Date): string {
  const hour = date.getHours()
  if (hour < 12) return 'Good morning'
  if (hour < 18) return 'Good afternoon'
  return 'Good evening'
}

export function HomePage() {
  const { data: user } = useCurrentUser()
  const today = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' }).format(new Date())
  const quickLinks = NAV_ITEMS.filter((i) => i.path !== '/' && (!i.adminOnly || isAdmin(user)))
  // Mine by default: Home is the signed-in user's; ?scope=all shows everyone's figures.
  const [scope, setScope] = useUrlFilter('scope')
  const owner = scope === 'all' ? '' : 'me'
  const year = new Date().getFullYear()
  const figures = useHomeFigures(owner, year)

  return (
    <div className="crm-page">
      <PageHeader
        variant="base"
        icon="standard:home"
        label="Home"
        title={`${greeting(new Date())}${user?.first_name ? `, ${user.first_name}` : ''}`}
        meta={today}
        actions={
          <ButtonSwitch
            label="Show figures for"
            value={owner === 'me' ? 'mine' : 'all'}
            onChange={(v) => setScope(v === 'all' ? 'all' : '')}
            options={[
              { value: 'all', label: 'All' },
              { value: 'mine', label: 'Mine' },
            ]}
          />
        }
      />
      <div className="crm-page__body">
        <KpiTiles figures={figures} owner={owner} />
        <HomeCharts figures={figures} owner={owner} year={year} />
      </div>
      <div className="slds-grid slds-wrap slds-gutters_direct-x-small crm-page__body">
        <div className="slds-col slds-size_1-of-1 slds-large-size_8-of-12">
          <AgendaCard />
          <MyCasesCard />
        </div>
        <div className="slds-col slds-size_1-of-1 slds-large-size_4-of-12">
          <Card title="Quick links" icon="standard:link" className="crm-home-card" bodyClassName="slds-card__body">
            <ul className="slds-has-dividers_top-space crm-quick-links">
              {quickLinks.map((item) => (
                <li key={item.path} className="slds-item">
                  <Link to={item.path} className="slds-media slds-media_center">
                    <span className="slds-media__figure">
                      <Icon icon={item.icon} size="small" />
                    </span>
                    <span className="slds-media__body">{item.label}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Create" icon="standard:record_create" className="crm-home-card" bodyClassName="slds-card__body">
            <ul className="slds-has-dividers_top-space crm-quick-links">
              {NEW_ITEMS.map((item) => (
                <li key={item.path} className="slds-item">
                  <Link to={item.path} className="slds-media slds-media_center">
                    <span className="slds-media__figure">
                      <Icon icon={item.icon} size="small" />
                    </span>
                    <span className="slds-media__body">{item.label}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </div>
  )
}

function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="slds-text-align_center slds-p-vertical_medium" role="alert">
      <p className="slds-text-color_error">{isApiError(error) ? error.displayMessage : "This couldn't be loaded."}</p>
      <button type="button" className="slds-button slds-button_neutral slds-m-top_small" onClick={onRetry}>
        Try Again
      </button>
    </div>
  )
}

/** The "when" of an agenda row: the event's time (or All day), or the task's due day (overdue in red). */
function AgendaWhen({ activity, today }: { activity: Activity; today: string }) {
  if (activity.type === 'Task') {
    return isOverdueTask(activity, today) ? (
      <span className="slds-text-color_error crm-overdue">Overdue · {formatDate(activity.due_date)}</span>
    ) : (
      <span>Due today</span>
    )
  }
  if (activity.is_all_day_event || !activity.start_time) return <span>All day</span>
  return (
    <span>
      {timeLabel(activity.start_time)}
      {activity.end_time ? ` – ${timeLabel(activity.end_time)}` : ''}
    </span>
  )
}

function RelatedTo({ activity }: { activity: Activity }) {
  const parts = [
    activity.what_id ? { href: linkedRecordHref(activity.what_type, activity.what_id), name: activity.what_name, key: 'what' } : undefined,
    activity.who_id ? { href: linkedRecordHref(activity.who_type, activity.who_id), name: activity.who_name, key: 'who' } : undefined,
  ].filter((p) => p !== undefined)
  if (parts.length === 0) return null
  return (
    <span className="slds-text-color_weak">
      {parts.map((p, i) => (
        <span key={p.key}>
          {i > 0 ? ' · ' : ''}
          {p.href ? <Link to={p.href}>{p.name}</Link> : p.name}
        </span>
      ))}
    </span>
  )
}

/** Today's events and the tasks due today or overdue (checkbox completes), in the order of the day. */
function AgendaCard() {
  const today = localDateKey(new Date())
  const agenda = useAgenda(today)
  const completer = useCompleteTask()
  const [creating, setCreating] = useState<ActivityType>()
  const items = agenda.items ?? []
  return (
    <Card
      title="My agenda today"
      icon="standard:event"
      className="crm-home-card"
      bodyClassName={items.length > 0 ? 'slds-card__body' : undefined}
      actions={
        <div className="slds-button-group" role="group" aria-label="New activity">
          <button type="button" className="slds-button slds-button_neutral" onClick={() => setCreating('Event')}>
            New Event
          </button>
          <button type="button" className="slds-button slds-button_neutral" onClick={() => setCreating('Task')}>
            New Task
          </button>
        </div>
      }
      footer={
        <span className="crm-card-footer-links">
          <Link to="/calendar">View Calendar</Link>
          <Link to="/tasks">View My Tasks</Link>
        </span>
      }
    >
      {agenda.isPending ? (
        <div className="crm-timeline__loading">
          <Spinner size="small" label="Loading your agenda" />
        </div>
      ) : agenda.error ? (
        <LoadError error={agenda.error} onRetry={agenda.refetch} />
      ) : items.length === 0 ? (
        <EmptyState image={eventsImage} heading="Nothing scheduled" message="Looks like you have a free day." />
      ) : (
        <ul className="slds-has-dividers_bottom-space crm-agenda" aria-label="Today's events and tasks">
          {items.map((a) => (
            <li key={a.id} className="slds-item crm-agenda__item" data-testid="agenda-item">
              <div className="slds-grid slds-grid_vertical-align-center">
                <div className="crm-agenda__check">
                  {a.type === 'Task' ? <TaskCheckbox task={a} pending={completer.pendingId === a.id} onComplete={(t) => void completer.complete(t)} /> : null}
                </div>
                <Icon icon={a.type === 'Task' ? 'standard:task' : 'standard:event'} size="small" containerClassName="slds-m-right_small" title={a.type} />
                <div className={cx('crm-agenda__when slds-text-body_small', isOverdueTask(a, today) && 'crm-agenda__when_overdue')}>
                  <AgendaWhen activity={a} today={today} />
                </div>
                <div className="slds-col slds-truncate">
                  <Link to={activityHref(a.id)} className="slds-text-heading_small crm-agenda__subject">
                    {a.subject}
                  </Link>
                  <div className="slds-truncate">
                    <RelatedTo activity={a} />
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {creating ? <NewActivityModal type={creating} onClose={() => setCreating(undefined)} /> : null}
      {completer.dialog}
    </Card>
  )
}

/** My open cases (owner me, not Closed) in queue order, with their priority. */
function MyCasesCard() {
  const cases = useMyOpenCases()
  const rows = cases.data?.items ?? []
  return (
    <Card
      title="Open cases assigned to me"
      icon="standard:case"
      className="crm-home-card"
      bodyClassName={rows.length > 0 ? 'slds-card__body' : undefined}
      footer={rows.length > 0 ? <Link to="/cases">View All Cases</Link> : undefined}
    >
      {cases.isPending ? (
        <div className="crm-timeline__loading">
          <Spinner size="small" label="Loading your cases" />
        </div>
      ) : cases.isError ? (
        <LoadError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState image={tasksImage} heading="No open cases" message="Cases assigned to you will show up here." />
      ) : (
        <table className="slds-table slds-table_cell-buffer slds-table_bordered slds-table_fixed-layout" aria-label="Open cases assigned to me">
          <thead>
            <tr className="slds-line-height_reset">
              <th scope="col" style={{ width: '8rem' }}>
                <div className="slds-truncate">Case Number</div>
              </th>
              <th scope="col">
                <div className="slds-truncate">Subject</div>
              </th>
              <th scope="col">
                <div className="slds-truncate">Account</div>
              </th>
              <th scope="col" style={{ width: '6rem' }}>
                <div className="slds-truncate">Priority</div>
              </th>
              <th scope="col" style={{ width: '7rem' }}>
                <div className="slds-truncate">Status</div>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="slds-hint-parent">
                <td>
                  <div className="slds-truncate">
                    <Link to={caseHref(c.id)}>{c.case_number}</Link>
                  </div>
                </td>
                <td>
                  <div className="slds-truncate" title={c.subject}>
                    {c.subject}
                  </div>
                </td>
                <td>
                  <div className="slds-truncate" title={c.account_name}>
                    {c.account_name}
                  </div>
                </td>
                <td>
                  <PriorityText priority={c.priority} />
                </td>
                <td>{c.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
