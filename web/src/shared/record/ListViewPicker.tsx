import { ButtonSvg, cx, useDropdown } from '../ui'
import { listViewTitle, type ListViewName } from './listViews'

/** The list view name as a dropdown ("All Accounts ▾"): picking another reloads the list in that view. */
export function ListViewPicker({
  objectLabel,
  allTitle,
  view,
  onChange,
}: {
  objectLabel: string
  allTitle?: string
  view: ListViewName
  onChange: (view: ListViewName) => void
}) {
  const { open, toggle, close, ref } = useDropdown<HTMLSpanElement>()
  const views: ListViewName[] = ['recent', 'all', 'my']
  return (
    <span ref={ref} className={cx('slds-dropdown-trigger slds-dropdown-trigger_click crm-list-view-picker', open && 'slds-is-open')}>
      <button type="button" className="slds-button slds-button_reset slds-type-focus" aria-haspopup="menu" aria-expanded={open} title="Select a List View" onClick={toggle}>
        <span className="slds-truncate">{listViewTitle(view, objectLabel, allTitle)}</span>
        <ButtonSvg name="down" position="right" />
      </button>
      {open ? (
        <div className="slds-dropdown slds-dropdown_left">
          <ul className="slds-dropdown__list" role="menu" aria-label="List Views">
            {views.map((v) => (
              <li key={v} className={cx('slds-dropdown__item', v === view && 'slds-is-selected')} role="presentation">
                <a
                  href="#"
                  role="menuitemcheckbox"
                  aria-checked={v === view}
                  tabIndex={0}
                  onClick={(e) => {
                    e.preventDefault()
                    close()
                    onChange(v)
                  }}
                >
                  <span className="slds-truncate">{listViewTitle(v, objectLabel, allTitle)}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </span>
  )
}
