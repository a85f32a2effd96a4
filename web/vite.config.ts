/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { sldsIcons } from './build/slds-icons.ts'

export default defineConfig({
  plugins: [react(), sldsIcons()],
  server: {
    proxy: {
      // The gateway; override with CRM_API_TARGET (e.g. to point at scripts/mock-api.mjs).
      '/api': { target: process.env.CRM_API_TARGET ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // SLDS CSS is large by nature; keep the warning for JS chunks meaningful.
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    include: ['src/**/*.test.{ts,tsx}'],
    // ./crm test runs these at low priority beside the integration tests: a starved test is slow, not wrong.
    testTimeout: 30_000,
  },
})
