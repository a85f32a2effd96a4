import type { ReactNode } from 'react'
import { ActionMenu, type ActionMenuItem } from './ActionMenu'
import { cx } from './cx'
import { spriteHref } from './sprite'
import type { SortState } from './sort'
import { Spinner } from './Spinner'

export interface Column<T> {
  key: string
  label: string
  render: (row: T) => ReactNode
  /** API sort field; the column is sortable when set. */
  sortField?: string
  /** Plain text for the cell's title tooltip (truncated cells). */
  title?: (row: T) => string | undefined
  width?: string
  /** The column that names the row (rendered as a row header). */
  primary?: boolean
}

export interface DataTableProps<T> {
  /** Read by screen readers as the table's caption. */
  label: string
  columns: readonly Column<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string
  sort?: SortState
  onSort?: (field: string) => void
  loading?: boolean
  /** Shown instead of the body when there are no rows. */
  empty?: ReactNode
  rowActions?: (row: T) => readonly ActionMenuItem[]
  /** Accessible name of a row's action button. */
  rowActionsLabel?: (row: T) => string
  /** Number shown in the first column is offset by this (paging). */
  rowNumberOffset?: number
  /** Extra class of a row (e.g. greyed-out inactive records). */
  rowClassName?: (row: T) => string | undefined
}

/** SLDS data table (`slds-table`) styled like a Lightning list view: row numbers, sortable headers, row actions. */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  loading = false,
  empty,
  rowActions,
  rowActionsLabel,
  rowNumberOffset = 0,
  rowClassName,
}: DataTableProps<T>) {
  return (
    <div className="crm-datatable slds-is-relative">
      {loading ? <Spinner size="small" label="Loading records" /> : null}
      <table
        className="slds-table slds-table_cell-buffer slds-table_bordered slds-table_fixed-layout slds-table_col-bordered"
        aria-label={label}
        aria-busy={loading || undefined}
      >
        <thead>
          <tr className="slds-line-height_reset">
            <th scope="col" className="crm-datatable__rownum" style={{ width: '3.25rem' }}>
              <span className="slds-assistive-text">Row number</span>
            </th>
            {columns.map((column) => (
              <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />
            ))}
            {rowActions ? (
              <th scope="col" style={{ width: '3.25rem' }}>
                <span className="slds-assistive-text">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row)} className={cx('slds-hint-parent', rowClassName?.(row))}>
              <td className="slds-text-align_right crm-datatable__rownum">
                <span className="slds-text-body_small slds-text-color_weak">{rowNumberOffset + index + 1}</span>
              </td>
              {columns.map((column) => {
                const content = <div className="slds-truncate" title={column.title?.(row)}>{column.render(row)}</div>
                return column.primary ? (
                  <th key={column.key} scope="row" data-label={column.label}>
                    {content}
                  </th>
                ) : (
                  <td key={column.key} data-label={column.label}>
                    {content}
                  </td>
                )
              })}
              {rowActions ? (
                <td>
                  <ActionMenu label={rowActionsLabel?.(row) ?? 'Show actions'} items={rowActions(row)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && rows.length === 0 && empty ? <div className="crm-datatable__empty">{empty}</div> : null}
    </div>
  )
}

function HeaderCell<T>({ column, sort, onSort }: { column: Column<T>; sort?: SortState; onSort?: (field: string) => void }) {
  const sortable = Boolean(column.sortField && onSort)
  const sorted = sortable && sort?.field === column.sortField
  const direction = sorted ? sort!.direction : undefined
  if (!sortable) {
    return (
      <th scope="col" style={column.width ? { width: column.width } : undefined}>
        <div className="slds-truncate" title={column.label}>
          {column.label}
        </div>
      </th>
    )
  }
  return (
    <th
      scope="col"
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
      className={cx(
        'slds-is-sortable',
        sorted && 'slds-is-sorted',
        direction === 'asc' && 'slds-is-sorted_asc',
        direction === 'desc' && 'slds-is-sorted_desc',
      )}
      style={column.width ? { width: column.width } : undefined}
    >
      <button type="button" className="slds-th__action slds-text-link_reset crm-th-button" onClick={() => onSort!(column.sortField!)}>
        <span className="slds-assistive-text">Sort by: </span>
        <div className="slds-grid slds-grid_vertical-align-center slds-has-flexi-truncate">
          <span className="slds-truncate" title={column.label}>
            {column.label}
          </span>
          <span className="slds-icon_container slds-icon-utility-arrowdown">
            <svg className="slds-icon slds-icon-text-default slds-is-sortable__icon" aria-hidden="true" focusable="false">
              {/* SLDS turns the arrow up for ascending (slds-is-sorted_asc). */}
              <use href={spriteHref('utility', 'arrowdown')} />
            </svg>
          </span>
        </div>
      </button>
    </th>
  )
}
