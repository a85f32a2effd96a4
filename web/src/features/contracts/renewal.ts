import { formatMoney, type FormValues } from '../../shared/record'
import type { Contract } from './types'

const NAME_MAX = 255

/** The day after `date` (YYYY-MM-DD), as YYYY-MM-DD. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * The renewal deal of a contract (a renewal is a new contract from a new won deal): named after the
 * account and the year the next term starts, due to close when the current term ends.
 */
export function renewalDeal(contract: Pick<Contract, 'account_name' | 'contract_number' | 'start_date' | 'end_date' | 'billing_cycle' | 'price_per_cycle'>): FormValues {
  const nextStart = nextDay(contract.end_date)
  const suffix = ` retainer renewal ${nextStart.slice(0, 4)}`
  return {
    name: contract.account_name.slice(0, NAME_MAX - suffix.length) + suffix,
    close_date: contract.end_date,
    description: `Renewal of ${contract.contract_number} (${contract.start_date} to ${contract.end_date}, ${contract.billing_cycle}, ${formatMoney(contract.price_per_cycle)} per cycle); the next term starts on ${nextStart}.`,
  }
}
