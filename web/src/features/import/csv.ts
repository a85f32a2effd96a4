/** A parsed CSV record and where it ends in the text (the offset just past its line break). */
export interface CsvRecord {
  cells: string[]
  end: number
}

/**
 * Reads records of RFC 4180 CSV (comma separated, double quotes, LF or CRLF), as the server's reader does, up to
 * `limit` records: enough for the wizard's header and preview without holding a 10,000-row file as cells.
 */
export function readCsv(text: string, limit = Number.POSITIVE_INFINITY): CsvRecord[] {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const endRecord = (end: number) => {
    cells.push(cell)
    // A completely empty line is not a record (the server skips it too).
    if (!(cells.length === 1 && cells[0] === '')) records.push({ cells, end })
    cells = []
    cell = ''
  }
  while (i < text.length && records.length < limit) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else cell += c
      i++
      continue
    }
    if (c === '"' && cell === '') {
      quoted = true
    } else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      const end = c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1
      endRecord(end)
      i = end
      continue
    } else {
      cell += c
    }
    i++
  }
  if (records.length < limit && (cell !== '' || cells.length > 0)) endRecord(text.length)
  return records
}

/** The file with its first record replaced by `header` (field names need no quoting); the data rows are sent as they are. */
export function replaceHeader(text: string, header: readonly string[]): string {
  const first = readCsv(text, 1)[0]
  const rest = first ? text.slice(first.end) : ''
  return `${header.join(',')}\r\n${rest}`
}

/** The number of data records, counted without keeping them. */
export function countRows(text: string): number {
  return Math.max(0, readCsv(text).length - 1)
}
