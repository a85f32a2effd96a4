import { useState, type FormEvent } from 'react'
import { isApiError, type ApiError } from '../../shared/api'
import type { ApiClient, ApiClientWithSecret, Role } from '../../shared/api/types'
import { CheckboxField, ConfirmDialog, FormErrorAlert, FormModalFooter, Icon, Modal, SelectField, StaticField, TextField, useToast } from '../../shared/ui'
import { fetchLatestApiClient, useCreateApiClient, useRotateSecret, useUpdateApiClient } from './api'
import { ClientSecretModal } from './ClientSecret'
import { isRole, NAME_MAX_LENGTH, ROLE_OPTIONS, splitErrors, validate, type FieldErrors, type FieldName } from './form'

interface NewApiClientValues {
  name: string
  role: Role
}

/** "New API Client" modal: Name and Role, then (same modal) the client secret, shown once. */
export function NewApiClientModal({ onClose }: { onClose: () => void }) {
  const toast = useToast()
  const create = useCreateApiClient()
  const [values, setValues] = useState<NewApiClientValues>({ name: '', role: 'User' })
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [created, setCreated] = useState<ApiClientWithSecret>()

  const server = splitErrors(create.error, ['name', 'role'])
  const errorFor = (name: FieldName) => clientErrors[name] ?? server.fieldErrors[name]

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const invalid = validate(values)
    setClientErrors(invalid)
    if (Object.keys(invalid).length > 0) return
    create.mutate(
      { name: values.name.trim(), role: values.role },
      {
        onSuccess: (client) => {
          setCreated(client)
          toast.success(`API client "${client.name}" was created.`)
        },
      },
    )
  }

  if (created) return <ClientSecretModal title="API Client Created" client={created} onClose={onClose} />

  const formId = 'new-api-client-form'
  return (
    <Modal
      title="New API Client"
      onClose={onClose}
      busy={create.isPending}
      footer={<FormModalFooter formId={formId} onCancel={onClose} busy={create.isPending} />}
    >
      <form id={formId} onSubmit={onSubmit} noValidate>
        {server.other ? <FormErrorAlert title="We hit a snag.">{server.other}</FormErrorAlert> : null}
        <h2 className="slds-section__title slds-theme_shade crm-section-title">API Client Information</h2>
        <div className="slds-grid slds-gutters_small slds-wrap">
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
            <TextField
              label="Name"
              name="name"
              autoComplete="off"
              value={values.name}
              onChange={(name) => setValues((v) => ({ ...v, name }))}
              error={errorFor('name')}
              help="What the integration is, e.g. “Zapier sync” or “Website contact form”."
              required
              maxLength={NAME_MAX_LENGTH}
            />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
            <SelectField
              label="Role"
              name="role"
              value={values.role}
              options={ROLE_OPTIONS}
              onChange={(role) => {
                if (isRole(role)) setValues((v) => ({ ...v, role }))
              }}
              error={errorFor('role')}
              help="What its tokens may do: User for records, Admin for Setup as well."
              required
            />
          </div>
        </div>
        <p className="slds-text-body_small slds-text-color_weak slds-m-top_small">
          Saving creates a Client ID and a client secret. The secret is shown once, on the next screen.
        </p>
      </form>
    </Modal>
  )
}

// ---------------------------------------------------------------------------------------------

interface EditApiClientValues {
  name: string
  role: Role
  is_active: boolean
}

function toValues(client: ApiClient): EditApiClientValues {
  return { name: client.name, role: client.role, is_active: client.is_active }
}

/** Edit name, role and active; PUT with the version it was read at. A 409 offers Reload (as Edit User does). */
export function EditApiClientModal({ client: initial, onClose }: { client: ApiClient; onClose: () => void }) {
  const toast = useToast()
  const update = useUpdateApiClient()
  const [base, setBase] = useState(initial)
  const [values, setValues] = useState(() => toValues(initial))
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [reloading, setReloading] = useState(false)
  const [reloadError, setReloadError] = useState<string>()

  const error = update.error
  const conflict: ApiError | undefined = isApiError(error) && error.status === 409 ? error : undefined
  const server = conflict ? { fieldErrors: {} as FieldErrors, other: undefined } : splitErrors(error, ['name', 'role', 'is_active'])
  const errorFor = (name: FieldName) => clientErrors[name] ?? server.fieldErrors[name]

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const invalid = validate(values)
    setClientErrors(invalid)
    if (Object.keys(invalid).length > 0) return
    update.mutate(
      { id: base.id, body: { name: values.name.trim(), role: values.role, is_active: values.is_active, version: base.version } },
      {
        onSuccess: (saved) => {
          toast.success(`API client "${saved?.name ?? values.name.trim()}" was saved.`)
          onClose()
        },
      },
    )
  }

  async function reload() {
    setReloading(true)
    setReloadError(undefined)
    try {
      const latest = await fetchLatestApiClient(base.id, conflict?.body)
      if (!latest) {
        setReloadError('This API client could not be found any more.')
        return
      }
      setBase(latest)
      setValues(toValues(latest))
      setClientErrors({})
      update.reset()
    } catch (e) {
      setReloadError(isApiError(e) ? e.displayMessage : 'The latest version could not be loaded.')
    } finally {
      setReloading(false)
    }
  }

  const formId = 'edit-api-client-form'
  return (
    <Modal
      title={`Edit ${base.name}`}
      onClose={onClose}
      busy={update.isPending || reloading}
      footer={<FormModalFooter formId={formId} onCancel={onClose} busy={update.isPending || Boolean(conflict)} />}
    >
      <form id={formId} onSubmit={onSubmit} noValidate>
        {conflict ? (
          <div className="slds-scoped-notification slds-scoped-notification_light slds-media slds-media_center crm-conflict" role="alert">
            <div className="slds-media__figure">
              <Icon icon="utility:warning" size="small" variant="warning" />
            </div>
            <div className="slds-media__body">
              <h2 className="slds-text-heading_small">Someone else changed this API client</h2>
              <p>
                This API client was saved by someone else after you opened it (or its secret was rotated), so your changes
                weren't saved. Reload to see the latest values, then make your changes again.
              </p>
              {reloadError ? <p className="slds-text-color_error slds-m-top_x-small">{reloadError}</p> : null}
            </div>
            <div className="slds-media__figure slds-media__figure_reverse">
              <button type="button" className="slds-button slds-button_neutral" onClick={() => void reload()} disabled={reloading}>
                Reload
              </button>
            </div>
          </div>
        ) : null}
        {server.other ? <FormErrorAlert title="We hit a snag.">{server.other}</FormErrorAlert> : null}
        <h2 className="slds-section__title slds-theme_shade crm-section-title">API Client Information</h2>
        <div className="slds-grid slds-gutters_small slds-wrap">
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
            <TextField
              label="Name"
              name="name"
              autoComplete="off"
              value={values.name}
              onChange={(name) => setValues((v) => ({ ...v, name }))}
              error={errorFor('name')}
              required
              maxLength={NAME_MAX_LENGTH}
            />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
            <SelectField
              label="Role"
              name="role"
              value={values.role}
              options={ROLE_OPTIONS}
              onChange={(role) => {
                if (isRole(role)) setValues((v) => ({ ...v, role }))
              }}
              error={errorFor('role')}
              required
            />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2 slds-m-top_small">
            <StaticField label="Client ID">
              <span className="crm-mono">{base.client_id}</span>
            </StaticField>
          </div>
          <div className="slds-col slds-size_1-of-1 slds-m-top_small">
            <CheckboxField
              label="Active"
              name="is_active"
              checked={values.is_active}
              onChange={(checked) => setValues((v) => ({ ...v, is_active: checked }))}
              error={errorFor('is_active')}
            />
            {!values.is_active && base.is_active ? (
              <p className="slds-text-body_small slds-text-color_weak slds-m-top_xx-small">
                Inactive API clients can't get tokens; the tokens they hold stop working right away.
              </p>
            ) : values.role !== base.role ? (
              <p className="slds-text-body_small slds-text-color_weak slds-m-top_xx-small">
                A new role ends the tokens it holds; the integration gets a new one with its secret.
              </p>
            ) : null}
          </div>
        </div>
      </form>
    </Modal>
  )
}

// ---------------------------------------------------------------------------------------------

/** Rotate Secret: asks first (the old secret stops working at once), then shows the new secret once. */
export function RotateSecretDialog({ client, onClose }: { client: ApiClient; onClose: () => void }) {
  const toast = useToast()
  const rotate = useRotateSecret()
  const [rotated, setRotated] = useState<ApiClientWithSecret>()

  if (rotated) return <ClientSecretModal title="New Client Secret" client={rotated} onClose={onClose} />

  return (
    <ConfirmDialog
      title="Rotate Secret"
      confirmLabel="Rotate Secret"
      variant="destructive"
      busy={rotate.isPending}
      error={rotate.error ? (isApiError(rotate.error) ? rotate.error.displayMessage : 'The secret could not be rotated. Try again.') : undefined}
      onCancel={onClose}
      onConfirm={() =>
        rotate.mutate(client.id, {
          onSuccess: (answer) => {
            setRotated(answer)
            toast.success(`The secret of "${answer.name}" was rotated.`)
          },
        })
      }
    >
      <p>Rotate the secret? Integrations using the current secret stop working at once.</p>
      <p className="slds-text-body_small slds-text-color_weak slds-m-top_x-small">
        {client.name} · <span className="crm-mono">{client.client_id}</span>
      </p>
    </ConfirmDialog>
  )
}

// ---------------------------------------------------------------------------------------------

/** "Deactivate API Client?": the integration stops at once, so the row action asks first (Activate doesn't). */
export function DeactivateDialog({
  client,
  busy,
  onConfirm,
  onCancel,
}: {
  client: ApiClient
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  return (
    <ConfirmDialog title="Deactivate API Client" confirmLabel="Deactivate" variant="destructive" busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      <p>Deactivate “{client.name}”? It can't get new tokens, and the tokens it holds stop working at once.</p>
    </ConfirmDialog>
  )
}
