import { useState, type FormEvent } from 'react'
import { isApiError, type ApiError } from '../../shared/api'
import { ROLES, type CreatedUser, type Role, type User } from '../../shared/api/types'
import { CheckboxField, FormErrorAlert, Icon, Modal, SelectField, StaticField, TextField, useToast, FormModalFooter } from '../../shared/ui'
import { fetchLatestUser, useCreateUser, useUpdateUser } from './api'
import { fullName } from './format'

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }))

type FieldName = 'first_name' | 'last_name' | 'email' | 'role' | 'is_active'
type FieldErrors = Partial<Record<FieldName, string>>

/** Field errors from a 400 answer plus whatever it says that belongs to no field on this form. */
function splitErrors(error: unknown, fields: readonly FieldName[]): { fieldErrors: FieldErrors; other?: string } {
  if (!error) return { fieldErrors: {} }
  if (!isApiError(error)) return { fieldErrors: {}, other: 'Something went wrong. Try again.' }
  const fieldErrors: FieldErrors = {}
  const rest: string[] = []
  for (const [key, messages] of Object.entries(error.errors)) {
    if ((fields as readonly string[]).includes(key)) fieldErrors[key as FieldName] = messages[0]
    else rest.push(...messages)
  }
  const anyField = Object.keys(fieldErrors).length > 0
  const other = rest.length > 0 ? rest.join(' ') : anyField ? undefined : error.displayMessage
  return { fieldErrors, other }
}

function required(values: Record<string, unknown>, names: readonly FieldName[]): FieldErrors {
  const out: FieldErrors = {}
  for (const name of names) {
    const value = values[name]
    if (typeof value !== 'string' || !value.trim()) out[name] = 'Complete this field.'
  }
  return out
}

// ---------------------------------------------------------------------------------------------

interface NewUserValues {
  first_name: string
  last_name: string
  email: string
  role: Role
}

/** "New User" modal: the form, then the one-time set-password link once the user exists. */
export function NewUserModal({ onClose }: { onClose: () => void }) {
  const toast = useToast()
  const create = useCreateUser()
  const [values, setValues] = useState<NewUserValues>({ first_name: '', last_name: '', email: '', role: 'User' })
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [created, setCreated] = useState<CreatedUser>()

  const set = (name: keyof NewUserValues) => (value: string) => setValues((v) => ({ ...v, [name]: value }))
  const server = splitErrors(create.error, ['first_name', 'last_name', 'email', 'role'])
  const errorFor = (name: FieldName) => clientErrors[name] ?? server.fieldErrors[name]

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const missing = required({ ...values }, ['last_name', 'email', 'role'])
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    create.mutate(
      { first_name: values.first_name.trim(), last_name: values.last_name.trim(), email: values.email.trim(), role: values.role },
      {
        onSuccess: (user) => {
          setCreated(user)
          toast.success(`User "${fullName(user)}" was created.`)
        },
      },
    )
  }

  if (created) {
    return (
      <Modal
        title="User created"
        onClose={onClose}
        footer={
          <button type="button" className="slds-button slds-button_brand" onClick={onClose}>
            Done
          </button>
        }
      >
        <CreatedUserLink user={created} />
      </Modal>
    )
  }

  const formId = 'new-user-form'
  return (
    <Modal
      title="New User"
      onClose={onClose}
      busy={create.isPending}
      footer={
        <FormModalFooter formId={formId} onCancel={onClose} busy={create.isPending} />
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate>
        {server.other ? <FormErrorAlert title="We hit a snag.">{server.other}</FormErrorAlert> : null}
        <h2 className="slds-section__title slds-theme_shade crm-section-title">User Information</h2>
        <div className="slds-grid slds-gutters_small slds-wrap">
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
            <TextField label="First Name" name="first_name" autoComplete="off" value={values.first_name} onChange={set('first_name')} error={errorFor('first_name')} maxLength={100} />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
            <TextField label="Last Name" name="last_name" autoComplete="off" value={values.last_name} onChange={set('last_name')} error={errorFor('last_name')} required maxLength={100} />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2 slds-m-top_small">
            <TextField label="Email" name="email" type="email" autoComplete="off" value={values.email} onChange={set('email')} error={errorFor('email')} required maxLength={256} />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2 slds-m-top_small">
            <SelectField label="Role" name="role" value={values.role} options={ROLE_OPTIONS} onChange={set('role')} error={errorFor('role')} required />
          </div>
        </div>
      </form>
    </Modal>
  )
}

function CreatedUserLink({ user }: { user: CreatedUser }) {
  const [copied, setCopied] = useState(false)

  async function copy() {
    try {
      await navigator.clipboard.writeText(user.set_password_url)
    } catch {
      // Clipboard API unavailable (e.g. plain http): fall back to selecting and copying.
      const input = document.getElementById('set-password-link') as HTMLInputElement | null
      input?.select()
      document.execCommand('copy')
    }
    setCopied(true)
  }

  return (
    <div className="crm-created-user">
      <div className="slds-media slds-media_center slds-m-bottom_medium">
        <div className="slds-media__figure">
          <Icon icon="utility:success" size="small" variant="success" />
        </div>
        <div className="slds-media__body">
          <p className="slds-text-heading_small">
            {fullName(user)} ({user.email}) can now set a password.
          </p>
        </div>
      </div>
      <div className="slds-form-element">
        <label className="slds-form-element__label" htmlFor="set-password-link">
          Set-password link
        </label>
        <div className="slds-form-element__control slds-grid slds-gutters_xx-small">
          <div className="slds-col">
            <input
              id="set-password-link"
              className="slds-input"
              type="text"
              readOnly
              value={user.set_password_url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div className="slds-col slds-no-flex">
            <button type="button" className="slds-button slds-button_neutral" onClick={() => void copy()}>
              <Icon icon="utility:copy" size="x-small" variant="default" containerClassName="slds-m-right_x-small" />
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
        <div className="slds-form-element__help" role="status">
          {copied ? 'Link copied to the clipboard.' : ''}
        </div>
      </div>
      <div className="slds-scoped-notification slds-scoped-notification_light slds-media slds-media_center slds-m-top_small" role="note">
        <div className="slds-media__figure">
          <Icon icon="utility:info" size="small" variant="default" />
        </div>
        <div className="slds-media__body">
          <p>
            Send this link to the user. It works <strong>once</strong> and expires; it won't be shown again. If it's lost or
            expires, ask an administrator to issue a new one.
          </p>
        </div>
      </div>
    </div>
  )
}

// ---------------------------------------------------------------------------------------------

interface EditUserValues {
  first_name: string
  last_name: string
  role: Role
  is_active: boolean
}

function toValues(user: User): EditUserValues {
  return { first_name: user.first_name ?? '', last_name: user.last_name ?? '', role: user.role, is_active: user.is_active }
}

/** Edit names, role and active; PUT with the version it was read at. A 409 offers Reload. */
export function EditUserModal({ user: initial, onClose }: { user: User; onClose: () => void }) {
  const toast = useToast()
  const update = useUpdateUser()
  const [base, setBase] = useState(initial)
  const [values, setValues] = useState(() => toValues(initial))
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [reloading, setReloading] = useState(false)
  const [reloadError, setReloadError] = useState<string>()

  const error = update.error
  const conflict: ApiError | undefined = isApiError(error) && error.status === 409 ? error : undefined
  const server = conflict ? { fieldErrors: {} as FieldErrors, other: undefined } : splitErrors(error, ['first_name', 'last_name', 'role', 'is_active'])
  const errorFor = (name: FieldName) => clientErrors[name] ?? server.fieldErrors[name]

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const missing = required({ ...values }, ['last_name', 'role'])
    setClientErrors(missing)
    if (Object.keys(missing).length > 0) return
    update.mutate(
      {
        id: base.id,
        body: {
          first_name: values.first_name.trim(),
          last_name: values.last_name.trim(),
          role: values.role,
          is_active: values.is_active,
          version: base.version,
        },
      },
      {
        onSuccess: (saved) => {
          toast.success(`User "${fullName(saved ?? { ...base, ...values })}" was saved.`)
          onClose()
        },
      },
    )
  }

  async function reload() {
    setReloading(true)
    setReloadError(undefined)
    try {
      const latest = await fetchLatestUser(base.id, conflict?.body)
      if (!latest) {
        setReloadError('This user could not be found any more.')
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

  const set = (name: 'first_name' | 'last_name' | 'role') => (value: string) => setValues((v) => ({ ...v, [name]: value }))
  const formId = 'edit-user-form'

  return (
    <Modal
      title={`Edit ${fullName(base) || base.email}`}
      onClose={onClose}
      busy={update.isPending || reloading}
      footer={
        <FormModalFooter formId={formId} onCancel={onClose} busy={update.isPending || Boolean(conflict)} />
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate>
        {conflict ? (
          <div className="slds-scoped-notification slds-scoped-notification_light slds-media slds-media_center crm-conflict" role="alert">
            <div className="slds-media__figure">
              <Icon icon="utility:warning" size="small" variant="warning" />
            </div>
            <div className="slds-media__body">
              <h2 className="slds-text-heading_small">Someone else changed this user</h2>
              <p>
                This user was saved by someone else after you opened it, so your changes weren't saved. Reload to see the
                latest values, then make your changes again.
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
        <h2 className="slds-section__title slds-theme_shade crm-section-title">User Information</h2>
        <div className="slds-grid slds-gutters_small slds-wrap">
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
            <TextField label="First Name" name="first_name" autoComplete="off" value={values.first_name} onChange={set('first_name')} error={errorFor('first_name')} maxLength={100} />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
            <TextField label="Last Name" name="last_name" autoComplete="off" value={values.last_name} onChange={set('last_name')} error={errorFor('last_name')} required maxLength={100} />
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2 slds-m-top_small">
            <StaticField label="Email">{base.email}</StaticField>
          </div>
          <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2 slds-m-top_small">
            <SelectField label="Role" name="role" value={values.role} options={ROLE_OPTIONS} onChange={set('role')} error={errorFor('role')} required />
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
                Deactivated users can't log in; their sessions end right away.
              </p>
            ) : null}
          </div>
        </div>
      </form>
    </Modal>
  )
}
