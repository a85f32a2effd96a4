// CSV as the server's exports write it: RFC 4180 quoting, CRLF lines, and a cell that starts with
// = + - @ tab or CR prefixed with ' so a spreadsheet shows it as text instead of running it.

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Lines of cells as CSV text (the first line is the header). */
export function toCsv(lines: readonly (readonly string[])[]): string {
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** Saves `text` as a file in the browser's downloads. */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
