// A report's table as data: the page renders it and "Download CSV" writes the same columns, so the file
// always matches what is on screen (amounts as plain decimals in the file, formatted on screen).
import { formatMoney } from '../../shared/record'
import { toCsv } from './csv'

export interface ReportColumn<T> {
  key: string
  title: string
  /** The cell as shown. */
  text: (row: T) => string
  /** The cell in the CSV (default: `text`). */
  csv?: (row: T) => string
  /** Makes the cell a link. */
  href?: (row: T) => string
  numeric?: boolean
}

export interface ReportTable<T> {
  columns: readonly ReportColumn<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string
  /** A totals line under the rows: one cell per column, shown and written to the CSV. */
  total?: { text: string[]; csv: string[] }
}

/** A money column: "$4,500.00" on screen, "4500.00" in the file. */
export function moneyColumn<T>(key: string, title: string, value: (row: T) => string): ReportColumn<T> {
  return { key, title, text: (r) => formatMoney(value(r)), csv: value, numeric: true }
}

export function countColumn<T>(key: string, title: string, value: (row: T) => number): ReportColumn<T> {
  return { key, title, text: (r) => String(value(r)), numeric: true }
}

/** The table as CSV: header of the column titles, the rows, then the total line. */
export function tableCsv<T>(table: ReportTable<T>): string {
  const lines: string[][] = [table.columns.map((c) => c.title)]
  for (const row of table.rows) lines.push(table.columns.map((c) => (c.csv ?? c.text)(row)))
  if (table.total) lines.push(table.total.csv)
  return toCsv(lines)
}

/** Money strings added up exactly to the cent (the API's decimals), as a two-place string. */
export function sumMoney(values: readonly string[]): string {
  const cents = values.reduce((s, v) => s + Math.round(Number(v) * 100 || 0), 0)
  return (cents / 100).toFixed(2)
}
