import type { ProblemDetails } from './types'

/** An API call that answered with a non-2xx status (or could not be made at all: status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string | undefined
  /** Field errors keyed by snake_case field name (normalised from the problem's `errors`). */
  readonly errors: Record<string, string[]>
  /** The parsed body (problem details or anything else the server sent as JSON). */
  readonly body: unknown

  constructor(status: number, problem: ProblemDetails, body: unknown = problem) {
    const title = problem.title?.trim() || defaultTitle(status)
    super(problem.detail?.trim() || title)
    this.name = 'ApiError'
    this.status = status
    this.title = title
    this.detail = problem.detail?.trim() || undefined
    this.errors = normaliseErrors(problem.errors)
    this.body = body
  }

  /** First message for a field (snake_case name), if any. */
  fieldError(field: string): string | undefined {
    return this.errors[field]?.[0]
  }

  /** The best single sentence to show a person. */
  get displayMessage(): string {
    if (this.detail) return this.detail
    const first = Object.values(this.errors)[0]?.[0]
    if (this.status === 400 && first) return first
    return this.title
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

function defaultTitle(status: number): string {
  switch (status) {
    case 0:
      return 'The server could not be reached.'
    case 400:
      return 'Some values need attention.'
    case 401:
      return 'Your session has ended. Log in again.'
    case 403:
      return "You don't have access to do that."
    case 404:
      return 'That record no longer exists.'
    case 409:
      return 'Someone else changed this record.'
    case 429:
      return 'Too many requests. Wait a moment and try again.'
    default:
      return status >= 500 ? 'Something went wrong on our side. Try again.' : `Request failed (${status}).`
  }
}

/**
 * Field names arrive snake_case from our services, but ASP.NET validation may also produce
 * `Email`, `firstName`, `$.first_name` or `user.first_name`: map them all to `first_name`.
 */
export function normaliseFieldName(key: string): string {
  const last = key.replace(/^\$\.?/, '').split('.').pop() ?? key
  return last
    .replace(/\[\d+\]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase()
}

function normaliseErrors(errors: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  if (!errors || typeof errors !== 'object') return out
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    const messages = (Array.isArray(value) ? value : [value]).filter(
      (m): m is string => typeof m === 'string' && m.length > 0,
    )
    if (messages.length === 0) continue
    const name = normaliseFieldName(key)
    out[name] = [...(out[name] ?? []), ...messages]
  }
  return out
}

/** Builds an ApiError from a fetch Response (body not yet read). */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = undefined
  const text = await response.text().catch(() => '')
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  const contentType = response.headers.get('content-type') ?? ''
  let problem: ProblemDetails = {}
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    problem = body as ProblemDetails
  } else if (typeof body === 'string' && body.trim() && body.length < 500) {
    // A bare JSON string ("Invalid email or password.") or a short plain-text message; never an HTML page.
    const isJsonString = text.trimStart().startsWith('"')
    if (isJsonString || contentType.startsWith('text/plain')) problem = { detail: body.trim() }
  }
  return new ApiError(response.status, { ...problem, status: response.status }, body)
}
