import { useId, useState, type ReactNode } from 'react'
import { cx, Icon, type IconProps } from '../ui'

export interface HighlightField {
  label: string
  value: ReactNode
  /** Tooltip for truncated values. */
  title?: string
}

export interface RecordAction {
  label: string
  onClick: () => void
  disabled?: boolean
  /** Tooltip (e.g. why it's disabled). */
  title?: string
}

export interface RecordHighlightsProps {
  icon: IconProps['icon']
  /** Singular object label: "Account". */
  objectLabel: string
  /** The record's name. */
  title: string
  /** Up to 5 key fields (more are ignored, as in Lightning's compact layout). */
  fields: readonly HighlightField[]
  /** Buttons at the top right: Edit, Deactivate... */
  actions?: readonly RecordAction[]
  /** Small badge after the name, e.g. "Inactive". */
  badge?: string
}

/** The highlights panel: SLDS page header, record-home variant, with a row of key fields. */
export function RecordHighlights({ icon, objectLabel, title, fields, actions = [], badge }: RecordHighlightsProps) {
  return (
    <div className="slds-page-header slds-page-header_record-home crm-highlights">
      <div className="slds-page-header__row">
        <div className="slds-page-header__col-title">
          <div className="slds-media">
            <div className="slds-media__figure">
              <Icon icon={icon} containerClassName="slds-page-header__icon" />
            </div>
            <div className="slds-media__body">
              <div className="slds-page-header__name">
                <div className="slds-page-header__name-title">
                  <h1>
                    <span>{objectLabel}</span>
                    <span className="slds-page-header__title slds-truncate" title={title}>
                      {title}
                      {badge ? <span className="slds-badge slds-m-left_small crm-highlights__badge">{badge}</span> : null}
                    </span>
                  </h1>
                </div>
              </div>
            </div>
          </div>
        </div>
        {actions.length > 0 ? (
          <div className="slds-page-header__col-actions">
            <div className="slds-page-header__controls">
              <div className="slds-page-header__control">
                <ul className="slds-button-group-list">
                  {actions.map((action) => (
                    <li key={action.label}>
                      <button
                        type="button"
                        className="slds-button slds-button_neutral"
                        onClick={action.onClick}
                        disabled={action.disabled}
                        title={action.title}
                      >
                        {action.label}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        ) : null}
      </div>
      {fields.length > 0 ? (
        <div className="slds-page-header__row slds-page-header__row_gutters">
          <div className="slds-page-header__col-details">
            <ul className="slds-page-header__detail-row">
              {fields.slice(0, 5).map((field) => (
                <li key={field.label} className="slds-page-header__detail-block">
                  <div className="slds-text-title slds-truncate" title={field.label}>
                    {field.label}
                  </div>
                  <div className="slds-truncate crm-highlights__value" title={field.title}>
                    {field.value ?? ''}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  )
}

export interface RecordTab {
  label: string
  content: ReactNode
}

/** SLDS tabs (`slds-tabs_card`) inside a card: "Details" / "Related". */
export function RecordTabs({ tabs, initial = 0 }: { tabs: readonly RecordTab[]; initial?: number }) {
  const [active, setActive] = useState(initial)
  const id = useId()
  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const next = event.key === 'ArrowRight' ? (active + 1) % tabs.length : (active - 1 + tabs.length) % tabs.length
    setActive(next)
    document.getElementById(`${id}-tab-${next}`)?.focus()
  }
  return (
    <div className="slds-tabs_card crm-record-tabs">
      <div className="slds-tabs_default">
        <ul className="slds-tabs_default__nav" role="tablist" onKeyDown={onKeyDown}>
          {tabs.map((tab, index) => (
            <li key={tab.label} className={cx('slds-tabs_default__item', index === active && 'slds-is-active')} title={tab.label} role="presentation">
              <a
                className="slds-tabs_default__link"
                href={`#${id}-panel-${index}`}
                role="tab"
                tabIndex={index === active ? 0 : -1}
                aria-selected={index === active}
                aria-controls={`${id}-panel-${index}`}
                id={`${id}-tab-${index}`}
                onClick={(e) => {
                  e.preventDefault()
                  setActive(index)
                }}
              >
                {tab.label}
              </a>
            </li>
          ))}
        </ul>
        {tabs.map((tab, index) => (
          <div
            key={tab.label}
            id={`${id}-panel-${index}`}
            className={cx('slds-tabs_default__content', index === active ? 'slds-show' : 'slds-hide')}
            role="tabpanel"
            aria-labelledby={`${id}-tab-${index}`}
          >
            {index === active ? tab.content : null}
          </div>
        ))}
      </div>
    </div>
  )
}

export interface RecordPageLayoutProps {
  /** The highlights panel (`<RecordHighlights>`). */
  header: ReactNode
  /** The "Details" tab (usually `<RecordDetails>`). */
  details: ReactNode
  /** The "Related" tab (`<RelatedList>` cards); no tab without it. */
  related?: ReactNode
  /** The right column, usually the activity timeline (features/activities); the main column takes the width without it. */
  aside?: ReactNode
  /** Between the highlights and the tabs: the status / stage path (`<RecordPath>`). */
  path?: ReactNode
}

/** Lightning record home: highlights on top, a main column with Details / Related tabs, a right column. */
export function RecordPageLayout({ header, details, related, aside, path }: RecordPageLayoutProps) {
  const tabs = [{ label: 'Details', content: details }, ...(related === undefined ? [] : [{ label: 'Related', content: related }])]
  return (
    <div className="crm-page crm-record-page">
      {header}
      {path ? <div className="slds-card crm-record-path">{path}</div> : null}
      <div className="slds-grid slds-wrap slds-gutters_direct-x-small crm-page__body">
        <div className={cx('slds-col slds-size_1-of-1 crm-record-page__main', aside ? 'slds-large-size_8-of-12' : undefined)}>
          <RecordTabs tabs={tabs} />
        </div>
        {aside ? <div className="slds-col slds-size_1-of-1 slds-large-size_4-of-12 crm-record-page__aside">{aside}</div> : null}
      </div>
    </div>
  )
}
