import { LookupField } from '../../shared/record'
import { searchContacts, useContact } from './api'
import { contactHref } from './fields'

/** A Contact lookup used as a list filter: pick a contact to see only its records, remove it to see all. */
export function ContactFilter({ contactId, onChange }: { contactId: string; onChange: (id: string) => void }) {
  const contact = useContact(contactId)
  return (
    <div className="crm-filter crm-filter_lookup">
      <LookupField
        label="Contact"
        lookup={{ objectLabel: 'Contacts', icon: 'standard:contact', search: searchContacts, recordHref: contactHref }}
        value={contactId}
        valueLabel={contactId ? (contact.data?.name ?? 'Loading…') : undefined}
        onChange={(id) => onChange(id)}
      />
    </div>
  )
}
