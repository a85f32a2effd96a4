import { LookupFilter } from '../../shared/record'
import { searchContacts, useContact } from './api'
import { contactHref } from './fields'

const lookup = { objectLabel: 'Contacts', icon: 'standard:contact', search: searchContacts, recordHref: contactHref } as const

/** The Contact filter of a list (cases, from a contact's "View All"). */
export function ContactFilter({ contactId, onChange }: { contactId: string; onChange: (id: string) => void }) {
  const contact = useContact(contactId)
  return <LookupFilter label="Contact" lookup={lookup} value={contactId} valueLabel={contact.data?.name} onChange={onChange} />
}
