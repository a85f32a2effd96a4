import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { ButtonSvg, cx, Icon, useDropdown } from '../shared/ui'
import { NewActivityModal } from '../features/activities/NewActivityModal'
import type { ActivityType } from '../features/activities/types'
import { caseHref } from '../features/cases/api'
import { NewCaseModal } from '../features/cases/NewCaseModal'
import { NEW_ITEMS, type NewItem } from './navigation'

type Creating = { kind: 'activity'; type: ActivityType } | { kind: 'case' }

interface MenuEntry {
  label: string
  icon: NewItem['icon']
  run: () => void
}

/** The global header's "+" (Salesforce's Global Actions): New Event, New Task, New Case, and the New <object> pages. */
export function GlobalActions() {
  const { open, toggle, close, ref } = useDropdown<HTMLDivElement>()
  const listRef = useRef<HTMLUListElement>(null)
  const navigate = useNavigate()
  const [creating, setCreating] = useState<Creating>()

  useEffect(() => {
    if (open) listRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [open])

  const entries: MenuEntry[] = [
    { label: 'New Event', icon: 'standard:event', run: () => setCreating({ kind: 'activity', type: 'Event' }) },
    { label: 'New Task', icon: 'standard:task', run: () => setCreating({ kind: 'activity', type: 'Task' }) },
    { label: 'New Case', icon: 'standard:case', run: () => setCreating({ kind: 'case' }) },
    ...NEW_ITEMS.filter((item) => item.path !== '/cases/new').map((item) => ({ label: item.label, icon: item.icon, run: () => void navigate(item.path) })),
  ]

  function onMenuKeyDown(event: React.KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const nodes = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
    const index = nodes.indexOf(document.activeElement as HTMLElement)
    const next = event.key === 'ArrowDown' ? (index + 1) % nodes.length : (index - 1 + nodes.length) % nodes.length
    nodes[next]?.focus()
  }

  return (
    <>
      <div ref={ref} className={cx('slds-dropdown-trigger slds-dropdown-trigger_click', open && 'slds-is-open')}>
        <button
          type="button"
          className="slds-button slds-button_icon slds-button_icon-small slds-button_icon-container slds-global-actions__task slds-global-actions__item-action"
          title="Global Actions"
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={toggle}
        >
          <ButtonSvg name="add" className="slds-global-header__icon" />
          <span className="slds-assistive-text">Global Actions</span>
        </button>
        {open ? (
          <div className="slds-dropdown slds-dropdown_right slds-dropdown_small crm-global-actions">
            <ul className="slds-dropdown__list" role="menu" aria-label="Global Actions" ref={listRef} onKeyDown={onMenuKeyDown}>
              {entries.map((entry) => (
                <li key={entry.label} className="slds-dropdown__item" role="presentation">
                  <a
                    href="#"
                    role="menuitem"
                    tabIndex={0}
                    onClick={(e) => {
                      e.preventDefault()
                      close()
                      entry.run()
                    }}
                  >
                    <span className="slds-truncate" title={entry.label}>
                      <Icon icon={entry.icon} size="x-small" containerClassName="slds-m-right_x-small" />
                      {entry.label}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {creating?.kind === 'activity' ? <NewActivityModal type={creating.type} onClose={() => setCreating(undefined)} /> : null}
      {creating?.kind === 'case' ? (
        <NewCaseModal
          onClose={() => setCreating(undefined)}
          onCreated={(created) => {
            setCreating(undefined)
            void navigate(caseHref(created.id))
          }}
        />
      ) : null}
    </>
  )
}
