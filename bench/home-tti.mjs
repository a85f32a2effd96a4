// Loads Home N times in headless Chromium (Debian's, driven by playwright-core from web/node_modules) and
// prints the median and p95 time to interactive: from the start of the navigation until the six key-figure
// tiles show their figures, and until both charts have drawn their bars.
// Usage: node bench/home-tti.mjs <gateway url> <email> <password> [runs=20]
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(fileURLToPath(new URL('../web/package.json', import.meta.url)))
const { chromium } = require('playwright-core')

const [gateway, email, password, runsArg = '20'] = process.argv.slice(2)
const runs = Number(runsArg)
if (!gateway || !email || !password || !(runs > 0)) {
  console.error('usage: node bench/home-tti.mjs <gateway url> <email> <password> [runs=20]')
  process.exit(2)
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  // One login: the session cookie lands in the context and every load of Home uses it.
  const login = await context.request.post(`${gateway}/api/v1/auth/login`, { data: { email, password } })
  if (!login.ok()) throw new Error(`login failed: ${login.status()} ${await login.text()}`)

  const tiles = []
  const charts = []
  for (let i = 0; i <= runs; i++) {
    const page = await context.newPage()
    await page.goto(`${gateway}/`, { waitUntil: 'commit' })
    // performance.now() is measured from the navigation's start (the page's time origin).
    const tilesAt = await page.waitForFunction(() => document.querySelectorAll('[data-kpi][data-state="ready"]').length === 6 && performance.now(), null, {
      polling: 'raf',
      timeout: 60_000,
    })
    const chartsAt = await page.waitForFunction(() => document.querySelectorAll('.crm-chart .crm-chart__bar').length >= 15 && performance.now(), null, {
      polling: 'raf',
      timeout: 60_000,
    })
    const t = await tilesAt.jsonValue()
    const c = await chartsAt.jsonValue()
    if (i === 0) console.log(`home: first (cold cache) load: tiles ${t.toFixed(0)} ms, charts ${c.toFixed(0)} ms`)
    else {
      tiles.push(t)
      charts.push(c)
    }
    const errors = await page.locator('[data-kpi][data-state="error"]').count()
    if (errors > 0) throw new Error(`${errors} tiles could not load their figures`)
    await page.close()
  }

  const at = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  }
  console.log(`home: ${runs} loads (warm cache, logged in), time to interactive:`)
  console.log(`  tiles with their figures: median ${at(tiles, 0.5).toFixed(0)} ms, p95 ${at(tiles, 0.95).toFixed(0)} ms`)
  console.log(`  both charts drawn:        median ${at(charts, 0.5).toFixed(0)} ms, p95 ${at(charts, 0.95).toFixed(0)} ms`)
} finally {
  await browser.close()
}
