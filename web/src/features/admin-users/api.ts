import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../shared/api'
import type { CreateUserRequest, CreatedUser, ListQuery, ListResponse, UpdateUserRequest, User } from '../../shared/api/types'

export const usersApi = {
  list: (query: ListQuery, signal?: AbortSignal) =>
    api.get<ListResponse<User>>('/admin/users', { ...query }, signal),
  create: (body: CreateUserRequest) => api.post<CreatedUser>('/admin/users', body),
  update: (id: string, body: UpdateUserRequest) => api.put<User>(`/admin/users/${encodeURIComponent(id)}`, body),
  resetTwoFactor: (id: string) => api.post<void>(`/admin/users/${encodeURIComponent(id)}/reset-two-factor`),
}

export const userKeys = {
  all: ['admin-users'] as const,
  list: (query: ListQuery) => ['admin-users', 'list', query] as const,
}

export function useUsers(query: ListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => usersApi.list(query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: usersApi.create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  })
}

export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => usersApi.update(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  })
}

/**
 * The latest copy of a user after a 409: the conflict answer carries the current record (per the
 * design notes); if it doesn't, look the user up again through the list.
 */
export async function fetchLatestUser(id: string, conflictBody: unknown): Promise<User | undefined> {
  const fromBody = pickUser(conflictBody, id)
  if (fromBody) return fromBody
  for (let page = 1; page <= 20; page++) {
    const result = await usersApi.list({ page, page_size: 200, sort: 'name' })
    const found = result.items.find((u) => u.id === id)
    if (found) return found
    if (page * result.page_size >= result.total) break
  }
  return undefined
}

function pickUser(body: unknown, id: string): User | undefined {
  if (!body || typeof body !== 'object') return undefined
  const record = body as Record<string, unknown>
  for (const candidate of [record, record.current, record.record, record.user]) {
    if (candidate && typeof candidate === 'object') {
      const u = candidate as Partial<User>
      if (u.id === id && typeof u.version === 'number') return u as User
    }
  }
  return undefined
}
