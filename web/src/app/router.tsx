import type { ComponentType } from 'react'
import { createBrowserRouter } from 'react-router'
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage'
import { LoginPage } from '../features/auth/LoginPage'
import { SetPasswordPage } from '../features/auth/SetPasswordPage'
import { HomePage } from '../features/home/HomePage'
import { AppShell } from './AppShell'
import { NAV_ITEMS } from './navigation'
import { ComingSoonPage, NotFoundPage } from './pages'
import { RequireAdmin } from './RequireAdmin'

/**
 * A page loaded with its route: Home, the first screen, is in the main bundle; every other page (and what only it
 * uses: FullCalendar, the charts, the import wizard) comes when it is first opened, so Home is interactive sooner.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) })
}

/** The same, behind the admin check. */
function adminPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => {
    const Page = pick(await load())
    return {
      element: (
        <RequireAdmin>
          <Page />
        </RequireAdmin>
      ),
    }
  }
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/set-password', element: <SetPasswordPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    {
      path: '/',
      element: <AppShell />,
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'admin/users',
          lazy: adminPage(() => import('../features/admin-users/UsersPage'), (m) => m.UsersPage),
        },
        {
          path: 'admin/api-clients',
          lazy: adminPage(() => import('../features/admin-api-clients/ApiClientsPage'), (m) => m.ApiClientsPage),
        },
        { path: 'accounts', lazy: page(() => import('../features/accounts/AccountsListPage'), (m) => m.AccountsListPage) },
        { path: 'accounts/new', lazy: page(() => import('../features/accounts/AccountsListPage'), (m) => m.AccountsListPage) },
        { path: 'accounts/:id', lazy: page(() => import('../features/accounts/AccountRecordPage'), (m) => m.AccountRecordPage) },
        { path: 'contacts', lazy: page(() => import('../features/contacts/ContactsListPage'), (m) => m.ContactsListPage) },
        { path: 'contacts/new', lazy: page(() => import('../features/contacts/ContactsListPage'), (m) => m.ContactsListPage) },
        { path: 'contacts/:id', lazy: page(() => import('../features/contacts/ContactRecordPage'), (m) => m.ContactRecordPage) },
        { path: 'leads', lazy: page(() => import('../features/leads/LeadsListPage'), (m) => m.LeadsListPage) },
        { path: 'leads/new', lazy: page(() => import('../features/leads/LeadsListPage'), (m) => m.LeadsListPage) },
        { path: 'leads/:id', lazy: page(() => import('../features/leads/LeadRecordPage'), (m) => m.LeadRecordPage) },
        { path: 'opportunities', lazy: page(() => import('../features/opportunities/OpportunitiesPage'), (m) => m.OpportunitiesPage) },
        { path: 'opportunities/:id', lazy: page(() => import('../features/opportunities/OpportunityRecordPage'), (m) => m.OpportunityRecordPage) },
        { path: 'orders', lazy: page(() => import('../features/orders/OrdersListPage'), (m) => m.OrdersListPage) },
        { path: 'orders/:id', lazy: page(() => import('../features/orders/OrderRecordPage'), (m) => m.OrderRecordPage) },
        { path: 'payments', lazy: page(() => import('../features/payments/PaymentsListPage'), (m) => m.PaymentsListPage) },
        { path: 'contracts', lazy: page(() => import('../features/contracts/ContractsListPage'), (m) => m.ContractsListPage) },
        { path: 'contracts/:id', lazy: page(() => import('../features/contracts/ContractRecordPage'), (m) => m.ContractRecordPage) },
        { path: 'reports', lazy: page(() => import('../features/reports/ReportsPage'), (m) => m.ReportsPage) },
        { path: 'reports/pipeline', lazy: page(() => import('../features/reports/PipelineReportPage'), (m) => m.PipelineReportPage) },
        { path: 'reports/won-revenue', lazy: page(() => import('../features/reports/WonRevenueReportPage'), (m) => m.WonRevenueReportPage) },
        { path: 'reports/cases', lazy: page(() => import('../features/reports/CasesReportPage'), (m) => m.CasesReportPage) },
        { path: 'reports/receivables', lazy: page(() => import('../features/reports/ReceivablesReportPage'), (m) => m.ReceivablesReportPage) },
        { path: 'reports/retainer', lazy: page(() => import('../features/reports/RetainerReportPage'), (m) => m.RetainerReportPage) },
        { path: 'cases', lazy: page(() => import('../features/cases/CasesListPage'), (m) => m.CasesListPage) },
        { path: 'cases/new', lazy: page(() => import('../features/cases/CasesListPage'), (m) => m.CasesListPage) },
        { path: 'cases/:id', lazy: page(() => import('../features/cases/CaseRecordPage'), (m) => m.CaseRecordPage) },
        { path: 'search', lazy: page(() => import('../features/search/SearchResultsPage'), (m) => m.SearchResultsPage) },
        { path: 'tasks', lazy: page(() => import('../features/activities/MyTasksPage'), (m) => m.MyTasksPage) },
        { path: 'activities/:id', lazy: page(() => import('../features/activities/ActivityRecordPage'), (m) => m.ActivityRecordPage) },
        { path: 'calendar', lazy: page(() => import('../features/activities/CalendarPage'), (m) => m.CalendarPage) },
        {
          path: 'settings/two-factor',
          lazy: page(() => import('../features/two-factor/TwoFactorSettingsPage'), (m) => m.TwoFactorSettingsPage),
        },
        { path: 'setup', lazy: adminPage(() => import('../features/setup/SetupPage'), (m) => m.SetupPage) },
        {
          path: 'products',
          lazy: adminPage(() => import('../features/products/ProductsPage'), (m) => m.ProductsPage),
        },
        ...NAV_ITEMS.filter((item) => item.comingSoon).map((item) => ({
          path: item.path.slice(1),
          element: <ComingSoonPage />,
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ])
}

export type AppRouter = ReturnType<typeof createRouter>
