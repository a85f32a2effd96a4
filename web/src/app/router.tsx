import { createBrowserRouter } from 'react-router'
import { AccountRecordPage } from '../features/accounts/AccountRecordPage'
import { AccountsListPage } from '../features/accounts/AccountsListPage'
import { ActivityRecordPage } from '../features/activities/ActivityRecordPage'
import { MyTasksPage } from '../features/activities/MyTasksPage'
import { UsersPage } from '../features/admin-users/UsersPage'
import { LoginPage } from '../features/auth/LoginPage'
import { SetPasswordPage } from '../features/auth/SetPasswordPage'
import { CaseRecordPage } from '../features/cases/CaseRecordPage'
import { CasesListPage } from '../features/cases/CasesListPage'
import { SearchResultsPage } from '../features/search/SearchResultsPage'
import { ContactRecordPage } from '../features/contacts/ContactRecordPage'
import { ContactsListPage } from '../features/contacts/ContactsListPage'
import { HomePage } from '../features/home/HomePage'
import { LeadRecordPage } from '../features/leads/LeadRecordPage'
import { LeadsListPage } from '../features/leads/LeadsListPage'
import { OpportunitiesPage } from '../features/opportunities/OpportunitiesPage'
import { OpportunityRecordPage } from '../features/opportunities/OpportunityRecordPage'
import { ContractRecordPage } from '../features/contracts/ContractRecordPage'
import { ContractsListPage } from '../features/contracts/ContractsListPage'
import { OrderRecordPage } from '../features/orders/OrderRecordPage'
import { OrdersListPage } from '../features/orders/OrdersListPage'
import { PaymentsListPage } from '../features/payments/PaymentsListPage'
import { ProductsPage } from '../features/products/ProductsPage'
import { CasesReportPage } from '../features/reports/CasesReportPage'
import { PipelineReportPage } from '../features/reports/PipelineReportPage'
import { ReceivablesReportPage } from '../features/reports/ReceivablesReportPage'
import { ReportsPage } from '../features/reports/ReportsPage'
import { RetainerReportPage } from '../features/reports/RetainerReportPage'
import { WonRevenueReportPage } from '../features/reports/WonRevenueReportPage'
import { AppShell } from './AppShell'
import { NAV_ITEMS } from './navigation'
import { ComingSoonPage, NotFoundPage } from './pages'
import { RequireAdmin } from './RequireAdmin'

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/set-password', element: <SetPasswordPage /> },
    {
      path: '/',
      element: <AppShell />,
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'admin/users',
          element: (
            <RequireAdmin>
              <UsersPage />
            </RequireAdmin>
          ),
        },
        { path: 'accounts', element: <AccountsListPage /> },
        { path: 'accounts/new', element: <AccountsListPage /> },
        { path: 'accounts/:id', element: <AccountRecordPage /> },
        { path: 'contacts', element: <ContactsListPage /> },
        { path: 'contacts/new', element: <ContactsListPage /> },
        { path: 'contacts/:id', element: <ContactRecordPage /> },
        { path: 'leads', element: <LeadsListPage /> },
        { path: 'leads/new', element: <LeadsListPage /> },
        { path: 'leads/:id', element: <LeadRecordPage /> },
        { path: 'opportunities', element: <OpportunitiesPage /> },
        { path: 'opportunities/:id', element: <OpportunityRecordPage /> },
        { path: 'orders', element: <OrdersListPage /> },
        { path: 'orders/:id', element: <OrderRecordPage /> },
        { path: 'payments', element: <PaymentsListPage /> },
        { path: 'contracts', element: <ContractsListPage /> },
        { path: 'contracts/:id', element: <ContractRecordPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'reports/pipeline', element: <PipelineReportPage /> },
        { path: 'reports/won-revenue', element: <WonRevenueReportPage /> },
        { path: 'reports/cases', element: <CasesReportPage /> },
        { path: 'reports/receivables', element: <ReceivablesReportPage /> },
        { path: 'reports/retainer', element: <RetainerReportPage /> },
        { path: 'cases', element: <CasesListPage /> },
        { path: 'cases/new', element: <CasesListPage /> },
        { path: 'cases/:id', element: <CaseRecordPage /> },
        { path: 'search', element: <SearchResultsPage /> },
        { path: 'tasks', element: <MyTasksPage /> },
        { path: 'activities/:id', element: <ActivityRecordPage /> },
        // FullCalendar is the biggest dependency: loaded with the Calendar tab only.
        { path: 'calendar', lazy: async () => ({ Component: (await import('../features/activities/CalendarPage')).CalendarPage }) },
        {
          path: 'products',
          element: (
            <RequireAdmin>
              <ProductsPage />
            </RequireAdmin>
          ),
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
