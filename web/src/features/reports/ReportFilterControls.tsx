import { SelectField, TextField } from '../../shared/ui'
import type { OwnerScope, ReportFilters } from './filters'

type Update = (changes: Partial<ReportFilters>) => void

export function OwnerFilter({ value, onChange, label = 'Owner' }: { value: OwnerScope; onChange: Update; label?: string }) {
  return (
    <SelectField
      label={label}
      className="crm-filter"
      value={value}
      onChange={(v) => onChange({ owner: v === 'me' ? 'me' : '' })}
      options={[
        { value: '', label: 'All' },
        { value: 'me', label: 'Me' },
      ]}
    />
  )
}

/** Two date inputs, both days included. */
export function DateRangeFilter({ from, to, onChange, label }: { from: string; to: string; onChange: Update; label: string }) {
  return (
    <>
      <TextField type="date" label={`${label} From`} className="crm-filter crm-report-date" value={from} max={to || undefined} onChange={(v) => onChange({ from: v })} />
      <TextField type="date" label={`${label} To`} className="crm-filter crm-report-date" value={to} min={from || undefined} onChange={(v) => onChange({ to: v })} />
    </>
  )
}

/** This year and the six before it (plus next year, for deals closing then), and whatever the URL asks for. */
export function YearFilter({ value, onChange }: { value: number; onChange: Update }) {
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i)
  if (!years.includes(value)) years.push(value)
  return (
    <SelectField
      label="Year"
      className="crm-filter crm-report-year"
      value={String(value)}
      onChange={(v) => onChange({ year: Number(v) })}
      options={years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }))}
    />
  )
}
