import type { ReactNode } from 'react'
import { cx } from './cx'
import { Icon, type IconProps } from './Icon'

export interface PageHeaderProps {
  /** `standard:user`... */
  icon?: IconProps['icon']
  /** Small label above the title (the object name in list views). */
  label?: ReactNode
  title: ReactNode
  /** Buttons on the right of the title row. */
  actions?: ReactNode
  /** Meta text under the title ("12 items • Sorted by Name"). */
  meta?: ReactNode
  /** Controls on the right of the meta row (search box, list controls). */
  controls?: ReactNode
  variant?: 'object-home' | 'record-home' | 'base'
  className?: string
}

/** SLDS page header (`slds-page-header`), object-home variant by default. */
export function PageHeader({ icon, label, title, actions, meta, controls, variant = 'object-home', className }: PageHeaderProps) {
  return (
    <div className={cx('slds-page-header', variant !== 'base' && `slds-page-header_${variant}`, className)}>
      <div className="slds-page-header__row">
        <div className="slds-page-header__col-title">
          <div className="slds-media">
            {icon ? (
              <div className="slds-media__figure">
                <Icon icon={icon} containerClassName="slds-page-header__icon" />
              </div>
            ) : null}
            <div className="slds-media__body">
              <div className="slds-page-header__name">
                <div className="slds-page-header__name-title">
                  <h1>
                    {label ? <span className="slds-page-header__name-meta">{label}</span> : null}
                    <span className="slds-page-header__title slds-truncate">{title}</span>
                  </h1>
                </div>
              </div>
            </div>
          </div>
        </div>
        {actions ? (
          <div className="slds-page-header__col-actions">
            <div className="slds-page-header__controls">
              <div className="slds-page-header__control">{actions}</div>
            </div>
          </div>
        ) : null}
      </div>
      {meta || controls ? (
        <div className="slds-page-header__row">
          <div className="slds-page-header__col-meta">
            {meta ? <p className="slds-page-header__meta-text slds-text-body_small">{meta}</p> : null}
          </div>
          {controls ? (
            <div className="slds-page-header__col-controls">
              <div className="slds-page-header__controls">{controls}</div>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
