import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { formatDate, ListView, RecordFormModal, type ListColumn } from '../../shared/record'
import { SelectField, useToast } from '../../shared/ui'
import { leadKeys, leadsApi, toCreateRequest } from './api'
import { leadHref, leadSections } from './fields'
import { LEAD_SOURCES, LEAD_STATUSES, type Lead, type LeadListItem } from './types'
import { ImportButton } from '../import/ImportButton'

const COLUMNS: readonly ListColumn<LeadListItem>[] = [
  { key: 'name', label: 'Name', sortField: 'name', primary: true, text: (l) => l.name, href: (l) => leadHref(l.id) },
  { key: 'company', label: 'Company', sortField: 'company', text: (l) => l.company },
  { key: 'title', label: 'Title', text: (l) => l.title },
  { key: 'status', label: 'Lead Status', sortField: 'status', text: (l) => l.status, width: '9rem' },
  { key: 'lead_source', label: 'Lead Source', sortField: 'lead_source', text: (l) => l.lead_source, width: '10rem' },
  { key: 'owner', label: 'Lead Owner', sortField: 'owner', text: (l) => l.owner_name, width: '11rem' },
  { key: 'created_at', label: 'Created Date', sortField: 'created_at', text: (l) => formatDate(l.created_at), width: '10rem' },
]

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))

/** /leads (open leads, filters by status, owner and source) and /leads/new (New Lead modal). */
export function LeadsListPage() {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const queryClient = useQueryClient()
  const toast = useToast()
  const creating = pathname.replace(/\/$/, '') === '/leads/new'
  const [status, setStatus] = useState('')
  const [owner, setOwner] = useState('')
  const [source, setSource] = useState('')
  const title = owner === 'me' ? 'My Leads' : status === 'Converted' ? 'Converted Leads' : 'All Open Leads'

  return (
    <>
      <ListView<LeadListItem>
        objectLabel="Leads"
        icon="standard:lead"
        title={title}
        listViews
        exportPath="/api/v1/leads/export.csv"
        headerActions={<ImportButton object="leads" />}
        columns={COLUMNS}
        rowKey={(l) => l.id}
        queryKey={leadKeys.lists}
        fetchPage={(query, signal) => leadsApi.list(query, signal)}
        defaultSort={{ field: 'created_at', direction: 'desc' }}
        filters={{ status: status || undefined, owner_id: owner || undefined, lead_source: source || undefined }}
        filterControls={
          <>
            <SelectField
              label="Lead Status"
              className="crm-filter"
              value={status}
              onChange={setStatus}
              placeholder="All open"
              options={opts(LEAD_STATUSES)}
            />
            <SelectField
              label="Lead Owner"
              className="crm-filter"
              value={owner}
              onChange={setOwner}
              options={[
                { value: '', label: 'All leads' },
                { value: 'me', label: 'My leads' },
              ]}
            />
            <SelectField label="Lead Source" className="crm-filter" value={source} onChange={setSource} placeholder="All sources" options={opts(LEAD_SOURCES)} />
          </>
        }
        onNew={() => void navigate('/leads/new')}
      />
      {creating ? (
        <RecordFormModal<Lead>
          title="New Lead"
          sections={leadSections()}
          onClose={() => void navigate('/leads')}
          mode={{
            kind: 'create',
            defaults: { status: 'New' },
            submit: (body) => leadsApi.create(toCreateRequest(body)),
            onCreated: (lead) => {
              queryClient.setQueryData(leadKeys.detail(lead.id), lead)
              void queryClient.invalidateQueries({ queryKey: leadKeys.lists })
              toast.success(`Lead "${lead.name}" was created.`)
              void navigate(leadHref(lead.id))
            },
          }}
        />
      ) : null}
    </>
  )
}
