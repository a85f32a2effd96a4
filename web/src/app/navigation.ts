import type { IconProps } from '../shared/ui'

export interface NavItem {
  label: string
  path: string
  /** Object icon shown on the Coming soon page. */
  icon: IconProps['icon']
  adminOnly?: boolean
  /** Pages of later slices: show the Coming soon page for now. */
  comingSoon?: boolean
  /** Other paths that belong to this tab (the Orders tab also covers payments and contracts). */
  alsoActiveFor?: readonly string[]
}


/** "New <object>" shortcuts (Home's quick links): routes that open the object's New modal. */
export interface NewItem {
  label: string
  path: string
  icon: IconProps['icon']
}

export const NEW_ITEMS: readonly NewItem[] = [
  { label: 'New Account', path: '/accounts/new', icon: 'standard:account' },
  { label: 'New Contact', path: '/contacts/new', icon: 'standard:contact' },
  { label: 'New Lead', path: '/leads/new', icon: 'standard:lead' },
  { label: 'New Case', path: '/cases/new', icon: 'standard:case' },
]

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', path: '/', icon: 'standard:home' },
  { label: 'Accounts', path: '/accounts', icon: 'standard:account' },
  { label: 'Contacts', path: '/contacts', icon: 'standard:contact' },
  { label: 'Leads', path: '/leads', icon: 'standard:lead' },
  { label: 'Opportunities', path: '/opportunities', icon: 'standard:opportunity' },
  { label: 'Orders', path: '/orders', icon: 'standard:orders', alsoActiveFor: ['/payments', '/contracts'] },
  { label: 'Cases', path: '/cases', icon: 'standard:case' },
  { label: 'Tasks', path: '/tasks', icon: 'standard:task', alsoActiveFor: ['/activities'] },
  { label: 'Calendar', path: '/calendar', icon: 'standard:event' },
  { label: 'Reports', path: '/reports', icon: 'standard:report' },
  { label: 'Products', path: '/products', icon: 'standard:product', adminOnly: true },
  { label: 'Users', path: '/admin/users', icon: 'standard:user', adminOnly: true },
  { label: 'API Clients', path: '/admin/api-clients', icon: 'standard:connected_apps', adminOnly: true },
]
