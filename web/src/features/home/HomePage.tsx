import eventsImage from '@salesforce-ux/design-system/assets/images/illustrations/empty-state-events.svg'
import tasksImage from '@salesforce-ux/design-system/assets/images/illustrations/empty-state-tasks.svg'
import { Link } from 'react-router'
import { NAV_ITEMS, NEW_ITEMS, REPORT_ITEMS } from '../../app/navigation'
import { Card, EmptyState, Icon, PageHeader } from '../../shared/ui'
import { isAdmin, useCurrentUser } from '../auth/session'

function greeting(date: Date): string {
  const hour = date.getHours()
  if (hour < 12) return 'Good morning'
  if (hour < 18) return 'Good afternoon'
  return 'Good evening'
}

export function HomePage() {
  const { data: user } = useCurrentUser()
  const today = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' }).format(new Date())
  const quickLinks = [...NAV_ITEMS.filter((i) => i.path !== '/' && (!i.adminOnly || isAdmin(user))), ...REPORT_ITEMS]

  return (
    <div className="crm-page">
      <PageHeader
        variant="base"
        icon="standard:home"
        label="Home"
        title={`${greeting(new Date())}${user?.first_name ? `, ${user.first_name}` : ''}`}
        meta={today}
      />
      <div className="slds-grid slds-wrap slds-gutters_direct-x-small crm-page__body">
        <div className="slds-col slds-size_1-of-1 slds-large-size_8-of-12">
          <Card title="My agenda today" icon="standard:event" className="crm-home-card">
            <EmptyState image={eventsImage} heading="Nothing scheduled" message="Looks like you have a free day." />
          </Card>
          <Card title="Open cases assigned to me" icon="standard:case" className="crm-home-card">
            <EmptyState image={tasksImage} heading="No open cases" message="Cases assigned to you will show up here." />
          </Card>
        </div>
        <div className="slds-col slds-size_1-of-1 slds-large-size_4-of-12">
          <Card title="Quick links" icon="standard:link" className="crm-home-card" bodyClassName="slds-card__body">
            <ul className="slds-has-dividers_top-space crm-quick-links">
              {quickLinks.map((item) => (
                <li key={item.path} className="slds-item">
                  <Link to={item.path} className="slds-media slds-media_center">
                    <span className="slds-media__figure">
                      <Icon icon={item.icon} size="small" />
                    </span>
                    <span className="slds-media__body">{item.label}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Create" icon="standard:record_create" className="crm-home-card" bodyClassName="slds-card__body">
            <ul className="slds-has-dividers_top-space crm-quick-links">
              {NEW_ITEMS.map((item) => (
                <li key={item.path} className="slds-item">
                  <Link to={item.path} className="slds-media slds-media_center">
                    <span className="slds-media__figure">
                      <Icon icon={item.icon} size="small" />
                    </span>
                    <span className="slds-media__body">{item.label}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </div>
  )
}
