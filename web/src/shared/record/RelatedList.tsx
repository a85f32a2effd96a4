import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Card, type IconProps } from '../ui'

export interface RelatedColumn<T> {
  key: string
  label: string
  render: (row: T) => ReactNode
  /** Tooltip text of truncated cells. */
  text?: (row: T) => string | undefined
}

export interface RelatedListProps<T> {
  /** "Contacts" (the count is added: "Contacts (3)"). */
  title: string
  icon: IconProps['icon']
  rows: readonly T[]
  rowKey: (row: T) => string
  columns: readonly RelatedColumn<T>[]
  /** Rows shown before "View All" (Lightning shows 6). */
  max?: number
  /** The "New" button; `newDisabledReason` disables it and becomes its tooltip. */
  onNew?: () => void
  newDisabledReason?: string
  /** Where "View All" goes (the object's list filtered to this record). */
  viewAllHref?: string
  /** Label of the New button ("Add Products"); default "New". */
  newLabel?: string
  /** Shown under the table (e.g. a total). */
  summary?: ReactNode
}

/** A related list card: title with count, a few rows in a compact table, "New", and "View All". */
export function RelatedList<T>({ title, icon, rows, rowKey, columns, max = 6, onNew, newDisabledReason, viewAllHref, newLabel, summary }: RelatedListProps<T>) {
  const shown = rows.slice(0, max)
  const count = rows.length > max ? `${max}+` : String(rows.length)
  return (
    <Card
      title={`${title} (${count})`}
      icon={icon}
      className="slds-card_boundary crm-related-list"
      bodyClassName={shown.length > 0 ? 'slds-card__body' : 'slds-card__body slds-card__body_inner'}
      actions={
        onNew || newDisabledReason ? (
          <button
            type="button"
            className="slds-button slds-button_neutral"
            onClick={onNew}
            disabled={!onNew || Boolean(newDisabledReason)}
            title={newDisabledReason}
            aria-label={newLabel ?? `New ${title}`}
            aria-describedby={undefined}
          >
            {newLabel ?? 'New'}
          </button>
        ) : undefined
      }
      footer={
        viewAllHref && rows.length > 0 ? (
          <Link to={viewAllHref}>
            View All<span className="slds-assistive-text"> {title}</span>
          </Link>
        ) : undefined
      }
    >
      {shown.length > 0 ? (
        <table className="slds-table slds-table_cell-buffer slds-table_bordered slds-table_fixed-layout" aria-label={title}>
          <thead>
            <tr className="slds-line-height_reset">
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  <div className="slds-truncate" title={c.label}>
                    {c.label}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)} className="slds-hint-parent">
                {columns.map((c) => (
                  <td key={c.key}>
                    <div className="slds-truncate" title={c.text?.(row)}>
                      {c.render(row)}
                    </div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="slds-text-color_weak slds-text-body_small">No {title.toLowerCase()} yet.</p>
      )}
      {summary}
    </Card>
  )
}
