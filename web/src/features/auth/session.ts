import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CurrentUser } from '../../shared/api/types'
import { authApi, sessionKeys } from './api'

/** The signed-in user (GET /auth/me). A 401 sends the browser to /login via the API client. */
export function useCurrentUser() {
  return useQuery({
    queryKey: sessionKeys.me,
    queryFn: ({ signal }) => authApi.me(signal),
    staleTime: 5 * 60 * 1000,
    retry: false,
  })
}

export function isAdmin(user: CurrentUser | undefined): boolean {
  return user?.role === 'Admin'
}

export function displayName(user: Pick<CurrentUser, 'first_name' | 'last_name' | 'email'>): string {
  const name = `${user.first_name ?? ''} ${user.last_name ?? ''}`.trim()
  return name || user.email
}

export function initials(user: Pick<CurrentUser, 'first_name' | 'last_name' | 'email'>): string {
  const letters = `${user.first_name?.[0] ?? ''}${user.last_name?.[0] ?? ''}`
  return (letters || user.email[0] || '?').toUpperCase()
}

/**
 * POST /auth/logout (the gateway forgets the session, Identity revokes its tokens), forget every cached query, then end
 * Identity's own sign-in too (its end-session endpoint), which comes back to the app's home and so to sign-in.
 * Also when the call fails.
 */
export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => authApi.logout(),
    onSettled: () => {
      queryClient.clear()
      window.location.assign(endSessionUrl(window.location.origin))
    },
  })
}

/** Identity's end-session endpoint for the gateway's client, back to this app's home page afterwards. */
export function endSessionUrl(origin: string): string {
  return `/connect/endsession?client_id=crm-gateway&post_logout_redirect_uri=${encodeURIComponent(origin + '/')}`
}
