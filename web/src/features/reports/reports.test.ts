import { describe, expect, it } from 'vitest'
import { casesTable } from './cases'
import { csvField, toCsv } from './csv'
import { agingHref, stageHref, wonMonthHref } from './drilldown'
import { monthRange, parseReportFilters, quarterMonths, withReportFilters } from './filters'
import { pipelineBars, pipelineTable } from './pipeline'
import { overdueOver30, receivablesTable } from './receivables'
import { sumMoney, tableCsv } from './table'
import type { CasesReport, PipelineReport, ReceivablesReport, WonRevenueReport } from './types'
import { wonInMonths, wonTable } from './wonRevenue'

const pipeline: PipelineReport = {
  stages: [
    { stage: 'Qualifying', count: 2, amount: '1000.10', weighted_amount: '100.01' },
    { stage: 'Proposal', count: 1, amount: '2000.20', weighted_amount: '1000.10' },
    { stage: 'Negotiation', count: 0, amount: '0.00', weighted_amount: '0.00' },
    { stage: 'Closed Won', count: 3, amount: '9000.00', weighted_amount: '9000.00' },
    { stage: 'Closed Lost', count: 1, amount: '500.00', weighted_amount: '0.00' },
  ],
  open_amount: '3000.30',
  open_weighted_amount: '1100.11',
}

const won: WonRevenueReport = {
  year: 2026,
  months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: i === 3 ? 2 : i === 4 ? 1 : 0, amount: i === 3 ? '1500.05' : i === 4 ? '99.95' : '0.00' })),
  total: '1600.00',
}

const receivables: ReceivablesReport = {
  as_of: '2026-12-02',
  total_due: '1750.00',
  buckets: [
    { bucket: '0-30', amount: '100.00', count: 1 },
    { bucket: '31-60', amount: '250.00', count: 1 },
    { bucket: '61-90', amount: '0.00', count: 0 },
    { bucket: '90+', amount: '1400.00', count: 2 },
  ],
  orders: [
    { order_id: 'o1', order_number: 'ORD-00001', account_id: 'a1', account_name: '=HYPERLINK("x")', order_date: '2026-01-05', total: '1000.00', total_paid: '0.00', balance_due: '1000.00', age_days: 331, bucket: '90+' },
    { order_id: 'o2', order_number: 'ORD-00002', account_id: 'a2', account_name: 'Acme, Inc.', order_date: '2026-10-20', total: '300.00', total_paid: '50.00', balance_due: '250.00', age_days: 43, bucket: '31-60' },
  ],
}

describe('report filters in the URL', () => {
  it('reads owner, range and year, and falls back to the defaults for malformed values', () => {
    expect(parseReportFilters(new URLSearchParams('owner_id=me&from=2026-01-01&to=2026-03-31&year=2025'), 2026)).toEqual({
      owner: 'me',
      from: '2026-01-01',
      to: '2026-03-31',
      year: 2025,
    })
    expect(parseReportFilters(new URLSearchParams('owner_id=someone&from=2026-02-30&to=tomorrow&year=99'), 2026)).toEqual({ owner: '', from: '', to: '', year: 2026 })
  })

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const start = new URLSearchParams('view=list&year=2024')
    expect(withReportFilters(start, { owner: 'me', from: '2026-01-01' }, 2026).toString()).toBe('view=list&year=2024&owner_id=me&from=2026-01-01')
    expect(withReportFilters(new URLSearchParams('owner_id=me&year=2024&to=2026-05-01'), { owner: '', year: 2026, to: '' }, 2026).toString()).toBe('')
  })

  it('knows month ends and quarters', () => {
    expect(monthRange(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(monthRange(2026, 12)).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(quarterMonths(new Date(2026, 4, 15))).toEqual([4, 5, 6])
    expect(quarterMonths(new Date(2026, 11, 31))).toEqual([10, 11, 12])
  })
})

describe('drill-down links', () => {
  it('open the list filtered as the bar counts', () => {
    expect(stageHref('Proposal', 'me', '2026-01-01', '')).toBe('/opportunities?view=list&stage=Proposal&owner_id=me&close_from=2026-01-01')
    expect(wonMonthHref(2026, 2, '')).toBe('/opportunities?view=list&stage=Closed+Won&close_from=2026-02-01&close_to=2026-02-28')
    expect(agingHref('90+')).toBe('/orders?aging=90%2B&balance_due=true')
  })
})

describe('report CSV', () => {
  it('neutralises formula cells and quotes like the exports', () => {
    expect(['=1+1', '+1', '-1', '@SUM', '\tx', '\rx'].map(csvField)).toEqual([`"'=1+1"`, `"'+1"`, `"'-1"`, `"'@SUM"`, `"'\tx"`, `"'\rx"`])
    expect(csvField('a "b", c')).toBe('"a ""b"", c"')
    expect(csvField('plain')).toBe('plain')
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n')
  })

  it('writes the pipeline table with plain decimals and the total line', () => {
    expect(tableCsv(pipelineTable(pipeline)).split('\r\n')).toEqual([
      'Stage,Opportunities,Amount,Weighted Amount',
      'Qualifying,2,1000.10,100.01',
      'Proposal,1,2000.20,1000.10',
      'Negotiation,0,0.00,0.00',
      'Closed Won,3,9000.00,9000.00',
      'Closed Lost,1,500.00,0.00',
      'Total,7,12500.30,10100.11',
      '',
    ])
    expect(pipelineTable(pipeline).total?.text[2]).toBe('$12,500.30')
  })

  it('writes the receivables orders, dates ISO, account names neutralised', () => {
    const lines = tableCsv(receivablesTable(receivables)).split('\r\n')
    expect(lines[0]).toBe('Order Number,Account Name,Order Date,Total,Total Paid,Balance Due,Age (Days),Aging')
    expect(lines[1]).toBe(`ORD-00001,"'=HYPERLINK(""x"")",2026-01-05,1000.00,0.00,1000.00,331,90+`)
    expect(lines[2]).toBe('ORD-00002,"Acme, Inc.",2026-10-20,300.00,50.00,250.00,43,31-60')
    expect(lines[3]).toBe('Total,,,,,1750.00,,')
  })

  it('writes the won revenue by month and the cases breakdown', () => {
    const wonLines = tableCsv(wonTable(won)).split('\r\n')
    expect(wonLines[4]).toBe('Apr 2026,2,1500.05')
    expect(wonLines[13]).toBe('Total,3,1600.00')
    const cases: CasesReport = { by_status: [{ status: 'New', count: 4 }], by_priority: [{ priority: 'High', count: 4 }], top_accounts: [], median_hours_to_close: null }
    expect(tableCsv(casesTable(cases))).toBe('Breakdown,Value,Cases\r\nStatus,New,4\r\nPriority,High,4\r\n')
  })
})

describe('figures', () => {
  it('adds money to the cent', () => {
    expect(sumMoney(['0.10', '0.20', '1000.01'])).toBe('1000.31')
    expect(wonInMonths(won, [4, 5, 6])).toBe('1600.00')
    expect(wonInMonths(won, [1, 2, 3])).toBe('0.00')
    expect(overdueOver30(receivables)).toEqual({ amount: '1650.00', count: 3 })
  })

  it('draws one bar per stage, open stages only when asked', () => {
    expect(pipelineBars(pipeline, { owner: '', from: '', to: '' }).map((b) => b.label)).toEqual(['Qualifying', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'])
    const open = pipelineBars(pipeline, { owner: 'me', from: '', to: '2026-12-31' }, true)
    expect(open.map((b) => b.value)).toEqual([1000.1, 2000.2, 0])
    expect(open[0]!.description).toBe('Qualifying: 2 opportunities, $1,000.10')
    expect(open[1]!.href).toBe('/opportunities?view=list&stage=Proposal&owner_id=me&close_to=2026-12-31')
  })
})
