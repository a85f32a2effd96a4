import { useId, type ReactNode } from 'react'
import { cx } from './cx'
import { Icon, type IconProps } from './Icon'

export interface CardProps {
  title: ReactNode
  icon?: IconProps['icon']
  actions?: ReactNode
  footer?: ReactNode
  children: ReactNode
  className?: string
  bodyClassName?: string
}

/** SLDS card (`slds-card`) as used for related lists and home page components. */
export function Card({ title, icon, actions, footer, children, className, bodyClassName }: CardProps) {
  const headingId = useId()
  return (
    <article className={cx('slds-card', className)} aria-labelledby={headingId}>
      <div className="slds-card__header slds-grid">
        <header className="slds-media slds-media_center slds-has-flexi-truncate">
          {icon ? (
            <div className="slds-media__figure">
              <Icon icon={icon} size="small" />
            </div>
          ) : null}
          <div className="slds-media__body">
            <h2 className="slds-card__header-title" id={headingId}>
              <span className="slds-truncate">{title}</span>
            </h2>
          </div>
          {actions ? <div className="slds-no-flex">{actions}</div> : null}
        </header>
      </div>
      <div className={cx('slds-card__body', bodyClassName ?? 'slds-card__body_inner')}>{children}</div>
      {footer ? <footer className="slds-card__footer">{footer}</footer> : null}
    </article>
  )
}
