import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LoginPage } from './LoginPage'
import { signInUrl } from './signIn'

describe('LoginPage', () => {
  const replace = vi.fn()
  beforeEach(() => vi.stubGlobal('location', { ...window.location, replace }))
  afterEach(() => {
    vi.unstubAllGlobals()
    replace.mockReset()
  })

  function renderAt(path: string) {
    const router = createMemoryRouter([{ path: '/login', element: <LoginPage /> }], { initialEntries: [path] })
    render(<RouterProvider router={router} />)
  }

  it('sends the browser to the gateway sign-in, coming back to where it was going', () => {
    renderAt('/login?next=%2Fadmin%2Fusers')

    expect(replace).toHaveBeenCalledWith('/auth/signin?returnUrl=%2Fadmin%2Fusers')
    expect(screen.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/auth/signin?returnUrl=%2Fadmin%2Fusers')
  })

  it('never goes back to another site', () => {
    renderAt('/login?next=https%3A%2F%2Fevil.example%2F')

    expect(replace).toHaveBeenCalledWith('/auth/signin')
  })

  it('builds the sign-in address for the home page without a return path', () => {
    expect(signInUrl('/')).toBe('/auth/signin')
    expect(signInUrl('/accounts?view=mine')).toBe('/auth/signin?returnUrl=%2Faccounts%3Fview%3Dmine')
  })
})
