import type { FieldSection } from './fields'
import { formatDateTime } from './format'

/** The audit fields every record carries. */
export interface AuditedRecord {
  created_by: string
  created_at: string
  created_by_name?: string | null
  updated_by: string
  updated_at: string
  updated_by_name?: string | null
}

// Every AuditedRecord has these keys; TypeScript can't see that for a generic R.
const field = <R extends AuditedRecord>(name: keyof AuditedRecord) => name as Extract<keyof R, string>

function auditLine(name: string | null | undefined, at: string): string {
  return [name, formatDateTime(at)].filter(Boolean).join(', ')
}

/** Salesforce's "System Information" section: who created and who last modified the record, and when. */
export function systemSection<R extends AuditedRecord>(): FieldSection<R> {
  return {
    title: 'System Information',
    fields: [
      {
        name: field<R>('created_by'),
        label: 'Created By',
        type: 'text',
        readOnly: true,
        skipInConflicts: true,
        text: (r) => r.created_by_name ?? '',
        display: (r) => auditLine(r.created_by_name, r.created_at),
      },
      {
        name: field<R>('updated_by'),
        label: 'Last Modified By',
        type: 'text',
        readOnly: true,
        skipInConflicts: true,
        text: (r) => r.updated_by_name ?? '',
        display: (r) => auditLine(r.updated_by_name, r.updated_at),
      },
    ],
  }
}
