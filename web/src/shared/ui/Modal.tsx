import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { cx } from './cx'
import { ButtonSvg } from './Icon'
import { Spinner } from './Spinner'

export interface ModalProps {
  title: ReactNode
  /** Small text under the title. */
  tagline?: ReactNode
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  size?: 'small' | 'medium' | 'large' | 'full'
  /** Shows a spinner over the content (saving...). */
  busy?: boolean
  /** Extra label read with the title, e.g. for the dialog's accessible description. */
  describedBy?: string
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** SLDS modal (`slds-modal`) rendered in a portal, with a backdrop, Escape to close and a focus trap. */
export function Modal({ title, tagline, onClose, children, footer, size, busy = false, describedBy }: ModalProps) {
  const headingId = useId()
  const contentId = useId()
  const containerRef = useRef<HTMLDivElement>(null)
  const onCloseRef = useRef(onClose)

  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null
    const container = containerRef.current
    const content = container?.querySelector<HTMLElement>('.slds-modal__content')
    const first = content?.querySelector<HTMLElement>(FOCUSABLE) ?? container?.querySelector<HTMLElement>('h1')
    first?.focus()
    const { overflow } = document.body.style
    document.body.style.overflow = 'hidden'
    return () => {
      document.body.style.overflow = overflow
      previouslyFocused?.focus?.()
    }
  }, [])

  function handleKeyDown(event: React.KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onCloseRef.current()
      return
    }
    if (event.key !== 'Tab' || !containerRef.current) return
    const nodes = Array.from(containerRef.current.querySelectorAll<HTMLElement>(FOCUSABLE))
    if (nodes.length === 0) return
    const firstNode = nodes[0]!
    const lastNode = nodes[nodes.length - 1]!
    if (event.shiftKey && document.activeElement === firstNode) {
      event.preventDefault()
      lastNode.focus()
    } else if (!event.shiftKey && document.activeElement === lastNode) {
      event.preventDefault()
      firstNode.focus()
    }
  }

  return createPortal(
    <>
      <section
        role="dialog"
        tabIndex={-1}
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={describedBy ?? contentId}
        className={cx('slds-modal slds-fade-in-open', size && `slds-modal_${size}`)}
        onKeyDown={handleKeyDown}
      >
        <div className="slds-modal__container" ref={containerRef}>
          <button
            type="button"
            className="slds-button slds-button_icon slds-modal__close"
            onClick={() => onCloseRef.current()}
            title="Close"
          >
            <ButtonSvg name="close" className="slds-button__icon_large" />
            <span className="slds-assistive-text">Close</span>
          </button>
          <div className="slds-modal__header">
            <h1 id={headingId} className="slds-modal__title slds-hyphenate" tabIndex={-1}>
              {title}
            </h1>
            {tagline ? <p className="slds-m-top_x-small">{tagline}</p> : null}
          </div>
          <div className="slds-modal__content slds-p-around_medium slds-is-relative" id={contentId}>
            {busy ? <Spinner size="medium" label="Saving" /> : null}
            {children}
          </div>
          {footer ? <div className="slds-modal__footer">{footer}</div> : null}
        </div>
      </section>
      <div className="slds-backdrop slds-backdrop_open" role="presentation" />
    </>,
    document.body,
  )
}
