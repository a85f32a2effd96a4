import { useSearchParams } from 'react-router'
import { parseReportFilters, withReportFilters, type ReportFilters } from './filters'

/** The report's filters from the URL, and a setter that rewrites them there (replacing the history entry). */
export function useReportFilters(): [ReportFilters, (changes: Partial<ReportFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const thisYear = new Date().getFullYear()
  const filters = parseReportFilters(params, thisYear)
  const update = (changes: Partial<ReportFilters>) => setParams((current) => withReportFilters(current, changes, thisYear), { replace: true })
  return [filters, update]
}
