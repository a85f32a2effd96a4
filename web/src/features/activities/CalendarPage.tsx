import type { DateSelectArg, DatesSetArg, EventChangeArg, EventClickArg, EventInput } from '@fullcalendar/core'
import dayGridPlugin from '@fullcalendar/daygrid'
import interactionPlugin from '@fullcalendar/interaction'
import FullCalendar from '@fullcalendar/react'
import timeGridPlugin from '@fullcalendar/timegrid'
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { isApiError } from '../../shared/api'
import { conflictCurrent, isConflict } from '../../shared/record'
import { ButtonSvg, cx, PageHeader, Spinner, useToast } from '../../shared/ui'
import { activitiesApi, activityKeys } from './api'
import { calendarQuery, eventTimesFrom, prefillFromSelection, toCalendarEvent } from './calendar'
import { activityHref } from './links'
import { NewActivityModal } from './NewActivityModal'
import type { Activity, ActivityPrefill } from './types'

type CalendarView = 'dayGridMonth' | 'timeGridWeek' | 'timeGridDay'

const VIEWS: readonly { value: CalendarView; label: string }[] = [
  { value: 'dayGridMonth', label: 'Month' },
  { value: 'timeGridWeek', label: 'Week' },
  { value: 'timeGridDay', label: 'Day' },
]

interface VisibleRange {
  start: Date
  end: Date
  title: string
  view: CalendarView
}

/**
 * /calendar — my events by month, week or day (FullCalendar under an SLDS header). Only the visible
 * range is loaded. Drag or resize an event to reschedule it (a versioned PUT; a conflict puts it
 * back and says why); click a day or a slot for a New Event at that time; click an event to open it.
 */
export function CalendarPage() {
  const calendarRef = useRef<FullCalendar>(null)
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const toast = useToast()
  const [range, setRange] = useState<VisibleRange>()
  const [creating, setCreating] = useState<ActivityPrefill>()

  const events = useQuery({
    queryKey: activityKeys.calendar(range?.start.toISOString() ?? '', range?.end.toISOString() ?? ''),
    queryFn: ({ signal }) => activitiesApi.list(calendarQuery(range!.start, range!.end), signal),
    enabled: Boolean(range),
    placeholderData: keepPreviousData,
  })
  const byId = new Map((events.data?.items ?? []).map((a) => [a.id, a]))
  const calendarEvents: EventInput[] = (events.data?.items ?? []).flatMap((a) => {
    const event = toCalendarEvent(a)
    return event ? [{ ...event, classNames: ['crm-calendar__event'], extendedProps: { location: a.location ?? undefined } }] : []
  })

  const api = () => calendarRef.current?.getApi()

  function onDatesSet(arg: DatesSetArg) {
    setRange({ start: arg.start, end: arg.end, title: arg.view.title, view: arg.view.type as CalendarView })
  }

  async function onEventChange(arg: EventChangeArg) {
    const activity: Activity | undefined = byId.get(arg.event.id)
    if (!activity || !arg.event.start) {
      arg.revert()
      return
    }
    const times = eventTimesFrom(arg.event.start, arg.event.end, arg.event.allDay)
    try {
      const saved = await activitiesApi.update(activity.id, { ...times, version: activity.version })
      queryClient.setQueryData(activityKeys.detail(saved.id), saved)
      toast.success(`"${saved.subject}" was rescheduled.`)
    } catch (e) {
      arg.revert()
      if (isConflict(e)) {
        const current = conflictCurrent<Activity>(e)
        toast.show({
          variant: 'warning',
          title: `"${activity.subject}" was changed by someone else.`,
          message: current
            ? 'It was put back; the calendar now shows their version. Move it again if it still needs moving.'
            : 'It was put back; the calendar now shows the latest version.',
          duration: 8000,
        })
      } else {
        toast.error(`"${activity.subject}" couldn't be moved.`, isApiError(e) ? e.displayMessage : 'Try again in a moment.')
      }
    } finally {
      void queryClient.invalidateQueries({ queryKey: activityKeys.all })
    }
  }

  function onSelect(arg: DateSelectArg) {
    setCreating(prefillFromSelection(arg.start, arg.end, arg.allDay, arg.view.type))
    api()?.unselect()
  }

  function onEventClick(arg: EventClickArg) {
    arg.jsEvent.preventDefault()
    void navigate(activityHref(arg.event.id))
  }

  const view = range?.view ?? 'dayGridMonth'
  return (
    <div className="crm-page crm-calendar-page">
      <PageHeader
        icon="standard:event"
        label="Calendar"
        title={range?.title ?? 'My Events'}
        meta={events.isError ? <span className="slds-text-color_error">{isApiError(events.error) ? events.error.displayMessage : "Events couldn't be loaded."}</span> : 'My Events'}
        actions={
          <div className="slds-grid slds-grid_vertical-align-center crm-calendar__actions">
            <div className="slds-button-group slds-m-right_small" role="group" aria-label="Move through the calendar">
              <button type="button" className="slds-button slds-button_icon slds-button_icon-border-filled" title="Previous" onClick={() => api()?.prev()}>
                <ButtonSvg name="left" />
                <span className="slds-assistive-text">Previous</span>
              </button>
              <button type="button" className="slds-button slds-button_neutral" onClick={() => api()?.today()}>
                Today
              </button>
              <button type="button" className="slds-button slds-button_icon slds-button_icon-border-filled" title="Next" onClick={() => api()?.next()}>
                <ButtonSvg name="right" />
                <span className="slds-assistive-text">Next</span>
              </button>
            </div>
            <div className="slds-button-group slds-m-right_small" role="group" aria-label="Calendar view">
              {VIEWS.map((v) => (
                <button
                  key={v.value}
                  type="button"
                  className={cx('slds-button', view === v.value ? 'slds-button_brand' : 'slds-button_neutral')}
                  aria-pressed={view === v.value}
                  onClick={() => api()?.changeView(v.value)}
                >
                  {v.label}
                </button>
              ))}
            </div>
            <button type="button" className="slds-button slds-button_neutral" onClick={() => setCreating({})}>
              New Event
            </button>
          </div>
        }
      />
      <div className="slds-card crm-page__body crm-calendar slds-is-relative">
        {events.isFetching ? <Spinner size="small" label="Loading events" /> : null}
        <FullCalendar
          ref={calendarRef}
          plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
          initialView="dayGridMonth"
          headerToolbar={false}
          firstDay={1}
          height={760}
          scrollTime="08:00:00"
          nowIndicator
          dayMaxEvents
          editable
          eventResizableFromStart
          selectable
          selectMirror
          events={calendarEvents}
          datesSet={onDatesSet}
          eventDrop={(arg) => void onEventChange(arg)}
          eventResize={(arg) => void onEventChange(arg)}
          select={onSelect}
          eventClick={onEventClick}
          eventTimeFormat={{ hour: 'numeric', minute: '2-digit', meridiem: 'short' }}
        />
      </div>
      {creating ? <NewActivityModal type="Event" prefill={creating} onClose={() => setCreating(undefined)} /> : null}
    </div>
  )
}
