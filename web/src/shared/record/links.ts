/** An http(s) URL for a website typed without a scheme ("acme.com"); nothing for other schemes. */
export function safeHref(website: string): string | undefined {
  const trimmed = website.trim()
  if (!trimmed) return undefined
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`
  try {
    const url = new URL(withScheme)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}
