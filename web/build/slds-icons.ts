// Serves and emits the SLDS icon sprites from @salesforce-ux/design-system, so
// <use href="/assets/icons/utility-sprite/svg/symbols.svg#down"> works in dev,
// preview and the built app without a CDN and without copying files into public/.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Plugin } from 'vite'

const SPRITES = ['action', 'custom', 'doctype', 'standard', 'utility'] as const

function spritePath(kind: string): string {
  const require = createRequire(import.meta.url)
  const pkg = path.dirname(require.resolve('@salesforce-ux/design-system/package.json'))
  return path.join(pkg, 'assets', 'icons', `${kind}-sprite`, 'svg', 'symbols.svg')
}

export function sldsIcons(): Plugin {
  return {
    name: 'slds-icons',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/assets\/icons\/([a-z]+)-sprite\/svg\/symbols\.svg(?:\?.*)?$/.exec(req.url ?? '')
        const kind = match?.[1]
        if (!kind || !(SPRITES as readonly string[]).includes(kind)) {
          next()
          return
        }
        res.setHeader('Content-Type', 'image/svg+xml')
        res.setHeader('Cache-Control', 'public, max-age=3600')
        res.end(readFileSync(spritePath(kind)))
      })
    },
    generateBundle() {
      for (const kind of SPRITES) {
        this.emitFile({
          type: 'asset',
          fileName: `assets/icons/${kind}-sprite/svg/symbols.svg`,
          source: readFileSync(spritePath(kind)),
        })
      }
    },
  }
}
