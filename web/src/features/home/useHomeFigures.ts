import { useQuery } from '@tanstack/react-query'
import { addDays, localDateKey } from '../../shared/record'
import { activitiesApi, activityKeys } from '../activities/api'
import { caseKeys, casesApi } from '../cases/api'
import { usePipelineReport, useReceivablesReport, useWonRevenueReport } from '../reports/api'
import type { OwnerScope } from '../reports/filters'

/** The number of open tasks due before today (the lists' `total`; one row asked for). */
function useOverdueTaskCount(owner: OwnerScope) {
  const yesterday = addDays(localDateKey(new Date()), -1)
  return useQuery({
    queryKey: [...activityKeys.all, 'overdue-count', owner, yesterday],
    queryFn: ({ signal }) =>
      activitiesApi.list({ type: 'Task', status_ne: 'Completed', end_date: yesterday, assigned_to: owner || undefined, page: 1, page_size: 1 }, signal),
    select: (page) => page.total,
  })
}

function useOpenCaseCount(owner: OwnerScope) {
  return useQuery({
    queryKey: [...caseKeys.all, 'open-count', owner],
    queryFn: ({ signal }) => casesApi.list({ status_ne: 'Closed', owner: owner || undefined, page: 1, page_size: 1 }, signal),
    select: (page) => page.total,
  })
}

/** Everything Home's tiles and charts show, for everyone's records or the signed-in user's. */
export function useHomeFigures(owner: OwnerScope, year: number) {
  return {
    pipeline: usePipelineReport({ owner, from: '', to: '' }),
    won: useWonRevenueReport(year, owner),
    overdueTasks: useOverdueTaskCount(owner),
    openCases: useOpenCaseCount(owner),
    // Orders have no owner of their own: "mine" are those of the accounts the user owns.
    receivables: useReceivablesReport(owner),
  }
}

export type HomeFigures = ReturnType<typeof useHomeFigures>
