// Types of the public API (see shared/API.md). The records come from the services' OpenAPI
// documents (web/openapi/<service>.json -> ./generated/<service>.ts by `npm run gen:api`, which
// `npm run build` runs first); only the generic envelopes below are written by hand.
import type { components as Identity } from './generated/identity'
import type { Wire, WireBody } from './wire'

type IdentitySchemas = Identity['schemas']

/** A list answer: GET /api/v1/<things>?q=&sort=&page=&page_size= */
export interface ListResponse<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface ListQuery {
  q?: string
  /** Field name, `-` prefix for descending: `name`, `-name`. */
  sort?: string
  /** From 1. */
  page?: number
  /** Default 50, max 200. */
  page_size?: number
}

/** RFC 7807 problem details as the services answer them. */
export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errors?: Record<string, string[]>
  [extension: string]: unknown
}

// ---- Auth and users (Identity) ----

/** The roles the UI offers (the document types `role` as a plain string). */
export type Role = 'Admin' | 'User'

export const ROLES: readonly Role[] = ['Admin', 'User']

type WithRole<T> = Omit<T, 'role'> & { role: Role }
type WithOptionalRole<T> = Omit<T, 'role'> & { role?: Role }

/**
 * GET /auth/me, and the `user` of the login answer (which says nothing of two-factor sign-in: those two fields are
 * known once /auth/me has answered).
 */
type TwoFactorFields = 'two_factor_enabled' | 'mfa_enrolment_required'
export type CurrentUser = WithRole<Omit<Wire<IdentitySchemas['CurrentUserResponse']>, TwoFactorFields>> &
  Partial<Pick<Wire<IdentitySchemas['CurrentUserResponse']>, TwoFactorFields>>
/** The gateway answers login itself (Identity's token endpoint behind it), so these follow API.md, not an OpenAPI document. */
export type LoginRequest = { email: string; password: string; remember_me?: boolean; otp?: string; recovery_code?: string }
export type LoginResponse = {
  token: string
  expires_at: string
  remember_me: boolean
  /** The session may only enrol in two-factor sign-in (an admin requires it). */
  mfa_enrolment_required: boolean
  user: CurrentUser
}

/** GET /auth/mfa */
export type TwoFactorStatus = Wire<IdentitySchemas['TwoFactorStatusResponse']>
/** POST /auth/mfa/setup: the key (Base32), its otpauth:// URI and that URI's QR code (an SVG document). */
export type TwoFactorSetup = Wire<IdentitySchemas['TwoFactorSetupResponse']>
/** POST /auth/mfa/enable: the ten recovery codes; `session_upgraded` when a session limited to enrolment became a full one. */
export type EnableTwoFactorResponse = Pick<Wire<IdentitySchemas['EnableTwoFactorResponse']>, 'recovery_codes' | 'session_upgraded'>
export type DisableTwoFactorRequest = WireBody<IdentitySchemas['DisableTwoFactorRequest']>
/** GET/PUT /admin/security-settings */
export type SecuritySettings = Wire<IdentitySchemas['SecuritySettingsResponse']>
export type UpdateSecuritySettingsRequest = WireBody<IdentitySchemas['UpdateSecuritySettingsRequest']> & { version: number }
export type SetPasswordRequest = WireBody<IdentitySchemas['SetPasswordRequest']> & { token: string; new_password: string }
export type ForgotPasswordRequest = WireBody<IdentitySchemas['ForgotPasswordRequest']> & { email: string }
/** POST /auth/forgot-password: the same 202 answer whether the address is known or not. */
export type ForgotPasswordResponse = Wire<IdentitySchemas['ForgotPasswordResponse']>
export type ChangePasswordRequest = WireBody<IdentitySchemas['ChangePasswordRequest']> & { current_password: string; new_password: string }

/** A user as the admin users API answers (GET /admin/users rows, PUT answer). */
export type User = WithRole<Wire<IdentitySchemas['UserResponse']>>
export type CreateUserRequest = WithRole<WireBody<IdentitySchemas['CreateUserRequest']>> & { email: string; last_name: string }
/** POST /admin/users: the user plus a one-time `set_password_url`. */
export type CreatedUser = WithRole<Wire<IdentitySchemas['CreatedUserResponse']>>
export type UpdateUserRequest = WithOptionalRole<WireBody<IdentitySchemas['UpdateUserRequest']>> & { version: number }

// ---- API clients (Identity) ----

/** An integration that calls the API as itself (client credentials grant): GET /admin/api-clients rows, PUT answer. */
export type ApiClient = WithRole<Wire<IdentitySchemas['ApiClientResponse']>>
/**
 * POST /admin/api-clients (201) and POST /admin/api-clients/{id}/rotate-secret (200): the record plus its
 * `client_secret`, which only these answers carry. The app shows it once and keeps it nowhere.
 */
export type ApiClientWithSecret = WithRole<Wire<IdentitySchemas['ApiClientWithSecretResponse']>>
export type CreateApiClientRequest = WithRole<WireBody<IdentitySchemas['CreateApiClientRequest']>> & { name: string }
export type UpdateApiClientRequest = WithOptionalRole<WireBody<IdentitySchemas['UpdateApiClientRequest']>> & { version: number }
