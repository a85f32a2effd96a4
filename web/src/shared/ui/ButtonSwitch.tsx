import { cx } from './cx'

export interface ButtonSwitchProps<V extends string> {
  /** The group's accessible name: "Display as". */
  label: string
  options: readonly { value: V; label: string }[]
  value: V
  onChange: (value: V) => void
}

/** A choice of a few views as an SLDS button group: the chosen one brand-coloured and pressed. */
export function ButtonSwitch<V extends string>({ label, options, value, onChange }: ButtonSwitchProps<V>) {
  return (
    <div className="slds-button-group" role="group" aria-label={label}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={cx('slds-button', value === o.value ? 'slds-button_brand' : 'slds-button_neutral')}
          aria-pressed={value === o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  )
}
