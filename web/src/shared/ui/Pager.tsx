import type { ReactNode } from 'react'

export interface PagerProps {
  page: number
  pageCount: number
  onPage: (page: number) => void
  /** What the list shows ("Page 2 of 5", "Showing 51–100 of 240"). */
  summary: ReactNode
  /** `status`: a screen reader announces the summary when it changes. */
  summaryRole?: 'status'
}

/** The footer of a list: where the reader is, and Previous / Next when there is more than one page. */
export function Pager({ page, pageCount, onPage, summary, summaryRole }: PagerProps) {
  return (
    <div className="crm-pager slds-grid slds-grid_align-spread slds-grid_vertical-align-center slds-p-around_small">
      <span className="slds-text-body_small slds-text-color_weak" role={summaryRole}>
        {summary}
      </span>
      {pageCount > 1 ? (
        <div className="slds-button-group" role="group" aria-label="Pages">
          <button type="button" className="slds-button slds-button_neutral" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            Previous
          </button>
          <button type="button" className="slds-button slds-button_neutral" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
            Next
          </button>
        </div>
      ) : null}
    </div>
  )
}
