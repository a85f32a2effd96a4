import { useId, useState } from 'react'
import { ButtonSvg, cx, spriteHref } from '../ui'
import { CLOSED_STEP, pathAction, pathItems, type ClosedStep, type PathStep } from './path'

export interface RecordPathProps {
  /** "Status" / "Stage": the field the path edits (button labels and the stage name). */
  fieldLabel: string
  steps: readonly PathStep[]
  closed: ClosedStep
  current: string
  /** Saves the field (with the record's version); the path shows a spinner meanwhile. */
  onMark: (value: string) => void
  /** The closed step's button: opens the "choose a closed value" modal (or lead conversion). */
  onClose: () => void
  /** No button (a converted lead). */
  readOnly?: boolean
  busy?: boolean
}

/**
 * SLDS Path (`slds-path`) for a status / stage picklist, as on Lightning record pages: click a step
 * to select it, then "Mark as Current Status" saves it; on the current step the button marks it
 * complete (next step); the last step ("Converted", "Closed") asks which closed value applies.
 */
export function RecordPath({ fieldLabel, steps, closed, current, onMark, onClose, readOnly = false, busy = false }: RecordPathProps) {
  const items = pathItems(steps, closed, current)
  const isClosed = closed.values.some((v) => v.value === current)
  const currentKey = isClosed ? CLOSED_STEP : current
  const [selected, setSelected] = useState(currentKey)
  // A new current value (saved here or elsewhere) selects it again.
  const [lastCurrent, setLastCurrent] = useState(currentKey)
  if (lastCurrent !== currentKey) {
    setLastCurrent(currentKey)
    setSelected(currentKey)
  }
  const labelId = useId()
  const action = pathAction(steps, closed, current, selected)
  const lower = fieldLabel.toLowerCase()
  const buttonLabel =
    action.kind === 'complete'
      ? `Mark ${fieldLabel} as Complete`
      : action.kind === 'current'
        ? `Mark as Current ${fieldLabel}`
        : `Select Closed ${fieldLabel}`
  const showButton = !readOnly && !(isClosed && selected === CLOSED_STEP)

  function run() {
    if (action.kind === 'complete' || action.kind === 'current') onMark(action.target)
    else if (action.kind === 'close') onClose()
  }

  return (
    <div className={cx('slds-path', busy && 'crm-path_busy')}>
      <div className="slds-grid slds-path__track">
        <div className="slds-grid slds-path__scroller-container">
          <div className="slds-path__scroller">
            <div className="slds-path__scroller_inner">
              <span id={labelId} className="slds-assistive-text">
                {fieldLabel} path
              </span>
              <ul className="slds-path__nav" role="listbox" aria-orientation="horizontal" aria-labelledby={labelId}>
                {items.map((item) => {
                  const isSelected = item.key === selected
                  return (
                    <li
                      key={item.key}
                      role="presentation"
                      className={cx(
                        'slds-path__item',
                        item.state === 'complete' && 'slds-is-complete',
                        item.state === 'current' && 'slds-is-current',
                        item.state === 'incomplete' && 'slds-is-incomplete',
                        item.state === 'won' && 'slds-is-complete slds-is-won',
                        item.state === 'lost' && 'slds-is-current slds-is-lost',
                        isSelected && 'slds-is-active',
                      )}
                    >
                      <a
                        href="#"
                        role="option"
                        className="slds-path__link"
                        aria-selected={isSelected}
                        tabIndex={isSelected ? 0 : -1}
                        title={item.label}
                        onClick={(e) => {
                          e.preventDefault()
                          if (!readOnly) setSelected(item.key)
                        }}
                        onKeyDown={(e) => {
                          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
                          e.preventDefault()
                          const index = items.findIndex((i) => i.key === selected)
                          const next = items[(index + (e.key === 'ArrowRight' ? 1 : items.length - 1)) % items.length]
                          if (next && !readOnly) setSelected(next.key)
                          const list = e.currentTarget.closest('ul')
                          window.setTimeout(() => list?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus(), 0)
                        }}
                      >
                        <span className="slds-path__stage">
                          <svg className="slds-icon slds-icon_x-small" aria-hidden="true" focusable="false">
                            <use href={spriteHref('utility', 'check')} />
                          </svg>
                          <span className="slds-assistive-text">
                            {item.state === 'complete' || item.state === 'won' ? `${fieldLabel} Complete` : item.state === 'current' ? `Current ${lower}:` : ''}
                          </span>
                        </span>
                        <span className="slds-path__title">{item.label}</span>
                      </a>
                    </li>
                  )
                })}
              </ul>
            </div>
          </div>
        </div>
        {showButton ? (
          <div className="slds-grid slds-path__action">
            <button type="button" className="slds-button slds-button_brand slds-path__mark-complete" onClick={run} disabled={busy}>
              {action.kind === 'complete' ? <ButtonSvg name="check" position="left" /> : null}
              {buttonLabel}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  )
}
