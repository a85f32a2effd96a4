import type { ReactNode } from 'react'
import { isAdmin, useCurrentUser } from '../features/auth/session'
import { NoAccessPage } from './pages'

/** Renders its children for admins and the "You don't have access" illustration for everyone else. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useCurrentUser()
  if (!me.data) return null
  return isAdmin(me.data) ? children : <NoAccessPage />
}
