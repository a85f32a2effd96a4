import type { IconProps } from '../../shared/ui'

/** The record types global search answers for, in their default order. */
export const SEARCH_TYPES = ['Account', 'Contact', 'Lead', 'Opportunity', 'Order', 'Contract', 'Case'] as const
export type SearchType = (typeof SEARCH_TYPES)[number]

export interface SearchItem {
  id: string
  title: string
  subtitle: string | null
  url: string
}

export interface SearchGroup {
  type: SearchType
  total: number
  items: SearchItem[]
}

/** GET /api/v1/search (owned by the gateway, so not in the services' OpenAPI documents). */
export interface SearchResponse {
  q: string
  groups: SearchGroup[]
  partial: boolean
  unavailable: string[]
}

export interface RecentItem extends SearchItem {
  type: SearchType
  viewed_at: string
}

/** GET /api/v1/search/recent */
export interface RecentResponse {
  items: RecentItem[]
  partial: boolean
  unavailable: string[]
}

/** Each type's object icon (as on its tab and record page) and its plural label. */
export const SEARCH_TYPE_INFO: Record<SearchType, { icon: IconProps['icon']; plural: string }> = {
  Account: { icon: 'standard:account', plural: 'Accounts' },
  Contact: { icon: 'standard:contact', plural: 'Contacts' },
  Lead: { icon: 'standard:lead', plural: 'Leads' },
  Opportunity: { icon: 'standard:opportunity', plural: 'Opportunities' },
  Order: { icon: 'standard:orders', plural: 'Orders' },
  Contract: { icon: 'standard:contract', plural: 'Contracts' },
  Case: { icon: 'standard:case', plural: 'Cases' },
}

/** What global search needs before it asks. */
export const SEARCH_MIN_LENGTH = 2

/** `/search?q=...`: the full results page for a text. */
export function searchPagePath(q: string): string {
  return `/search?q=${encodeURIComponent(q.trim())}`
}
