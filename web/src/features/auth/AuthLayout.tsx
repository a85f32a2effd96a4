import type { ReactNode } from 'react'
import { AppLogo } from '../../shared/ui/AppLogo'

/** The centred login-style card on a light blue-grey background (login, set password, forgot password). */
export function AuthLayout({ children, heading }: { children: ReactNode; heading?: string }) {
  return (
    <div className="crm-auth">
      <main className="crm-auth__main">
        <div className="crm-auth__logo">
          <AppLogo size="large" />
        </div>
        {heading ? <h1 className="crm-auth__heading slds-text-heading_medium">{heading}</h1> : null}
        <div className="crm-auth__card">{children}</div>
      </main>
      <footer className="crm-auth__footer">© {new Date().getFullYear()} Agency CRM. All rights reserved.</footer>
    </div>
  )
}
