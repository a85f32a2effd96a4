// A tiny in-memory stand-in for the gateway's /api/v1 (auth, admin users, accounts), for looking at the
// built app without the backend:
//   node scripts/mock-api.mjs 18181 &
//   CRM_API_TARGET=http://localhost:18181 npx vite preview --port 4173
// Log in with any email and the password "password" (admin) or "user" (non-admin).
// Development aid only: never bundled into the app.
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'

const port = Number(process.argv[2] ?? process.env.PORT ?? 18181)
const now = () => new Date().toISOString()
const users = [
  ['Ada', 'Lovelace', 'ada@agency.test', 'Admin'],
  ['Grace', 'Hopper', 'grace@agency.test', 'User'],
  ['Alan', 'Turing', 'alan@agency.test', 'User'],
  ['Katherine', 'Johnson', 'katherine@agency.test', 'User'],
  ['Linus', 'Torvalds', 'linus@agency.test', 'Admin'],
  ['Margaret', 'Hamilton', 'margaret@agency.test', 'User'],
].map(([first_name, last_name, email, role], i) => ({
  id: randomUUID(),
  email,
  first_name,
  last_name,
  role,
  is_active: i !== 3,
  version: 1,
  created_at: new Date(Date.now() - (i + 2) * 86400000).toISOString(),
  updated_at: new Date(Date.now() - (i + 1) * 3600000).toISOString(),
}))
const sessions = new Map()

// ---- accounts (Sales) ----
const ACCOUNT_TYPES = ['Prospect', 'Customer', 'Partner', 'Other']
const words = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Pied Piper', 'Vandelay', 'Soylent', 'Tyrell', 'Wonka']
const suffixes = ['Inc.', 'Ltd', 'Group', 'Studios', 'Labs', 'GmbH', 'Partners', 'Digital', 'Media', 'Co.']
const accounts = Array.from({ length: 120 }, (_, i) => {
  const owner = users[i % users.length]
  const name = `${words[i % words.length]} ${suffixes[Math.floor(i / words.length) % suffixes.length]}`
  const created = new Date(Date.now() - (i + 1) * 86400000 * 1.7).toISOString()
  return {
    id: randomUUID(),
    name,
    phone: i % 5 === 4 ? null : `(555) 01${String(i).padStart(2, '0')}-${String(1000 + i * 7).slice(-4)}`,
    website: i % 4 === 3 ? null : `www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    type: i % 6 === 5 ? null : ACCOUNT_TYPES[i % ACCOUNT_TYPES.length],
    description: i % 3 === 0 ? `Long-standing client since ${2015 + (i % 9)}. Web design and hosting retainer.` : null,
    billing_address: i % 2 === 0 ? `${100 + i} Market Street\nSan Francisco, CA 94105\nUSA` : null,
    shipping_address: null,
    parent_account_id: null,
    owner_id: owner.id,
    owner_name: `${owner.first_name} ${owner.last_name}`,
    is_active: true,
    version: 1,
    created_at: created,
    created_by: owner.id,
    created_by_name: `${owner.first_name} ${owner.last_name}`,
    updated_at: created,
    updated_by: owner.id,
    updated_by_name: `${owner.first_name} ${owner.last_name}`,
  }
})
const ACCOUNT_FIELDS = ['name', 'phone', 'website', 'type', 'description', 'billing_address', 'shipping_address', 'parent_account_id']
const ACCOUNT_SORTS = { name: 'name', phone: 'phone', website: 'website', type: 'type', owner: 'owner_name', created_at: 'created_at', updated_at: 'updated_at' }

function accountDetail(a) {
  const parent = a.parent_account_id ? accounts.find((p) => p.id === a.parent_account_id) : undefined
  return { ...a, parent_account: parent ? { id: parent.id, name: parent.name } : null, contacts: [], opportunities: [] }
}
function accountRow(a) {
  const { id, name, phone, website, type, owner_id, owner_name, created_at, updated_at, version } = a
  return { id, name, phone, website, type, owner_id, owner_name, created_at, updated_at, version }
}
function validateAccount(body, creating) {
  const errors = {}
  if (creating || 'name' in body) if (!String(body.name ?? '').trim()) errors.name = ['Account Name is required.']
  if (body.website && /\s/.test(body.website)) errors.website = ['Enter a valid website address.']
  if (body.parent_account_id && !accounts.some((a) => a.id === body.parent_account_id && a.is_active))
    errors.parent_account_id = ['Choose an active account.']
  if (String(body.name ?? '').toLowerCase() === 'server error') errors.name = ['This name is reserved (mock).']
  return errors
}

function send(res, status, body, headers = {}) {
  const json = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    ...(json ? { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } : {}),
    ...headers,
  })
  res.end(json)
}
const problem = (res, status, title, detail, errors) =>
  send(res, status, { type: `https://httpstatuses.io/${status}`, title, status, detail, errors })

function session(req) {
  const m = /(?:^|;\s*)crm_session=([^;]+)/.exec(req.headers.cookie ?? '')
  return m ? sessions.get(m[1]) : undefined
}

async function readJson(req) {
  let data = ''
  for await (const chunk of req) data += chunk
  try {
    return data ? JSON.parse(data) : {}
  } catch {
    return {}
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost')
  const path = url.pathname.replace(/^\/api\/v1/, '')
  const body = ['POST', 'PUT'].includes(req.method) ? await readJson(req) : undefined
  console.log(req.method, url.pathname + url.search)

  if (req.method === 'POST' && path === '/auth/login') {
    if (!body.email || !['password', 'user'].includes(body.password))
      return problem(res, 401, 'Unauthorized', 'Invalid email or password.')
    const user = { ...(users.find((u) => u.email === body.email) ?? users[0]), role: body.password === 'user' ? 'User' : 'Admin' }
    const sid = randomUUID()
    sessions.set(sid, user)
    return send(res, 200, { token: 'mock', expires_at: now(), user: pick(user) }, {
      'Set-Cookie': `crm_session=${sid}; Path=/; HttpOnly; SameSite=Strict`,
    })
  }
  if (req.method === 'POST' && path === '/auth/set-password') {
    const errors = {}
    if (!body.token || body.token === 'expired') errors.token = ['This link is invalid or has expired.']
    if (!body.new_password || body.new_password.length < 8)
      errors.new_password = ['Passwords must be at least 8 characters.']
    if (Object.keys(errors).length) return problem(res, 400, 'One or more validation errors occurred.', undefined, errors)
    return send(res, 204)
  }
  const me = session(req)
  if (!me) return problem(res, 401, 'Unauthorized')
  if (req.method === 'GET' && path === '/auth/me') return send(res, 200, pick(me))
  if (req.method === 'POST' && path === '/auth/logout') {
    return send(res, 204, undefined, { 'Set-Cookie': 'crm_session=; Path=/; Max-Age=0' })
  }
  if (path.startsWith('/admin/') && me.role !== 'Admin') return problem(res, 403, 'Forbidden')
  if (req.method === 'GET' && path === '/admin/users') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase()
    const sort = url.searchParams.get('sort') ?? 'name'
    const page = Number(url.searchParams.get('page') ?? 1)
    const size = Number(url.searchParams.get('page_size') ?? 50)
    const field = sort.replace(/^-/, '')
    const key = (u) => (field === 'name' ? `${u.last_name} ${u.first_name}` : String(u[field] ?? '')).toLowerCase()
    const list = users
      .filter((u) => !q || `${u.first_name} ${u.last_name} ${u.email}`.toLowerCase().includes(q))
      .sort((a, b) => key(a).localeCompare(key(b)) * (sort.startsWith('-') ? -1 : 1))
    return send(res, 200, { items: list.slice((page - 1) * size, page * size), total: list.length, page, page_size: size })
  }
  if (req.method === 'POST' && path === '/admin/users') {
    const errors = {}
    if (!body.last_name) errors.last_name = ['Last name is required.']
    if (!/^[^@\s]+@[^@\s]+$/.test(body.email ?? '')) errors.email = ['Enter a valid email address.']
    else if (users.some((u) => u.email === body.email)) errors.email = ['A user with this email already exists.']
    if (Object.keys(errors).length) return problem(res, 400, 'One or more validation errors occurred.', undefined, errors)
    const user = { ...pick(body), id: randomUUID(), is_active: true, version: 1, created_at: now(), updated_at: now() }
    users.push(user)
    return send(res, 201, { ...user, set_password_url: `http://localhost:8080/set-password?token=${randomUUID().replaceAll('-', '')}` })
  }
  if (req.method === 'GET' && path === '/accounts') {
    const q = (url.searchParams.get('q') ?? '').toLowerCase()
    const sort = url.searchParams.get('sort') ?? 'name'
    const field = ACCOUNT_SORTS[sort.replace(/^-/, '')]
    if (!field) return problem(res, 400, 'One or more validation errors occurred.', undefined, { sort: [`Unknown sort "${sort}".`] })
    const page = Number(url.searchParams.get('page') ?? 1)
    const size = Number(url.searchParams.get('page_size') ?? 50)
    const key = (a) => String(a[field] ?? '').toLowerCase()
    const list = accounts
      .filter((a) => a.is_active && (!q || [a.name, a.phone, a.website].some((v) => (v ?? '').toLowerCase().includes(q))))
      .sort((a, b) => key(a).localeCompare(key(b)) * (sort.startsWith('-') ? -1 : 1))
    return send(res, 200, { items: list.slice((page - 1) * size, page * size).map(accountRow), total: list.length, page, page_size: size })
  }
  if (req.method === 'POST' && path === '/accounts') {
    const errors = validateAccount(body, true)
    if (Object.keys(errors).length) return problem(res, 400, 'One or more validation errors occurred.', undefined, errors)
    const who = `${me.first_name} ${me.last_name}`
    const account = {
      id: randomUUID(), ...Object.fromEntries(ACCOUNT_FIELDS.map((k) => [k, body[k] ?? null])), owner_id: me.id, owner_name: who,
      is_active: true, version: 1, created_at: now(), created_by: me.id, created_by_name: who, updated_at: now(), updated_by: me.id, updated_by_name: who,
    }
    accounts.unshift(account)
    return send(res, 201, accountDetail(account))
  }
  const am = /^\/accounts\/([^/]+)$/.exec(path)
  if (am) {
    const account = accounts.find((a) => a.id === am[1])
    if (!account) return problem(res, 404, 'Not Found', 'The account does not exist.')
    if (req.method === 'GET') return send(res, 200, accountDetail(account))
    if (req.method === 'PUT') {
      if (typeof body.version !== 'number') return problem(res, 400, 'One or more validation errors occurred.', undefined, { version: ['The version is required.'] })
      if (body.version !== account.version)
        return send(res, 409, { title: 'Conflict', status: 409, detail: 'The account was changed by someone else.', current: accountDetail(account) })
      const errors = validateAccount(body, false)
      if (Object.keys(errors).length) return problem(res, 400, 'One or more validation errors occurred.', undefined, errors)
      for (const k of [...ACCOUNT_FIELDS, 'is_active']) if (k in body) account[k] = body[k]
      account.version++
      account.updated_at = now()
      account.updated_by = me.id
      account.updated_by_name = `${me.first_name} ${me.last_name}`
      return send(res, 200, accountDetail(account))
    }
  }
  const m = /^\/admin\/users\/([^/]+)$/.exec(path)
  if (req.method === 'PUT' && m) {
    const user = users.find((u) => u.id === m[1])
    if (!user) return problem(res, 404, 'Not Found')
    if (body.version !== user.version) return send(res, 409, { title: 'Conflict', status: 409, detail: 'The user was changed by someone else.', current: user })
    for (const k of ['first_name', 'last_name', 'role', 'is_active']) if (k in body) user[k] = body[k]
    user.version++
    user.updated_at = now()
    return send(res, 200, user)
  }
  return problem(res, 404, 'Not Found')
}).listen(port, () => console.log(`mock api on http://localhost:${port}`))

function pick(u) {
  return { id: u.id, email: u.email, first_name: u.first_name, last_name: u.last_name, role: u.role }
}
