import { api } from '../../shared/api'
import type {
  CurrentUser,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  SetPasswordRequest,
} from '../../shared/api/types'

export const authApi = {
  // 401 here means "no session", not "session ended": no redirect.
  logout: () => api.post<void>('/auth/logout', undefined, { ignoreUnauthorized: true }),
  me: (signal?: AbortSignal) => api.get<CurrentUser>('/auth/me', undefined, signal),
  setPassword: (body: SetPasswordRequest) => api.post<void>('/auth/set-password', body, { ignoreUnauthorized: true }),
  forgotPassword: (body: ForgotPasswordRequest) =>
    api.post<ForgotPasswordResponse>('/auth/forgot-password', body, { ignoreUnauthorized: true }),
}

export const sessionKeys = {
  me: ['auth', 'me'] as const,
}
