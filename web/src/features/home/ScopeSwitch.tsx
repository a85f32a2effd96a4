import { cx } from '../../shared/ui'

/** Home's "All / Mine" switch (SLDS button group): everyone's figures or the signed-in user's. */
export function ScopeSwitch({ mine, onChange }: { mine: boolean; onChange: (mine: boolean) => void }) {
  return (
    <div className="slds-button-group" role="group" aria-label="Show figures for">
      {[
        { label: 'All', value: false },
        { label: 'Mine', value: true },
      ].map((o) => (
        <button
          key={o.label}
          type="button"
          className={cx('slds-button', mine === o.value ? 'slds-button_brand' : 'slds-button_neutral')}
          aria-pressed={mine === o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  )
}
