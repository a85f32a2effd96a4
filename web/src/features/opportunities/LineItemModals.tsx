import { useState, type FormEvent } from 'react'
import { isApiError } from '../../shared/api'
import { formatMoney, LookupField } from '../../shared/record'
import { FormErrorAlert, Modal, SelectField, StaticField, TextField, FormModalFooter } from '../../shared/ui'
import { searchAccountContacts } from '../contacts/api'
import { productsApi } from '../products/api'
import { CONTACT_ROLES, type AddContactRoleRequest, type ContactRoleName, type LineItem, type Opportunity } from './types'

type Errors = Record<string, string>

/** 400 `errors` per field; everything else (409 on a Closed Won deal, 5xx) as one message. */
function readError(e: unknown, fields: readonly string[]): { errors: Errors; other?: string } {
  if (!isApiError(e)) return { errors: {}, other: 'Something went wrong. Try again.' }
  const errors: Errors = {}
  const rest: string[] = []
  for (const [key, messages] of Object.entries(e.errors)) {
    if (fields.includes(key) && messages[0]) errors[key] = messages[0]
    else rest.push(...messages)
  }
  return { errors, other: rest.length ? rest.join(' ') : Object.keys(errors).length ? undefined : e.displayMessage }
}

function validQuantity(value: string): boolean {
  const n = Number(value)
  return value.trim() !== '' && Number.isFinite(n) && n > 0
}

function validMoney(value: string): boolean {
  return /^\d+(\.\d{1,2})?$/.test(value.trim())
}

/** List prices of the products the search has shown (the lookup may answer from its cache). */
const listPrices = new Map<string, string>()

interface ChosenProduct {
  id: string
  name: string
  listPrice: string
}

/** "Add Products": search the active catalog, then quantity and sales price (defaults to the list price). */
export function AddProductModal({ opportunity, onClose, submit }: { opportunity: Opportunity; onClose: () => void; submit: (body: { product_id: string; quantity: number; sale_price: string }) => Promise<void> }) {
  const [product, setProduct] = useState<ChosenProduct>()
  const [quantity, setQuantity] = useState('1')
  const [salePrice, setSalePrice] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [other, setOther] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const missing: Errors = {}
    if (!product) missing.product_id = 'Complete this field.'
    if (!validQuantity(quantity)) missing.quantity = 'Enter a quantity greater than 0.'
    if (!validMoney(salePrice)) missing.sale_price = 'Enter a price such as 4500.00.'
    setErrors(missing)
    setOther(undefined)
    if (Object.keys(missing).length > 0 || !product) return
    setBusy(true)
    try {
      await submit({ product_id: product.id, quantity: Number(quantity), sale_price: salePrice.trim() })
    } catch (e) {
      const read = readError(e, ['product_id', 'quantity', 'sale_price'])
      setErrors(read.errors)
      setOther(read.other)
      setBusy(false)
    }
  }

  return (
    <Modal
      title="Add Products"
      tagline={opportunity.name}
      size="small"
      onClose={onClose}
      busy={busy}
      footer={
        <FormModalFooter formId="add-product-form" onCancel={onClose} busy={busy} />
      }
    >
      <form id="add-product-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {other ? <FormErrorAlert title="We hit a snag.">{other}</FormErrorAlert> : null}
        <div className="slds-m-bottom_small">
          <LookupField
            label="Product"
            required
            error={errors.product_id}
            lookup={{
              objectLabel: 'Products',
              icon: 'standard:product',
              search: async (q, signal) => {
                const page = await productsApi.list({ q: q || undefined, sort: 'name', page: 1, page_size: 20 }, signal)
                const active = page.items.filter((p) => p.is_active)
                for (const p of active) listPrices.set(p.id, p.standard_list_price ?? '0.00')
                return active.map((p) => ({ id: p.id, label: p.name, meta: `List Price ${formatMoney(p.standard_list_price)}${p.is_retainer_product ? ' • Retainer' : ''}` }))
              },
            }}
            value={product?.id ?? ''}
            valueLabel={product?.name}
            onChange={(id, label) => {
              if (!id) {
                setProduct(undefined)
                return
              }
              const choose = (listPrice: string) => {
                setProduct({ id, name: label, listPrice })
                setSalePrice(listPrice)
              }
              setErrors((e) => ({ ...e, product_id: '' }))
              const known = listPrices.get(id)
              if (known !== undefined) choose(known)
              else {
                // Results can come from the lookup's cache: read the list price from the product.
                choose('')
                void productsApi.get(id).then((p) => {
                  listPrices.set(p.id, p.standard_list_price ?? '0.00')
                  choose(p.standard_list_price ?? '0.00')
                }, () => undefined)
              }
            }}
          />
        </div>
        {product ? (
          <div className="slds-grid slds-gutters_small slds-wrap">
            <div className="slds-col slds-size_1-of-1 slds-m-bottom_small">
              <StaticField label="List Price">{formatMoney(product.listPrice)}</StaticField>
            </div>
            <div className="slds-col slds-size_1-of-2">
              <TextField label="Quantity" required type="number" min="1" step="any" value={quantity} onChange={setQuantity} error={errors.quantity || undefined} />
            </div>
            <div className="slds-col slds-size_1-of-2">
              <TextField label="Sales Price" required inputMode="decimal" value={salePrice} onChange={setSalePrice} error={errors.sale_price || undefined} />
            </div>
          </div>
        ) : null}
      </form>
    </Modal>
  )
}

/** Edit a line: quantity and sales price. */
export function EditLineItemModal({ line, onClose, submit }: { line: LineItem; onClose: () => void; submit: (body: { quantity?: number; sale_price?: string }) => Promise<void> }) {
  const [quantity, setQuantity] = useState(String(line.quantity))
  const [salePrice, setSalePrice] = useState(line.sale_price ?? '')
  const [errors, setErrors] = useState<Errors>({})
  const [other, setOther] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const missing: Errors = {}
    if (!validQuantity(quantity)) missing.quantity = 'Enter a quantity greater than 0.'
    if (!validMoney(salePrice)) missing.sale_price = 'Enter a price such as 4500.00.'
    setErrors(missing)
    setOther(undefined)
    if (Object.keys(missing).length > 0) return
    const body: { quantity?: number; sale_price?: string } = {}
    if (Number(quantity) !== line.quantity) body.quantity = Number(quantity)
    if (Number(salePrice) !== Number(line.sale_price)) body.sale_price = salePrice.trim()
    if (Object.keys(body).length === 0) return onClose()
    setBusy(true)
    try {
      await submit(body)
    } catch (e) {
      const read = readError(e, ['quantity', 'sale_price'])
      setErrors(read.errors)
      setOther(read.other)
      setBusy(false)
    }
  }

  return (
    <Modal
      title={`Edit ${line.product_name}`}
      size="small"
      onClose={onClose}
      busy={busy}
      footer={
        <FormModalFooter formId="edit-line-form" onCancel={onClose} busy={busy} />
      }
    >
      <form id="edit-line-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {other ? <FormErrorAlert title="We hit a snag.">{other}</FormErrorAlert> : null}
        <div className="slds-m-bottom_small">
          <StaticField label="List Price">{formatMoney(line.list_price)}</StaticField>
        </div>
        <div className="slds-grid slds-gutters_small">
          <div className="slds-col slds-size_1-of-2">
            <TextField label="Quantity" required type="number" min="1" step="any" value={quantity} onChange={setQuantity} error={errors.quantity} />
          </div>
          <div className="slds-col slds-size_1-of-2">
            <TextField label="Sales Price" required inputMode="decimal" value={salePrice} onChange={setSalePrice} error={errors.sale_price} />
          </div>
        </div>
      </form>
    </Modal>
  )
}

/** "Add Contact Role": one of the account's contacts and a role. */
export function AddContactRoleModal({ opportunity, onClose, submit }: { opportunity: Opportunity; onClose: () => void; submit: (body: AddContactRoleRequest) => Promise<void> }) {
  const [contactId, setContactId] = useState('')
  const [contactLabel, setContactLabel] = useState('')
  const [role, setRole] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [other, setOther] = useState<string>()
  const [busy, setBusy] = useState(false)
  const taken = new Set(opportunity.contact_roles.map((r) => r.contact_id))

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const missing: Errors = {}
    if (!contactId) missing.contact_id = 'Complete this field.'
    if (!role) missing.role = 'Complete this field.'
    setErrors(missing)
    setOther(undefined)
    if (Object.keys(missing).length > 0) return
    setBusy(true)
    try {
      await submit({ contact_id: contactId, role: role as ContactRoleName })
    } catch (e) {
      const read = readError(e, ['contact_id', 'role'])
      setErrors(read.errors)
      setOther(read.other)
      setBusy(false)
    }
  }

  return (
    <Modal
      title="Add Contact Role"
      tagline={opportunity.name}
      size="small"
      onClose={onClose}
      busy={busy}
      footer={
        <FormModalFooter formId="add-role-form" onCancel={onClose} busy={busy} />
      }
    >
      <form id="add-role-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {other ? <FormErrorAlert title="We hit a snag.">{other}</FormErrorAlert> : null}
        <div className="slds-m-bottom_small">
          <LookupField
            label="Contact"
            required
            error={errors.contact_id}
            help={`Contacts of ${opportunity.account.name}.`}
            lookup={{
              objectLabel: 'Contacts',
              icon: 'standard:contact',
              scope: opportunity.account_id,
              search: async (q, signal) => (await searchAccountContacts(opportunity.account_id, q, signal)).filter((c) => !taken.has(c.id)),
            }}
            value={contactId}
            valueLabel={contactLabel}
            onChange={(id, label) => {
              setContactId(id)
              setContactLabel(label)
            }}
          />
        </div>
        <SelectField
          label="Role"
          required
          value={role}
          onChange={setRole}
          placeholder="--None--"
          options={CONTACT_ROLES.map((r) => ({ value: r, label: r }))}
          error={errors.role}
        />
      </form>
    </Modal>
  )
}
