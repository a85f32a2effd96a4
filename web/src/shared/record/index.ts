// The record-page kit: every object (accounts, contacts, leads, opportunities, orders, cases) builds
// its list view, record page, details, new/edit modal and conflict handling from these.
export { ConflictDialog, type ConflictDialogProps } from './ConflictDialog'
export { conflictCurrent, conflictRows, fieldText, isConflict, type ConflictRow, type Versioned } from './conflict'
export { FieldInput, FieldOutput } from './FieldControls'
export { FilterPills, type ActiveFilter } from './FilterPills'
export { safeHref } from './links'
export {
  allFields,
  editableFields,
  picklistOptions,
  type ApiValue,
  type FieldChanges,
  type FieldDef,
  type FieldErrors,
  type FieldSection,
  type FieldValue,
  type FormValues,
  type LookupConfig,
  type LookupLabels,
  type LookupOption,
  type LookupSearchOptions,
  type LookupType,
  type PicklistOption,
  type VersionedChanges,
} from './fields'
export { applyChange, changedValues, createBody, initialLookupLabels, initialValues, REQUIRED_MESSAGE, splitApiErrors, toApiValue, validateRequired } from './form'
export { addDays, isDateKey, isoToLocalInput, isoToUtcDate, localDate, localDateKey, localInputToIso, utcDateToIso } from './datetime'
export { formatDate, formatDateRange, formatDateTime, formatMoney } from './format'
export { ListView, type ListColumn, type ListViewProps } from './ListView'
export { ListViewPicker } from './ListViewPicker'
export { listViewTitle, parseListView, type ListViewName } from './listViews'
export { LookupField, type LookupFieldProps } from './LookupField'
export { LookupFilter, type LookupFilterProps } from './LookupFilter'
export { RecordDetails, type RecordDetailsProps } from './RecordDetails'
export { RecordFormModal, type RecordFormModalProps } from './RecordFormModal'
export { RecordNotFound } from './RecordNotFound'
export {
  RecordHighlights,
  RecordPageLayout,
  RecordTabs,
  type HighlightField,
  type RecordAction,
  type RecordHighlightsProps,
  type RecordPageLayoutProps,
} from './RecordPage'
export { systemSection, type AuditedRecord } from './systemSection'
export { useUrlFilter } from './useUrlFilter'
export { RelatedList, type RelatedColumn, type RelatedListProps } from './RelatedList'
export { useVersionedSave, type SaveConflict, type VersionedSave, type VersionedSaveOptions } from './useVersionedSave'
export { CLOSED_STEP, pathAction, pathItems, type ClosedStep, type ClosedValue, type PathAction, type PathItem, type PathStep, type StepState } from './path'
export { RecordPath, type RecordPathProps } from './RecordPath'
export { RecordLoader, type RecordLoaderProps } from './RecordLoader'
