import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { isApiError, type ListQuery, type ListResponse } from '../api'
import { FilterPills, type ActiveFilter } from './FilterPills'
import { ListViewPicker } from './ListViewPicker'
import { listViewTitle, parseListView } from './listViews'
import { useUrlFilter } from './useUrlFilter'
import { DataTable, formatSort, type ActionMenuItem, Icon, Illustration, nextSort, PageHeader, Pager, useDebounced, type Column, type IconProps, type SortState } from '../ui'

export interface ListColumn<T> extends Omit<Column<T>, 'render'> {
  /** Cell content; default: `text(row)`. */
  render?: (row: T) => ReactNode
  /** Plain text of the cell (also its tooltip). */
  text?: (row: T) => string | null | undefined
  /** Makes the cell a link (the record page): `(row) => `/accounts/${row.id}``. */
  href?: (row: T) => string
}

export interface ListViewProps<T> {
  /** Plural object label: "Accounts" (small text above the title, table caption). */
  objectLabel: string
  /** `standard:account`. */
  icon: IconProps['icon']
  /** List view name: "All Accounts". */
  title: string
  columns: readonly ListColumn<T>[]
  rowKey: (row: T) => string
  /** Cache key prefix of this object's lists, e.g. `['accounts', 'list']`; the query is appended. */
  queryKey: readonly unknown[]
  /** Loads one page: `GET /<objects>?q=&sort=&page=&page_size=`. */
  fetchPage: (query: ListQuery, signal: AbortSignal) => Promise<ListResponse<T>>
  defaultSort: SortState
  /** Shows the "New" button in the header. */
  onNew?: () => void
  /** Placeholder of the search box: "Search this list...". */
  searchPlaceholder?: string
  pageSize?: number
  /** Extra query parameters (filters such as `status`, `owner_id`); a change starts from page 1. */
  filters?: Record<string, string | undefined>
  /** Filter controls shown next to the search box. */
  filterControls?: ReactNode
  /** Filters shown as pills under the header, each with a clear button (e.g. those a report's link set). */
  activeFilters?: readonly ActiveFilter[]
  /** More header buttons, before "New" (e.g. a List / Kanban switch). */
  headerActions?: ReactNode
  /** Label of the New button (default "New"). */
  newLabel?: string
  rowActions?: (row: T) => readonly ActionMenuItem[]
  rowActionsLabel?: (row: T) => string
  rowClassName?: (row: T) => string | undefined
  /** Offers the All / My / Recently Viewed list views (`?view=` in the URL); the title is then the view's name. */
  listViews?: boolean
  /** The list's CSV export, e.g. `/api/v1/accounts/export.csv`: an Export button downloads the current view. */
  exportPath?: string
}

const numberFormat = new Intl.NumberFormat('en-US')

/**
 * A Lightning list view: header (icon, object label, list name, "N items • Sorted by X", New), a
 * search box (debounced, `q`), sortable columns (`sort`, `-` for descending), pages of 50 with
 * "Showing 1–50 of N" and Previous / Next, plus loading, empty and error states.
 */
export function ListView<T>({
  objectLabel,
  icon,
  title,
  columns,
  rowKey,
  queryKey,
  fetchPage,
  defaultSort,
  onNew,
  searchPlaceholder = 'Search this list...',
  pageSize = 50,
  filters,
  filterControls,
  activeFilters = [],
  headerActions,
  newLabel = 'New',
  rowActions,
  rowActionsLabel,
  rowClassName,
  listViews = false,
  exportPath,
}: ListViewProps<T>) {
  const [viewParam, setViewParam] = useUrlFilter('view')
  const view = listViews ? parseListView(viewParam) : 'all'
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [sort, setSort] = useState<SortState>(defaultSort)
  // Recently Viewed lists the newest view first until a column header is clicked.
  const [sortChosen, setSortChosen] = useState(false)
  const byLastViewed = view === 'recent' && !sortChosen
  const [page, setPage] = useState(1)

  // A new search starts from the first page.
  const viewFilters = { ...filters, view: view === 'all' ? undefined : view }
  const filterKey = JSON.stringify(viewFilters)
  const [lastQ, setLastQ] = useState(q)
  const [lastFilters, setLastFilters] = useState(filterKey)
  if (q !== lastQ || filterKey !== lastFilters) {
    setLastQ(q)
    setLastFilters(filterKey)
    setPage(1)
  }

  const query: ListQuery = { ...viewFilters, q: q || undefined, sort: byLastViewed ? undefined : formatSort(sort), page, page_size: pageSize }
  const exportHref = exportPath ? `${exportPath}${exportQuery(query)}` : undefined
  const list = useQuery({
    queryKey: [...queryKey, query],
    queryFn: ({ signal }) => fetchPage(query, signal),
    placeholderData: keepPreviousData,
  })

  const data = list.data
  const total = data?.total ?? 0
  const size = data?.page_size || pageSize
  const pageCount = Math.max(1, Math.ceil(total / size))
  const first = total === 0 ? 0 : (page - 1) * size + 1
  const last = Math.min(total, page * size)
  const sortLabel = byLastViewed ? 'Last Viewed' : (columns.find((c) => c.sortField === sort.field)?.label ?? sort.field)
  const meta = data
    ? `${numberFormat.format(total)} ${total === 1 ? 'item' : 'items'} • Sorted by ${sortLabel}${q ? ` • Filtered by "${q}"` : ''}`
    : list.isPending
      ? 'Loading…'
      : undefined

  const tableColumns: Column<T>[] = columns.map((column) => ({
    ...column,
    title: column.title ?? (column.text ? (row: T) => column.text?.(row) ?? undefined : undefined),
    render: (row: T) => {
      const content = column.render ? column.render(row) : (column.text?.(row) ?? '')
      return column.href ? <Link to={column.href(row)}>{content}</Link> : content
    },
  }))

  return (
    <div className="crm-page crm-list-view">
      <PageHeader
        icon={icon}
        label={objectLabel}
        title={listViews ? <ListViewPicker objectLabel={objectLabel} allTitle={title} view={view} onChange={(v) => setViewParam(v === 'all' ? '' : v)} /> : title}
        actions={
          onNew || headerActions || exportHref ? (
            <div className="slds-grid slds-grid_vertical-align-center crm-list-actions">
              {headerActions}
              {exportHref ? (
                <a className="slds-button slds-button_neutral" href={exportHref} download>
                  Export
                </a>
              ) : null}
              {onNew ? (
                <button type="button" className="slds-button slds-button_neutral" onClick={onNew}>
                  {newLabel}
                </button>
              ) : null}
            </div>
          ) : undefined
        }
        meta={meta}
        controls={
          <div className="slds-page-header__control slds-grid slds-grid_vertical-align-end crm-list-controls">
            {filterControls}
            <div className="slds-form-element">
              <div className="slds-form-element__control slds-input-has-icon slds-input-has-icon_left">
                <Icon icon="utility:search" size="x-small" variant="default" containerClassName="slds-input__icon slds-input__icon_left" />
                <input
                  type="search"
                  className="slds-input crm-list-search"
                  placeholder={searchPlaceholder}
                  aria-label="Search this list"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                />
              </div>
            </div>
          </div>
        }
      />
      <FilterPills filters={activeFilters} />
      <div className="crm-list-view__body">
        {list.isError && !data ? (
          <div className="slds-p-around_large">
            <Illustration
              name="page-not-available"
              size="small"
              heading={`${objectLabel} couldn't be loaded`}
              message={isApiError(list.error) ? list.error.displayMessage : 'Try again in a moment.'}
            >
              <button type="button" className="slds-button slds-button_neutral" onClick={() => void list.refetch()}>
                Try Again
              </button>
            </Illustration>
          </div>
        ) : (
          <DataTable
            label={objectLabel}
            columns={tableColumns}
            rows={data?.items ?? []}
            rowKey={rowKey}
            sort={byLastViewed ? { field: '', direction: 'desc' } : sort}
            onSort={(field) => {
              setSortChosen(true)
              setSort((s) => (byLastViewed ? { field, direction: 'asc' } : nextSort(s, field)))
              setPage(1)
            }}
            loading={list.isFetching}
            rowNumberOffset={(page - 1) * size}
            rowActions={rowActions}
            rowActionsLabel={rowActionsLabel}
            rowClassName={rowClassName}
            empty={
              <Illustration
                name="desert"
                size="small"
                heading={q ? `No matching ${objectLabel.toLowerCase()}` : view === 'recent' ? 'Nothing viewed recently' : `No ${objectLabel.toLowerCase()} yet`}
                message={
                  q
                    ? `Nothing matches "${q}". Try another search.`
                    : view !== 'all'
                      ? `${listViewTitle(view, objectLabel, title)} is empty.`
                      : onNew
                        ? 'Create the first one with New.'
                        : undefined
                }
              />
            }
          />
        )}
        {data && total > 0 ? (
          <Pager
            page={page}
            pageCount={pageCount}
            onPage={setPage}
            summaryRole="status"
            summary={`Showing ${numberFormat.format(first)}–${numberFormat.format(last)} of ${numberFormat.format(total)}`}
          />
        ) : null}
      </div>
    </div>
  )
}

/** The list's query string for its export: the same view, search, filters and sort, without the page. */
function exportQuery(query: ListQuery): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'page' && key !== 'page_size' && value !== undefined && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
