import { Link } from 'react-router'
import { PageHeader } from '../../shared/ui'
import { REPORTS } from './catalog'

/** /reports — the Reports tab: every report with what it shows. */
export function ReportsPage() {
  return (
    <div className="crm-page">
      <PageHeader icon="standard:report" label="Reports" title="All Reports" meta={`${REPORTS.length} reports`} />
      <div className="slds-card crm-page__body">
        <table className="slds-table slds-table_cell-buffer slds-table_bordered" aria-label="Reports">
          <thead>
            <tr className="slds-line-height_reset">
              <th scope="col" style={{ width: '18rem' }}>
                <div className="slds-truncate">Report Name</div>
              </th>
              <th scope="col">
                <div className="slds-truncate">Description</div>
              </th>
              <th scope="col" style={{ width: '10rem' }}>
                <div className="slds-truncate">Source</div>
              </th>
            </tr>
          </thead>
          <tbody>
            {REPORTS.map((r) => (
              <tr key={r.path} className="slds-hint-parent">
                <th scope="row">
                  <Link to={r.path}>{r.label}</Link>
                </th>
                <td>
                  <div className="slds-cell-wrap">{r.description}</div>
                </td>
                <td>{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
