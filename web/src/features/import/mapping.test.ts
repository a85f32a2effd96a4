import { describe, expect, it } from 'vitest'
import { countRows, readCsv, replaceHeader } from './csv'
import { IMPORT_TARGETS } from './fields'
import { autoMap, duplicateFields, missingRequired, normalizeHeader, SKIP } from './mapping'

const accounts = IMPORT_TARGETS.accounts.fields
const contacts = IMPORT_TARGETS.contacts.fields
const leads = IMPORT_TARGETS.leads.fields

describe('header auto-mapping', () => {
  it('normalizes headers as the server does', () => {
    expect(normalizeHeader('  Billing   Address ')).toBe('billing_address')
    expect(normalizeHeader('Lead-Source')).toBe('lead_source')
    expect(normalizeHeader('FIRST_NAME')).toBe('first_name')
  })

  it("maps an accounts export's titles and skips its read-only columns", () => {
    expect(autoMap(['Account Name', 'Phone', 'Website', 'Type', 'Account Owner', 'Created Date'], accounts)).toEqual([
      'name',
      'phone',
      'website',
      'type',
      SKIP,
      SKIP,
    ])
  })

  it('maps snake_case names, any case and spacing, and aliases', () => {
    expect(autoMap(['BILLING_ADDRESS', 'shipping address', 'Id', 'Description'], accounts)).toEqual(['billing_address', 'shipping_address', SKIP, 'description'])
    expect(autoMap(['Name', 'Account Name', 'E-mail', 'Title'], contacts)).toEqual(['name', 'account_name', 'email', 'title'])
    expect(autoMap(['Name', 'Company', 'Lead Status', 'Lead Source', 'Lead Owner'], leads)).toEqual(['name', 'company', 'status', 'lead_source', SKIP])
  })

  it('maps a field to the first column that names it only', () => {
    expect(autoMap(['Phone', 'phone', 'Account Name', 'name'], accounts)).toEqual(['phone', SKIP, 'name', SKIP])
  })

  it('reports required fields no column fills and fields chosen twice', () => {
    expect(missingRequired(['phone', SKIP], accounts).map((f) => f.name)).toEqual(['name'])
    expect(missingRequired(['name', 'company'], leads)).toEqual([])
    expect(missingRequired(['first_name', 'company'], leads).map((f) => f.name)).toEqual(['last_name'])
    expect(duplicateFields(['email', SKIP, 'email', SKIP, 'phone'])).toEqual(['email'])
  })
})

describe('CSV reading', () => {
  it('reads quoted cells with commas, quotes and line breaks, CRLF lines and blank lines', () => {
    const text = 'name,notes\r\n"Acme, Inc","say ""hi""\r\nthere"\r\n\r\nBeta,\r\n'
    expect(readCsv(text).map((r) => r.cells)).toEqual([['name', 'notes'], ['Acme, Inc', 'say "hi"\r\nthere'], ['Beta', '']])
    expect(countRows(text)).toBe(2)
    expect(readCsv(text, 1)).toHaveLength(1)
  })

  it('rewrites only the header row to the chosen field names', () => {
    const text = '"Account Name",Phone,Owner\nAcme,123,Me\n"Beta ""B""",,You'
    expect(replaceHeader(text, ['name', 'phone', ''])).toBe('name,phone,\r\nAcme,123,Me\n"Beta ""B""",,You')
  })
})
