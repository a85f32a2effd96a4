import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { formatMoney, ListView, RecordFormModal, type ListColumn } from '../../shared/record'
import { Icon, useToast } from '../../shared/ui'
import { productKeys, productsApi, toCreateRequest, toUpdateRequest } from './api'
import { productSections } from './fields'
import type { Product } from './types'

const COLUMNS: readonly ListColumn<Product>[] = [
  { key: 'name', label: 'Product Name', sortField: 'name', primary: true, text: (p) => p.name },
  { key: 'price', label: 'List Price', sortField: 'price', text: (p) => formatMoney(p.standard_list_price), width: '10rem' },
  {
    key: 'retainer',
    label: 'Retainer',
    sortField: 'is_retainer_product',
    width: '7rem',
    text: (p) => (p.is_retainer_product ? 'Yes' : 'No'),
    render: (p) => (p.is_retainer_product ? <Icon icon="utility:check" size="x-small" variant="default" assistiveText="Yes" /> : null),
  },
  { key: 'description', label: 'Description', text: (p) => p.description },
  {
    key: 'status',
    label: 'Status',
    sortField: 'status',
    width: '8rem',
    text: (p) => (p.is_active ? 'Active' : 'Inactive'),
    render: (p) => (p.is_active ? 'Active' : <span className="slds-badge">Inactive</span>),
  },
]

type Editing = { kind: 'new' } | { kind: 'edit'; product: Product } | undefined

/** /products (admins): the catalog, inactive products greyed out, New / Edit in a modal. */
export function ProductsPage() {
  const queryClient = useQueryClient()
  const toast = useToast()
  const [editing, setEditing] = useState<Editing>()
  const refresh = () => void queryClient.invalidateQueries({ queryKey: productKeys.all })

  return (
    <>
      <ListView<Product>
        objectLabel="Products"
        icon="standard:product"
        title="Product Catalog"
        columns={COLUMNS}
        rowKey={(p) => p.id}
        queryKey={productKeys.lists}
        fetchPage={(query, signal) => productsApi.list({ ...query, include_inactive: true }, signal)}
        defaultSort={{ field: 'name', direction: 'asc' }}
        onNew={() => setEditing({ kind: 'new' })}
        rowClassName={(p) => (p.is_active ? undefined : 'crm-row_inactive')}
        rowActionsLabel={(p) => `Show actions for ${p.name}`}
        rowActions={(p) => [{ label: 'Edit', onSelect: () => setEditing({ kind: 'edit', product: p }) }]}
      />
      {editing?.kind === 'new' ? (
        <RecordFormModal<Product>
          title="New Product"
          sections={productSections(false)}
          onClose={() => setEditing(undefined)}
          mode={{
            kind: 'create',
            defaults: { standard_list_price: '0.00' },
            submit: (body) => productsApi.create(toCreateRequest(body)),
            onCreated: (product) => {
              refresh()
              toast.success(`Product "${product.name}" was created.`)
              setEditing(undefined)
            },
          }}
        />
      ) : null}
      {editing?.kind === 'edit' ? (
        <RecordFormModal<Product>
          title={`Edit ${editing.product.name}`}
          sections={productSections(true)}
          onClose={() => setEditing(undefined)}
          mode={{
            kind: 'edit',
            record: editing.product,
            submit: (body) => productsApi.update(editing.product.id, toUpdateRequest(body)),
            fetchLatest: () => productsApi.get(editing.product.id),
            onSaved: (saved) => {
              refresh()
              toast.success('Save successful.', `Product "${saved.name}" was saved.`)
              setEditing(undefined)
            },
            onReloaded: () => {
              refresh()
              toast.show({ variant: 'info', title: 'Showing the latest version.', message: 'Your changes were discarded.' })
              setEditing(undefined)
            },
          }}
        />
      ) : null}
    </>
  )
}
