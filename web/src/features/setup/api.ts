import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../shared/api'
import type { SecuritySettings, UpdateSecuritySettingsRequest } from '../../shared/api/types'

export const securitySettingsApi = {
  get: (signal?: AbortSignal) => api.get<SecuritySettings>('/admin/security-settings', undefined, signal),
  update: (body: UpdateSecuritySettingsRequest) => api.put<SecuritySettings>('/admin/security-settings', body),
}

export const securitySettingsKeys = {
  all: ['admin', 'security-settings'] as const,
}

export function useSecuritySettings() {
  return useQuery({ queryKey: securitySettingsKeys.all, queryFn: ({ signal }) => securitySettingsApi.get(signal) })
}

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: securitySettingsApi.update,
    onSuccess: (saved) => queryClient.setQueryData(securitySettingsKeys.all, saved),
    // A 409 means someone else saved first: show what they saved.
    onError: () => queryClient.invalidateQueries({ queryKey: securitySettingsKeys.all }),
  })
}
