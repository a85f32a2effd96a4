import { cx } from './cx'

/** The app's mark and name ("Agency CRM"). */
export function AppLogo({ size = 'small', className }: { size?: 'small' | 'large'; className?: string }) {
  return (
    <span className={cx('crm-logo', `crm-logo_${size}`, className)}>
      <svg className="crm-logo__mark" viewBox="0 0 48 32" aria-hidden="true" focusable="false">
        <path
          d="M19.9 3.5a8.6 8.6 0 0 1 6.3-2.7c3.3 0 6.2 1.8 7.7 4.6a10.6 10.6 0 0 1 4.4-.9C44.2 4.5 48 8.4 48 13.2S44.2 22 38.3 22c-.7 0-1.4-.1-2.1-.2a7.6 7.6 0 0 1-6.6 3.9c-1.2 0-2.3-.3-3.3-.8a8.7 8.7 0 0 1-16.1-.4c-.6.1-1.1.2-1.7.2C3.9 24.7.5 21.3.5 17c0-2.9 1.5-5.4 3.8-6.7-.5-1.1-.7-2.3-.7-3.5C3.6 2.9 6.8-.3 10.8-.3c2.3 0 4.4 1.1 5.8 2.9"
          fill="currentColor"
        />
        <path d="M17.5 19.5 22.4 7h3l4.9 12.5h-2.9l-1.1-3h-4.8l-1.1 3h-2.9Zm4.9-5.4h3.2L24 9.7l-1.6 4.4Z" fill="#fff" />
      </svg>
      <span className="crm-logo__name">Agency CRM</span>
    </span>
  )
}
