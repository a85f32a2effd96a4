import { LookupField } from './LookupField'
import type { LookupConfig } from './fields'

export interface LookupFilterProps {
  label: string
  lookup: LookupConfig
  /** The chosen record's id ('' for no filter). */
  value: string
  /** Its name once loaded. */
  valueLabel: string | undefined
  onChange: (id: string) => void
}

/** A lookup used as a list filter (Account, Contact): pick a record to see only its rows, remove it to see all. */
export function LookupFilter({ label, lookup, value, valueLabel, onChange }: LookupFilterProps) {
  return (
    <div className="crm-filter crm-filter_lookup">
      <LookupField label={label} lookup={lookup} value={value} valueLabel={value ? (valueLabel ?? 'Loading…') : undefined} onChange={(id) => onChange(id)} />
    </div>
  )
}
