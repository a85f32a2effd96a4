import type { IconProps } from '../../shared/ui'
import type { WhatType, WhoType } from './types'

type LinkedType = WhatType | WhoType

const PATHS: Record<LinkedType, string> = {
  Account: '/accounts',
  Opportunity: '/opportunities',
  Case: '/cases',
  Order: '/orders',
  Contact: '/contacts',
  Lead: '/leads',
}

export const LINKED_TYPE_ICONS: Record<LinkedType, IconProps['icon']> = {
  Account: 'standard:account',
  Opportunity: 'standard:opportunity',
  Case: 'standard:case',
  Order: 'standard:orders',
  Contact: 'standard:contact',
  Lead: 'standard:lead',
}

/** Plural labels for the lookups' type pickers. */
export const LINKED_TYPE_LABELS: Record<LinkedType, string> = {
  Account: 'Accounts',
  Opportunity: 'Opportunities',
  Case: 'Cases',
  Order: 'Orders',
  Contact: 'Contacts',
  Lead: 'Leads',
}

export function isLinkedType(type: string | null | undefined): type is LinkedType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(PATHS, type)
}

/** The record page of a linked record: `/opportunities/{id}`. */
export function linkedRecordHref(type: string | null | undefined, id: string): string | undefined {
  return isLinkedType(type) ? `${PATHS[type]}/${id}` : undefined
}

export const activityHref = (id: string) => `/activities/${id}`
