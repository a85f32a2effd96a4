import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LoginPage } from './LoginPage'

function renderLogin(initialPath = '/login') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <h1>Home page</h1> },
      { path: '/admin/users', element: <h1>Users page</h1> },
    ],
    { initialEntries: [initialPath] },
  )
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { queryClient }
}

describe('LoginPage', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => vi.stubGlobal('fetch', fetchMock))
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  it('shows the problem detail when the credentials are wrong', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ title: 'Unauthorized', status: 401, detail: 'Invalid email or password.' }), {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    )
    const user = userEvent.setup()
    renderLogin()

    await user.type(screen.getByLabelText('Username'), 'ada@agency.test')
    await user.type(screen.getByLabelText('Password'), 'wrong')
    await user.click(screen.getByRole('button', { name: 'Log In' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password.')
    expect(screen.getByLabelText('Username')).toHaveValue('ada@agency.test')
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/auth/login')
    expect(JSON.parse(init?.body as string)).toEqual({ email: 'ada@agency.test', password: 'wrong', remember_me: false })
  })

  it('asks for missing fields without calling the API', async () => {
    const user = userEvent.setup()
    renderLogin()
    await user.click(screen.getByRole('button', { name: 'Log In' }))
    expect(screen.getByText('Enter your username.')).toBeInTheDocument()
    expect(screen.getByText('Enter your password.')).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('goes to the intended page after logging in', async () => {
    const me = { id: '1', email: 'ada@agency.test', first_name: 'Ada', last_name: 'Lovelace', role: 'Admin' }
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ token: 't', expires_at: '2030-01-01T00:00:00Z', user: me }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    )
    const user = userEvent.setup()
    const { queryClient } = renderLogin('/login?next=%2Fadmin%2Fusers')

    await user.type(screen.getByLabelText('Username'), 'ada@agency.test')
    await user.type(screen.getByLabelText('Password'), 'secret')
    await user.click(screen.getByLabelText('Remember me'))
    await user.click(screen.getByRole('button', { name: 'Log In' }))

    expect(await screen.findByRole('heading', { name: 'Users page' })).toBeInTheDocument()
    expect(queryClient.getQueryData(['auth', 'me'])).toEqual(me)
    expect(JSON.parse(fetchMock.mock.calls[0]![1]?.body as string)).toMatchObject({ remember_me: true })
  })

  it('asks for the authenticator code after a right password, and can use a recovery code instead', async () => {
    const me = { id: '1', email: 'ada@agency.test', first_name: 'Ada', last_name: 'Lovelace', role: 'User' }
    const problem = (detail: string) =>
      new Response(JSON.stringify({ title: 'Unauthorized', status: 401, detail, mfa_required: true }), {
        status: 401,
        headers: { 'Content-Type': 'application/problem+json' },
      })
    fetchMock
      .mockResolvedValueOnce(problem('Enter the verification code from your authenticator app.'))
      .mockResolvedValueOnce(problem('The verification code is wrong, expired or was used already.'))
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ token: 't', expires_at: '2030-01-01T00:00:00Z', user: me }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      )
    const user = userEvent.setup()
    renderLogin()

    await user.type(screen.getByLabelText('Username'), 'ada@agency.test')
    await user.type(screen.getByLabelText('Password'), 'secret')
    await user.click(screen.getByRole('button', { name: 'Log In' }))

    // The answer that asks for the code is a step, not an error.
    expect(await screen.findByLabelText('Verification Code')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await user.type(screen.getByLabelText('Verification Code'), '123 456')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The verification code is wrong, expired or was used already.')
    expect(JSON.parse(fetchMock.mock.calls[1]![1]?.body as string)).toEqual({ email: 'ada@agency.test', password: 'secret', remember_me: false, otp: '123456' })

    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }))
    await user.type(screen.getByLabelText('Recovery Code'), 'abcde-fghjk')
    await user.click(screen.getByRole('button', { name: 'Verify' }))

    expect(await screen.findByRole('heading', { name: 'Home page' })).toBeInTheDocument()
    expect(JSON.parse(fetchMock.mock.calls[2]![1]?.body as string)).toMatchObject({ recovery_code: 'abcde-fghjk' })
  })
})
