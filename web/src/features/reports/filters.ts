// The report pages' filters as the URL keeps them (?owner_id=me&from=2026-01-01&to=2026-03-31&year=2026),
// so a filtered report survives a reload and can be linked to. Pure, unit-tested.

export type OwnerScope = '' | 'me'

export interface ReportFilters {
  /** '' for everyone's records, 'me' for the signed-in user's. */
  owner: OwnerScope
  /** Inclusive date range (YYYY-MM-DD), '' when open. */
  from: string
  to: string
  year: number
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function validDate(value: string | null): string {
  if (!value || !DATE.test(value)) return ''
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) ? value : ''
}

function validYear(value: string | null, fallback: number): number {
  const n = Number(value)
  return value && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback
}

/** The filters in `params`; a missing or malformed value reads as its default (everyone, no range, this year). */
export function parseReportFilters(params: URLSearchParams, thisYear: number): ReportFilters {
  return {
    owner: params.get('owner_id') === 'me' ? 'me' : '',
    from: validDate(params.get('from')),
    to: validDate(params.get('to')),
    year: validYear(params.get('year'), thisYear),
  }
}

/** `params` with `changes` applied; defaults are left out of the URL, other parameters kept. */
export function withReportFilters(params: URLSearchParams, changes: Partial<ReportFilters>, thisYear: number): URLSearchParams {
  const next = { ...parseReportFilters(params, thisYear), ...changes }
  const updated = new URLSearchParams(params)
  const put = (name: string, value: string) => (value ? updated.set(name, value) : updated.delete(name))
  put('owner_id', next.owner)
  put('from', validDate(next.from))
  put('to', validDate(next.to))
  put('year', next.year === thisYear ? '' : String(next.year))
  return updated
}

/** The first and last day of a month as YYYY-MM-DD. */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const mm = String(month).padStart(2, '0')
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` }
}

/** The months (1-12) of the calendar quarter that `date` falls in. */
export function quarterMonths(date: Date): number[] {
  const first = Math.floor(date.getMonth() / 3) * 3 + 1
  return [first, first + 1, first + 2]
}
