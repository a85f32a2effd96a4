import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { isApiError } from '../../shared/api'
import { formatDate, formatMoney, RecordDetails, RecordHighlights, RecordLoader, RecordPageLayout, RelatedList } from '../../shared/record'
import { ConfirmDialog, useToast } from '../../shared/ui'
import { accountKeys } from '../accounts/api'
import { accountHref } from '../accounts/fields'
import { ActivityTimeline } from '../activities/ActivityTimeline'
import { CasesRelatedList } from '../cases/CasesRelatedList'
import { opportunityHref } from '../opportunities/api'
import { contactKeys, contactsApi, toUpdateRequest, useContact } from './api'
import { contactSections } from './fields'
import type { Contact } from './types'

/** /contacts/:id — highlights, Details (inline edit, Reports To within the account), Activity. */
export function ContactRecordPage() {
  const { id = '' } = useParams()
  return (
    <RecordLoader query={useContact(id)} objectName="contact" backHref="/contacts" backLabel="Contacts">
      {(contact) => <ContactRecord contact={contact} />}
    </RecordLoader>
  )
}

function ContactRecord({ contact }: { contact: Contact }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const navigate = useNavigate()
  const location = useLocation()
  const [confirming, setConfirming] = useState(false)
  const [deactivating, setDeactivating] = useState(false)
  const [deactivateError, setDeactivateError] = useState<string>()

  const apply = (saved: Contact) => {
    queryClient.setQueryData(contactKeys.detail(saved.id), saved)
    void queryClient.invalidateQueries({ queryKey: contactKeys.lists })
    void queryClient.invalidateQueries({ queryKey: accountKeys.all })
  }

  async function deactivate() {
    setDeactivating(true)
    setDeactivateError(undefined)
    try {
      const latest = await contactsApi.get(contact.id)
      const saved = await contactsApi.update(contact.id, { is_active: false, version: latest.version })
      apply(saved)
      toast.success(`Contact "${saved.name}" was deactivated.`)
      // Back to where you came from (the account page or the list); the list when opened directly.
      if (location.key !== 'default') void navigate(-1)
      else void navigate('/contacts')
    } catch (e) {
      setDeactivateError(isApiError(e) ? e.displayMessage : 'The contact could not be deactivated. Try again.')
      setDeactivating(false)
    }
  }

  return (
    <>
      <RecordPageLayout
        header={
          <RecordHighlights
            icon="standard:contact"
            objectLabel="Contact"
            title={contact.name}
            badge={contact.is_active ? undefined : 'Inactive'}
            fields={[
              { label: 'Title', value: contact.title, title: contact.title ?? undefined },
              {
                label: 'Account Name',
                value: <Link to={accountHref(contact.account_id)}>{contact.account?.name}</Link>,
                title: contact.account?.name,
              },
              { label: 'Phone', value: contact.phone ? <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a> : null },
              { label: 'Email', value: contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null, title: contact.email ?? undefined },
              { label: 'Contact Owner', value: contact.owner_name },
            ]}
            actions={[
              {
                label: 'Deactivate',
                onClick: () => setConfirming(true),
                disabled: !contact.is_active,
                title: contact.is_active ? undefined : 'This contact is already inactive.',
              },
            ]}
          />
        }
        details={
          <RecordDetails<Contact>
            record={contact}
            sections={contactSections({ accountId: contact.account_id, selfId: contact.id })}
            readOnly={!contact.is_active}
            update={(body) => contactsApi.update(contact.id, toUpdateRequest(body))}
            fetchLatest={() => contactsApi.get(contact.id)}
            onSaved={(saved) => {
              apply(saved)
              toast.success('Save successful.', `Contact "${saved.name}" was saved.`)
            }}
            onReloaded={(current) => {
              apply(current)
              toast.show({ variant: 'info', title: 'Showing the latest version.', message: 'Your changes were discarded.' })
            }}
          />
        }
        related={
          <div className="crm-related">
            {/* The deals this contact plays a role in (Salesforce's Opportunities related list on a contact). */}
            <RelatedList
              title="Opportunities"
              icon="standard:opportunity"
              rows={contact.opportunities}
              rowKey={(o) => o.id}
              columns={[
                { key: 'name', label: 'Opportunity Name', render: (o) => <Link to={opportunityHref(o.id)}>{o.name}</Link>, text: (o) => o.name },
                { key: 'role', label: 'Role', render: (o) => o.role },
                { key: 'stage', label: 'Stage', render: (o) => o.stage },
                { key: 'close_date', label: 'Close Date', render: (o) => formatDate(o.close_date) },
                { key: 'amount', label: 'Amount', render: (o) => formatMoney(o.amount) },
              ]}
            />
            <CasesRelatedList
              account={{ id: contact.account_id, name: contact.account?.name ?? '' }}
              contact={{ id: contact.id, name: contact.name }}
              newDisabledReason={contact.is_active ? undefined : 'This contact is inactive.'}
            />
          </div>
        }
        aside={
          <ActivityTimeline
            record={{ type: 'Contact', id: contact.id, name: contact.name }}
            prefill={{
              who: { type: 'Contact', id: contact.id, name: contact.name },
              what: contact.account_id ? { type: 'Account', id: contact.account_id, name: contact.account?.name ?? '' } : undefined,
            }}
          />
        }
      />
      {confirming ? (
        <ConfirmDialog
          title="Deactivate Contact"
          confirmLabel="Deactivate"
          variant="destructive"
          busy={deactivating}
          error={deactivateError}
          onCancel={() => {
            setConfirming(false)
            setDeactivateError(undefined)
          }}
          onConfirm={() => void deactivate()}
        >
          Are you sure you want to deactivate this contact?
        </ConfirmDialog>
      ) : null}
    </>
  )
}
