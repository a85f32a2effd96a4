/** API sort strings: `name` (ascending) or `-name` (descending). */
export interface SortState {
  field: string
  direction: 'asc' | 'desc'
}

export function parseSort(sort: string | null | undefined, fallback: SortState): SortState {
  if (!sort) return fallback
  return sort.startsWith('-') ? { field: sort.slice(1), direction: 'desc' } : { field: sort, direction: 'asc' }
}

export function formatSort(state: SortState): string {
  return state.direction === 'desc' ? `-${state.field}` : state.field
}

/** Clicking the sorted column flips it; another column sorts ascending. */
export function nextSort(current: SortState, field: string): SortState {
  if (current.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { field, direction: 'asc' }
}
