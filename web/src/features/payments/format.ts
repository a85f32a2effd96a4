import { formatDate } from '../../shared/record'
import type { PaymentListItem } from './types'

/** Today as YYYY-MM-DD in the user's time zone. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** "Jan 1, 2026 – Jan 31, 2026" ('' when the payment covers no service period). */
export function servicePeriod(p: PaymentListItem): string {
  return p.service_period_start ? `${formatDate(p.service_period_start)} – ${formatDate(p.service_period_end)}` : ''
}
