const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** "Nov 21, 2026" from an ISO date or date-time ('' for nothing). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso)
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
}

/** "Nov 21, 2026, 5:49 PM" from an ISO date-time ('' for nothing). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date)
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** "$4,500.00" from a decimal string ("4500.00"). */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? money.format(n) : String(value)
}

/** "Mar 1, 2026 – Mar 31, 2026", "From Mar 1, 2026", "Until Mar 31, 2026", or '' for an open range (YYYY-MM-DD ends). */
export function formatDateRange(from: string, to: string): string {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`
  if (from) return `From ${formatDate(from)}`
  if (to) return `Until ${formatDate(to)}`
  return ''
}
