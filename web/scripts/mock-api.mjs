// A tiny in-memory stand-in for the gateway's /api/v1 (auth, admin users, accounts, contacts, products, leads, opportunities), for looking at the
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
  return {
    ...a,
    parent_account: parent ? { id: parent.id, name: parent.name } : null,
    contacts: contacts.filter((c) => c.account_id === a.id && c.is_active).map(({ id, name, title, email, phone }) => ({ id, name, title, email, phone })),
    opportunities: opportunities
      .filter((o) => o.account_id === a.id)
      .map((o) => ({ id: o.id, name: o.name, stage: o.stage, close_date: o.close_date, amount: oppAmount(o) })),
  }
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
  const body = ['POST', 'PUT', 'DELETE'].includes(req.method) ? await readJson(req) : undefined
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
  const sales = await handleSales(req, res, url, path, body, me)
  if (sales !== false) return
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

// ---- contacts, products, leads, opportunities (Sales) ----
const who = (u) => `${u.first_name} ${u.last_name}`
const stamp = (u) => ({ created_at: now(), created_by: u.id, created_by_name: who(u), updated_at: now(), updated_by: u.id, updated_by_name: who(u) })
const invalid = (res, errors) => problem(res, 400, 'One or more validation errors occurred.', undefined, errors)
const money2 = (n) => (Math.round(Number(n) * 100) / 100).toFixed(2)
function listOf(res, url, rows, sorts, defaultSort, extra = {}) {
  const sort = url.searchParams.get('sort') ?? defaultSort
  const field = sorts[sort.replace(/^-/, '')]
  if (!field) return invalid(res, { sort: [`Unknown sort "${sort}".`] })
  const page = Number(url.searchParams.get('page') ?? 1)
  const size = Number(url.searchParams.get('page_size') ?? 50)
  const key = (r) => {
    const v = typeof field === 'function' ? field(r) : r[field]
    return typeof v === 'number' ? v : String(v ?? '').toLowerCase()
  }
  const dir = sort.startsWith('-') ? -1 : 1
  const sorted = [...rows].sort((a, b) => {
    const x = key(a), y = key(b)
    return (typeof x === 'number' ? x - y : x.localeCompare(y)) * dir
  })
  return send(res, 200, { items: sorted.slice((page - 1) * size, page * size), total: rows.length, page, page_size: size, ...extra })
}

const contacts = []
const products = [
  ['Website Redesign', '12000.00', false, true],
  ['SEO Retainer (monthly)', '1500.00', true, true],
  ['Landing Page', '2500.00', false, true],
  ['Hosting & Maintenance', '300.00', true, true],
  ['Brand Workshop', '4000.00', false, false],
].map(([name, price, retainer, active], i) => ({
  id: randomUUID(), name, description: i === 0 ? 'Full redesign of up to 15 pages.' : null, standard_list_price: price,
  is_retainer_product: retainer, is_active: active, version: 1, created_at: now(), updated_at: now(),
}))
const LEAD_SORTS = { name: (l) => `${l.last_name} ${l.first_name ?? ''}`, company: 'company', status: 'status', lead_source: 'lead_source', owner: 'owner_name', created_at: 'created_at' }
const LEAD_FIELDS = ['first_name', 'last_name', 'company', 'title', 'email', 'phone', 'website', 'address', 'status', 'lead_source', 'industry', 'description']
const leads = [
  ['Jane', 'Doe', 'NewCo', 'New', 'Web'],
  ['Tom', 'Baker', 'Bakery Bros', 'Contacted', 'Trade Show'],
  ['Ana', 'Lima', 'Lima Design', 'Qualified', 'Partner Referral'],
  ['Raj', 'Patel', 'Patel Logistics', 'Unqualified', 'Purchased List'],
].map(([first_name, last_name, company, status, lead_source], i) => {
  const owner = users[i % 2]
  return {
    id: randomUUID(), first_name, last_name, company, status, lead_source, title: i === 0 ? 'Marketing Director' : null,
    email: `${first_name.toLowerCase()}@${company.toLowerCase().replace(/\W+/g, '')}.example`, phone: `(555) 02${i}0-1000`, website: null,
    address: null, industry: i === 0 ? 'Technology' : null, description: null, owner_id: owner.id, owner_name: who(owner),
    converted_account_id: null, converted_contact_id: null, converted_opportunity_id: null, converted_at: null,
    version: 1, ...stamp(owner), created_at: new Date(Date.now() - i * 86400000).toISOString(),
  }
})
const withName = (l) => ({ ...l, name: [l.first_name, l.last_name].filter(Boolean).join(' ') })
const leadDetail = (l) => ({ ...withName(l), is_converted: l.status === 'Converted' })
const leadRow = (l) => {
  const { id, first_name, last_name, company, title, email, phone, status, lead_source, owner_id, owner_name, created_at, version } = l
  return withName({ id, first_name, last_name, company, title, email, phone, status, lead_source, owner_id, owner_name, created_at, version })
}
const PROBABILITY = { Qualifying: 10, Proposal: 50, Negotiation: 75, 'Closed Won': 100, 'Closed Lost': 0 }
const STAGES = Object.keys(PROBABILITY)
const OPP_SORTS = { name: 'name', account_name: 'account_name', stage: (o) => STAGES.indexOf(o.stage), close_date: 'close_date', amount: (o) => Number(oppAmount(o)), probability: 'probability', owner: 'owner_name', created_at: 'created_at' }
const opportunities = []
const oppAmount = (o) => money2(o.line_items.reduce((sum, l) => sum + l.quantity * Number(l.sale_price), 0))
function oppRow(o) {
  const { id, name, account_id, stage, probability, close_date, owner_id, owner_name, created_at, version } = o
  const account = accounts.find((a) => a.id === account_id)
  return { id, name, account_id, account_name: account?.name ?? '', stage, probability, close_date, calculated_amount: oppAmount(o), owner_id, owner_name, created_at, version }
}
function oppDetail(o) {
  const account = accounts.find((a) => a.id === o.account_id)
  return {
    ...oppRow(o), next_step: o.next_step, description: o.description, lead_source: o.lead_source, account: { id: account?.id, name: account?.name },
    is_closed: o.stage.startsWith('Closed'), is_won: o.stage === 'Closed Won', updated_at: o.updated_at, created_by_name: o.created_by_name, updated_by_name: o.updated_by_name,
    line_items: o.line_items.map((l) => {
      const p = products.find((x) => x.id === l.product_id)
      return { id: l.id, product_id: l.product_id, product_name: p?.name ?? '', quantity: l.quantity, sale_price: money2(l.sale_price), list_price: p?.standard_list_price ?? '0.00', total_price: money2(l.quantity * Number(l.sale_price)), is_retainer_product: Boolean(p?.is_retainer_product) }
    }),
    contact_roles: o.contact_roles.map((r) => {
      const c = contacts.find((x) => x.id === r.contact_id)
      return { id: r.id, contact_id: r.contact_id, contact_name: c?.name ?? '', contact_title: c?.title ?? null, role: r.role }
    }),
  }
}
function newOpp(body, me) {
  const o = {
    id: randomUUID(), name: body.name, stage: body.stage ?? 'Qualifying', probability: PROBABILITY[body.stage ?? 'Qualifying'], close_date: body.close_date ?? null,
    next_step: body.next_step ?? null, description: body.description ?? null, lead_source: body.lead_source ?? null, account_id: body.account_id,
    owner_id: me.id, owner_name: who(me), version: 1, ...stamp(me), line_items: [], contact_roles: [],
  }
  opportunities.unshift(o)
  return o
}
function newContact(body, me) {
  const c = {
    id: randomUUID(), first_name: body.first_name ?? null, last_name: body.last_name, title: body.title ?? null, email: body.email ?? null, phone: body.phone ?? null,
    description: body.description ?? null, reports_to_id: body.reports_to_id ?? null, account_id: body.account_id, owner_id: me.id, owner_name: who(me),
    is_active: true, version: 1, ...stamp(me),
  }
  c.name = [c.first_name, c.last_name].filter(Boolean).join(' ')
  contacts.unshift(c)
  return c
}
const contactRow = (c) => {
  const { id, first_name, last_name, name, title, email, phone, account_id, owner_id, owner_name, created_at, version } = c
  return { id, first_name, last_name, name, title, email, phone, account_id, account_name: accounts.find((a) => a.id === account_id)?.name ?? '', owner_id, owner_name, created_at, version }
}
function contactDetail(c) {
  const account = accounts.find((a) => a.id === c.account_id)
  const boss = c.reports_to_id ? contacts.find((x) => x.id === c.reports_to_id) : undefined
  return { ...contactRow(c), description: c.description, is_active: c.is_active, reports_to_id: c.reports_to_id, reports_to: boss ? { id: boss.id, name: boss.name } : null,
    account: { id: account?.id, name: account?.name }, created_by: c.created_by, created_by_name: c.created_by_name, updated_at: c.updated_at, updated_by: c.updated_by, updated_by_name: c.updated_by_name }
}
// Some sample data so the board and the related lists aren't empty.
for (const [i, a] of accounts.slice(0, 6).entries()) {
  const c = newContact({ first_name: ['Mia', 'Leo', 'Zoe', 'Max', 'Eva', 'Sam'][i], last_name: 'Sample', title: 'CTO', email: `c${i}@sample.example`, account_id: a.id }, users[0])
  const o = newOpp({ name: `${a.name}-Website`, stage: STAGES[i % 5], account_id: a.id, close_date: `2026-0${(i % 9) + 1}-15` }, users[i % 3])
  o.line_items.push({ id: randomUUID(), product_id: products[i % 3].id, quantity: 1 + (i % 2), sale_price: products[i % 3].standard_list_price })
  if (i === 0) o.contact_roles.push({ id: randomUUID(), contact_id: c.id, role: 'Decision Maker' })
}
const bump = (r, me) => {
  r.version++
  r.updated_at = now()
  r.updated_by = me.id
  r.updated_by_name = who(me)
}

async function handleSales(req, res, url, path, body, me) {
  const qp = (k) => url.searchParams.get(k) ?? ''
  const q = qp('q').toLowerCase()
  // contacts
  if (path === '/contacts' && req.method === 'GET') {
    const rows = contacts.filter((c) => c.is_active && (!qp('account_id') || c.account_id === qp('account_id'))).map(contactRow)
      .filter((c) => !q || `${c.name} ${c.account_name}`.toLowerCase().includes(q))
    return listOf(res, url, rows, { name: (c) => `${c.last_name} ${c.first_name ?? ''}`, account_name: 'account_name', title: 'title', phone: 'phone', email: 'email', owner: 'owner_name', created_at: 'created_at' }, 'name')
  }
  if (path === '/contacts' && req.method === 'POST') {
    const errors = {}
    if (!body.last_name) errors.last_name = ['Last Name is required.']
    if (!accounts.some((a) => a.id === body.account_id)) errors.account_id = ['Choose an active account.']
    if (body.email && contacts.some((c) => c.is_active && c.email === body.email)) errors.email = ['Another active contact has this email.']
    if (Object.keys(errors).length) return invalid(res, errors)
    return send(res, 201, contactDetail(newContact(body, me)))
  }
  let m = /^\/contacts\/([^/]+)$/.exec(path)
  if (m) {
    const c = contacts.find((x) => x.id === m[1])
    if (!c) return problem(res, 404, 'Not Found')
    if (req.method === 'GET') return send(res, 200, contactDetail(c))
    if (body.version !== c.version) return send(res, 409, { title: 'Conflict', status: 409, detail: 'The contact was changed by someone else.', current: contactDetail(c) })
    if ('last_name' in body && !body.last_name) return invalid(res, { last_name: ['Last Name is required.'] })
    for (const k of ['first_name', 'last_name', 'title', 'email', 'phone', 'description', 'reports_to_id', 'account_id', 'is_active']) if (k in body) c[k] = body[k]
    c.name = [c.first_name, c.last_name].filter(Boolean).join(' ')
    bump(c, me)
    return send(res, 200, contactDetail(c))
  }
  // products
  if (path === '/products' && req.method === 'GET') {
    const all = qp('include_inactive') === 'true' && me.role === 'Admin'
    const rows = products.filter((p) => (all || p.is_active) && (!q || p.name.toLowerCase().includes(q)))
    return listOf(res, url, rows, { name: 'name', price: (p) => Number(p.standard_list_price), standard_list_price: (p) => Number(p.standard_list_price), is_retainer_product: (p) => (p.is_retainer_product ? 1 : 0), status: (p) => (p.is_active ? 0 : 1), created_at: 'created_at' }, 'name')
  }
  if (path === '/products' && req.method === 'POST') {
    if (me.role !== 'Admin') return problem(res, 403, 'Forbidden')
    if (!body.name) return invalid(res, { name: ['Product Name is required.'] })
    if (Number(body.standard_list_price ?? 0) < 0) return invalid(res, { standard_list_price: ['The list price cannot be negative.'] })
    const p = { id: randomUUID(), name: body.name, description: body.description ?? null, standard_list_price: money2(body.standard_list_price ?? 0), is_retainer_product: Boolean(body.is_retainer_product), is_active: true, version: 1, created_at: now(), updated_at: now() }
    products.push(p)
    return send(res, 201, p)
  }
  m = /^\/products\/([^/]+)$/.exec(path)
  if (m) {
    const p = products.find((x) => x.id === m[1])
    if (!p) return problem(res, 404, 'Not Found')
    if (req.method === 'GET') return send(res, 200, p)
    if (me.role !== 'Admin') return problem(res, 403, 'Forbidden')
    if (body.version !== p.version) return send(res, 409, { title: 'Conflict', status: 409, detail: 'The product was changed by someone else.', current: p })
    for (const k of ['name', 'description', 'is_retainer_product', 'is_active']) if (k in body) p[k] = body[k]
    if ('standard_list_price' in body) p.standard_list_price = money2(body.standard_list_price)
    p.version++
    p.updated_at = now()
    return send(res, 200, p)
  }
  // leads
  if (path === '/leads' && req.method === 'GET') {
    const status = qp('status')
    const owner = qp('owner_id') === 'me' ? me.id : qp('owner_id')
    const rows = leads
      .filter((l) => (status ? l.status === status : l.status !== 'Converted') && (!owner || l.owner_id === owner) && (!qp('lead_source') || l.lead_source === qp('lead_source')))
      .filter((l) => !q || `${l.first_name} ${l.last_name} ${l.company}`.toLowerCase().includes(q))
      .map(leadRow)
    return listOf(res, url, rows, LEAD_SORTS, '-created_at')
  }
  if (path === '/leads' && req.method === 'POST') {
    const errors = {}
    if (!body.last_name) errors.last_name = ['Last Name is required.']
    if (!body.company) errors.company = ['Company is required.']
    if (!body.status || body.status === 'Converted') errors.status = ['Choose New, Contacted, Qualified or Unqualified.']
    if (Object.keys(errors).length) return invalid(res, errors)
    const l = { id: randomUUID(), ...Object.fromEntries(LEAD_FIELDS.map((k) => [k, body[k] ?? null])), owner_id: me.id, owner_name: who(me),
      converted_account_id: null, converted_contact_id: null, converted_opportunity_id: null, converted_at: null, version: 1, ...stamp(me) }
    leads.unshift(l)
    return send(res, 201, leadDetail(l))
  }
  m = /^\/leads\/([^/]+)(\/convert)?$/.exec(path)
  if (m) {
    const l = leads.find((x) => x.id === m[1])
    if (!l) return problem(res, 404, 'Not Found')
    if (m[2] && req.method === 'POST') {
      if (l.status === 'Converted') return problem(res, 409, 'Conflict', 'This lead has already been converted.')
      if (!String(body.opportunity_name ?? '').trim()) return invalid(res, { opportunity_name: ['Opportunity Name is required.'] })
      let account = body.account_id ? accounts.find((a) => a.id === body.account_id) : undefined
      if (body.account_id && !account) return invalid(res, { account_id: ['Choose an active account.'] })
      if (!account) {
        account = { ...accounts[0], id: randomUUID(), name: l.company, phone: l.phone, website: l.website, type: 'Prospect', description: null, billing_address: l.address, owner_id: me.id, owner_name: who(me), version: 1, ...stamp(me) }
        accounts.unshift(account)
      }
      const c = newContact({ first_name: l.first_name, last_name: l.last_name, title: l.title, email: l.email, phone: l.phone, account_id: account.id }, me)
      const o = newOpp({ name: body.opportunity_name.trim(), stage: 'Qualifying', account_id: account.id, lead_source: l.lead_source }, me)
      Object.assign(l, { status: 'Converted', converted_account_id: account.id, converted_contact_id: c.id, converted_opportunity_id: o.id, converted_at: now() })
      bump(l, me)
      return send(res, 200, { account: { id: account.id, name: account.name }, contact: { id: c.id, name: c.name }, opportunity: { id: o.id, name: o.name } })
    }
    if (req.method === 'GET') return send(res, 200, leadDetail(l))
    if (l.status === 'Converted') return problem(res, 409, 'Conflict', 'A converted lead cannot be changed.')
    if (body.version !== l.version) return send(res, 409, { title: 'Conflict', status: 409, detail: 'The lead was changed by someone else.', current: leadDetail(l) })
    if ('status' in body && (!body.status || body.status === 'Converted')) return invalid(res, { status: ['Convert the lead to mark it Converted.'] })
    if ('company' in body && !body.company) return invalid(res, { company: ['Company is required.'] })
    for (const k of LEAD_FIELDS) if (k in body) l[k] = body[k]
    bump(l, me)
    return send(res, 200, leadDetail(l))
  }
  // opportunities
  if (path === '/opportunities' && req.method === 'GET') {
    const owner = qp('owner_id') === 'me' ? me.id : qp('owner_id')
    const rows = opportunities
      .filter((o) => (!qp('stage') || o.stage === qp('stage')) && (!owner || o.owner_id === owner) && (!qp('account_id') || o.account_id === qp('account_id')))
      .map(oppRow)
      .filter((o) => !q || `${o.name} ${o.account_name}`.toLowerCase().includes(q))
    return listOf(res, url, rows, OPP_SORTS, 'close_date', { total_amount: money2(rows.reduce((s, o) => s + Number(o.calculated_amount), 0)) })
  }
  if (path === '/opportunities' && req.method === 'POST') {
    const errors = {}
    if (!body.name) errors.name = ['Opportunity Name is required.']
    if (!STAGES.includes(body.stage)) errors.stage = ['Choose a stage.']
    if (!accounts.some((a) => a.id === body.account_id)) errors.account_id = ['Choose an active account.']
    if (Object.keys(errors).length) return invalid(res, errors)
    return send(res, 201, oppDetail(newOpp(body, me)))
  }
  m = /^\/opportunities\/([^/]+)(?:\/(line_items|contact_roles)(?:\/([^/]+))?)?$/.exec(path)
  if (m) {
    const o = opportunities.find((x) => x.id === m[1])
    if (!o) return problem(res, 404, 'Not Found')
    if (!m[2]) {
      if (req.method === 'GET') return send(res, 200, oppDetail(o))
      if (body.version !== o.version) return send(res, 409, { title: 'Conflict', status: 409, detail: 'The opportunity was changed by someone else.', current: oppDetail(o) })
      if ('stage' in body && !STAGES.includes(body.stage)) return invalid(res, { stage: ['Choose a stage.'] })
      if ('name' in body && !body.name) return invalid(res, { name: ['Opportunity Name is required.'] })
      if (o.name === 'Locked (mock)' && 'stage' in body) return invalid(res, { stage: ['This opportunity is locked (mock).'] })
      for (const k of ['name', 'stage', 'close_date', 'next_step', 'description', 'lead_source']) if (k in body) o[k] = body[k]
      if ('stage' in body) o.probability = PROBABILITY[o.stage]
      bump(o, me)
      return send(res, 200, oppDetail(o))
    }
    if (m[2] === 'line_items') {
      if (o.stage === 'Closed Won') return problem(res, 409, 'Conflict', 'A Closed Won opportunity\'s products can no longer change.')
      if (req.method === 'POST') {
        const p = products.find((x) => x.id === body.product_id)
        if (!p || !p.is_active) return invalid(res, { product_id: ['This product is inactive and cannot be added.'] })
        if (!(Number(body.quantity) > 0)) return invalid(res, { quantity: ['Quantity must be greater than 0.'] })
        o.line_items.push({ id: randomUUID(), product_id: p.id, quantity: Number(body.quantity), sale_price: body.sale_price ?? p.standard_list_price })
        bump(o, me)
        return send(res, 201, oppDetail(o))
      }
      const line = o.line_items.find((l) => l.id === m[3])
      if (!line) return problem(res, 404, 'Not Found')
      if (req.method === 'DELETE') o.line_items = o.line_items.filter((l) => l !== line)
      else {
        if ('quantity' in body && !(Number(body.quantity) > 0)) return invalid(res, { quantity: ['Quantity must be greater than 0.'] })
        if ('quantity' in body) line.quantity = Number(body.quantity)
        if ('sale_price' in body) line.sale_price = body.sale_price
      }
      bump(o, me)
      return send(res, 200, oppDetail(o))
    }
    if (req.method === 'POST') {
      const c = contacts.find((x) => x.id === body.contact_id)
      if (!c || c.account_id !== o.account_id) return invalid(res, { contact_id: ['Choose a contact of this opportunity\'s account.'] })
      o.contact_roles.push({ id: randomUUID(), contact_id: c.id, role: body.role })
      bump(o, me)
      return send(res, 201, oppDetail(o))
    }
    o.contact_roles = o.contact_roles.filter((r) => r.id !== m[3])
    bump(o, me)
    return send(res, 200, oppDetail(o))
  }
  return false
}

function pick(u) {
  return { id: u.id, email: u.email, first_name: u.first_name, last_name: u.last_name, role: u.role }
}
