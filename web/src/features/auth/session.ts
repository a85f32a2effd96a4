import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
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

/** POST /auth/logout, forget every cached query, go to /login (also when the call fails). */
export function useLogout() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return useMutation({
    mutationFn: () => authApi.logout(),
    onSettled: () => {
      queryClient.clear()
      navigate('/login', { replace: true })
    },
  })
}
