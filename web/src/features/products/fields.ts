import { formatMoney, type FieldSection } from '../../shared/record'
import type { Product } from './types'

/** The product's fields for the New / Edit modal and the conflict dialog (Active only when editing). */
export function productSections(editing: boolean): FieldSection<Product>[] {
  return [
    {
      title: 'Product Information',
      fields: [
        { name: 'name', label: 'Product Name', type: 'text', required: true, maxLength: 255 },
        {
          name: 'standard_list_price',
          label: 'List Price',
          type: 'text',
          required: true,
          maxLength: 20,
          help: 'In USD, e.g. 4500.00',
          text: (p) => formatMoney(p.standard_list_price),
        },
        { name: 'is_retainer_product', label: 'Retainer', type: 'checkbox', help: 'Billed every month.' },
        ...(editing ? [{ name: 'is_active' as const, label: 'Active', type: 'checkbox' as const }] : []),
        { name: 'description', label: 'Description', type: 'textarea', wide: true, maxLength: 32000 },
      ],
    },
  ]
}
