import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy*/waitFor wait longer than their 1 s default: ./crm test runs these at low priority beside the
// integration tests, where a render can take seconds. A failing expectation still fails, only later.
configure({ asyncUtilTimeout: 10_000 })

afterEach(() => {
  cleanup()
})
