import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../shared/api'
import type { DisableTwoFactorRequest, EnableTwoFactorResponse, TwoFactorSetup, TwoFactorStatus } from '../../shared/api/types'
import { sessionKeys } from '../auth/api'

export const twoFactorApi = {
  status: (signal?: AbortSignal) => api.get<TwoFactorStatus>('/auth/mfa', undefined, signal),
  setUp: () => api.post<TwoFactorSetup>('/auth/mfa/setup'),
  enable: (code: string) => api.post<EnableTwoFactorResponse>('/auth/mfa/enable', { code }),
  disable: (body: DisableTwoFactorRequest) => api.post<void>('/auth/mfa/disable', body),
}

export const twoFactorKeys = {
  status: ['auth', 'mfa'] as const,
}

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorKeys.status, queryFn: ({ signal }) => twoFactorApi.status(signal) })
}

/** A new key each time: the last one set up is the one the code must come from. */
export function useSetUpTwoFactor() {
  return useMutation({ mutationFn: twoFactorApi.setUp })
}

/** Refreshes the status and who the user is (a session limited to enrolment becomes a full one) only when asked: the recovery codes are shown first. */
export function useEnableTwoFactor() {
  return useMutation({ mutationFn: twoFactorApi.enable })
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: twoFactorApi.disable,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: twoFactorKeys.status })
      await queryClient.invalidateQueries({ queryKey: sessionKeys.me })
    },
  })
}

/** After the recovery codes were saved: the status and the session as they are now. */
export function useRefreshAfterEnrolment() {
  const queryClient = useQueryClient()
  return async () => {
    await queryClient.invalidateQueries({ queryKey: twoFactorKeys.status })
    await queryClient.invalidateQueries({ queryKey: sessionKeys.me })
  }
}

/** The QR code (an SVG document from the server) as an image source: no markup of the answer is put in the page. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** "ABCD EFGH ...": the key in groups of four, easier to type into an app. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

/** The text file offered for download: one code a line, with what they are for. */
export function recoveryCodesFile(email: string, codes: readonly string[]): string {
  return [
    `Agency CRM recovery codes for ${email}`,
    'Each code signs you in once when you cannot use your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n')
}
