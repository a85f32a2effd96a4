import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiRequest, loginPathFor, newIdempotencyKey, POST_RETRY_DELAYS_MS, safeNextPath, setUnauthorizedHandler } from './client'
import { ApiError, normaliseFieldName } from './errors'

function respond(status: number, body?: unknown, contentType = 'application/problem+json') {
  const text = body === undefined ? '' : typeof body === 'string' && contentType.startsWith('text/') ? body : JSON.stringify(body)
  return new Response(status === 204 ? null : text, { status, headers: text ? { 'Content-Type': contentType } : {} })
}

describe('apiRequest', () => {
  const fetchMock = vi.fn<typeof fetch>()
  const onUnauthorized = vi.fn()

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    setUnauthorizedHandler(onUnauthorized)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
    onUnauthorized.mockReset()
  })

  it('sends JSON with the CSRF header and the session cookie', async () => {
    fetchMock.mockResolvedValue(respond(201, { id: '1' }, 'application/json'))
    const result = await apiRequest<{ id: string }>('/admin/users', { method: 'POST', body: { last_name: 'Hopper' } })

    expect(result).toEqual({ id: '1' })
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/admin/users')
    expect(init?.credentials).toBe('same-origin')
    expect(init?.body).toBe('{"last_name":"Hopper"}')
    const headers = init?.headers as Record<string, string>
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest')
    expect(headers['Content-Type']).toBe('application/json')
  })

  it('builds the query string and skips empty values', async () => {
    fetchMock.mockResolvedValue(respond(200, { items: [] }, 'application/json'))
    await apiRequest('/admin/users', { query: { q: '', sort: '-name', page: 2, page_size: undefined } })
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/admin/users?sort=-name&page=2')
  })

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValue(respond(204))
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined()
  })

  it('parses a 400 problem into field errors keyed by snake_case names', async () => {
    fetchMock.mockResolvedValue(
      respond(400, {
        type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { email: ['A user with this email already exists.'], FirstName: ['Too long.'], '$.role': ['Unknown role.'] },
      }),
    )
    const error = await apiRequest('/admin/users', { method: 'POST', body: {} }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.title).toBe('One or more validation errors occurred.')
    expect(apiError.fieldError('email')).toBe('A user with this email already exists.')
    expect(apiError.fieldError('first_name')).toBe('Too long.')
    expect(apiError.fieldError('role')).toBe('Unknown role.')
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('uses the detail as the message', async () => {
    fetchMock.mockResolvedValue(respond(409, { title: 'Conflict', status: 409, detail: 'The user was changed by someone else.' }))
    const error = (await apiRequest('/admin/users/1', { method: 'PUT', body: {} }).catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(409)
    expect(error.detail).toBe('The user was changed by someone else.')
    expect(error.displayMessage).toBe('The user was changed by someone else.')
    expect(error.body).toMatchObject({ status: 409 })
  })

  it('accepts a bare JSON string body as the detail', async () => {
    fetchMock.mockResolvedValue(respond(401, 'Invalid email or password.', 'application/json'))
    const error = (await apiRequest('/auth/login', { method: 'POST', body: {}, ignoreUnauthorized: true }).catch(
      (e: unknown) => e,
    )) as ApiError
    expect(error.detail).toBe('Invalid email or password.')
  })

  it('does not show an HTML error page as a message', async () => {
    fetchMock.mockResolvedValue(respond(502, '<html><body>Bad gateway</body></html>', 'text/html'))
    const error = (await apiRequest('/auth/me').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(502)
    expect(error.detail).toBeUndefined()
    expect(error.displayMessage).toMatch(/something went wrong/i)
  })

  it('calls the unauthorized handler on 401 unless told not to', async () => {
    fetchMock.mockResolvedValue(respond(401, { title: 'Unauthorized', status: 401 }))
    await expect(apiRequest('/auth/me')).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).toHaveBeenCalledTimes(1)

    fetchMock.mockResolvedValue(respond(401, { title: 'Unauthorized', status: 401, detail: 'Invalid email or password.' }))
    await expect(apiRequest('/auth/login', { method: 'POST', body: {}, ignoreUnauthorized: true })).rejects.toMatchObject({
      status: 401,
      detail: 'Invalid email or password.',
    })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('turns a network failure into an ApiError with status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    await expect(apiRequest('/auth/me')).rejects.toMatchObject({ status: 0 })
  })
})

describe('idempotent POSTs', () => {
  const fetchMock = vi.fn<typeof fetch>()

  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', fetchMock)
    setUnauthorizedHandler(vi.fn())
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  const keyOf = (call: number) => (fetchMock.mock.calls[call]![1]?.headers as Record<string, string>)['Idempotency-Key']

  /** Runs the request to its end, letting the retry delays pass. */
  async function settle<T>(promise: Promise<T>): Promise<T> {
    const settled = promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    )
    await vi.runAllTimersAsync()
    const result = await settled
    if ('error' in result) throw result.error
    return result.value
  }

  it('sends a fresh key with every POST and none with other methods', async () => {
    fetchMock.mockImplementation(async () => respond(201, { id: '1' }, 'application/json'))
    await settle(apiRequest('/payments', { method: 'POST', body: { amount: '10.00' } }))
    await settle(apiRequest('/payments', { method: 'POST', body: { amount: '10.00' } }))
    await settle(apiRequest('/payments/1', { method: 'PUT', body: {} }))
    await settle(apiRequest('/payments'))

    expect(keyOf(0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(keyOf(1)).toMatch(/^[0-9a-f-]{36}$/)
    expect(keyOf(1)).not.toBe(keyOf(0))
    expect(keyOf(2)).toBeUndefined()
    expect(keyOf(3)).toBeUndefined()
  })

  it.each([502, 503, 504])('retries a POST answered %i with the same key and body', async (status) => {
    fetchMock
      .mockResolvedValueOnce(respond(status, { title: 'Down', status }))
      .mockResolvedValueOnce(respond(201, { id: 'p-1' }, 'application/json'))

    const result = await settle(apiRequest<{ id: string }>('/orders/1/payments', { method: 'POST', body: { amount: '10.00' } }))

    expect(result).toEqual({ id: 'p-1' })
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(keyOf(1)).toBe(keyOf(0))
    expect(fetchMock.mock.calls[1]![1]?.body).toBe('{"amount":"10.00"}')
  })

  it('retries a POST whose connection failed, with the same key', async () => {
    fetchMock
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(respond(201, { id: 'p-2' }, 'application/json'))

    await expect(settle(apiRequest('/orders/1/payments', { method: 'POST', body: {} }))).resolves.toEqual({ id: 'p-2' })
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(new Set([keyOf(0), keyOf(1), keyOf(2)]).size).toBe(1)
  })

  it('waits between attempts and gives up after the last one with its error', async () => {
    fetchMock.mockImplementation(async () => respond(503, { title: 'Service unavailable', status: 503 }))

    const request = apiRequest('/orders/1/payments', { method: 'POST', body: {} })
    const outcome = request.catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(POST_RETRY_DELAYS_MS[0]! - 1)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    await vi.runAllTimersAsync()

    expect(await outcome).toMatchObject({ status: 503 })
    expect(fetchMock).toHaveBeenCalledTimes(POST_RETRY_DELAYS_MS.length + 1)
  })

  it('does not retry answers that are definitive, nor other methods', async () => {
    fetchMock.mockImplementation(async () => respond(500, { title: 'Oops', status: 500 }))
    await expect(settle(apiRequest('/accounts', { method: 'POST', body: {} }))).rejects.toMatchObject({ status: 500 })
    fetchMock.mockImplementation(async () => respond(422, { title: 'Reused key', status: 422 }))
    await expect(settle(apiRequest('/accounts', { method: 'POST', body: {} }))).rejects.toMatchObject({ status: 422 })
    fetchMock.mockImplementation(async () => respond(503, { title: 'Down', status: 503 }))
    await expect(settle(apiRequest('/accounts/1', { method: 'PUT', body: {} }))).rejects.toMatchObject({ status: 503 })
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    await expect(settle(apiRequest('/accounts'))).rejects.toMatchObject({ status: 0 })

    expect(fetchMock).toHaveBeenCalledTimes(4)
  })

  it('uses the key it is given and stops retrying when aborted', async () => {
    fetchMock.mockImplementation(async () => respond(502, { title: 'Bad gateway', status: 502 }))
    const controller = new AbortController()

    const outcome = apiRequest('/accounts', { method: 'POST', body: {}, idempotencyKey: 'my-key', signal: controller.signal }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(0)
    controller.abort()
    await vi.runAllTimersAsync()

    expect(await outcome).toMatchObject({ name: 'AbortError' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(keyOf(0)).toBe('my-key')
  })

  it('makes version 4 UUIDs without a secure context', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()))
    expect(keys.size).toBe(50)
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('helpers', () => {
  it('normalises field names to snake_case', () => {
    expect(normaliseFieldName('first_name')).toBe('first_name')
    expect(normaliseFieldName('FirstName')).toBe('first_name')
    expect(normaliseFieldName('lastName')).toBe('last_name')
    expect(normaliseFieldName('$.new_password')).toBe('new_password')
    expect(normaliseFieldName('request.Email')).toBe('email')
  })

  it('only follows same-app paths after login', () => {
    expect(safeNextPath('/admin/users?page=2')).toBe('/admin/users?page=2')
    expect(safeNextPath('https://evil.example')).toBe('/')
    expect(safeNextPath('//evil.example')).toBe('/')
    expect(safeNextPath('/login')).toBe('/')
    expect(safeNextPath(null)).toBe('/')
    expect(loginPathFor('/admin/users')).toBe('/login?next=%2Fadmin%2Fusers')
    expect(loginPathFor('/')).toBe('/login')
  })
})
