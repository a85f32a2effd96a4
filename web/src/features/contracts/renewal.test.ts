import { describe, expect, it } from 'vitest'
import { renewalDeal } from './renewal'

const contract = {
  account_name: 'Acme Bakery',
  contract_number: 'CTR-000007',
  start_date: '2026-01-01',
  end_date: '2026-12-31',
  billing_cycle: 'Quarterly' as const,
  price_per_cycle: '3000.00',
}

describe('renewalDeal', () => {
  it('names the deal after the year the next term starts and closes it when this term ends', () => {
    expect(renewalDeal(contract)).toEqual({
      name: 'Acme Bakery retainer renewal 2027',
      close_date: '2026-12-31',
      description: 'Renewal of CTR-000007 (2026-01-01 to 2026-12-31, Quarterly, $3,000.00 per cycle); the next term starts on 2027-01-01.',
    })
  })

  it('keeps the name within 255 characters for a long account name', () => {
    const name = renewalDeal({ ...contract, account_name: 'x'.repeat(300), end_date: '2027-06-30' }).name as string
    expect(name).toHaveLength(255)
    expect(name.endsWith(' retainer renewal 2027')).toBe(true)
  })
})
