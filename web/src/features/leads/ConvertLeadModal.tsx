import { useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { isApiError } from '../../shared/api'
import { LookupField } from '../../shared/record'
import { FormErrorAlert, Icon, Modal, StaticField, TextField, type IconProps } from '../../shared/ui'
import { accountKeys, searchAccounts } from '../accounts/api'
import { accountHref } from '../accounts/fields'
import { contactKeys } from '../contacts/api'
import { contactHref } from '../contacts/fields'
import { leadKeys, leadsApi } from './api'
import { defaultOpportunityName } from './fields'
import type { ConvertLeadResponse, Lead, RecordRef } from './types'


const opportunityHref = (id: string) => `/opportunities/${id}`

/**
 * "Convert Lead": what will be created (a new account from the company or an existing one, a
 * contact, an opportunity named by you), then "Your lead has been converted" with links to the three.
 */
export function ConvertLeadModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [accountMode, setAccountMode] = useState<'new' | 'existing'>('new')
  const [accountId, setAccountId] = useState('')
  const [accountLabel, setAccountLabel] = useState('')
  const [opportunityName, setOpportunityName] = useState(defaultOpportunityName(lead))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ConvertLeadResponse>()

  async function submit(event: FormEvent) {
    event.preventDefault()
    const missing: Record<string, string> = {}
    if (!opportunityName.trim()) missing.opportunity_name = 'Complete this field.'
    if (accountMode === 'existing' && !accountId) missing.account_id = 'Choose an account or create a new one.'
    setErrors(missing)
    setFailure(undefined)
    if (Object.keys(missing).length > 0) return
    setBusy(true)
    try {
      const converted = await leadsApi.convert(lead.id, {
        opportunity_name: opportunityName.trim(),
        account_id: accountMode === 'existing' ? accountId : undefined,
      })
      setResult(converted)
      void queryClient.invalidateQueries({ queryKey: leadKeys.all })
      void queryClient.invalidateQueries({ queryKey: accountKeys.all })
      void queryClient.invalidateQueries({ queryKey: contactKeys.all })
      void queryClient.invalidateQueries({ queryKey: ['opportunities'] })
    } catch (e) {
      if (isApiError(e)) {
        const fieldErrors: Record<string, string> = {}
        for (const [key, messages] of Object.entries(e.errors)) if (messages[0]) fieldErrors[key] = messages[0]
        setErrors(fieldErrors)
        const other = Object.entries(e.errors)
          .filter(([k]) => k !== 'opportunity_name' && k !== 'account_id')
          .flatMap(([, m]) => m)
        setFailure(other.length ? other.join(' ') : Object.keys(fieldErrors).length ? undefined : e.displayMessage)
      } else {
        setFailure('The lead could not be converted. Try again.')
      }
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    return (
      <Modal
        title="Your lead has been converted"
        size="medium"
        onClose={onClose}
        footer={
          <Link to="/leads" className="slds-button slds-button_neutral" onClick={onClose}>
            Go to Leads
          </Link>
        }
      >
        <div className="slds-grid slds-gutters_small slds-wrap crm-convert-result">
          <ConvertedCard icon="standard:account" objectLabel="Account" record={result.account} href={accountHref(result.account.id)} onOpen={onClose} />
          <ConvertedCard icon="standard:contact" objectLabel="Contact" record={result.contact} href={contactHref(result.contact.id)} onOpen={onClose} />
          <ConvertedCard
            icon="standard:opportunity"
            objectLabel="Opportunity"
            record={result.opportunity}
            href={opportunityHref(result.opportunity.id)}
            onOpen={onClose}
          />
        </div>
      </Modal>
    )
  }

  const contactName = [lead.first_name, lead.last_name].filter(Boolean).join(' ')
  return (
    <Modal
      title="Convert Lead"
      size="medium"
      onClose={onClose}
      busy={busy}
      footer={
        <>
          <button type="button" className="slds-button slds-button_neutral" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" form="convert-lead-form" className="slds-button slds-button_brand" disabled={busy}>
            Convert
          </button>
        </>
      }
    >
      <form id="convert-lead-form" noValidate onSubmit={(e) => void submit(e)}>
        {failure ? <FormErrorAlert title="We couldn't convert this lead.">{failure}</FormErrorAlert> : null}
        <fieldset className="slds-m-bottom_medium">
          <legend className="slds-section__title slds-theme_shade crm-section-title crm-section-title_legend">
            <Icon icon="standard:account" size="small" containerClassName="slds-m-right_x-small" /> Account
          </legend>
          <div className="slds-grid slds-gutters_small slds-wrap">
            <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
              <div className="slds-radio slds-m-bottom_x-small">
                <input type="radio" id="convert-account-new" name="account-mode" checked={accountMode === 'new'} onChange={() => setAccountMode('new')} />
                <label className="slds-radio__label" htmlFor="convert-account-new">
                  <span className="slds-radio_faux" />
                  <span className="slds-form-element__label">Create New</span>
                </label>
              </div>
              {accountMode === 'new' ? <StaticField label="Account Name">{lead.company}</StaticField> : null}
            </div>
            <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
              <div className="slds-radio slds-m-bottom_x-small">
                <input
                  type="radio"
                  id="convert-account-existing"
                  name="account-mode"
                  checked={accountMode === 'existing'}
                  onChange={() => setAccountMode('existing')}
                />
                <label className="slds-radio__label" htmlFor="convert-account-existing">
                  <span className="slds-radio_faux" />
                  <span className="slds-form-element__label">Choose Existing</span>
                </label>
              </div>
              {accountMode === 'existing' ? (
                <LookupField
                  label="Account Search"
                  required
                  lookup={{ objectLabel: 'Accounts', icon: 'standard:account', search: searchAccounts }}
                  value={accountId}
                  valueLabel={accountLabel}
                  error={errors.account_id}
                  onChange={(id, label) => {
                    setAccountId(id)
                    setAccountLabel(label ?? '')
                  }}
                />
              ) : null}
            </div>
          </div>
        </fieldset>
        <fieldset className="slds-m-bottom_medium">
          <legend className="slds-section__title slds-theme_shade crm-section-title crm-section-title_legend">
            <Icon icon="standard:contact" size="small" containerClassName="slds-m-right_x-small" /> Contact
          </legend>
          <div className="slds-grid slds-gutters_small slds-wrap">
            <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
              <StaticField label="First Name">{lead.first_name ?? ''}</StaticField>
            </div>
            <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
              <StaticField label="Last Name">{lead.last_name}</StaticField>
            </div>
          </div>
          <p className="slds-text-body_small slds-text-color_weak slds-m-top_x-small">
            A new contact {contactName ? `"${contactName}"` : ''} with the lead's email, phone and title.
          </p>
        </fieldset>
        <fieldset>
          <legend className="slds-section__title slds-theme_shade crm-section-title crm-section-title_legend">
            <Icon icon="standard:opportunity" size="small" containerClassName="slds-m-right_x-small" /> Opportunity
          </legend>
          <TextField
            label="Opportunity Name"
            required
            value={opportunityName}
            onChange={(v) => {
              setOpportunityName(v)
              if (errors.opportunity_name) setErrors((e) => ({ ...e, opportunity_name: '' }))
            }}
            error={errors.opportunity_name || undefined}
            maxLength={255}
          />
        </fieldset>
      </form>
    </Modal>
  )
}

function ConvertedCard({ icon, objectLabel, record, href, onOpen }: { icon: IconProps['icon']; objectLabel: string; record: RecordRef; href: string; onOpen: () => void }) {
  return (
    <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-3 slds-m-bottom_small">
      <article className="slds-card slds-card_boundary crm-convert-card" aria-label={objectLabel}>
        <div className="slds-card__header slds-grid">
          <header className="slds-media slds-media_center slds-has-flexi-truncate">
            <div className="slds-media__figure">
              <Icon icon={icon} size="small" />
            </div>
            <div className="slds-media__body">
              <h2 className="slds-card__header-title">{objectLabel}</h2>
            </div>
          </header>
        </div>
        <div className="slds-card__body slds-card__body_inner">
          <Link to={href} onClick={onOpen} className="slds-text-heading_small">
            {record.name}
          </Link>
        </div>
      </article>
    </div>
  )
}
