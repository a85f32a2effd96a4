import { ApiError, apiErrorFromResponse } from './errors'

export const API_BASE = '/api/v1'

type QueryValue = string | number | boolean | null | undefined

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  query?: Record<string, QueryValue>
  signal?: AbortSignal
  /**
   * Don't treat a 401 as "session ended" (login, set-password and logout answer 401 for
   * reasons of their own).
   */
  ignoreUnauthorized?: boolean
  /** A POST's Idempotency-Key; by default a fresh one per call (its retries reuse it). */
  idempotencyKey?: string
  /** Sends `body` (a string) as it is with this content type instead of as JSON: a CSV file, say. */
  contentType?: string
}

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'

/**
 * Waits before each retry of a POST whose answer was lost (network error, 502, 503, 504): the service
 * or its replica may be restarting. The same Idempotency-Key goes with every attempt, so a request the
 * server did complete is answered from its stored result, never done twice.
 */
export const POST_RETRY_DELAYS_MS = [300, 1000]

const RETRYABLE_STATUSES = new Set([502, 503, 504])

/** A random UUID v4. `crypto.randomUUID` needs a secure context; the app may be served over plain http. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

type UnauthorizedHandler = () => void

/** Default: a full navigation to /login keeping the intended path. The app replaces it with a router navigation. */
let onUnauthorized: UnauthorizedHandler = () => {
  window.location.assign(loginPathFor(currentPath()))
}

export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`
}

/** `/login?next=/admin/users` (no `next` for the home page or the public pages). */
export function loginPathFor(intended: string): string {
  const path = safeNextPath(intended)
  return path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`
}

const PUBLIC_PATHS = ['/login', '/set-password']

/** Only same-app absolute paths are followed after login; anything else goes home. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (PUBLIC_PATHS.some((p) => next === p || next.startsWith(`${p}?`) || next.startsWith(`${p}/`))) return '/'
  return next
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${url}?${qs}` : url
}

/**
 * Calls the gateway's /api/v1. Sends the session cookie (same origin) and the CSRF header the
 * gateway requires on state-changing requests; parses problem details into ApiError. A POST carries an
 * Idempotency-Key and is retried with it when its answer was lost (see POST_RETRY_DELAYS_MS).
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, ignoreUnauthorized = false, contentType } = options
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
  }
  const raw = contentType !== undefined && typeof body === 'string'
  if (body !== undefined) headers['Content-Type'] = raw ? contentType : 'application/json'
  const retryDelays = method === 'POST' ? POST_RETRY_DELAYS_MS : []
  if (method === 'POST') headers[IDEMPOTENCY_KEY_HEADER] = options.idempotencyKey ?? newIdempotencyKey()
  const init: RequestInit = {
    method,
    headers,
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    credentials: 'same-origin',
    signal,
  }

  let response: Response | undefined
  for (let attempt = 0; ; attempt++) {
    const retryDelay = retryDelays[attempt]
    try {
      response = await fetch(buildUrl(path, query), init)
      if (retryDelay === undefined || !RETRYABLE_STATUSES.has(response.status)) break
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error
      if (retryDelay === undefined) {
        throw new ApiError(0, { title: 'The server could not be reached. Check your connection and try again.' })
      }
    }
    await delay(retryDelay, signal)
  }

  if (!response.ok) {
    const error = await apiErrorFromResponse(response)
    if (response.status === 401 && !ignoreUnauthorized) onUnauthorized()
    throw error
  }

  if (response.status === 204 || response.status === 205) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error)
      return
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason as Error)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'method'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
}
