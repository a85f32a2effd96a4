import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../shared/api'
import {
  conflictCurrent,
  formatDateTime,
  RecordDetails,
  RecordHighlights,
  RecordLoader,
  RecordPageLayout,
  RecordPath,
} from '../../shared/record'
import { Card, Icon, Modal, SelectField, useToast, type IconProps } from '../../shared/ui'
import { accountHref } from '../accounts/fields'
import { ActivityTimeline } from '../activities/ActivityTimeline'
import { contactHref } from '../contacts/fields'
import { leadKeys, leadsApi, toUpdateRequest, useLead } from './api'
import { ConvertLeadModal } from './ConvertLeadModal'
import { LEAD_CLOSED_STEP, LEAD_PATH_STEPS, leadSections } from './fields'
import type { Lead } from './types'


/** /leads/:id — status path, highlights, Details (inline edit), Convert; a converted lead is read-only. */
export function LeadRecordPage() {
  const { id = '' } = useParams()
  return (
    <RecordLoader query={useLead(id)} objectName="lead" backHref="/leads" backLabel="Leads">
      {(lead) => <LeadRecord lead={lead} />}
    </RecordLoader>
  )
}

function LeadRecord({ lead }: { lead: Lead }) {
  const queryClient = useQueryClient()
  const toast = useToast()
  const [converting, setConverting] = useState(false)
  const [closing, setClosing] = useState(false)
  const [savingStatus, setSavingStatus] = useState(false)
  const converted = lead.is_converted || lead.status === 'Converted'

  const apply = (saved: Lead) => {
    queryClient.setQueryData(leadKeys.detail(saved.id), saved)
    void queryClient.invalidateQueries({ queryKey: leadKeys.lists })
  }

  async function markStatus(status: string) {
    setSavingStatus(true)
    try {
      const saved = await leadsApi.update(lead.id, { status: status as Lead['status'], version: lead.version })
      apply(saved)
      toast.success('Status changed successfully.', `Lead Status: ${saved.status}`)
    } catch (e) {
      const current = conflictCurrent<Lead>(e)
      if (current) {
        apply(current)
        toast.show({
          variant: 'warning',
          title: 'This lead was changed by someone else.',
          message: `Its status is now ${current.status}. Check it and try again.`,
        })
      } else if (isApiError(e) && e.status === 409) {
        void queryClient.invalidateQueries({ queryKey: leadKeys.detail(lead.id) })
        toast.error("The status couldn't be changed.", e.displayMessage)
      } else {
        toast.error("The status couldn't be changed.", isApiError(e) ? e.displayMessage : undefined)
      }
    } finally {
      setSavingStatus(false)
    }
  }

  return (
    <>
      <RecordPageLayout
        header={
          <RecordHighlights
            icon="standard:lead"
            objectLabel="Lead"
            title={lead.name}
            badge={converted ? 'Converted' : undefined}
            fields={[
              { label: 'Title', value: lead.title, title: lead.title ?? undefined },
              { label: 'Company', value: lead.company, title: lead.company },
              { label: 'Phone', value: lead.phone ? <a href={`tel:${lead.phone.replace(/[^\d+]/g, '')}`}>{lead.phone}</a> : null },
              { label: 'Email', value: lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : null, title: lead.email ?? undefined },
              { label: 'Lead Owner', value: lead.owner_name },
            ]}
            actions={
              converted
                ? []
                : [
                    { label: 'Convert', onClick: () => setConverting(true) },
                  ]
            }
          />
        }
        path={
          <RecordPath
            fieldLabel="Status"
            steps={LEAD_PATH_STEPS}
            closed={LEAD_CLOSED_STEP}
            current={lead.status}
            readOnly={converted}
            busy={savingStatus}
            onMark={(status) => void markStatus(status)}
            onClose={() => setClosing(true)}
          />
        }
        details={
          <RecordDetails<Lead>
            record={lead}
            sections={leadSections()}
            readOnly={converted}
            update={(body) => leadsApi.update(lead.id, toUpdateRequest(body))}
            fetchLatest={() => leadsApi.get(lead.id)}
            onSaved={(saved) => {
              apply(saved)
              toast.success('Save successful.', `Lead "${saved.name}" was saved.`)
            }}
            onReloaded={(current) => {
              apply(current)
              toast.show({ variant: 'info', title: 'Showing the latest version.', message: 'Your changes were discarded.' })
            }}
          />
        }
        aside={
          <>
            {converted ? <ConvertedRecordsCard lead={lead} /> : null}
            <ActivityTimeline record={{ type: 'Lead', id: lead.id, name: lead.name }} />
          </>
        }
      />
      {converting ? <ConvertLeadModal lead={lead} onClose={() => setConverting(false)} /> : null}
      {closing ? (
        <CloseLeadModal
          onCancel={() => setClosing(false)}
          onChoose={(status) => {
            setClosing(false)
            if (status === 'Converted') setConverting(true)
            else void markStatus(status)
          }}
        />
      ) : null}
    </>
  )
}

/** "Select Closed Status": Converted (opens Convert) or Unqualified (saves the status). */
function CloseLeadModal({ onCancel, onChoose }: { onCancel: () => void; onChoose: (status: 'Converted' | 'Unqualified') => void }) {
  const [status, setStatus] = useState<'Converted' | 'Unqualified'>('Converted')
  return (
    <Modal
      title="Close This Lead"
      size="small"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="slds-button slds-button_neutral" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="slds-button slds-button_brand" onClick={() => onChoose(status)}>
            {status === 'Converted' ? 'Next' : 'Save'}
          </button>
        </>
      }
    >
      <SelectField
        label="Lead Status"
        required
        value={status}
        onChange={(v) => setStatus(v as 'Converted' | 'Unqualified')}
        options={[
          { value: 'Converted', label: 'Converted' },
          { value: 'Unqualified', label: 'Unqualified' },
        ]}
      />
    </Modal>
  )
}

function ConvertedRecordsCard({ lead }: { lead: Lead }) {
  const rows: { icon: IconProps['icon']; label: string; href?: string }[] = [
    { icon: 'standard:account', label: 'Account', href: lead.converted_account_id ? accountHref(lead.converted_account_id) : undefined },
    { icon: 'standard:contact', label: 'Contact', href: lead.converted_contact_id ? contactHref(lead.converted_contact_id) : undefined },
    {
      icon: 'standard:opportunity',
      label: 'Opportunity',
      href: lead.converted_opportunity_id ? `/opportunities/${lead.converted_opportunity_id}` : undefined,
    },
  ]
  return (
    <Card title="Converted" icon="standard:lead" className="slds-m-bottom_small crm-converted-card">
      <p className="slds-text-body_small slds-text-color_weak slds-m-bottom_small">
        This lead was converted{lead.converted_at ? ` on ${formatDateTime(lead.converted_at)}` : ''} and can no longer be edited.
      </p>
      <ul className="slds-has-dividers_top-space">
        {rows.map((row) => (
          <li key={row.label} className="slds-item">
            <div className="slds-media slds-media_center">
              <div className="slds-media__figure">
                <Icon icon={row.icon} size="small" />
              </div>
              <div className="slds-media__body">
                {row.href ? <Link to={row.href}>Converted {row.label}</Link> : <span className="slds-text-color_weak">{row.label}</span>}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  )
}
