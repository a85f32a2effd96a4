import { useSearchParams } from 'react-router'

/**
 * A list page's filter kept in the URL (`?account_id=...`), so a record page's "View All" can link to
 * the list filtered to that record, and the filtered list survives a reload.
 */
export function useUrlFilter(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams()
  const value = params.get(name) ?? ''
  const setValue = (next: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current)
        if (next) updated.set(name, next)
        else updated.delete(name)
        return updated
      },
      { replace: true },
    )
  return [value, setValue]
}
