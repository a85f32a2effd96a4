/** The list views every object list offers, as Salesforce names them; `view` in the URL and the API. */
export type ListViewName = 'all' | 'my' | 'recent'

/** The view's name; the All view keeps the page's own title when it has one ("All Open Leads"). */
export function listViewTitle(view: ListViewName, objectLabel: string, allTitle?: string): string {
  if (view === 'my') return `My ${objectLabel}`
  if (view === 'recent') return 'Recently Viewed'
  return allTitle ?? `All ${objectLabel}`
}

export function parseListView(value: string | null | undefined): ListViewName {
  return value === 'my' || value === 'recent' ? value : 'all'
}
