import { useMutation } from '@tanstack/react-query'
import { isApiError } from '../../shared/api'
import type { User } from '../../shared/api/types'
import { ConfirmDialog, useToast } from '../../shared/ui'
import { usersApi } from './api'
import { fullName } from './format'

/** Setup → Users → Reset Two-Factor: for someone who lost both their authenticator and their recovery codes. */
export function ResetTwoFactorDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const toast = useToast()
  const name = fullName(user) || user.email
  const reset = useMutation({
    mutationFn: () => usersApi.resetTwoFactor(user.id),
    onSuccess: () => {
      toast.success(`Two-factor sign-in was reset for ${name}.`)
      onClose()
    },
  })
  return (
    <ConfirmDialog
      title="Reset Two-Factor Authentication"
      confirmLabel="Reset"
      variant="destructive"
      busy={reset.isPending}
      error={reset.error ? (isApiError(reset.error) ? reset.error.displayMessage : 'Something went wrong. Try again.') : undefined}
      onConfirm={() => reset.mutate()}
      onCancel={onClose}
    >
      <p>
        {name} will sign in with their password alone, or set up an authenticator app again at their next sign-in if two-factor
        sign-in is required for everyone. Their open sessions end now, and they get an email about it.
      </p>
    </ConfirmDialog>
  )
}
