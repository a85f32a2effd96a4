import { cx } from './cx'

export interface SpinnerProps {
  size?: 'xx-small' | 'x-small' | 'small' | 'medium' | 'large'
  /** Screen reader text. */
  label?: string
  /** `inline`: sits in flow (e.g. inside a card); otherwise covers the nearest positioned parent. */
  inline?: boolean
  brand?: boolean
  className?: string
}

export function Spinner({ size = 'medium', label = 'Loading', inline = false, brand = true, className }: SpinnerProps) {
  const spinner = (
    <div role="status" className={cx('slds-spinner', `slds-spinner_${size}`, brand && 'slds-spinner_brand')}>
      <span className="slds-assistive-text">{label}</span>
      <div className="slds-spinner__dot-a" />
      <div className="slds-spinner__dot-b" />
    </div>
  )
  if (inline) {
    return <div className={cx('crm-spinner-inline', className)}>{spinner}</div>
  }
  return <div className={cx('slds-spinner_container', className)}>{spinner}</div>
}
