// Test data for the HTTP tests: partners, customer accounts and users with
// unique names, signed-in clients, and small SQL helpers to look at what a
// request wrote. Every test makes its own data, so tests stay independent
// while the stack persists across files.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Client, createPartner, csrfFrom, repo, routes, sql } from './stack.js';

/** The password every fixture user signs in with. */
export const PASSWORD = 'correct horse battery staple';

/** A short random suffix: unique names and emails per test. */
export function uid() {
  return randomBytes(5).toString('hex');
}

/** A unique email address. */
export function email(label = 'user') {
  return `${label}-${uid()}@test.example.com`;
}

/** A MariaDB string literal (values here are ours, but never trust that). */
export function lit(value) {
  if (value === null || value === undefined) return 'NULL';
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\0/g, '\\0')}'`;
}

/** The first column of the first row, or null. */
export async function scalar(query) {
  const rows = await sql(query);
  return rows.length ? rows[0][0] : null;
}

/** COUNT(*) of a table, optionally filtered (a trusted SQL condition). */
export async function count(table, where = '1') {
  return Number(await scalar(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));
}

/** Row counts of every table a form may write: to show nothing was half-written. */
const COUNTED = ['accounts', 'account_support_contacts', 'users', 'events', 'sessions'];
export async function tableCounts() {
  const [row] = await sql(`SELECT ${COUNTED.map((t) => `(SELECT COUNT(*) FROM ${t})`).join(', ')}`);
  return Object.fromEntries(COUNTED.map((t, i) => [t, Number(row[i])]));
}

/**
 * The row counts plus the rows of some queries, in one round trip: what a
 * refused request must leave exactly as it was.
 */
export async function stateOf(...queries) {
  return sql([`SELECT ${COUNTED.map((t) => `(SELECT COUNT(*) FROM ${t})`).join(', ')}`, ...queries].join('; '));
}

/** Events of one account (newest last), details parsed. */
export async function eventsOf(accountId, where = '1') {
  const rows = await sql(
    `SELECT id, actor_user_id, actor_name, actor_email, action, asset_type, asset_id, asset_name, details
       FROM events WHERE account_id = ${lit(accountId)} AND ${where} ORDER BY id`,
  );
  return rows.map(([id, actorUserId, actorName, actorEmail, action, assetType, assetId, assetName, details]) => ({
    id: Number(id), actorUserId, actorName, actorEmail, action, assetType, assetId, assetName,
    details: JSON.parse(details),
  }));
}

/** The largest event id so far: events after it are the ones a test caused. */
export async function lastEventId() {
  return Number(await scalar('SELECT COALESCE(MAX(id), 0) FROM events'));
}

/** A partner account with its first administrator (signs in with PASSWORD). */
export async function newPartner(label = 'Partner') {
  const name = `${label} ${uid()}`;
  const adminEmail = email('partner');
  const id = await createPartner(name, adminEmail, PASSWORD);
  assert.match(id, /^[0-9a-f-]{36}$/, 'create-partner prints the account id');
  const adminId = await scalar(`SELECT id FROM users WHERE email = ${lit(adminEmail)} AND account_id = ${lit(id)}`);
  return { id, name, email: adminEmail, adminId };
}

/** The argon2id hash of PASSWORD, copied from a fixture partner administrator. */
let passwordHash;
async function knownHash() {
  if (!passwordHash) {
    const donor = await newPartner('Hash donor');
    passwordHash = await scalar(`SELECT password_hash FROM users WHERE id = ${donor.adminId}`);
    assert.match(passwordHash, /^\$argon2id\$/);
  }
  return passwordHash;
}

/** A customer account of a partner, inserted directly (for tests that are not about Add Account). */
export async function newCustomer(partnerId, label = 'Customer') {
  const name = `${label} ${uid()}`;
  const id = await scalar('SELECT UUID()');
  await sql(`INSERT INTO accounts (id, partner_id, kind, name, country, city, default_language, status, created_at, updated_at)
             VALUES (${lit(id)}, ${lit(partnerId)}, 'customer', ${lit(name)}, 'US', 'Springfield', 'en', 'active',
                     UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  return { id, name };
}

/**
 * A user of an account, inserted directly. role: partner_admin,
 * account_manager, account_admin or user. With signIn (the default) the
 * user is registered with PASSWORD, so they can sign in.
 */
export async function newUser(accountId, { role = 'user', first = 'Test', last = `User${uid()}`, mail = email(role), ext = '', signIn = true } = {}) {
  const hash = signIn ? await knownHash() : null;
  await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, extension, role, registered,
                                password_hash, created_at, updated_at)
             VALUES (${lit(accountId)}, ${lit(first)}, ${lit(last)}, ${lit(`${first} ${last}`)}, ${lit(mail)}, ${lit(ext)},
                     ${lit(role)}, ${signIn ? 1 : 0}, ${lit(hash)}, UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  const id = await scalar(`SELECT id FROM users WHERE account_id = ${lit(accountId)} AND email = ${lit(mail)}`);
  return { id, email: mail, name: `${first} ${last}`, accountId, role };
}

/** Give an existing user (made through the UI) the fixture password. */
export async function setKnownPassword(userId) {
  await sql(`UPDATE users SET password_hash = ${lit(await knownHash())}, registered = 1 WHERE id = ${Number(userId)}`);
}

/** A client of a signed-in user, remembering the session's CSRF token. */
export class Session extends Client {
  /** Refresh the CSRF token from any page of the console. */
  async refreshCsrf(path = '/password') {
    const page = await this.get(path);
    assert.equal(page.status, 200, `GET ${path} for a CSRF token`);
    this.csrf = csrfFrom(page.text);
    return this.csrf;
  }

  /** POST a form with this session's CSRF token. */
  async send(path, fields = {}, options) {
    if (!this.csrf) await this.refreshCsrf();
    return this.post(path, { ...fields, _csrf: this.csrf }, options);
  }

  /** POST a raw application/x-www-form-urlencoded body (a string or a Buffer, bytes as given). */
  async sendRaw(path, body) {
    if (!this.csrf) await this.refreshCsrf();
    const prefix = Buffer.from(`_csrf=${this.csrf}&`);
    const rest = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
    return this.request('POST', path, {
      body: Buffer.concat([prefix, rest]),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
}

/** Sign in through the form; fails the test unless it worked. */
export async function signIn(userEmail, password = PASSWORD) {
  const s = new Session();
  const res = await s.login(userEmail, password);
  assert.equal(res.status, 303, `sign-in of ${userEmail} redirects (got ${res.status})`);
  assert.ok(s.cookies.get('sb_session'), 'sign-in sets the session cookie');
  await s.refreshCsrf();
  return s;
}

/** A partner with one signed-in administrator. */
export async function partnerSession(label) {
  const partner = await newPartner(label);
  const session = await signIn(partner.email);
  return { partner, session };
}

/** A customer account of partnerId with a signed-in Account Admin. */
export async function adminSession(partnerId, label) {
  const account = await newCustomer(partnerId, label);
  const admin = await newUser(account.id, { role: 'account_admin' });
  const session = await signIn(admin.email);
  return { account, admin, session };
}

/** The page's text with tags dropped and entities decoded: what a person reads. */
export function visibleText(html) {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The error message shown next to one field (macros.cs: id="e-<field>"), or null. */
export function fieldError(html, field) {
  const m = new RegExp(`<p class="error" id="e-${field}">([\\s\\S]*?)</p>`).exec(html);
  return m ? visibleText(m[1]).trim() : null;
}

/**
 * The value attribute of the page's input named field, decoded, or null.
 * The page's own forms are in <main>: the header has a search box too.
 */
export function inputValue(html, field) {
  const main = html.indexOf('<main');
  for (const [input] of html.slice(Math.max(main, 0)).matchAll(/<input\b[^>]*>/gi)) {
    if (!new RegExp(`\\bname="${field}"`).test(input)) continue;
    const v = /\bvalue="([^"]*)"/.exec(input);
    return v ? visibleText(v[1]).trim() : '';
  }
  return null;
}

/** Assert a response is the 303 to the sign-in page. */
export function assertToLogin(res, what = '') {
  assert.equal(res.status, 303, `${what}: expected a redirect to /login, got ${res.status}`);
  assert.equal(new URL(res.location, 'http://x').pathname, '/login', `${what}: redirected to ${res.location}`);
}

/** Valid Add Account / Account Information fields, with overrides. */
export function accountFields(overrides = {}) {
  return {
    name: `Customer ${uid()}`,
    country: 'US',
    province: 'Oregon',
    address: '1 Main Street',
    city: 'Portland',
    postal_code: '97201',
    default_language: 'en',
    business_type: 'Enterprise',
    contacts: `support-${uid()}@example.com`,
    ...overrides,
  };
}

/** Valid Add User / Edit User fields, with overrides. */
export function userFields(overrides = {}) {
  return {
    first_name: 'Grace',
    last_name: `Hopper${uid()}`,
    name: '',
    email: email('grace'),
    mobile: '',
    ...overrides,
  };
}

/** Create a customer account through Add Account; resolves with { id, name, fields }. */
export async function addAccountViaUI(session, overrides = {}) {
  const fields = accountFields(overrides);
  const res = await session.send('/accounts/new', fields);
  assert.equal(res.status, 303, `Add Account redirects (got ${res.status})`);
  const m = /^\/a\/([0-9a-f-]{36})\/info$/.exec(res.location);
  assert.ok(m, `Add Account redirects to the account's information: ${res.location}`);
  return { id: m[1], name: fields.name, fields };
}

/** Create a user through Add User; resolves with { id, email, fields }. */
export async function addUserViaUI(session, accountId, overrides = {}) {
  const fields = userFields(overrides);
  const res = await session.send(`/a/${accountId}/users/new`, fields);
  assert.equal(res.status, 303, `Add User redirects (got ${res.status})`);
  const m = new RegExp(`^/a/${accountId}/users/(\\d+)$`).exec(res.location);
  assert.ok(m, `Add User opens the user's edit page: ${res.location}`);
  return { id: m[1], email: fields.email, fields };
}

/** Every row of the route table (`console routes`): [{ method, pattern, ... }]. */
export function routeTable() {
  const rows = routes();
  assert.ok(rows.length > 10, 'the route table was read');
  return rows;
}

/** A pattern with :acct and :id filled in. */
export function fillRoute(pattern, acct, id = '1', ref = 'A-S00000001') {
  return pattern.replace(':acct', acct).replace(':id', id).replace(':ref', ref);
}

/**
 * Forget failed sign-ins counted against this machine's address. Tests that
 * fail sign-ins on purpose call it when done, so that the per-address delay
 * (Login.AddressFreeFailures, tested in auth.test.js) cannot slow down the
 * tests that follow them in the same run.
 */
export async function forgetAddressFailures() {
  await sql("DELETE FROM login_failures WHERE scope = 'addr'");
}

/** Rows in a page's table body (list screens mark each row with data-href). */
export function listRows(html) {
  return [...html.matchAll(/<tr data-href="([^"]+)"/g)].map((m) => m[1]);
}

/** A loopback address of its own (127.x.y.z): a client nobody else's failures are counted against. */
/**
 * Sends until nginx lets it through: its rate limits (nginx.conf) answer 429
 * with a Retry-After to a sweep of every route from one address, which is
 * not what a sweep tests. Waits a second after each, ten times at most. The
 * console's own 429s (sign-in throttling) come back at once.
 */
export async function paced(send) {
  let res = await send();
  for (let i = 0; res.status === 429 && res.headers.get('retry-after') === '1' && i < 10; i++) {
    await new Promise((resolve) => { setTimeout(resolve, 1000); });
    res = await send();
  }
  return res;
}

export function newAddress() {
  const [a, b, c] = randomBytes(3);
  return `127.${a}.${b}.${(c % 250) + 2}`;
}

/** A client whose requests come from address: node:http can pick the source address, fetch cannot. */
export function fromAddress(address) {
  const c = new Client();
  c.address = address;
  c.request = (method, path, { body, headers = {} } = {}) => new Promise((resolve, reject) => {
    const url = new URL(path, c.base);
    const data = body ? Buffer.from(String(body instanceof URLSearchParams || typeof body === 'string' ? body
      : new URLSearchParams(body))) : null;
    const cookie = c.cookieHeader();
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress: address,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(data ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': data.length } : {}),
        ...headers,
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => {
        const h = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of [value].flat()) h.append(name, v);
        }
        c.storeCookies(h);
        resolve({ status: res.statusCode, headers: h, text: Buffer.concat(chunks).toString('utf8'), location: h.get('location') });
      });
    });
    req.on('error', reject);
    req.end(data ?? undefined);
  });
  return c;
}
