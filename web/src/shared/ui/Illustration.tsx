import type { ReactNode } from 'react'
import { cx } from './cx'
import desert from './illustrations/desert.svg?raw'
import noAccess from './illustrations/no-access.svg?raw'
import openRoad from './illustrations/open-road.svg?raw'
import pageNotAvailable from './illustrations/page-not-available.svg?raw'

// SVGs are the SLDS illustrations (drawn with `slds-illustration__*` classes so SLDS colours them).
const SVGS = {
  'no-access': noAccess,
  'page-not-available': pageNotAvailable,
  'open-road': openRoad,
  desert,
} as const

export type IllustrationName = keyof typeof SVGS

export interface IllustrationProps {
  name: IllustrationName
  heading: ReactNode
  message?: ReactNode
  size?: 'small' | 'large'
  /** Buttons or links under the message. */
  children?: ReactNode
  className?: string
}

/** SLDS illustration (`slds-illustration`) for empty, no-access, 404 and coming-soon states. */
export function Illustration({ name, heading, message, size = 'large', children, className }: IllustrationProps) {
  return (
    <div className={cx('slds-illustration', `slds-illustration_${size}`, className)}>
      {/* Static markup shipped with the app, not user content. */}
      <div className="crm-illustration__art" dangerouslySetInnerHTML={{ __html: SVGS[name] }} />
      <div className="slds-text-longform">
        <h3 className="slds-text-heading_medium">{heading}</h3>
        {message ? <p className="slds-text-body_regular">{message}</p> : null}
        {children ? <div className="slds-m-top_medium">{children}</div> : null}
      </div>
    </div>
  )
}

/** Small empty state for cards: an SLDS empty-state image (or none) with a line of text. */
export function EmptyState({ image, heading, message }: { image?: string; heading: ReactNode; message?: ReactNode }) {
  return (
    <div className="crm-empty-state slds-text-align_center slds-p-vertical_medium">
      {image ? <img src={image} alt="" className="crm-empty-state__image" /> : null}
      <p className="slds-text-heading_small slds-m-top_small">{heading}</p>
      {message ? <p className="slds-text-color_weak slds-m-top_xx-small">{message}</p> : null}
    </div>
  )
}
