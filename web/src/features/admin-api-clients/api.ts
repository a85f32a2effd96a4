import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../shared/api'
import type {
  ApiClient,
  ApiClientWithSecret,
  CreateApiClientRequest,
  ListQuery,
  ListResponse,
  UpdateApiClientRequest,
} from '../../shared/api/types'

const path = (id: string) => `/admin/api-clients/${encodeURIComponent(id)}`

export const apiClientsApi = {
  list: (query: ListQuery, signal?: AbortSignal) =>
    api.get<ListResponse<ApiClient>>('/admin/api-clients', { ...query }, signal),
  /** A POST: `api.post` sends a fresh Idempotency-Key, which its retries reuse (one client, never two). */
  create: (body: CreateApiClientRequest) => api.post<ApiClientWithSecret>('/admin/api-clients', body),
  update: (id: string, body: UpdateApiClientRequest) => api.put<ApiClient>(path(id), body),
  /** The old secret stops working at once; the answer carries the new one (with the same Idempotency-Key rule). */
  rotateSecret: (id: string) => api.post<ApiClientWithSecret>(`${path(id)}/rotate-secret`),
}

export const apiClientKeys = {
  all: ['admin-api-clients'] as const,
  list: (query: ListQuery) => ['admin-api-clients', 'list', query] as const,
}

export function useApiClients(query: ListQuery) {
  return useQuery({
    queryKey: apiClientKeys.list(query),
    queryFn: ({ signal }) => apiClientsApi.list(query, signal),
    placeholderData: keepPreviousData,
  })
}

// The answers of create and rotate carry a secret: `gcTime: 0` drops them from React Query's mutation cache as soon as
// the modal showing them is gone, so the secret lives no longer than the screen that shows it once.

export function useCreateApiClient() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: apiClientsApi.create,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all }),
  })
}

export function useRotateSecret() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => apiClientsApi.rotateSecret(id),
    gcTime: 0,
    // A new secret is a new version of the record.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all }),
  })
}

export function useUpdateApiClient() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateApiClientRequest }) => apiClientsApi.update(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientKeys.all }),
  })
}

/**
 * The latest copy of an API client after a 409: the conflict answer carries it as `current`; if it doesn't, look it up
 * again through the list.
 */
export async function fetchLatestApiClient(id: string, conflictBody: unknown): Promise<ApiClient | undefined> {
  const fromBody = pickApiClient(conflictBody, id)
  if (fromBody) return fromBody
  for (let page = 1; page <= 20; page++) {
    const result = await apiClientsApi.list({ page, page_size: 200, sort: 'name' })
    const found = result.items.find((c) => c.id === id)
    if (found) return found
    if (page * result.page_size >= result.total) break
  }
  return undefined
}

/** The record a 409 answer carries (`current`), if it is this client's. */
export function pickApiClient(body: unknown, id: string): ApiClient | undefined {
  if (!body || typeof body !== 'object') return undefined
  const record = body as Record<string, unknown>
  for (const candidate of [record, record.current]) {
    if (candidate && typeof candidate === 'object') {
      const c = candidate as Partial<ApiClient>
      if (c.id === id && typeof c.version === 'number') return c as ApiClient
    }
  }
  return undefined
}

/** Where integrations exchange their client id and secret for an access token (the app's own origin). */
export function tokenUrl(origin: string = window.location.origin): string {
  return `${origin}/connect/token`
}

/** A shell example: get a token with the client credentials grant, then call the API with it. */
export function curlExample(origin: string, clientId: string): string {
  return [
    `curl -s -X POST '${tokenUrl(origin)}' \\`,
    `  -d grant_type=client_credentials \\`,
    `  -d client_id=${clientId} \\`,
    `  --data-urlencode "client_secret=$CLIENT_SECRET"`,
    ``,
    `# Use the access_token of the answer as a Bearer token:`,
    `curl -s '${origin}/api/v1/accounts' \\`,
    `  -H "Authorization: Bearer $ACCESS_TOKEN"`,
  ].join('\n')
}
