import { ButtonSvg } from '../ui'

export interface ActiveFilter {
  /** "Stage". */
  label: string
  /** "Proposal". */
  value: string
  onClear: () => void
}

/** The filters a list was opened with (e.g. from a report's bar), as SLDS pills each with a clear button. */
export function FilterPills({ filters }: { filters: readonly ActiveFilter[] }) {
  if (filters.length === 0) return null
  return (
    <ul className="slds-list_horizontal slds-wrap crm-filter-pills" aria-label="Active filters">
      {filters.map((f) => (
        <li key={f.label}>
          <span className="slds-pill" data-filter={f.label}>
            <span className="slds-pill__label" title={`${f.label}: ${f.value}`}>
              {f.label}: {f.value}
            </span>
            <button type="button" className="slds-button slds-button_icon slds-pill__remove" title={`Clear ${f.label}`} onClick={f.onClear}>
              <ButtonSvg name="close" />
              <span className="slds-assistive-text">Clear {f.label}</span>
            </button>
          </span>
        </li>
      ))}
    </ul>
  )
}
