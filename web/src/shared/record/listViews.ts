/** The list views every object list offers, as Salesforce names them; `view` in the URL and the API. */
export type ListViewName = 'all' | 'my' | 'recent'

export function listViewTitle(view: ListViewName, objectLabel: string): string {
  if (view === 'my') return `My ${objectLabel}`
  if (view === 'recent') return 'Recently Viewed'
  return `All ${objectLabel}`
}

export function parseListView(value: string | null | undefined): ListViewName {
  return value === 'my' || value === 'recent' ? value : 'all'
}
