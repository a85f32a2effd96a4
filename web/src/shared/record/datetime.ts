// Dates and times between the API (ISO 8601 UTC date-times, `YYYY-MM-DD` dates) and the browser's
// inputs (`datetime-local` in the user's time zone, `date`).

const pad = (n: number) => String(n).padStart(2, '0')

const DATE = /^\d{4}-\d{2}-\d{2}$/
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/

/** `YYYY-MM-DD` of a moment in the browser's time zone (what "today" means to the user). */
export function localDateKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The local midnight that starts a `YYYY-MM-DD` day. */
export function localDate(key: string): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d)
}

/** `YYYY-MM-DD` plus `days` (calendar days, so daylight saving changes don't shift it). */
export function addDays(key: string, days: number): string {
  const date = localDate(key)
  date.setDate(date.getDate() + days)
  return localDateKey(date)
}

/** A `datetime-local` value ("2026-03-05T14:30") of an ISO date-time, in the browser's time zone. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${localDateKey(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** The ISO date-time (UTC) of a `datetime-local` value; anything else comes back unchanged (the API says what's wrong). */
export function localInputToIso(value: string): string {
  if (!LOCAL.test(value)) return value
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

/** The UTC day of an ISO date-time: all-day events are stored from midnight UTC. */
export function isoToUtcDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : date.toISOString().slice(0, 10)
}

/** Midnight UTC of a `YYYY-MM-DD` day, as the API stores all-day events. */
export function utcDateToIso(day: string): string {
  if (!DATE.test(day)) return day
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).toISOString()
}

export function isDateKey(value: string): boolean {
  return DATE.test(value)
}
