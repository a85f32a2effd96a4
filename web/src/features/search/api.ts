import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '../../shared/api'
import type { RecentResponse, SearchResponse, SearchType } from './types'
import { SEARCH_MIN_LENGTH } from './types'

export interface SearchOptions {
  types?: readonly SearchType[]
  limit?: number
}

export const searchApi = {
  search: (q: string, options: SearchOptions = {}, signal?: AbortSignal) =>
    api.get<SearchResponse>('/search', { q, types: options.types?.join(','), limit: options.limit }, signal),
  recent: (limit: number, signal?: AbortSignal) => api.get<RecentResponse>('/search/recent', { limit }, signal),
}

export const searchKeys = {
  search: (q: string, options: SearchOptions) => ['search', q, options.types?.join(',') ?? '', options.limit ?? 0] as const,
  recent: (limit: number) => ['search', 'recent', limit] as const,
}

/** How soon a partial answer (a service did not answer) is asked again, so the gap fills once it is back. */
export const PARTIAL_RETRY_MS = 3_000

/**
 * Results for `q` once it is long enough; the previous answer stays shown while the next one loads. A partial answer
 * is asked again every few seconds while the box still shows it.
 */
export function useSearch(q: string, options: SearchOptions = {}) {
  const text = q.trim()
  return useQuery({
    queryKey: searchKeys.search(text, options),
    queryFn: ({ signal }) => searchApi.search(text, options, signal),
    enabled: text.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    refetchInterval: (query) => (query.state.data?.partial ? PARTIAL_RETRY_MS : false),
  })
}

export function useRecentRecords(limit: number, enabled: boolean) {
  return useQuery({
    queryKey: searchKeys.recent(limit),
    queryFn: ({ signal }) => searchApi.recent(limit, signal),
    enabled,
    staleTime: 5_000,
  })
}
