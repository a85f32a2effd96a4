import { createContext, useContext } from 'react'

export type ToastVariant = 'success' | 'info' | 'warning' | 'error'

export interface ToastOptions {
  variant?: ToastVariant
  title: string
  message?: string
  /** Milliseconds; 0 keeps it until closed. Default: 4800 (errors: 10000). */
  duration?: number
}

export interface ToastApi {
  show: (toast: ToastOptions) => void
  success: (title: string, message?: string) => void
  error: (title: string, message?: string) => void
}

export const ToastContext = createContext<ToastApi | null>(null)

/** Shows SLDS toasts (top centre, auto-dismiss). Needs <ToastProvider> above. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext)
  if (!api) throw new Error('useToast must be used inside <ToastProvider>')
  return api
}
