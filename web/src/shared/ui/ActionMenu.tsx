import { useEffect, useRef } from 'react'
import { cx } from './cx'
import { ButtonSvg } from './Icon'
import { useDropdown } from './useDropdown'

export interface ActionMenuItem {
  label: string
  onSelect: () => void
  disabled?: boolean
}

export interface ActionMenuProps {
  /** Accessible name of the trigger button, e.g. "Show actions for Ada Lovelace". */
  label: string
  items: readonly ActionMenuItem[]
  align?: 'left' | 'right'
  className?: string
}

/** Small down-arrow button with an SLDS dropdown menu: list-view row actions. */
export function ActionMenu({ label, items, align = 'right', className }: ActionMenuProps) {
  const { open, toggle, close, ref } = useDropdown<HTMLDivElement>()
  const listRef = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (open) listRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [open])

  function onMenuKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const nodes = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
    const index = nodes.indexOf(document.activeElement as HTMLElement)
    const next = event.key === 'ArrowDown' ? (index + 1) % nodes.length : (index - 1 + nodes.length) % nodes.length
    nodes[next]?.focus()
  }

  return (
    <div ref={ref} className={cx('slds-dropdown-trigger slds-dropdown-trigger_click', open && 'slds-is-open', className)}>
      <button
        type="button"
        className="slds-button slds-button_icon slds-button_icon-border-filled slds-button_icon-x-small"
        aria-haspopup="menu"
        aria-expanded={open}
        title={label}
        onClick={toggle}
      >
        <ButtonSvg name="down" />
        <span className="slds-assistive-text">{label}</span>
      </button>
      {open ? (
        <div className={cx('slds-dropdown slds-dropdown_actions', align === 'right' ? 'slds-dropdown_right' : 'slds-dropdown_left')}>
          <ul className="slds-dropdown__list" role="menu" aria-label={label} ref={listRef} onKeyDown={onMenuKeyDown}>
            {items.map((item) => (
              <li key={item.label} className="slds-dropdown__item" role="presentation">
                <a
                  href="#"
                  role="menuitem"
                  tabIndex={0}
                  aria-disabled={item.disabled || undefined}
                  onClick={(e) => {
                    e.preventDefault()
                    if (item.disabled) return
                    close()
                    item.onSelect()
                  }}
                >
                  <span className="slds-truncate" title={item.label}>
                    {item.label}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
