import { api } from '../../shared/api'
import type {
  CurrentUser,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  LoginRequest,
  LoginResponse,
  SetPasswordRequest,
} from '../../shared/api/types'

export const authApi = {
  // 401 here means "wrong credentials" / "no session", not "session ended": no redirect.
  login: (body: LoginRequest) => api.post<LoginResponse>('/auth/login', body, { ignoreUnauthorized: true }),
  logout: () => api.post<void>('/auth/logout', undefined, { ignoreUnauthorized: true }),
  me: (signal?: AbortSignal) => api.get<CurrentUser>('/auth/me', undefined, signal),
  setPassword: (body: SetPasswordRequest) => api.post<void>('/auth/set-password', body, { ignoreUnauthorized: true }),
  forgotPassword: (body: ForgotPasswordRequest) =>
    api.post<ForgotPasswordResponse>('/auth/forgot-password', body, { ignoreUnauthorized: true }),
}

export const sessionKeys = {
  me: ['auth', 'me'] as const,
}
