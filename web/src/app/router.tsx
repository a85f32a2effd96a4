import { createBrowserRouter } from 'react-router'
import { AccountRecordPage } from '../features/accounts/AccountRecordPage'
import { AccountsListPage } from '../features/accounts/AccountsListPage'
import { UsersPage } from '../features/admin-users/UsersPage'
import { LoginPage } from '../features/auth/LoginPage'
import { SetPasswordPage } from '../features/auth/SetPasswordPage'
import { HomePage } from '../features/home/HomePage'
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
