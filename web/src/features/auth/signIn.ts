/** The gateway's start of the code flow, coming back to `next` (a path of this app). */
export function signInUrl(next: string): string {
  return next === '/' ? '/auth/signin' : `/auth/signin?returnUrl=${encodeURIComponent(next)}`
}
