import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FORGOT_PASSWORD_CONFIRMATION, ForgotPasswordPage } from './ForgotPasswordPage'
import { LoginPage } from './LoginPage'

function renderAt(initialPath: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
    ],
    { initialEntries: [initialPath] },
  )
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
}

describe('ForgotPasswordPage', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => vi.stubGlobal('fetch', fetchMock))
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  it('takes the username the sign-in page had already typed (its link carries it)', async () => {
    renderAt('/forgot-password?email=ada%40agency.test')

    expect(await screen.findByRole('heading', { name: 'Forgot Your Password' })).toBeInTheDocument()
    expect(screen.getByLabelText(/Username/)).toHaveValue('ada@agency.test')
  })

  it('sends the address and shows the same confirmation whatever the answer says about it', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ message: FORGOT_PASSWORD_CONFIRMATION }), {
        status: 202,
        headers: { 'Content-Type': 'application/json' },
      }),
    )
    const user = userEvent.setup()
    renderAt('/forgot-password')

    await user.type(screen.getByLabelText(/Username/), ' ada@agency.test ')
    await user.click(screen.getByRole('button', { name: 'Continue' }))

    expect(await screen.findByRole('heading', { name: 'Check Your Email' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent(FORGOT_PASSWORD_CONFIRMATION)
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/auth/forgot-password')
    expect(JSON.parse(init?.body as string)).toEqual({ email: 'ada@agency.test' })
  })

  it('asks for the username without calling the API', async () => {
    const user = userEvent.setup()
    renderAt('/forgot-password')

    await user.click(screen.getByRole('button', { name: 'Continue' }))

    expect(screen.getByText('Enter your username.')).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('shows the field error the API names', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ title: 'Bad Request', status: 400, errors: { email: ['Email is not a valid email address.'] } }), {
        status: 400,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    )
    const user = userEvent.setup()
    renderAt('/forgot-password')

    await user.type(screen.getByLabelText(/Username/), 'not-an-address')
    await user.click(screen.getByRole('button', { name: 'Continue' }))

    expect(await screen.findByText('Email is not a valid email address.')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Check Your Email' })).not.toBeInTheDocument()
  })
})
