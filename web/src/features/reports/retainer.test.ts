import { describe, expect, it } from 'vitest'
import { buildGrid, gridToCsv, overdueKeys, type RetainerReport } from './retainer'

const report: RetainerReport = {
  year: 2026,
  months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  rows: [
    { account_id: 'a', account_name: 'Acme, Inc.', months: { '1': '500.00', '3': '250.50' }, total: '750.50', expected: { '1': '500.00', '2': '500.00', '3': '500.00' }, overdue: [2, 3] },
    { account_id: 'b', account_name: '=Evil', months: { '1': '100.00' }, total: '100.00', expected: {}, overdue: [] },
  ],
  month_totals: { '1': '600.00', '3': '250.50' },
  total: '850.50',
}

describe('retainer report grid', () => {
  it('puts paid amounts per month with row and month totals', () => {
    const grid = buildGrid(report)
    expect(grid.rows[0]!.cells.map((c) => c.paid)).toEqual([500, 0, 250.5, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(grid.rows[0]!.total).toBe(750.5)
    expect(grid.monthTotals.slice(0, 3)).toEqual([600, 0, 250.5])
    expect(grid.grandTotal).toBe(850.5)
  })

  it('marks the overdue months and keeps what was expected', () => {
    const grid = buildGrid(report)
    expect(grid.rows[0]!.cells.filter((c) => c.overdue).map((c) => c.month)).toEqual([2, 3])
    expect(grid.rows[0]!.cells[1]!.expected).toBe(500)
    expect(grid.rows[1]!.cells[0]!.expected).toBeUndefined()
    expect([...overdueKeys(report)]).toEqual(['a:2', 'a:3'])
  })

  it('writes CSV with quoting and formula neutralising', () => {
    const csv = gridToCsv(buildGrid(report)).split('\r\n')
    expect(csv[0]).toBe('Account,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Total')
    expect(csv[1]).toBe('"Acme, Inc.",500.00,0.00,250.50,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,750.50')
    expect(csv[2]!.startsWith(`"'=Evil",100.00`)).toBe(true)
    expect(csv[3]).toBe('Total,600.00,0.00,250.50,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,850.50')
  })
})
