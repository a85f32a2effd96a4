import { useSearchParams } from 'react-router'

/** The `account_id` filter of a list page, kept in the URL so an account's "View All" can link to it. */
export function useAccountFilter(): [string, (id: string) => void] {
  const [params, setParams] = useSearchParams()
  const accountId = params.get('account_id') ?? ''
  const setAccountId = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (id) next.set('account_id', id)
        else next.delete('account_id')
        return next
      },
      { replace: true },
    )
  return [accountId, setAccountId]
}
