import { api, isApiError } from '../../shared/api'
import type { components } from '../../shared/api/generated/sales'
import type { Wire } from '../../shared/api/wire'
import type { ImportObject } from './fields'

/** The answer of POST /{list}/import and of its dry run (also the body of its 400). */
export type ImportAnswer = Wire<components['schemas']['ImportAnswer']>
export type ImportRowError = ImportAnswer['errors'][number]
export type ImportDuplicate = ImportAnswer['duplicates'][number]

export interface ImportRun {
  dryRun: boolean
  skipDuplicates: boolean
}

/**
 * Sends the file (its header already rewritten to field names). A file with wrong rows answers 400 with the same
 * shape as a success, so that answer is returned, not thrown; anything else (413, 401...) throws as usual.
 */
export async function runImport(object: ImportObject, csv: string, run: ImportRun): Promise<ImportAnswer> {
  try {
    return await api.post<ImportAnswer>(`/${object}/import`, csv, {
      contentType: 'text/csv; charset=utf-8',
      query: { dry_run: run.dryRun || undefined, skip_duplicates: run.skipDuplicates || undefined },
    })
  } catch (error) {
    if (isApiError(error) && error.status === 400 && isImportAnswer(error.body)) return error.body
    throw error
  }
}

function isImportAnswer(body: unknown): body is ImportAnswer {
  return typeof body === 'object' && body !== null && 'rows' in body && Array.isArray((body as { errors?: unknown }).errors)
}
