/** One step of a status / stage path. */
export interface PathStep {
  value: string
  label: string
}

/** A closed value (the last step shows it once reached): Converted / Unqualified, Closed Won / Closed Lost. */
export interface ClosedValue extends PathStep {
  outcome: 'won' | 'lost'
}

export type StepState = 'complete' | 'current' | 'incomplete' | 'won' | 'lost'

/** The last step ("Closed"): its label until the record is closed, then the closed value's label. */
export interface ClosedStep {
  label: string
  values: readonly ClosedValue[]
}

export const CLOSED_STEP = '__closed__'

/** A step as drawn: key (`CLOSED_STEP` for the last), label, state. */
export interface PathItem {
  key: string
  label: string
  state: StepState
}

/**
 * The steps of a path for the record's current value: steps before the current one are complete,
 * the current one is current, later ones incomplete. A closed record shows the closed value on the
 * last step (won: every open step complete; lost: the open steps stay grey).
 */
export function pathItems(steps: readonly PathStep[], closed: ClosedStep, current: string): PathItem[] {
  const closedValue = closed.values.find((v) => v.value === current)
  if (closedValue) {
    const openState: StepState = closedValue.outcome === 'won' ? 'complete' : 'incomplete'
    return [
      ...steps.map((s) => ({ key: s.value, label: s.label, state: openState })),
      { key: CLOSED_STEP, label: closedValue.label, state: closedValue.outcome },
    ]
  }
  const index = steps.findIndex((s) => s.value === current)
  return [
    ...steps.map((s, i) => ({
      key: s.value,
      label: s.label,
      state: (index < 0 ? 'incomplete' : i < index ? 'complete' : i === index ? 'current' : 'incomplete') as StepState,
    })),
    { key: CLOSED_STEP, label: closed.label, state: 'incomplete' as StepState },
  ]
}

/** What the path's button does for the selected step. */
export type PathAction =
  | { kind: 'complete'; target: string }
  | { kind: 'current'; target: string }
  | { kind: 'close' }
  | { kind: 'none' }

/**
 * Lightning's path button: on the current step "Mark … as Complete" (moves to the next step, or
 * asks for the closed value after the last open step); on another open step "Mark as Current …";
 * on the closed step "Select Closed …". Nothing for a closed record's own closed step.
 */
export function pathAction(steps: readonly PathStep[], closed: ClosedStep, current: string, selected: string): PathAction {
  const isClosed = closed.values.some((v) => v.value === current)
  if (selected === CLOSED_STEP) return { kind: 'close' }
  if (selected !== current || isClosed) return { kind: 'current', target: selected }
  const index = steps.findIndex((s) => s.value === current)
  const next = steps[index + 1]
  return next ? { kind: 'complete', target: next.value } : { kind: 'close' }
}
