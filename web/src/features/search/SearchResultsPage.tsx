import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { Card, cx, EmptyState, Icon, PageHeader, Spinner } from '../../shared/ui'
import { useSearch } from './api'
import { PartialResultsAlert } from './PartialResultsAlert'
import { recordIcon, SEARCH_MIN_LENGTH, SEARCH_TYPE_INFO, SEARCH_TYPES, typePlural, type SearchGroup, type SearchType } from './types'

const TOP_LIMIT = 5
const TYPE_PAGE = 10
const MAX_LIMIT = 50

/**
 * `/search?q=...&type=...`: Salesforce's search results page. A left nav with "Top Results" (the best few of
 * every object) and one entry per object with its count; an object's entry lists more of it, "View more"
 * loading up to 50.
 */
export function SearchResultsPage() {
  const [params, setParams] = useSearchParams()
  const q = (params.get('q') ?? '').trim()
  const typeParam = params.get('type')
  const type = SEARCH_TYPES.find((t) => t === typeParam)
  const top = useSearch(q, { limit: TOP_LIMIT })
  const select = (next: SearchType | undefined) => {
    const updated = new URLSearchParams(params)
    if (next) updated.set('type', next)
    else updated.delete('type')
    setParams(updated)
  }

  return (
    <div className="crm-search-page">
      <PageHeader icon="standard:search" label="Search Results" title={q === '' ? 'Search' : `"${q}"`} />
      {q.length < SEARCH_MIN_LENGTH ? (
        <EmptyState heading="Enter at least two characters in the search box." />
      ) : (
        <div className="slds-grid slds-gutters_x-small slds-m-top_small">
          <div className="slds-col slds-size_1-of-5">
            <nav className="slds-nav-vertical slds-card slds-p-vertical_small" aria-label="Search results by object">
              <ul>
                <NavEntry label="Top Results" active={type === undefined} onSelect={() => select(undefined)} />
                {SEARCH_TYPES.map((t) => (
                  <NavEntry
                    key={t}
                    label={SEARCH_TYPE_INFO[t].plural}
                    count={top.data?.groups.find((g) => g.type === t)?.total}
                    active={type === t}
                    onSelect={() => select(t)}
                  />
                ))}
              </ul>
            </nav>
          </div>
          <div className="slds-col slds-size_4-of-5">
            {top.data ? <PartialResultsAlert unavailable={top.data.unavailable} /> : null}
            {type ? (
              <TypeResults key={`${q}-${type}`} q={q} type={type} />
            ) : top.isPending ? (
              <Spinner inline />
            ) : top.isError ? (
              <EmptyState heading="Search could not be completed. Try again." />
            ) : (
              <TopResults groups={top.data.groups} onMore={select} />
            )}
          </div>
        </div>
      )}
    </div>
  )
}

function NavEntry({ label, count, active, onSelect }: { label: string; count?: number; active: boolean; onSelect: () => void }) {
  return (
    <li className={cx('slds-nav-vertical__item', active && 'slds-is-active')}>
      <button type="button" className="slds-nav-vertical__action" aria-current={active ? 'page' : undefined} onClick={onSelect}>
        {label}
        {count !== undefined ? <span className="slds-badge slds-col_bump-left">{count}</span> : null}
      </button>
    </li>
  )
}

function TopResults({ groups, onMore }: { groups: SearchGroup[]; onMore: (type: SearchType) => void }) {
  const found = groups.filter((g) => g.items.length > 0)
  if (found.length === 0) return <EmptyState heading="No results. Check the spelling or try other words." />
  return (
    <>
      {found.map((g) => (
        <ResultsCard key={g.type} group={g} onMore={g.total > g.items.length ? () => onMore(g.type) : undefined} />
      ))}
    </>
  )
}

function TypeResults({ q, type }: { q: string; type: SearchType }) {
  const [limit, setLimit] = useState(TYPE_PAGE)
  const results = useSearch(q, { types: [type], limit })
  const group = results.data?.groups.find((g) => g.type === type)
  if (results.isPending) return <Spinner inline />
  if (!group) return <EmptyState heading="These results are not available right now." />
  if (group.items.length === 0) return <EmptyState heading="No results. Check the spelling or try other words." />
  const canLoadMore = group.total > group.items.length && limit < MAX_LIMIT
  return <ResultsCard group={group} onMore={canLoadMore ? () => setLimit(Math.min(MAX_LIMIT, limit + TYPE_PAGE * 2)) : undefined} />
}

function ResultsCard({ group, onMore }: { group: SearchGroup; onMore?: () => void }) {
  const icon = recordIcon(group.type)
  return (
    <Card
      icon={icon}
      title={`${typePlural(group.type)} (${group.total})`}
      footer={
        onMore ? (
          <button type="button" className="slds-button" onClick={onMore}>
            View more
          </button>
        ) : undefined
      }
    >
      <ul className="slds-has-dividers_bottom-space">
        {group.items.map((item) => (
          <li key={item.id} className="slds-item">
            <div className="slds-media slds-media_center">
              <div className="slds-media__figure">
                <Icon icon={icon} size="small" />
              </div>
              <div className="slds-media__body">
                <Link to={item.url}>{item.title}</Link>
                {item.subtitle ? <div className="slds-text-body_small slds-text-color_weak">{item.subtitle}</div> : null}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  )
}
