import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type ReactNode } from 'react'
import { isApiError } from '../../shared/api'
import { allFields, ConflictDialog, isConflict, useVersionedSave } from '../../shared/record'
import { useToast } from '../../shared/ui'
import { activitiesApi, activityKeys, toUpdateRequest } from './api'
import { taskSections } from './fields'
import type { Activity } from './types'

export interface CompleteTask {
  /** PUT `{status: "Completed", version}`; a 409 opens the conflict dialog (`dialog`). */
  complete: (task: Activity) => Promise<boolean>
  /** The task being saved (its checkbox shows checked and waits). */
  pendingId: string | undefined
  /** The conflict dialog when completing lost a race; render it somewhere. */
  dialog: ReactNode
}

const CONFLICT_FIELDS = allFields(taskSections({ id: '', name: '' }))

/**
 * Completing a task from a list or a timeline: one versioned PUT. When someone changed the task
 * meanwhile, the kit's conflict dialog explains what changed and offers Reload or "Apply my changes".
 */
export function useCompleteTask(): CompleteTask {
  const queryClient = useQueryClient()
  const toast = useToast()
  const target = useRef<Activity | undefined>(undefined)
  const [pendingId, setPendingId] = useState<string>()

  const apply = (task: Activity) => {
    queryClient.setQueryData(activityKeys.detail(task.id), task)
    void queryClient.invalidateQueries({ queryKey: activityKeys.all })
  }

  const versioned = useVersionedSave<Activity>({
    fields: CONFLICT_FIELDS,
    update: async (body) => {
      const task = target.current
      if (!task) throw new Error('No task to complete.')
      try {
        return await activitiesApi.update(task.id, toUpdateRequest(body))
      } catch (e) {
        if (!isConflict(e)) toast.error(`"${task.subject}" couldn't be completed.`, isApiError(e) ? e.displayMessage : 'Try again in a moment.')
        throw e
      }
    },
    fetchLatest: () => activitiesApi.get(target.current?.id ?? ''),
    onSaved: (saved) => {
      apply(saved)
      toast.success(saved.status === 'Completed' ? `Task "${saved.subject}" was completed.` : `Task "${saved.subject}" was saved.`)
    },
    onReloaded: (current) => {
      apply(current)
      toast.show({ variant: 'info', title: 'Showing the latest version of the task.', message: 'It was not marked complete.' })
    },
  })

  async function complete(task: Activity): Promise<boolean> {
    target.current = task
    setPendingId(task.id)
    try {
      return await versioned.save(task, { status: 'Completed' })
    } finally {
      setPendingId(undefined)
    }
  }

  const dialog = versioned.conflict ? (
    <ConflictDialog conflict={versioned.conflict} busy={versioned.pending} onReload={versioned.reload} onApply={() => void versioned.applyMine()} />
  ) : null

  return { complete, pendingId, dialog }
}
