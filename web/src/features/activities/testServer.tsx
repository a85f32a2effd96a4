import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter } from 'react-router'
import { vi } from 'vitest'
import { ToastProvider } from '../../shared/ui'

export interface Call {
  method: string
  url: URL
  body: unknown
}

type Route = (call: Call) => { status: number; body?: unknown } | undefined

/**
 * A fake gateway for component tests: `fetch` answers from `route` (the signed-in user for
 * /auth/me unless the route answers it), every call is recorded.
 */
export function fakeApi(route: Route) {
  const calls: Call[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost')
    const call: Call = { method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined }
    calls.push(call)
    const answer = route(call) ??
      (url.pathname === '/api/v1/auth/me'
        ? { status: 200, body: { id: 'u1', email: 'grace@agency.test', first_name: 'Grace', last_name: 'Hopper', role: 'User' } }
        : { status: 404, body: { title: 'Not Found', status: 404 } })
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': answer.status >= 400 ? 'application/problem+json' : 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}

export function renderWithApp(children: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter>{children}</MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  )
}
