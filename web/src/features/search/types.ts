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

/** Recently viewed records also include types search does not list: payments, tasks and events. */
export type RecentType = SearchType | 'Payment' | 'Task' | 'Event'

export interface RecentItem extends SearchItem {
  type: RecentType
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

const RECENT_ICONS: Record<RecentType, IconProps['icon']> = {
  ...Object.fromEntries(SEARCH_TYPES.map((t) => [t, SEARCH_TYPE_INFO[t].icon])) as Record<SearchType, IconProps['icon']>,
  Payment: 'standard:currency',
  Task: 'standard:task',
  Event: 'standard:event',
}

/**
 * The object icon of a result or a recent record. A type this build does not know (a newer service may name
 * one) gets a generic icon rather than breaking the header.
 */
export function recordIcon(type: string): IconProps['icon'] {
  return (RECENT_ICONS as Partial<Record<string, IconProps['icon']>>)[type] ?? 'standard:record'
}

/** A group's heading: the type's plural label, or the type itself when this build does not know it. */
export function typePlural(type: string): string {
  return (SEARCH_TYPE_INFO as Partial<Record<string, { plural: string }>>)[type]?.plural ?? type
}

/** What global search needs before it asks. */
export const SEARCH_MIN_LENGTH = 2

/** `/search?q=...`: the full results page for a text. */
export function searchPagePath(q: string): string {
  return `/search?q=${encodeURIComponent(q.trim())}`
}
