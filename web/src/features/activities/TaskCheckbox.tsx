import { useId } from 'react'
import { cx } from '../../shared/ui'
import type { Activity } from './types'

export interface TaskCheckboxProps {
  task: Activity
  /** Being saved: shows checked and waits. */
  pending?: boolean
  onComplete: (task: Activity) => void
  className?: string
}

/** The "mark complete" checkbox of a task (timeline, My Tasks, agenda); a completed task stays checked. */
export function TaskCheckbox({ task, pending = false, onComplete, className }: TaskCheckboxProps) {
  const id = useId()
  const done = task.status === 'Completed'
  return (
    <div className={cx('slds-checkbox crm-task-checkbox', className)}>
      <input
        type="checkbox"
        id={id}
        checked={done || pending}
        disabled={done || pending}
        onChange={(e) => {
          if (e.target.checked) onComplete(task)
        }}
      />
      <label className="slds-checkbox__label" htmlFor={id} title={done ? 'Completed' : 'Mark complete'}>
        <span className="slds-checkbox_faux" />
        <span className="slds-form-element__label slds-assistive-text">{done ? `${task.subject} is complete` : `Mark ${task.subject} complete`}</span>
      </label>
    </div>
  )
}
