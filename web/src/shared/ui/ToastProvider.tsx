import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { ButtonSvg, Icon } from './Icon'
import { ToastContext, type ToastApi, type ToastOptions, type ToastVariant } from './toast-context'

interface ToastItem extends Required<Omit<ToastOptions, 'message'>> {
  id: number
  message?: string
}

const ICONS: Record<ToastVariant, string> = {
  success: 'success',
  info: 'info',
  warning: 'warning',
  error: 'error',
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id))
  }, [])

  const show = useCallback((toast: ToastOptions) => {
    const variant = toast.variant ?? 'info'
    const item: ToastItem = {
      id: nextId.current++,
      variant,
      title: toast.title,
      message: toast.message,
      duration: toast.duration ?? (variant === 'error' ? 10000 : 4800),
    }
    // Newest on top; keep at most three like Lightning does.
    setToasts((list) => [item, ...list].slice(0, 3))
  }, [])

  const api = useMemo<ToastApi>(
    () => ({
      show,
      success: (title, message) => show({ variant: 'success', title, message }),
      error: (title, message) => show({ variant: 'error', title, message }),
    }),
    [show],
  )

  return (
    <ToastContext.Provider value={api}>
      {children}
      {createPortal(
        <div className="slds-notify_container crm-toasts" aria-live="polite">
          {toasts.map((t) => (
            <Toast key={t.id} toast={t} onClose={() => dismiss(t.id)} />
          ))}
        </div>,
        document.body,
      )}
    </ToastContext.Provider>
  )
}

function Toast({ toast, onClose }: { toast: ToastItem; onClose: () => void }) {
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    if (!toast.duration) return
    const timer = window.setTimeout(() => onCloseRef.current(), toast.duration)
    return () => window.clearTimeout(timer)
  }, [toast.duration])

  return (
    <div
      className={`slds-notify slds-notify_toast slds-theme_${toast.variant}`}
      role={toast.variant === 'error' ? 'alert' : 'status'}
    >
      <span className="slds-assistive-text">{toast.variant}</span>
      <Icon
        icon={`utility:${ICONS[toast.variant]}`}
        size="small"
        containerClassName="slds-m-right_small slds-no-flex slds-align-top"
      />
      <div className="slds-notify__content">
        <h2 className="slds-text-heading_small">{toast.title}</h2>
        {toast.message ? <p>{toast.message}</p> : null}
      </div>
      <div className="slds-notify__close">
        <button
          type="button"
          className="slds-button slds-button_icon slds-button_icon-inverse"
          title="Close"
          onClick={onClose}
        >
          <ButtonSvg name="close" className="slds-button__icon_large" />
          <span className="slds-assistive-text">Close notification</span>
        </button>
      </div>
    </div>
  )
}
