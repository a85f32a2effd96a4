import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { FieldChanges, VersionedChanges } from '../../shared/record'
import type { CreateProductRequest, Product, UpdateProductRequest } from './types'

export interface ProductListQuery extends ListQuery {
  /** Admins: inactive products too. */
  include_inactive?: boolean
}

const path = (id: string) => `/products/${encodeURIComponent(id)}`

export const productsApi = {
  list: (query: ProductListQuery, signal?: AbortSignal) => api.get<ListResponse<Product>>('/products', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Product>(path(id), undefined, signal),
  create: (body: CreateProductRequest) => api.post<Product>('/products', body),
  update: (id: string, body: UpdateProductRequest) => api.put<Product>(path(id), body),
}

export const productKeys = {
  all: ['products'] as const,
  lists: ['products', 'list'] as const,
  search: (q: string) => ['products', 'search', q] as const,
}

export function toCreateRequest(body: FieldChanges): CreateProductRequest {
  return body as unknown as CreateProductRequest
}

export function toUpdateRequest(body: VersionedChanges): UpdateProductRequest {
  return body as unknown as UpdateProductRequest
}
