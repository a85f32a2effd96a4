/** The reports the Reports tab lists (Home's quick links offer them too). */
export interface ReportEntry {
  label: string
  path: string
  description: string
  source: string
}

export const REPORTS: readonly ReportEntry[] = [
  { label: 'Pipeline by Stage', path: '/reports/pipeline', description: 'Open and closed opportunities by stage, amount and weighted amount.', source: 'Opportunities' },
  { label: 'Won Revenue by Month', path: '/reports/won-revenue', description: 'Closed Won deals of a year by the month they closed.', source: 'Opportunities' },
  { label: 'Cases by Status and Priority', path: '/reports/cases', description: 'Cases by status and priority, the median time to close, the accounts with most open cases.', source: 'Cases' },
  { label: 'Receivables Aging', path: '/reports/receivables', description: 'Orders with a balance due, by age: 0–30, 31–60, 61–90 and over 90 days.', source: 'Orders' },
  { label: 'Retainer Payments', path: '/reports/retainer', description: 'Retainer payments by account and month of service; overdue months marked.', source: 'Payments' },
]
