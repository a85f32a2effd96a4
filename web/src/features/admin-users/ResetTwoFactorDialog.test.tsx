import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { User } from '../../shared/api/types'
import { fakeApi, renderWithApp } from '../activities/testServer'
import { ResetTwoFactorDialog } from './ResetTwoFactorDialog'

afterEach(() => vi.unstubAllGlobals())

const ADA = {
  id: 'u-ada',
  email: 'ada@agency.test',
  first_name: 'Ada',
  last_name: 'Lovelace',
  role: 'User',
  is_active: true,
  version: 2,
} as User

describe('ResetTwoFactorDialog', () => {
  it('resets on confirmation and says so', async () => {
    const { calls } = fakeApi((call) => (call.url.pathname === '/api/v1/admin/users/u-ada/reset-two-factor' ? { status: 204 } : undefined))
    const onClose = vi.fn()
    renderWithApp(<ResetTwoFactorDialog user={ADA} onClose={onClose} />)
    const user = userEvent.setup({ delay: null })

    expect(screen.getByText(/Their open sessions end now/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Reset' }))

    expect(await screen.findByText('Two-factor sign-in was reset for Ada Lovelace.')).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).toEqual(['/api/v1/admin/users/u-ada/reset-two-factor'])
    expect(onClose).toHaveBeenCalled()
  })

  it('shows why when the user has no two-factor sign-in to reset', async () => {
    fakeApi((call) =>
      call.url.pathname.endsWith('/reset-two-factor')
        ? { status: 409, body: { title: 'Conflict', status: 409, detail: 'Two-factor sign-in is not on for this user.' } }
        : undefined,
    )
    const onClose = vi.fn()
    renderWithApp(<ResetTwoFactorDialog user={ADA} onClose={onClose} />)
    const user = userEvent.setup({ delay: null })

    await user.click(screen.getByRole('button', { name: 'Reset' }))

    expect(await screen.findByText(/Two-factor sign-in is not on for this user\./)).toBeInTheDocument()
    expect(onClose).not.toHaveBeenCalled()
  })
})
