import { cx } from './cx'
import { spriteHref, type IconCategory } from './sprite'

export type IconSize = 'xx-small' | 'x-small' | 'small' | 'medium' | 'large'

export interface IconProps {
  /** `standard:user`, `utility:down`... */
  icon: `${IconCategory}:${string}`
  size?: IconSize
  /** Read by screen readers; leave empty for decorative icons. */
  assistiveText?: string
  title?: string
  /** For utility icons: `default` (grey text colour), `light`, `warning`, `error`, `success`, or inherit. */
  variant?: 'default' | 'light' | 'warning' | 'error' | 'success' | 'inverse'
  className?: string
  containerClassName?: string
}

/** An SLDS icon from the sprites served under /assets/icons (see build/slds-icons.ts). */
export function Icon({
  icon,
  size,
  assistiveText,
  title,
  variant,
  className,
  containerClassName,
}: IconProps) {
  const [category, name] = icon.split(':') as [IconCategory, string]
  const isUtility = category === 'utility'
  const background = isUtility ? undefined : `slds-icon-${category}-${name.replace(/_/g, '-')}`
  return (
    <span
      className={cx('slds-icon_container', isUtility && `slds-icon-utility-${name}`, background, containerClassName)}
      title={title}
    >
      <svg
        className={cx(
          'slds-icon',
          size && `slds-icon_${size}`,
          isUtility && variant && variant !== 'inverse' && `slds-icon-text-${variant}`,
          className,
        )}
        aria-hidden="true"
        focusable="false"
      >
        <use href={spriteHref(category, name)} />
      </svg>
      {assistiveText ? <span className="slds-assistive-text">{assistiveText}</span> : null}
    </span>
  )
}

/** The svg element SLDS buttons expect inside `.slds-button` (no container span). */
export function ButtonSvg({
  name,
  position,
  className,
}: {
  name: string
  position?: 'left' | 'right'
  className?: string
}) {
  return (
    <svg
      className={cx(position ? `slds-button__icon slds-button__icon_${position}` : 'slds-button__icon', className)}
      aria-hidden="true"
      focusable="false"
    >
      <use href={spriteHref('utility', name)} />
    </svg>
  )
}
