import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { isConflict, conflictCurrent, conflictRows, type ConflictRow, type Versioned } from './conflict'
import type { FieldChanges, FieldDef, LookupLabels, VersionedChanges } from './fields'

/** A save that lost the race: what you started from, what is there now, what you wanted to change. */
export interface SaveConflict<R> {
  base: R
  current: R
  changes: FieldChanges
  labels: LookupLabels
  rows: ConflictRow[]
}

export interface VersionedSaveOptions<R extends Versioned> {
  /** The fields shown in the conflict dialog (usually all fields of the object). */
  fields: readonly FieldDef<R>[]
  /** Sends `changes + version` (PUT); resolves with the saved record (new version). */
  update: (body: VersionedChanges) => Promise<R>
  /** After a successful save (update caches, toast, leave edit mode). */
  onSaved: (saved: R) => void
  /** After "Reload" in the conflict dialog: show `current`, drop your edits. */
  onReloaded: (current: R) => void
  /** Fallback when a 409 carries no `current`: fetch the record again. */
  fetchLatest?: () => Promise<R>
}

export interface VersionedSave<R> {
  /** Sends `changes` on top of `base.version`. Resolves true when saved, false otherwise (see error / conflict). */
  save: (base: R, changes: FieldChanges, labels?: LookupLabels) => Promise<boolean>
  /** Set while the conflict dialog should be shown. */
  conflict: SaveConflict<R> | undefined
  /** "Apply my changes": re-sends your changes on top of the current version. */
  applyMine: () => Promise<boolean>
  /** "Reload": discards your changes and shows theirs. */
  reload: () => void
  /** The last failure that wasn't a conflict (400 field errors, 5xx...). */
  error: unknown
  pending: boolean
  /** Forget the last error. */
  reset: () => void
}

/**
 * Optimistic-concurrency saving with a conflict dialog: a 409 with the current record never loses
 * your edits silently; you choose between theirs (Reload) and yours (Apply my changes).
 */
export function useVersionedSave<R extends Versioned>(options: VersionedSaveOptions<R>): VersionedSave<R> {
  const optionsRef = useRef(options)
  useLayoutEffect(() => {
    optionsRef.current = options
  })
  const [conflict, setConflict] = useState<SaveConflict<R>>()
  const [error, setError] = useState<unknown>()
  const [pending, setPending] = useState(false)

  const save = useCallback(async (base: R, changes: FieldChanges, labels: LookupLabels = {}): Promise<boolean> => {
    const { update, onSaved, fetchLatest, fields } = optionsRef.current
    setPending(true)
    setError(undefined)
    try {
      const saved = await update({ ...changes, version: base.version })
      setConflict(undefined)
      onSaved(saved)
      return true
    } catch (e) {
      let current = conflictCurrent<R>(e)
      if (!current && isConflict(e) && fetchLatest) {
        try {
          const latest = await fetchLatest()
          if (latest.version !== base.version) current = latest
        } catch {
          // fall through: report the 409 itself
        }
      }
      if (current) {
        setConflict({ base, current, changes, labels, rows: conflictRows(fields, base, current, changes, labels) })
      } else {
        // Back to the form, which shows what went wrong (field errors, or a banner).
        setConflict(undefined)
        setError(e)
      }
      return false
    } finally {
      setPending(false)
    }
  }, [])

  const applyMine = useCallback(async () => {
    if (!conflict) return false
    return save(conflict.current, conflict.changes, conflict.labels)
  }, [conflict, save])

  const reload = useCallback(() => {
    if (!conflict) return
    setConflict(undefined)
    setError(undefined)
    optionsRef.current.onReloaded(conflict.current)
  }, [conflict])

  const reset = useCallback(() => setError(undefined), [])

  return { save, conflict, applyMine, reload, error, pending, reset }
}
