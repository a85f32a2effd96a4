import { Link, useLocation } from 'react-router'
import { cx } from '../shared/ui'
import { NAV_ITEMS } from './navigation'

/** SLDS context bar: the "Sales" app name and the object tabs. */
export function ContextBar({ isAdmin }: { isAdmin: boolean }) {
  const items = NAV_ITEMS.filter((item) => !item.adminOnly || isAdmin)
  const { pathname } = useLocation()
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`)
  const isActive = (path: string) => (path === '/' ? pathname === '/' : under(path) || Boolean(items.find((i) => i.path === path)?.alsoActiveFor?.some(under)))
  return (
    <div className="slds-context-bar crm-context-bar">
      <div className="slds-context-bar__primary">
        <div className="slds-context-bar__item slds-context-bar__dropdown-trigger slds-dropdown-trigger slds-dropdown-trigger_hover slds-no-hover">
          <div className="slds-context-bar__icon-action">
            <span className="slds-icon-waffle_container slds-context-bar__button" aria-hidden="true">
              <span className="slds-icon-waffle">
                <span className="slds-r1" />
                <span className="slds-r2" />
                <span className="slds-r3" />
                <span className="slds-r4" />
                <span className="slds-r5" />
                <span className="slds-r6" />
                <span className="slds-r7" />
                <span className="slds-r8" />
                <span className="slds-r9" />
              </span>
            </span>
          </div>
          <span className="slds-context-bar__label-action slds-context-bar__app-name">
            <span className="slds-truncate" title="Sales">
              Sales
            </span>
          </span>
        </div>
      </div>
      <nav className="slds-context-bar__secondary" aria-label="Sales navigation">
        <ul className="slds-grid">
          {items.map((item) => {
            const active = isActive(item.path)
            return (
              <li key={item.path} className={cx('slds-context-bar__item', active && 'slds-is-active')}>
                <Link to={item.path} className="slds-context-bar__label-action" aria-current={active ? 'page' : undefined}>
                  <span className="slds-truncate" title={item.label}>
                    {item.label}
                  </span>
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>
    </div>
  )
}
