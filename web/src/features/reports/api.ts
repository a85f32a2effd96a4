import { useQuery } from '@tanstack/react-query'
import { api } from '../../shared/api'
import type { OwnerScope } from './filters'
import type { CasesReport, PipelineReport, ReceivablesReport, WonRevenueReport } from './types'

export interface PipelineQuery {
  owner: OwnerScope
  from: string
  to: string
}

export interface CasesQuery {
  owner: OwnerScope
  from: string
  to: string
}

export const reportsApi = {
  pipeline: (q: PipelineQuery, signal?: AbortSignal) =>
    api.get<PipelineReport>('/reports/pipeline', { owner_id: q.owner, close_from: q.from, close_to: q.to }, signal),
  wonRevenue: (year: number, owner: OwnerScope, signal?: AbortSignal) => api.get<WonRevenueReport>('/reports/won-revenue', { year, owner_id: owner }, signal),
  cases: (q: CasesQuery, signal?: AbortSignal) => api.get<CasesReport>('/reports/cases', { owner_id: q.owner, from: q.from, to: q.to }, signal),
  receivables: (owner: OwnerScope, signal?: AbortSignal) => api.get<ReceivablesReport>('/reports/receivables', { owner_id: owner }, signal),
}

export const reportKeys = {
  all: ['reports'] as const,
  pipeline: (q: PipelineQuery) => ['reports', 'pipeline', q] as const,
  wonRevenue: (year: number, owner: OwnerScope) => ['reports', 'won-revenue', year, owner] as const,
  cases: (q: CasesQuery) => ['reports', 'cases', q] as const,
  receivables: (owner: OwnerScope) => ['reports', 'receivables', owner] as const,
}

export function usePipelineReport(q: PipelineQuery) {
  return useQuery({ queryKey: reportKeys.pipeline(q), queryFn: ({ signal }) => reportsApi.pipeline(q, signal) })
}

export function useWonRevenueReport(year: number, owner: OwnerScope) {
  return useQuery({ queryKey: reportKeys.wonRevenue(year, owner), queryFn: ({ signal }) => reportsApi.wonRevenue(year, owner, signal) })
}

export function useCasesReport(q: CasesQuery) {
  return useQuery({ queryKey: reportKeys.cases(q), queryFn: ({ signal }) => reportsApi.cases(q, signal) })
}

export function useReceivablesReport(owner: OwnerScope) {
  return useQuery({ queryKey: reportKeys.receivables(owner), queryFn: ({ signal }) => reportsApi.receivables(owner, signal) })
}
