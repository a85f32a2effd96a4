import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { isApiError } from '../api'
import { Illustration, Spinner } from '../ui'
import { RecordNotFound } from './RecordNotFound'

export interface RecordLoaderProps<R> {
  query: UseQueryResult<R>
  /** Singular, lower case: "contact" ("Loading contact", "This contact couldn't be loaded"). */
  objectName: string
  backHref: string
  backLabel: string
  children: (record: R) => ReactNode
}

/** A record page's loading, 404 ("This page isn't available") and error states; the page once loaded. */
export function RecordLoader<R>({ query, objectName, backHref, backLabel, children }: RecordLoaderProps<R>) {
  if (query.isPending) return <Spinner size="large" label={`Loading ${objectName}`} className="crm-app-loading" />
  if (query.isError) {
    const error = query.error
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return <RecordNotFound backHref={backHref} backLabel={backLabel} />
    return (
      <div className="crm-page">
        <div className="slds-card crm-page__body">
          <Illustration
            name="page-not-available"
            heading={`This ${objectName} couldn't be loaded`}
            message={isApiError(error) ? error.displayMessage : 'Try again in a moment.'}
          >
            <button type="button" className="slds-button slds-button_neutral" onClick={() => void query.refetch()}>
              Try Again
            </button>
          </Illustration>
        </div>
      </div>
    )
  }
  return <>{children(query.data)}</>
}
