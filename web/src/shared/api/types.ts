// Hand-written types for the public API (see shared/API.md). Property names are snake_case as on
// the wire. These will be generated from the services' OpenAPI documents (/openapi/v1.json) in a
// later issue; keep the names identical so the swap is mechanical.

export type Role = 'Admin' | 'User'

export const ROLES: readonly Role[] = ['Admin', 'User']

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

// ---- Auth (Identity) ----

export interface CurrentUser {
  id: string
  email: string
  first_name: string
  last_name: string
  role: Role
}

export interface LoginRequest {
  email: string
  password: string
  remember_me?: boolean
}

export interface LoginResponse {
  token: string
  expires_at: string
  user: CurrentUser
}

export interface SetPasswordRequest {
  token: string
  new_password: string
}

export interface ChangePasswordRequest {
  current_password: string
  new_password: string
}

// ---- Users (Identity, admin only) ----

export interface User {
  id: string
  email: string
  first_name: string
  last_name: string
  role: Role
  is_active: boolean
  version: number
  created_at: string
  updated_at: string
}

export interface CreateUserRequest {
  first_name: string
  last_name: string
  email: string
  role: Role
}

export interface CreatedUser extends User {
  /** One-time link the new user opens to choose a password. */
  set_password_url: string
}

export interface UpdateUserRequest {
  first_name?: string
  last_name?: string
  role?: Role
  is_active?: boolean
  version: number
}
