import { Icon } from '../../shared/ui'

/** "Some results may be missing: Billing is unavailable." — shown whenever a service could not answer. */
export function PartialResultsAlert({ unavailable }: { unavailable: readonly string[] }) {
  if (unavailable.length === 0) return null
  const names = unavailable.length === 1 ? unavailable[0] : `${unavailable.slice(0, -1).join(', ')} and ${unavailable.at(-1)}`
  return (
    <div className="slds-scoped-notification slds-theme_warning crm-search-partial" role="status">
      <div className="slds-media slds-media_center">
        <div className="slds-media__figure">
          <Icon icon="utility:warning" size="x-small" variant="warning" />
        </div>
        <div className="slds-media__body">
          Some results may be missing: {names} {unavailable.length === 1 ? 'is' : 'are'} unavailable.
        </div>
      </div>
    </div>
  )
}
