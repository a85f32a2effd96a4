import { Link } from 'react-router'
import { cx } from '../../shared/ui'
import type { ReportTable } from './table'

/** A report's table (SLDS bordered table), links where the column has them, the totals line at the bottom. */
export function ReportTableView<T>({ table, label }: { table: ReportTable<T>; label: string }) {
  return (
    <div className="slds-scrollable_x">
      <table className="slds-table slds-table_cell-buffer slds-table_bordered crm-report-table" aria-label={label}>
        <thead>
          <tr className="slds-line-height_reset">
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={cx(c.numeric && 'crm-report-table__number')}>
                <div className="slds-truncate" title={c.title}>
                  {c.title}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={table.rowKey(row)} className="slds-hint-parent">
              {table.columns.map((c) => {
                const text = c.text(row)
                return (
                  <td key={c.key} className={cx(c.numeric && 'crm-report-table__number')}>
                    <div className="slds-truncate" title={text}>
                      {c.href ? <Link to={c.href(row)}>{text}</Link> : text}
                    </div>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
        {table.total ? (
          <tfoot>
            <tr>
              {table.total.text.map((text, i) => (
                <td key={table.columns[i]?.key ?? i} className={cx(table.columns[i]?.numeric && 'crm-report-table__number')}>
                  <strong>{text}</strong>
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  )
}
