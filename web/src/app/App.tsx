import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router'
import { currentPath, loginPathFor, setUnauthorizedHandler } from '../shared/api'
import { ToastProvider } from '../shared/ui'
import { createQueryClient } from './queryClient'
import { createRouter } from './router'

const PUBLIC_PREFIXES = ['/login', '/set-password', '/forgot-password']

function createApp() {
  const queryClient = createQueryClient()
  const router = createRouter()
  // Any 401 outside login: forget cached data and go to /login, keeping the intended page.
  setUnauthorizedHandler(() => {
    const { pathname } = window.location
    if (PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) return
    const target = loginPathFor(currentPath())
    queryClient.clear()
    void router.navigate(target, { replace: true })
  })
  return { queryClient, router }
}

export function App() {
  const [{ queryClient, router }] = useState(createApp)
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  )
}
