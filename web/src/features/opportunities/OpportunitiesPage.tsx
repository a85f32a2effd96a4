import { Link, useSearchParams } from 'react-router'
import { formatDate, formatDateRange, formatMoney, ListView, type ActiveFilter, type ListColumn, useUrlFilter } from '../../shared/record'
import { ButtonSwitch, SelectField } from '../../shared/ui'
import { accountHref } from '../accounts/fields'
import { opportunitiesApi, opportunityHref, opportunityKeys } from './api'
import { KanbanBoard } from './KanbanBoard'
import { STAGES, type OpportunityListItem } from './types'

const COLUMNS: readonly ListColumn<OpportunityListItem>[] = [
  { key: 'name', label: 'Opportunity Name', sortField: 'name', primary: true, text: (o) => o.name, href: (o) => opportunityHref(o.id) },
  {
    key: 'account_name',
    label: 'Account Name',
    sortField: 'account_name',
    text: (o) => o.account_name,
    render: (o) => <Link to={accountHref(o.account_id)}>{o.account_name}</Link>,
  },
  { key: 'amount', label: 'Amount', sortField: 'amount', text: (o) => formatMoney(o.calculated_amount), width: '9rem' },
  { key: 'close_date', label: 'Close Date', sortField: 'close_date', text: (o) => formatDate(o.close_date), width: '9rem' },
  { key: 'stage', label: 'Stage', sortField: 'stage', text: (o) => o.stage, width: '9rem' },
  { key: 'probability', label: 'Probability (%)', sortField: 'probability', text: (o) => `${o.probability}%`, width: '8rem' },
  { key: 'owner', label: 'Opportunity Owner', sortField: 'owner', text: (o) => o.owner_name, width: '11rem' },
]

type View = 'kanban' | 'list'

/** The "List" / "Kanban" switch (SLDS button group), as on Lightning's list view controls. */
export function ViewSwitch({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  return (
    <ButtonSwitch
      label="Display as"
      value={view}
      onChange={onChange}
      options={[
        { value: 'list', label: 'List' },
        { value: 'kanban', label: 'Kanban' },
      ]}
    />
  )
}

function OwnerFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <SelectField
      label="Opportunity Owner"
      className="crm-filter"
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: 'All opportunities' },
        { value: 'me', label: 'My opportunities' },
      ]}
    />
  )
}

/**
 * /opportunities: the pipeline as a Kanban board (default) or a list view (`?view=list`). The filters live
 * in the URL (`stage`, `owner_id`, `close_from`, `close_to`), so a report's bar can open the list filtered;
 * they show as pills with a clear button.
 */
export function OpportunitiesPage() {
  const [params, setParams] = useSearchParams()
  const view: View = params.get('view') === 'list' ? 'list' : 'kanban'
  const [owner, setOwner] = useUrlFilter('owner_id')
  const [stage, setStage] = useUrlFilter('stage')
  const [closeFrom, setCloseFrom] = useUrlFilter('close_from')
  const [closeTo, setCloseTo] = useUrlFilter('close_to')
  const setView = (v: View) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current)
        if (v === 'list') updated.set('view', 'list')
        else updated.delete('view')
        return updated
      },
      { replace: true },
    )

  const activeFilters: ActiveFilter[] = [
    ...(stage ? [{ label: 'Stage', value: stage, onClear: () => setStage('') }] : []),
    ...(owner === 'me' ? [{ label: 'Owner', value: 'Me', onClear: () => setOwner('') }] : []),
    ...(closeFrom || closeTo
      ? [
          {
            label: 'Close Date',
            value: formatDateRange(closeFrom, closeTo),
            onClear: () => {
              setCloseFrom('')
              setCloseTo('')
            },
          },
        ]
      : []),
  ]

  if (view === 'kanban') {
    return <KanbanBoard owner={owner} controls={<OwnerFilter value={owner} onChange={setOwner} />} viewSwitch={<ViewSwitch view={view} onChange={setView} />} />
  }
  return (
    <ListView<OpportunityListItem>
      objectLabel="Opportunities"
      icon="standard:opportunity"
      title={owner === 'me' ? 'My Opportunities' : 'All Opportunities'}
      listViews
      exportPath="/api/v1/opportunities/export.csv"
      columns={COLUMNS}
      rowKey={(o) => o.id}
      queryKey={opportunityKeys.lists}
      fetchPage={(query, signal) => opportunitiesApi.list(query, signal)}
      defaultSort={{ field: 'close_date', direction: 'asc' }}
      headerActions={<ViewSwitch view={view} onChange={setView} />}
      filters={{ stage: stage || undefined, owner_id: owner || undefined, close_from: closeFrom || undefined, close_to: closeTo || undefined }}
      activeFilters={activeFilters}
      filterControls={
        <>
          <SelectField
            label="Stage"
            className="crm-filter"
            value={stage}
            onChange={setStage}
            placeholder="All stages"
            options={STAGES.map((s) => ({ value: s, label: s }))}
          />
          <OwnerFilter value={owner} onChange={setOwner} />
        </>
      }
    />
  )
}
