import { useEffect, useId, useRef } from 'react'
import { Link } from 'react-router'
import type { CurrentUser } from '../shared/api/types'
import { AppLogo, cx, useDropdown } from '../shared/ui'
import { displayName, initials, isAdmin, useLogout } from '../features/auth/session'
import { GlobalSearch } from '../features/search/GlobalSearch'
import { GlobalActions } from './GlobalActions'

/** SLDS global header: logo, global search, Global Actions ("+": New Task, New Event...), user avatar menu. */
export function GlobalHeader({ user }: { user: CurrentUser }) {
  return (
    <div className="slds-global-header slds-grid slds-grid_align-spread">
      <div className="slds-global-header__item">
        <Link to="/" className="crm-global-header__home" title="Agency CRM Home">
          <AppLogo />
        </Link>
      </div>
      <div className="slds-global-header__item slds-global-header__item_search">
        <GlobalSearch />
      </div>
      <div className="slds-global-header__item">
        <ul className="slds-global-actions">
          <li className="slds-global-actions__item">
            <GlobalActions />
          </li>
          <li className="slds-global-actions__item">
            <UserMenu user={user} />
          </li>
        </ul>
      </div>
    </div>
  )
}

function UserMenu({ user }: { user: CurrentUser }) {
  const { open, toggle, close, ref } = useDropdown<HTMLDivElement>()
  const logout = useLogout()
  const panelId = useId()
  const logoutRef = useRef<HTMLButtonElement>(null)
  const name = displayName(user)

  useEffect(() => {
    if (open) logoutRef.current?.focus()
  }, [open])

  return (
    <div ref={ref} className={cx('slds-dropdown-trigger slds-dropdown-trigger_click', open && 'slds-is-open')}>
      <button
        type="button"
        className="slds-button slds-global-actions__avatar slds-global-actions__item-action"
        title={name}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        <Avatar user={user} size="small" />
        <span className="slds-assistive-text">View profile</span>
      </button>
      {open ? (
        <div
          id={panelId}
          role="dialog"
          aria-label="Profile"
          className="slds-dropdown slds-dropdown_right slds-nubbin_top-right crm-user-menu"
        >
          <div className="slds-media slds-media_center slds-p-around_small">
            <div className="slds-media__figure">
              <Avatar user={user} size="large" />
            </div>
            <div className="slds-media__body">
              <p className="slds-text-heading_small slds-truncate" title={name}>
                {name}
              </p>
              <p className="slds-text-body_small slds-text-color_weak slds-truncate" title={user.email}>
                {user.email}
              </p>
              <p className="slds-text-body_small slds-text-color_weak">{user.role}</p>
            </div>
          </div>
          <ul className="slds-border_top slds-p-vertical_x-small crm-user-menu__links">
            <li>
              <Link to="/settings/two-factor" className="slds-p-horizontal_small slds-p-vertical_xx-small" onClick={close}>
                Settings
              </Link>
            </li>
            {isAdmin(user) ? (
              <li>
                <Link to="/setup" className="slds-p-horizontal_small slds-p-vertical_xx-small" onClick={close}>
                  Setup
                </Link>
              </li>
            ) : null}
          </ul>
          <div className="slds-border_top slds-p-around_small slds-text-align_right">
            <button
              ref={logoutRef}
              type="button"
              className="slds-button slds-button_neutral"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
            >
              Log Out
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}

function Avatar({ user, size }: { user: CurrentUser; size: 'small' | 'medium' | 'large' }) {
  return (
    <span className={cx('slds-avatar slds-avatar_circle', `slds-avatar_${size}`)}>
      <abbr className="slds-avatar__initials slds-icon-standard-user" title={displayName(user)}>
        {initials(user)}
      </abbr>
    </span>
  )
}
