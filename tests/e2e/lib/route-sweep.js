// Tests generated from the route table (`console routes`, ARCHITECTURE §3):
// every row has a case that succeeds, a case with bad input when it declares
// inputs or a typed confirmation, a refusal without its CSRF token when it is
// a POST, and a 404 for another tenant when it names an account or an object.
// The cases live below, keyed by "METHOD pattern"; a route without its cases
// fails the first test, so no route lands untested. The sweep runs in parts,
// one per file (tests/e2e/core-routes-N.test.js), each within the runner's
// time limit for a file.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, config, consoleBin, csrfFrom, routes, sql } from './stack.js';
import { eventually, linkIn, waitForMail } from './mail.js';
import { generateKeys } from './scim.js';
import { configureSso, idpRespond, idpUser, startSignIn, testIdpFields } from './sso.js';
import {
  accountFields, email, lit, newCustomer, newPartner, newUser, paced, PASSWORD, scalar, signIn, stateOf, uid,
  userFields,
} from './fixtures.js';
import { gatewayAccount, wizard } from './gateway.js';
import { mivbAccount, pbxState } from './mivb.js';
import { appToken, pngBytes, report, reportedLog, textBytes } from './support.js';
import { api, linkCode, linkSite, report as inventoryReport } from './inventory.js';
import { billingFeed, orderDoc, orderNumber, publishOrder } from './orders.js';

/** A form body; arrays repeat their field. */
function form(fields, csrf) {
  const body = new URLSearchParams();
  if (csrf !== undefined) body.append('_csrf', csrf);
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) body.append(name, String(v));
  }
  return body;
}

/** One request of a case: GET, or POST with its CSRF token unless told; a machine route's JSON body as is. */
async function perform(c, options) {
  return paced(() => send(c, options));
}

function send(c, { withCsrf = true } = {}) {
  if (c.json !== undefined || !['GET', 'POST'].includes(c.method)) {
    const type = c.path.startsWith('/scim/') ? 'application/scim+json' : 'application/json';
    return c.who.request(c.method, c.path, {
      body: c.json === undefined ? undefined : JSON.stringify(c.json),
      headers: { ...c.headers, ...(c.json === undefined ? {} : { 'content-type': type }) },
    });
  }
  if (c.method === 'GET') return c.who.get(c.path, { headers: c.headers });
  if (c.multipart) return c.who.post(c.path, c.multipart(withCsrf ? c.who.csrf : undefined), { headers: c.headers });
  let csrf;
  if (withCsrf) csrf = c.csrf ?? c.who.csrf;
  return c.who.post(c.path, form(c.body ?? {}, csrf));
}

/** A spreadsheet with one user row, uploaded; resolves with the batch id. */
async function importBatch(who, accountId) {
  const panel = await who.get(`/a/${accountId}/users/import`);
  const body = new FormData();
  body.append('_csrf', csrfFrom(panel.text));
  body.append('file', new Blob([`FIRST NAME,LAST NAME,EMAIL\nIm,Port,${email('import')}\n`]), 'users.csv');
  const res = await who.post(`/a/${accountId}/users/import`, body);
  assert.equal(res.status, 303, `upload (${res.status})`);
  return /\/import\/(\d+)$/.exec(res.location)[1];
}

/** A job over one user, started from the Manage panel; resolves with its id. */
async function welcomeJob(who, accountId, userId) {
  const res = await who.post(`/a/${accountId}/users/manage`, form({ action: 'welcome', ids: [userId] }, who.csrf));
  assert.equal(res.status, 303, `Manage → welcome (${res.status})`);
  return /\/jobs\/(\d+)$/.exec(res.location)[1];
}

async function customRole(who, base = 'admin') {
  const res = await who.post('/roles/new', form({ name: `Role ${uid()}`, base, admin_users_view: '1' }, who.csrf));
  assert.equal(res.status, 303, `New Role (${res.status})`);
  return /^\/roles\/(\d+)/.exec(res.location)[1];
}

async function notificationOf(userId, accountId) {
  const job = await scalar(`SELECT MAX(id) FROM jobs WHERE account_id = ${lit(accountId)}`);
  await sql(`INSERT INTO notifications (user_id, account_id, job_id, seen, created_at)
             VALUES (${userId}, ${lit(accountId)}, ${job}, 0, UTC_TIMESTAMP())`);
  return scalar(`SELECT MAX(id) FROM notifications WHERE user_id = ${userId}`);
}

/** A CloudLink Daemon linked to the account the way one links (a code from the console), and its first report. */
async function daemonOf(who, accountId) {
  const platformId = `PLT-${uid()}`;
  const link = await api('POST', '/api/v1/daemons/link', { body: { code: await linkCode(who, accountId), host: `host-${uid()}`, platformId } });
  assert.equal(link.status, 201, JSON.stringify(link.json));
  const rep = await api('PUT', '/api/v1/inventory/report', { token: link.json.token, body: inventoryReport(platformId) });
  assert.equal(rep.status, 200, JSON.stringify(rep.json));
  return { id: link.json.daemonId, token: link.json.token, platformId, platform: rep.json.platform };
}

/** A finished export of events (what syncd leaves), with its one chunk. */
async function exportJob(accountId) {
  await sql(`INSERT INTO jobs (account_id, kind, state, total, processed, run_after, created_at, finished_at)
             VALUES (${lit(accountId)}, 'export_events', 'done', 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  const job = await scalar(`SELECT MAX(id) FROM jobs WHERE account_id = ${lit(accountId)}`);
  await sql(`INSERT INTO event_exports (job_id, account_id, filter, chunks, created_at) VALUES (${job}, ${lit(accountId)}, '{}', 1, UTC_TIMESTAMP());
             INSERT INTO event_export_chunks (job_id, seq, data) VALUES (${job}, 0, 'EVENT ID\r\n')`);
  return job;
}

/** A Launch link's token, as the console shows it. */
async function launchToken(w) {
  const res = await w.sP.post(`/a/${w.A.id}/inventory/platforms/${w.daemon.platform}/launch`, form({}, w.sP.csrf));
  assert.equal(res.status, 200, `Launch (${res.status})`);
  return /token=([0-9a-f]{64})/.exec(res.text)[1];
}

/** An application registered on the Developer page: { id, clientId, secret }. */
async function registerApp(who) {
  const res = await who.post('/developer/new', form({ name: `App ${uid()}`, redirect_uris: 'https://app.example.com/cb' }, who.csrf));
  assert.equal(res.status, 200, `Register application (${res.status})`);
  const code = (id) => new RegExp(`id="${id}">([^<]+)<`).exec(res.text)[1];
  const clientId = code('client-id');
  const id = await scalar(`SELECT id FROM applications WHERE client_id = ${lit(clientId)}`);
  return { id, clientId, secret: code('client-secret') };
}

/** Adds an integration to an account through the catalogue. */
async function addIntegration(who, accountId, kind) {
  const res = await who.post(`/a/${accountId}/integrations/add`, form({ kind }, who.csrf));
  assert.equal(res.status, 303, `Add ${kind} (${res.status})`);
}

/** A partner, its administrator signed in, a customer account with an admin and a user, and one of everything. */
async function world(label) {
  const partner = await newPartner(label);
  const sP = await signIn(partner.email);
  const A = await newCustomer(partner.id, `${label} customer`);
  const admin = await newUser(A.id, { role: 'account_admin' });
  const user = await newUser(A.id, { signIn: false });
  const sA = await signIn(admin.email);
  const w = { partner, sP, A, admin, sA, user };
  w.batch = await importBatch(sP, A.id);
  w.job = await welcomeJob(sP, A.id, user.id);
  w.role = await customRole(sP);
  w.notification = await notificationOf(partner.adminId, A.id);
  w.token = execFileSync(consoleBin, ['-c', config, 'issue-credential', '--partner', partner.id, '--kind', 'app'],
    { encoding: 'utf8' }).trim();
  w.log = await reportedLog(admin);
  w.mobileLog = await reportedLog(admin, { product: 'Mitel One Mobile', platform: 'ios' });
  w.daemon = await daemonOf(sP, A.id);
  w.event = await scalar(`SELECT MAX(id) FROM events WHERE account_id = ${lit(A.id)}`);
  w.exportJob = await exportJob(A.id);
  w.app = await registerApp(sP);
  const assigned = await sP.post(`/developer/${w.app.id}/accounts`, form({ action: 'assign', account: A.id }, sP.csrf));
  assert.equal(assigned.status, 303, 'assign the application');
  // SCIM (Azure AD Sync): the account's Secret Token, a user and a group it provisioned, a source it pulls
  w.scim = await generateKeys(sP, A.id);
  w.scimUser = await scimCreate(w, '/Users', { userName: email('scim'), name: { givenName: 'Sc', familyName: 'Im' } });
  w.scimGroup = await scimCreate(w, '/Groups', { displayName: `Group ${uid()}`, members: [{ value: w.scimUser }] });
  const src = await sP.post(`/a/${A.id}/integrations/scim-sources/new`, form(scimSourceFields(), sP.csrf));
  assert.equal(src.status, 303, `Add SCIM Source (${src.status})`);
  w.source = /(\d+)$/.exec(src.location)[1];
  return w;
}

/** A support log's report as an app posts it (multipart), with the app's token. */
function reportForm(doc) {
  const body = new FormData();
  body.append('report', JSON.stringify(doc));
  body.append('log', new Blob([textBytes(100)]), 'app.log');
  body.append('attachment1', new Blob([pngBytes()]), 'screen.png');
  return body;
}

/** Creates a SCIM resource of w's account; resolves with its id. */
async function scimCreate(w, path, doc) {
  const res = await new Client().request('POST', `/scim/v2/${w.A.id}${path}`, {
    body: JSON.stringify(doc), headers: { authorization: `Bearer ${w.scim}`, 'content-type': 'application/scim+json' },
  });
  assert.equal(res.status, 201, `SCIM POST ${path} (${res.status}): ${res.text.slice(0, 200)}`);
  return JSON.parse(res.text).id;
}

/** Valid Add SCIM Source fields: a source nothing answers at (its pulls fail, writing nothing). */
function scimSourceFields(overrides = {}) {
  return { name: `Source ${uid()}`, base_url: 'http://127.0.0.1:9/scim/v2', token: 'source-token', interval_minutes: '60', filter: '', ...overrides };
}

/** A SCIM request of w's account, as a case. */
function scimCase(w, method, path, { json, status = 200 } = {}) {
  return { who: new Client(), method, path: `/scim/v2/${w.A.id}${path}`, headers: { authorization: `Bearer ${w.scim}` }, json, status };
}

/** A sign-up or reset token, from the mail the console sends. */
async function tokenFor(w, kind) {
  const u = await newUser(w.A.id, { signIn: kind === 'reset' });
  if (kind === 'register') {
    await w.sP.post(`/a/${w.A.id}/users/${u.id}/welcome`, form({}, w.sP.csrf));
  } else {
    const c = new Client();
    const page = await c.get('/forgot');
    await c.post('/forgot', form({ email: u.email }, csrfFrom(page.text)));
  }
  return new URL(linkIn(await waitForMail(u.email))).searchParams.get('t');
}

/** A fresh signed-out client with the pre-sign-in CSRF cookie of page. */
async function anonymous(page) {
  const c = new Client();
  c.csrf = csrfFrom((await c.get(page)).text);
  return c;
}

const long = (n) => 'x'.repeat(n);

/** A good Response for a new sign-in at provider (an account id with single sign-on, or "partner"). */
async function samlResponse(provider, userEmail) {
  const who = new Client();
  const { SAMLRequest } = await startSignIn(who, provider);
  const response = await idpRespond({ SAMLRequest, email: userEmail, variant: 'good' });
  return { who, path: new URL(response.acs).pathname, body: { SAMLResponse: response.SAMLResponse }, status: 303 };
}

/** A customer account of w's partner with single sign-on, and a user the test IdP knows. */
async function ssoAccount(w) {
  const a = await newCustomer(w.partner.id);
  const u = await newUser(a.id);
  await idpUser({ email: u.email, password: 'x', organization: `Org ${uid()}`, organizationId: `org-${uid()}` });
  await configureSso(w.sP, a.id);
  return { a, u };
}

/** A gateway claimed for a new customer of w's partner through the API: its credential. */
async function claimedGateway(w) {
  const a = await newCustomer(w.partner.id);
  const code = `${uid()}${uid()}`.slice(0, 10).toUpperCase();
  execFileSync(consoleBin, ['-c', config, 'gateway', 'claim', '--account', a.id, '--code', code]);
  const res = await paced(() => new Client().request('POST', '/api/v1/gateways/claim', {
    body: JSON.stringify({ code }), headers: { 'content-type': 'application/json' },
  }));
  return JSON.parse(res.text).token;
}

/**
 * A customer account of w's partner at an onboarding step (lib/gateway.js),
 * made once per world and step: the cases that refuse (CSRF, other tenant)
 * reuse it. fresh: a new one (a case that changes it).
 */
async function gatewayAt(w, step, { fresh = false, ...options } = {}) {
  w.gateways ??= {};
  const key = `${step} ${JSON.stringify(options)}`;
  if (fresh || !w.gateways[key]) w.gateways[key] = await gatewayAccount(w.sP, w.partner.id, step, options);
  return w.gateways[key];
}

/** w's account A with a pool of Mitel One licences (an order of w's partner assigned to it), once. */
async function licencedAccount(w) {
  if (!w.licenced) {
    w.feed ??= billingFeed(w.partner.id);
    const number = await publishOrder(w.feed, { lines: [{ product: 'Mitel One', plan: 'Premier', planCode: '54013002', quantity: 1000 }] });
    const res = await w.sP.post(`/orders/${number}`, form({ account: w.A.id }, w.sP.csrf));
    assert.equal(res.status, 303, `Assign (${res.status})`);
    w.licenced = true;
  }
  return w.A.id;
}

/** w's account A with the MiTeam Meetings integration, once. */
async function miteamAccount(w) {
  if (!w.miteam) {
    await addIntegration(w.sP, w.A.id, 'miteam');
    w.miteam = true;
  }
  return w.A.id;
}

/** w's account A with the Mitel One integration, once. */
async function mitelOneAccount(w) {
  if (!w.mitelOne) {
    await addIntegration(w.sP, w.A.id, 'mitel_one');
    w.mitelOne = true;
  }
  return w.A.id;
}

/** Gateway Information with DHCP. */
const siteFields = (overrides = {}) => ({
  site_name: 'Head Office', address: '1 Main Street', city: 'Ottawa', country: 'CA', province: 'Ontario',
  postal_code: 'K0A 2G0', eth_mode: 'dhcp', ...overrides,
});

// Each case: async (w) => { who, path, body?, status }. `ok` succeeds; `bad`
// sends input the declared inputs or the typed word refuse (422, nothing
// written). Paths use w's objects; destructive cases make their own.
const CASES = {
  'POST /api/v1/app-token': {
    ok: async (w) => ({ who: new Client(), path: '/api/v1/app-token', json: { email: w.admin.email, password: PASSWORD }, status: 200 }),
    bad: async (w) => ({ who: new Client(), path: '/api/v1/app-token', json: { email: 'not an email', password: PASSWORD }, status: 422 }),
  },
  'POST /api/v1/support-logs': {
    ok: async (w) => ({ who: new Client(), path: '/api/v1/support-logs', headers: { authorization: `Bearer ${await appToken(w.admin.email)}` },
      multipart: () => reportForm(report()), status: 201 }),
    bad: async (w) => ({ who: new Client(), path: '/api/v1/support-logs', headers: { authorization: `Bearer ${await appToken(w.admin.email)}` },
      multipart: () => reportForm(report({ title: '' })), status: 422 }),
  },
  'GET /a/:acct/support-logs': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/support-logs?q=log&state=open`, status: 200 }) },
  'GET /a/:acct/support-logs/:id': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/support-logs/${w.log}`, status: 200 }) },
  'POST /a/:acct/support-logs/:id': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/support-logs/${w.log}`, body: { status: 'reported', notes: `Ticket: #${uid()}` }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/support-logs/${w.log}`, body: { status: 'closed', notes: '' }, status: 422 }),
  },
  'GET /a/:acct/support-logs/:id/attachment': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/support-logs/${w.log}/attachment?n=2`, status: 200 }) },
  'GET /a/:acct/support-logs/:id/export': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/support-logs/${w.mobileLog}/export`, status: 200 }) },
  'GET /a/:acct/support-logs/:id/logs.zip': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/support-logs/${w.log}/logs.zip`, status: 200 }) },
  'GET /a/:acct/support-logs/:id/report.zip': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/support-logs/${w.mobileLog}/report.zip`, status: 200 }) },
  'PUT /api/v1/orders/:ref': {
    ok: async (w) => {
      w.feed ??= billingFeed(w.partner.id);
      return { who: new Client(), path: `/api/v1/orders/${orderNumber()}`, headers: { authorization: `Bearer ${w.feed.token}` }, json: orderDoc(w.feed.billingId), status: 201 };
    },
    bad: async (w) => {
      w.feed ??= billingFeed(w.partner.id);
      return { who: new Client(), path: `/api/v1/orders/${orderNumber()}`, headers: { authorization: `Bearer ${w.feed.token}` }, json: orderDoc(w.feed.billingId, { revision: -1 }), status: 422 };
    },
  },
  'GET /a/:acct/users/:id/products': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/${w.user.id}/products`, status: 200 }),
  },
  'POST /a/:acct/users/:id/products': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/${(await newUser(w.A.id)).id}/products`,
      body: { product: 'Mitel One', action: 'add' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/${w.user.id}/products`,
      body: { product: 'Mitel One', action: 'Add it!' }, status: 422 }),
  },
  'GET /a/:acct/users/:id/mitel-one': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/${w.user.id}/mitel-one`, status: 200 }),
  },
  'POST /a/:acct/users/:id/mitel-one': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/${(await newUser(w.A.id)).id}/mitel-one`,
      body: { action: 'save', tier: 'premier', chat: '1' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/${w.user.id}/mitel-one`,
      body: { action: 'save', tier: 'Platinum!' }, status: 422 }),
  },
  'GET /a/:acct/users/manage/mitel-one': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/manage/mitel-one?scope=selected&ids=${w.user.id}`, status: 200 }),
  },
  'POST /a/:acct/users/manage/mitel-one': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/manage/mitel-one`,
      body: { scope: 'selected', ids: [(await newUser(w.A.id)).id], tier: 'premier', chat: 'enable' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${await licencedAccount(w)}/users/manage/mitel-one`,
      body: { scope: 'selected', ids: [w.user.id], tier: 'Gold!' }, status: 422 }),
  },
  'GET /a/:acct/integrations/mitel_one': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await mitelOneAccount(w)}/integrations/mitel_one`, status: 200 }),
  },
  'POST /a/:acct/integrations/mitel_one': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await mitelOneAccount(w)}/integrations/mitel_one`, body: { allow_avatar: '1' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${await mitelOneAccount(w)}/integrations/mitel_one`, body: { allow_avatar: '1', from: 'the info page!' }, status: 422 }),
  },
  'GET /a/:acct/integrations/miteam': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await miteamAccount(w)}/integrations/miteam`, status: 200 }),
  },
  'POST /a/:acct/integrations/miteam': {
    ok: async (w) => ({ who: w.sP, path: `/a/${await miteamAccount(w)}/integrations/miteam`, body: { waiting_room: '1', confirm: 'confirm' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${await miteamAccount(w)}/integrations/miteam`, body: { waiting_room: '1', confirm: 'Confirm' }, status: 422 }),
  },
  'GET /a/:acct/subscriptions': {
    ok: async (w) => {
      w.feed ??= billingFeed(w.partner.id);
      return { who: w.sA, path: `/a/${w.A.id}/subscriptions`, status: 200 };
    },
  },
  'GET /orders': { ok: async (w) => ({ who: w.sP, path: '/orders?filter=unassigned&q=A-S', status: 200 }) },
  'GET /orders/:ref': {
    ok: async (w) => {
      w.feed ??= billingFeed(w.partner.id);
      return { who: w.sP, path: `/orders/${await publishOrder(w.feed)}?company=Routes`, status: 200 };
    },
  },
  'POST /orders/:ref': {
    ok: async (w) => {
      w.feed ??= billingFeed(w.partner.id);
      return { who: w.sP, path: `/orders/${await publishOrder(w.feed)}`, body: { account: w.A.id }, status: 303 };
    },
    bad: async (w) => {
      w.feed ??= billingFeed(w.partner.id);
      return { who: w.sP, path: `/orders/${await publishOrder(w.feed)}`, body: { account: 'not an account' }, status: 422 };
    },
  },
  'GET /orders/:ref/assigned': {
    ok: async (w) => {
      w.feed ??= billingFeed(w.partner.id);
      const number = await publishOrder(w.feed);
      const res = await w.sP.post(`/orders/${number}`, form({ account: w.A.id }, w.sP.csrf));
      assert.equal(res.status, 303, `Assign (${res.status})`);
      return { who: w.sP, path: `/orders/${number}/assigned`, status: 200 };
    },
  },
  'GET /api/v1/credential': {
    ok: async (w) => ({ who: new Client(), path: '/api/v1/credential', headers: { authorization: `Bearer ${w.token}` }, status: 200 }),
  },
  'GET /api/v1/accounts/:acct/policy': {
    ok: async (w) => ({ who: new Client(), path: `/api/v1/accounts/${w.A.id}/policy`, headers: { authorization: `Bearer ${w.token}` }, status: 200 }),
  },
  'POST /api/v1/oauth/token': {
    ok: async (w) => ({
      who: new Client(), path: '/api/v1/oauth/token', status: 200,
      body: { grant_type: 'client_credentials', client_id: w.app.clientId, client_secret: w.app.secret, scope: `account:${w.A.id}` },
    }),
  },
  'GET /ping': { ok: async () => ({ who: new Client(), path: '/ping', status: 204 }) },
  'GET /health': { ok: async () => ({ who: new Client(), path: '/health', status: 200 }) },
  'POST /api/v1/gateways/claim': {
    ok: async (w) => {
      const a = await newCustomer(w.partner.id);
      const code = `${uid()}${uid()}`.slice(0, 10).toUpperCase();
      execFileSync(consoleBin, ['-c', config, 'gateway', 'claim', '--account', a.id, '--code', code]);
      return { who: new Client(), path: '/api/v1/gateways/claim', json: { code, serial: 'ROUTES', kind: 'virtual' }, status: 200 };
    },
  },
  'GET /api/v1/gateways/self/config': {
    ok: async (w) => ({ who: new Client(), path: '/api/v1/gateways/self/config', headers: { authorization: `Bearer ${await claimedGateway(w)}` }, status: 200 }),
  },
  'PUT /api/v1/gateways/self/status': {
    ok: async (w) => ({ who: new Client(), path: '/api/v1/gateways/self/status', headers: { authorization: `Bearer ${await claimedGateway(w)}` },
      json: { version: '2.4.1', kind: 'virtual', logs: ['started'] }, status: 200 }),
  },
  'GET /': { ok: async (w) => ({ who: w.sP, path: '/', status: 200 }) },
  'GET /a/:acct': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}`, status: 200 }) },
  'POST /language': {
    ok: async (w) => ({ who: w.sP, path: '/language', body: { lang: 'en', back: '/accounts?q=x' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: '/language', body: { lang: 'xx', back: '/accounts' }, status: 422 }),
  },
  'GET /login': { ok: async () => ({ who: new Client(), path: '/login', status: 200 }) },
  'POST /login': {
    ok: async (w) => ({ who: await anonymous('/login'), path: '/login', body: { email: w.admin.email, password: PASSWORD }, status: 303 }),
    bad: async () => ({ who: await anonymous('/login'), path: '/login', body: { email: long(300), password: 'x' }, status: 422 }),
  },
  'POST /logout': { ok: async (w) => ({ who: await signIn(w.admin.email), path: '/logout', status: 303 }) },
  'GET /password': { ok: async (w) => ({ who: w.sP, path: '/password', status: 200 }) },
  'POST /password': {
    ok: async (w) => {
      const u = await newUser(w.A.id);
      return { who: await signIn(u.email), path: '/password', body: { current: PASSWORD, new: 'another fine password', confirm: 'another fine password' }, status: 303 };
    },
    bad: async (w) => ({ who: await signIn(w.admin.email), path: '/password', body: { current: long(200), new: 'x', confirm: 'y' }, status: 422 }),
  },
  'GET /register': { ok: async (w) => ({ who: new Client(), path: `/register?t=${await tokenFor(w, 'register')}`, status: 200 }) },
  'POST /register': {
    ok: async (w) => {
      const t = await tokenFor(w, 'register');
      const who = await anonymous(`/register?t=${t}`);
      return { who, path: '/register', body: { t, password: 'a brand new password', confirm: 'a brand new password' }, status: 303 };
    },
    bad: async (w) => {
      const t = await tokenFor(w, 'register');
      return { who: await anonymous(`/register?t=${t}`), path: '/register', body: { t, password: long(200), confirm: long(200) }, status: 422 };
    },
  },
  'GET /reset': { ok: async (w) => ({ who: new Client(), path: `/reset?t=${await tokenFor(w, 'reset')}`, status: 200 }) },
  'POST /reset': {
    ok: async (w) => {
      const t = await tokenFor(w, 'reset');
      return { who: await anonymous(`/reset?t=${t}`), path: '/reset', body: { t, password: 'a reset password', confirm: 'a reset password' }, status: 303 };
    },
    bad: async (w) => {
      const t = await tokenFor(w, 'reset');
      return { who: await anonymous(`/reset?t=${t}`), path: '/reset', body: { t, password: long(200), confirm: long(200) }, status: 422 };
    },
  },
  'GET /forgot': { ok: async () => ({ who: new Client(), path: '/forgot', status: 200 }) },
  'POST /forgot': {
    ok: async (w) => ({ who: await anonymous('/forgot'), path: '/forgot', body: { email: w.admin.email }, status: 303 }),
    bad: async () => ({ who: await anonymous('/forgot'), path: '/forgot', body: { email: 'not an address' }, status: 422 }),
  },
  'GET /accounts': { ok: async (w) => ({ who: w.sP, path: '/accounts', status: 200 }) },
  'GET /accounts/search': { ok: async (w) => ({ who: w.sP, path: '/accounts/search?q=nothing-is-called-this', status: 200 }) },
  'GET /accounts/new': { ok: async (w) => ({ who: w.sP, path: '/accounts/new', status: 200 }) },
  'POST /accounts/new': {
    ok: async (w) => ({ who: w.sP, path: '/accounts/new', body: accountFields(), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: '/accounts/new', body: accountFields({ name: '' }), status: 422 }),
  },
  'GET /a/:acct/info': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/info`, status: 200 }) },
  'POST /a/:acct/info': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/info`, body: accountFields({ name: `Renamed ${uid()}` }), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/info`, body: accountFields({ name: long(300) }), status: 422 }),
  },
  'GET /a/:acct/deactivate': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/deactivate`, status: 200 }) },
  'POST /a/:acct/deactivate': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await newCustomer(w.partner.id)).id}/deactivate`, body: { confirm: 'deactivate' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/deactivate`, body: { confirm: 'Deactivate!' }, status: 422 }),
  },
  'GET /a/:acct/reactivate': {
    ok: async (w) => {
      const b = await newCustomer(w.partner.id);
      await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(b.id)}`);
      return { who: w.sP, path: `/a/${b.id}/reactivate`, status: 200 };
    },
  },
  'POST /a/:acct/reactivate': {
    ok: async (w) => {
      const b = await newCustomer(w.partner.id);
      await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(b.id)}`);
      return { who: w.sP, path: `/a/${b.id}/reactivate`, body: { confirm: 'reactivate' }, status: 303 };
    },
    bad: async (w) => {
      const b = await newCustomer(w.partner.id);
      await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(b.id)}`);
      return { who: w.sP, path: `/a/${b.id}/reactivate`, body: { confirm: 'no' }, status: 422 };
    },
  },
  'GET /a/:acct/delete': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/delete`, status: 200 }) },
  'POST /a/:acct/delete': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await newCustomer(w.partner.id)).id}/delete`, body: { confirm: 'delete' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/delete`, body: { confirm: 'DELETE' }, status: 422 }),
  },
  'GET /support-contacts': { ok: async (w) => ({ who: w.sP, path: '/support-contacts?q=a', status: 200 }) },
  'GET /a/:acct/users': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users`, status: 200 }) },
  'GET /a/:acct/users/export.csv': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/export.csv?q=test`, status: 200 }) },
  'GET /a/:acct/users/new': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/new`, status: 200 }) },
  'POST /a/:acct/users/new': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/new`, body: userFields(), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/new`, body: userFields({ email: 'not an email' }), status: 422 }),
  },
  'GET /a/:acct/users/:id': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/${w.user.id}`, status: 200 }) },
  'POST /a/:acct/users/:id': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/${w.user.id}`, body: userFields({ email: w.user.email, role: 'user' }), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/${w.user.id}`, body: userFields({ email: w.user.email, mobile: '12ab' }), status: 422 }),
  },
  'GET /a/:acct/users/:id/delete': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/${w.user.id}/delete`, status: 200 }) },
  'POST /a/:acct/users/:id/delete': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/${(await newUser(w.A.id)).id}/delete`, body: { confirm: 'delete' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/${w.user.id}/delete`, body: { confirm: 'yes' }, status: 422 }),
  },
  'POST /a/:acct/users/:id/welcome': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/${(await newUser(w.A.id, { signIn: false })).id}/welcome`, status: 303 }),
  },
  'GET /a/:acct/users/manage': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/manage?ids=${w.user.id}`, status: 200 }) },
  'POST /a/:acct/users/manage': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/manage`, body: { action: 'welcome', ids: [w.user.id] }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/manage`, body: { action: 'welcome', ids: ['everyone'] }, status: 422 }),
  },
  'GET /a/:acct/users/manage/delete': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/manage/delete?ids=${w.user.id}`, status: 200 }) },
  'POST /a/:acct/users/manage/delete': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/manage/delete`, body: { ids: [(await newUser(w.A.id)).id], confirm: 'delete' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/manage/delete`, body: { ids: [w.user.id], confirm: 'remove' }, status: 422 }),
  },
  'GET /a/:acct/jobs/:id': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/jobs/${w.job}`, status: 200 }) },
  'GET /a/:acct/jobs/:id/progress': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/jobs/${w.job}/progress`, status: 200 }) },
  'POST /notifications/dismiss': {
    ok: async (w) => ({ who: w.sP, path: '/notifications/dismiss', body: { back: '/accounts' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: '/notifications/dismiss', body: { back: `/${long(600)}` }, status: 422 }),
  },
  'POST /notifications/:id/delete': {
    ok: async (w) => ({ who: w.sP, path: `/notifications/${await notificationOf(w.partner.adminId, w.A.id)}/delete`, body: { back: '/' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/notifications/${w.notification}/delete`, body: { back: '/\u0001' }, status: 422 }),
  },
  'GET /a/:acct/users/import': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/import`, status: 200 }) },
  'POST /a/:acct/users/import': {
    ok: async (w) => ({
      who: w.sP, path: `/a/${w.A.id}/users/import`, status: 303,
      multipart: (csrf) => {
        const body = new FormData();
        if (csrf !== undefined) body.append('_csrf', csrf);
        body.append('file', new Blob([`FIRST NAME,LAST NAME,EMAIL\nNew,Row,${email('import')}\n`]), 'users.csv');
        return body;
      },
    }),
    bad: async (w) => ({
      who: w.sP, path: `/a/${w.A.id}/users/import`, status: 422,
      multipart: (csrf) => {
        const body = new FormData();
        if (csrf !== undefined) body.append('_csrf', csrf);
        body.append('file', new Blob(['FIRST NAME,LAST NAME,EMAIL\n']), `${long(300)}.csv`);
        return body;
      },
    }),
  },
  'GET /a/:acct/users/import/users-template.xlsx': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/import/users-template.xlsx`, status: 200 }) },
  'GET /a/:acct/users/import/:id': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/import/${w.batch}`, status: 200 }) },
  'POST /a/:acct/users/import/:id/row': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/import/${w.batch}/row`, body: { row: 0, page: 1, first_name: 'Added', email: email('row') }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/import/${w.batch}/row`, body: { row: 'the first', page: 1, first_name: 'Added' }, status: 422 }),
  },
  'POST /a/:acct/users/import/:id/delete-row': {
    ok: async (w) => {
      const row = await scalar(`SELECT MIN(id) FROM import_rows WHERE batch_id = ${w.batch}`);
      return { who: w.sP, path: `/a/${w.A.id}/users/import/${w.batch}/delete-row`, body: { row }, status: 303 };
    },
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/import/${w.batch}/delete-row`, body: { row: '-1' }, status: 422 }),
  },
  'POST /a/:acct/users/import/:id/upload': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/import/${await importBatch(w.sP, w.A.id)}/upload`, status: 303 }),
  },
  'POST /a/:acct/users/import/:id/welcome': {
    ok: async (w) => {
      const batch = await importBatch(w.sP, w.A.id);
      await w.sP.post(`/a/${w.A.id}/users/import/${batch}/upload`, form({}, w.sP.csrf));
      return { who: w.sP, path: `/a/${w.A.id}/users/import/${batch}/welcome`, status: 303 };
    },
  },
  'POST /a/:acct/users/import/:id/cancel': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/import/${await importBatch(w.sP, w.A.id)}/cancel`, status: 303 }),
  },
  'GET /roles': { ok: async (w) => ({ who: w.sP, path: '/roles', status: 200 }) },
  'GET /roles/new': { ok: async (w) => ({ who: w.sP, path: '/roles/new', status: 200 }) },
  'POST /roles/new': {
    ok: async (w) => ({ who: w.sP, path: '/roles/new', body: { name: `Role ${uid()}`, base: 'admin', admin_users_view: '1' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: '/roles/new', body: { name: long(300), base: 'admin' }, status: 422 }),
  },
  'GET /roles/:id': { ok: async (w) => ({ who: w.sP, path: `/roles/${w.role}`, status: 200 }) },
  'POST /roles/:id': {
    ok: async (w) => ({ who: w.sP, path: `/roles/${w.role}`, body: { name: `Role ${uid()}`, admin_users_view: '1' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/roles/${w.role}`, body: { name: '', admin_users_view: '1' }, status: 422 }),
  },
  'GET /roles/:id/duplicate': { ok: async (w) => ({ who: w.sP, path: `/roles/${w.role}/duplicate`, status: 200 }) },
  'POST /roles/:id/duplicate': {
    ok: async (w) => ({ who: w.sP, path: `/roles/${w.role}/duplicate`, body: { name: `Copy ${uid()}`, base: 'admin', admin_users_view: '1' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/roles/${w.role}/duplicate`, body: { name: long(300), base: 'admin' }, status: 422 }),
  },
  'GET /roles/:id/accounts': { ok: async (w) => ({ who: w.sP, path: `/roles/${w.role}/accounts`, status: 200 }) },
  'POST /roles/:id/accounts': {
    ok: async (w) => ({ who: w.sP, path: `/roles/${w.role}/accounts`, body: { action: 'assign', accounts: [w.A.id] }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/roles/${w.role}/accounts`, body: { action: 'Assign all!', accounts: [w.A.id] }, status: 422 }),
  },
  'GET /roles/:id/delete': { ok: async (w) => ({ who: w.sP, path: `/roles/${w.role}/delete`, status: 200 }) },
  'POST /roles/:id/delete': {
    ok: async (w) => ({ who: w.sP, path: `/roles/${await customRole(w.sP)}/delete`, body: { confirm: 'delete' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/roles/${w.role}/delete`, body: { confirm: 'delet' }, status: 422 }),
  },
  'GET /a/:acct/integrations': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations`, status: 200 }) },
  'GET /a/:acct/integrations/add': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/add?tab=third_party&q=zo`, status: 200 }) },
  'POST /a/:acct/integrations/add': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/add`, body: { kind: 'micollab', tab: 'mitel', from: 'info' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/add`, body: { kind: 'Not a kind!', tab: 'mitel' }, status: 422 }),
  },
  'POST /a/:acct/integrations/switch': {
    ok: async (w) => {
      await addIntegration(w.sP, w.A.id, 'micc');
      return { who: w.sP, path: `/a/${w.A.id}/integrations/switch`, body: { kind: 'micc', from: 'integrations' }, status: 303 };
    },
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/switch`, body: { kind: 'micc', on: '1', from: 'The info page' }, status: 422 }),
  },
  'GET /a/:acct/integrations/remove': {
    ok: async (w) => {
      await addIntegration(w.sP, w.A.id, 'zoom');
      return { who: w.sP, path: `/a/${w.A.id}/integrations/remove?kind=zoom&from=info`, status: 200 };
    },
  },
  'POST /a/:acct/integrations/remove': {
    ok: async (w) => {
      await addIntegration(w.sP, w.A.id, 'twilio');
      return { who: w.sP, path: `/a/${w.A.id}/integrations/remove`, body: { kind: 'twilio', from: 'info' }, status: 303 };
    },
    bad: async (w) => {
      await addIntegration(w.sP, w.A.id, 'cmcom');
      return { who: w.sP, path: `/a/${w.A.id}/integrations/remove`, body: { kind: 'cmcom', from: 'the info page' }, status: 422 };
    },
  },
  'GET /a/:acct/integrations/chat': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/chat?from=info`, status: 200 }) },
  'POST /a/:acct/integrations/chat': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/chat`, body: { allow_edit_delete: '1', from: 'info' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/chat`, body: { from: 'In fo' }, status: 422 }),
  },
  'POST /a/:acct/privileges': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/privileges`, body: { privilege: 'guest_access', on: '1', from: 'info' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/privileges`, body: { privilege: 'root access', on: '1' }, status: 422 }),
  },
  'POST /a/:acct/call-services': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/call-services`, body: { bandwidth_optimization: '1', from: 'info' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/call-services`, body: { from: 'x y' }, status: 422 }),
  },
  'GET /developer': { ok: async (w) => ({ who: w.sP, path: '/developer', status: 200 }) },
  'GET /developer/new': { ok: async (w) => ({ who: w.sP, path: '/developer/new', status: 200 }) },
  'POST /developer/new': {
    // The secret is shown by the answer itself (a redirect would need it kept).
    ok: async (w) => ({ who: w.sP, path: '/developer/new', body: { name: `App ${uid()}`, redirect_uris: 'https://app.example.com/cb' }, status: 200 }),
    bad: async (w) => ({ who: w.sP, path: '/developer/new', body: { name: long(300), redirect_uris: 'ftp://x' }, status: 422 }),
  },
  'GET /developer/:id': { ok: async (w) => ({ who: w.sP, path: `/developer/${w.app.id}`, status: 200 }) },
  'POST /developer/:id': {
    ok: async (w) => ({ who: w.sP, path: `/developer/${w.app.id}`, body: { name: `App ${uid()}`, description: 'Renamed' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/developer/${w.app.id}`, body: { name: '', redirect_uris: 'https://x.example.com/#f' }, status: 422 }),
  },
  'POST /developer/:id/secret': {
    ok: async (w) => ({ who: w.sP, path: `/developer/${(await registerApp(w.sP)).id}/secret`, status: 200 }),
  },
  'GET /developer/:id/accounts': { ok: async (w) => ({ who: w.sP, path: `/developer/${w.app.id}/accounts`, status: 200 }) },
  'POST /developer/:id/accounts': {
    ok: async (w) => ({ who: w.sP, path: `/developer/${w.app.id}/accounts`, body: { action: 'assign', account: (await newCustomer(w.partner.id)).id }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/developer/${w.app.id}/accounts`, body: { action: 'assign', account: 'not an account' }, status: 422 }),
  },
  'GET /developer/:id/delete': { ok: async (w) => ({ who: w.sP, path: `/developer/${w.app.id}/delete`, status: 200 }) },
  'POST /developer/:id/delete': {
    ok: async (w) => ({ who: w.sP, path: `/developer/${(await registerApp(w.sP)).id}/delete`, body: { confirm: 'delete' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/developer/${w.app.id}/delete`, body: { confirm: 'remove' }, status: 422 }),
  },
  'GET /account-managers': { ok: async (w) => ({ who: w.sP, path: '/account-managers', status: 200 }) },
  'GET /account-managers/confirm': {
    ok: async (w) => ({ who: w.sP, path: `/account-managers/confirm?action=convert&users=${(await newUser(w.partner.id, { role: 'partner_admin' })).id}`, status: 200 }),
  },
  'POST /account-managers/confirm': {
    ok: async (w) => ({ who: w.sP, path: '/account-managers/confirm', body: { action: 'convert', users: [(await newUser(w.partner.id, { role: 'partner_admin' })).id] }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: '/account-managers/confirm', body: { action: 'convert', users: ['me'] }, status: 422 }),
  },
  'GET /account-managers/manage': {
    ok: async (w) => ({ who: w.sP, path: `/account-managers/manage?users=${(await newUser(w.partner.id, { role: 'account_manager' })).id}`, status: 200 }),
  },
  'GET /account-managers/assign': {
    ok: async (w) => ({ who: w.sP, path: `/account-managers/assign?action=assign&users=${(await newUser(w.partner.id, { role: 'account_manager' })).id}&accounts=${w.A.id}`, status: 200 }),
  },
  'POST /account-managers/assign': {
    ok: async (w) => ({ who: w.sP, path: '/account-managers/assign', body: { action: 'assign', users: [(await newUser(w.partner.id, { role: 'account_manager' })).id], accounts: [w.A.id] }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: '/account-managers/assign', body: { action: 'assign', users: ['1 OR 1'], accounts: [w.A.id] }, status: 422 }),
  },
  // Event History (guide §2.16)
  'GET /a/:acct/events': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/events?asset=user&dir=asc`, status: 200 }) },
  'GET /a/:acct/events/filters': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/events/filters?type=admin`, status: 200 }) },
  'GET /a/:acct/events/columns': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/events/columns`, status: 200 }) },
  'POST /a/:acct/events/columns': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/events/columns`, body: { order: ['event_id', 'action'], shown: ['event_id'], save: '1' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/events/columns`, body: { order: ['Not a key!'], shown: ['event_id'] }, status: 422 }),
  },
  'POST /a/:acct/events/export': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/events/export`, body: { ids: [w.event] }, status: 200 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/events/export`, body: { ids: ['1 OR 1'] }, status: 422 }),
  },
  'POST /a/:acct/events/export-all': {
    ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/events/export-all`, body: { type: 'admin' }, status: 200 }),
    bad: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/events/export-all`, body: { type: 'Admin; DROP' }, status: 422 }),
  },
  'GET /a/:acct/events/exports/:id': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/events/exports/${w.exportJob}`, status: 200 }) },
  'GET /a/:acct/events/:id': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/events/${w.event}?tab=core`, status: 200 }) },
  'GET /a/:acct/events/:id/export': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/events/${w.event}/export`, status: 200 }) },

  // System Inventory (guide §2.17)
  'GET /inventory/platforms': { ok: async (w) => ({ who: w.sP, path: `/inventory/platforms?account=${w.A.id}&swa=active`, status: 200 }) },
  'GET /inventory/applications': { ok: async (w) => ({ who: w.sP, path: '/inventory/applications?app=micollab', status: 200 }) },
  'GET /inventory/columns': { ok: async (w) => ({ who: w.sP, path: '/inventory/columns', status: 200 }) },
  'POST /inventory/columns': {
    ok: async (w) => ({ who: w.sP, path: '/inventory/columns', body: { order: ['host', 'account'], shown: ['host'] }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: '/inventory/columns', body: { move: `${long(70)}:up` }, status: 422 }),
  },
  'GET /a/:acct/inventory/platforms': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/platforms?q=host`, status: 200 }) },
  'GET /a/:acct/inventory/platforms/:id': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/platforms/${w.daemon.platform}`, status: 200 }) },
  'POST /a/:acct/inventory/platforms/:id/launch': {
    ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/platforms/${w.daemon.platform}/launch`, status: 200 }),
    bad: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/platforms/${w.daemon.platform}/launch`, body: { app: 'Not A Type' }, status: 422 }),
  },
  'GET /a/:acct/inventory/applications': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/applications`, status: 200 }) },
  'GET /a/:acct/inventory/columns': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/columns`, status: 200 }) },
  'POST /a/:acct/inventory/columns': {
    ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/columns`, body: { reset: '1' }, status: 303 }),
    bad: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/columns`, body: { order: ['Bad Key'] }, status: 422 }),
  },
  'GET /a/:acct/inventory/daemons': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/daemons`, status: 200 }) },
  'POST /a/:acct/inventory/daemons': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/daemons`, status: 200 }) },
  'GET /a/:acct/inventory/daemons/:id/unlink': { ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/daemons/${w.daemon.id}/unlink`, status: 200 }) },
  'POST /a/:acct/inventory/daemons/:id/unlink': {
    ok: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/daemons/${(await daemonOf(w.sA, w.A.id)).id}/unlink`, body: { confirm: 'unlink' }, status: 303 }),
    bad: async (w) => ({ who: w.sA, path: `/a/${w.A.id}/inventory/daemons/${w.daemon.id}/unlink`, body: { confirm: 'yes' }, status: 422 }),
  },
  'POST /api/v1/daemons/link': {
    ok: async (w) => ({ who: new Client(), path: '/api/v1/daemons/link', json: { code: await linkCode(w.sP, w.A.id), host: 'linked', platformId: `PLT-${uid()}` }, status: 201 }),
  },
  'PUT /api/v1/inventory/report': {
    ok: async (w) => ({ who: new Client(), path: '/api/v1/inventory/report', headers: { authorization: `Bearer ${w.daemon.token}` }, json: inventoryReport(w.daemon.platformId), status: 200 }),
  },
  'POST /api/v1/launch/verify': {
    ok: async (w) => ({ who: new Client(), path: '/api/v1/launch/verify', headers: { authorization: `Bearer ${w.daemon.token}` }, json: { token: await launchToken(w) }, status: 200 }),
  },
  // SCIM 2.0 (RFC 7644; guide §3.2.6): the account's provisioning service
  'GET /scim/v2/:acct/ServiceProviderConfig': { ok: async (w) => scimCase(w, 'GET', '/ServiceProviderConfig') },
  'GET /scim/v2/:acct/ResourceTypes': { ok: async (w) => scimCase(w, 'GET', '/ResourceTypes') },
  'GET /scim/v2/:acct/ResourceTypes/User': { ok: async (w) => scimCase(w, 'GET', '/ResourceTypes/User') },
  'GET /scim/v2/:acct/ResourceTypes/Group': { ok: async (w) => scimCase(w, 'GET', '/ResourceTypes/Group') },
  'GET /scim/v2/:acct/Schemas': { ok: async (w) => scimCase(w, 'GET', '/Schemas') },
  'GET /scim/v2/:acct/Schemas/urn:ietf:params:scim:schemas:core:2.0:User': {
    ok: async (w) => scimCase(w, 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'),
  },
  'GET /scim/v2/:acct/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group': {
    ok: async (w) => scimCase(w, 'GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group'),
  },
  'GET /scim/v2/:acct/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
    ok: async (w) => scimCase(w, 'GET', '/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'),
  },
  'GET /scim/v2/:acct/Users': { ok: async (w) => scimCase(w, 'GET', `/Users?filter=${encodeURIComponent('userName eq "nobody"')}`) },
  'POST /scim/v2/:acct/Users': {
    ok: async (w) => scimCase(w, 'POST', '/Users', { json: { userName: email('route'), displayName: 'Route' }, status: 201 }),
  },
  'POST /scim/v2/:acct/Users/.search': {
    ok: async (w) => scimCase(w, 'POST', '/Users/.search', { json: { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], count: 1 } }),
  },
  'GET /scim/v2/:acct/Users/:id': { ok: async (w) => scimCase(w, 'GET', `/Users/${w.scimUser}`) },
  'PUT /scim/v2/:acct/Users/:id': {
    ok: async (w) => {
      const id = await scimCreate(w, '/Users', { userName: email('put'), displayName: 'Put' });
      return scimCase(w, 'PUT', `/Users/${id}`, { json: { userName: email('replaced'), displayName: 'Replaced' } });
    },
  },
  'PATCH /scim/v2/:acct/Users/:id': {
    ok: async (w) => {
      const id = await scimCreate(w, '/Users', { userName: email('patch'), displayName: 'Patch' });
      return scimCase(w, 'PATCH', `/Users/${id}`, { json: { Operations: [{ op: 'Replace', path: 'title', value: 'Patched' }] } });
    },
  },
  'DELETE /scim/v2/:acct/Users/:id': {
    ok: async (w) => scimCase(w, 'DELETE', `/Users/${await scimCreate(w, '/Users', { userName: email('del'), displayName: 'Del' })}`, { status: 204 }),
  },
  'GET /scim/v2/:acct/Groups': { ok: async (w) => scimCase(w, 'GET', '/Groups?excludedAttributes=members') },
  'POST /scim/v2/:acct/Groups': { ok: async (w) => scimCase(w, 'POST', '/Groups', { json: { displayName: `Route ${uid()}` }, status: 201 }) },
  'POST /scim/v2/:acct/Groups/.search': { ok: async (w) => scimCase(w, 'POST', '/Groups/.search', { json: { count: 1 } }) },
  'GET /scim/v2/:acct/Groups/:id': { ok: async (w) => scimCase(w, 'GET', `/Groups/${w.scimGroup}`) },
  'PUT /scim/v2/:acct/Groups/:id': {
    ok: async (w) => scimCase(w, 'PUT', `/Groups/${await scimCreate(w, '/Groups', { displayName: `Put ${uid()}` })}`,
      { json: { displayName: `Replaced ${uid()}` } }),
  },
  'PATCH /scim/v2/:acct/Groups/:id': {
    ok: async (w) => scimCase(w, 'PATCH', `/Groups/${await scimCreate(w, '/Groups', { displayName: `Patch ${uid()}` })}`,
      { json: { Operations: [{ op: 'Add', path: 'members', value: [{ value: w.scimUser }] }] }, status: 204 }),
  },
  'DELETE /scim/v2/:acct/Groups/:id': {
    ok: async (w) => scimCase(w, 'DELETE', `/Groups/${await scimCreate(w, '/Groups', { displayName: `Del ${uid()}` })}`, { status: 204 }),
  },

  // Azure AD Sync's setup dialog (guide §3.2.6) and the Phone Number Conflict Search
  'GET /a/:acct/integrations/azure-ad-sync': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/azure-ad-sync`, status: 200 }) },
  'POST /a/:acct/integrations/azure-ad-sync/keys': {
    ok: async (w) => {
      const c = await newCustomer(w.partner.id);
      return { who: w.sP, path: `/a/${c.id}/integrations/azure-ad-sync/keys`, status: 200 };
    },
  },
  'GET /a/:acct/integrations/azure-ad-sync/remove': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/azure-ad-sync/remove`, status: 200 }) },
  'POST /a/:acct/integrations/azure-ad-sync/remove': {
    ok: async (w) => {
      const c = await newCustomer(w.partner.id);
      await generateKeys(w.sP, c.id);
      return { who: w.sP, path: `/a/${c.id}/integrations/azure-ad-sync/remove`, status: 303 };
    },
  },
  'GET /a/:acct/users/phone-conflicts': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/users/phone-conflicts?phone=%2B14155550100`, status: 200 }) },

  // SCIM sources (ch3 §8.5)
  'GET /a/:acct/integrations/scim-sources': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources`, status: 200 }) },
  'GET /a/:acct/integrations/scim-sources/new': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/new`, status: 200 }) },
  'POST /a/:acct/integrations/scim-sources/new': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/new`, body: scimSourceFields(), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/new`, body: scimSourceFields({ interval_minutes: 'often' }), status: 422 }),
  },
  'GET /a/:acct/integrations/scim-sources/:id': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/${w.source}`, status: 200 }) },
  'POST /a/:acct/integrations/scim-sources/:id': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/${w.source}`, body: scimSourceFields({ token: '' }), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/${w.source}`, body: scimSourceFields({ name: long(200) }), status: 422 }),
  },
  'POST /a/:acct/integrations/scim-sources/:id/sync': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/${w.source}/sync`, status: 303 }),
  },
  'GET /a/:acct/integrations/scim-sources/:id/delete': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/${w.source}/delete`, status: 200 }),
  },
  'POST /a/:acct/integrations/scim-sources/:id/delete': {
    ok: async (w) => {
      const res = await w.sP.post(`/a/${w.A.id}/integrations/scim-sources/new`, form(scimSourceFields(), w.sP.csrf));
      return { who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/${/(\d+)$/.exec(res.location)[1]}/delete`, body: { confirm: 'delete' }, status: 303 };
    },
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/scim-sources/${w.source}/delete`, body: { confirm: 'remove' }, status: 422 }),
  },
  'GET /saml2/partner': { ok: async () => ({ who: new Client(), path: '/saml2/partner', status: 200 }) },
  'GET /saml2/partner/login': { ok: async () => ({ who: new Client(), path: '/saml2/partner/login', status: 303 }) },
  'POST /saml2/partner/acs': {
    ok: async (w) => samlResponse('partner', (await ssoAccount(w)).u.email),
  },
  'GET /saml2/:acct': { ok: async (w) => ({ who: new Client(), path: `/saml2/${w.A.id}`, status: 200 }) },
  'GET /saml2/:acct/login': {
    ok: async (w) => ({ who: new Client(), path: `/saml2/${(await ssoAccount(w)).a.id}/login`, status: 303 }),
  },
  'POST /saml2/:acct/acs': {
    ok: async (w) => {
      const { a, u } = await ssoAccount(w);
      return samlResponse(a.id, u.email);
    },
  },
  'GET /a/:acct/integrations/sso': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/sso`, status: 200 }) },
  'POST /a/:acct/integrations/sso': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/sso`, body: await testIdpFields(), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/integrations/sso`, body: await testIdpFields({ idp_name: long(300) }), status: 422 }),
  },
  'GET /a/:acct/integrations/sso/remove': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await ssoAccount(w)).a.id}/integrations/sso/remove`, status: 200 }),
  },
  'POST /a/:acct/integrations/sso/remove': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await ssoAccount(w)).a.id}/integrations/sso/remove`, status: 303 }),
  },
};

Object.assign(CASES, {
  'GET /a/:acct/integrations/gateway': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'new')).id), status: 200 }),
  },
  'POST /a/:acct/integrations/gateway': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'new', { fresh: true })).id), status: 303 }),
  },
  'GET /a/:acct/integrations/gateway/site': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'claimed')).id, 'site'), status: 200 }),
  },
  'POST /a/:acct/integrations/gateway/site': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'claimed')).id, 'site'), body: siteFields(), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'claimed')).id, 'site'), body: siteFields({ site_name: long(300) }), status: 422 }),
  },
  'GET /a/:acct/integrations/gateway/claim': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'added')).id, 'claim'), status: 200 }),
  },
  'POST /a/:acct/integrations/gateway/claim': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'added', { fresh: true })).id, 'claim'), body: { code: `${uid()}`.toUpperCase() }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'added')).id, 'claim'), body: { code: '' }, status: 422 }),
  },
  'GET /a/:acct/integrations/gateway/pbx': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'site')).id, 'pbx'), status: 200 }),
  },
  'POST /a/:acct/integrations/gateway/pbx': {
    ok: async (w) => ({
      who: w.sP, path: wizard((await gatewayAt(w, 'site', { fresh: true })).id, 'pbx'), status: 303,
      body: { pbx_type: 'mxone', pbx_name: 'Routes PBX', host: 'pbx.example.com', port: '443', username: 'cloudlink', password: 'secret' },
    }),
    bad: async (w) => ({
      who: w.sP, path: wizard((await gatewayAt(w, 'site')).id, 'pbx'), status: 422,
      body: { pbx_type: 'MX ONE!', pbx_name: 'Routes PBX', host: 'pbx.example.com', port: '443', username: 'cloudlink', password: 'secret' },
    }),
  },
  'GET /a/:acct/integrations/gateway/connect': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'linked')).id, 'connect'), status: 200 }),
  },
  'POST /a/:acct/integrations/gateway/connect': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'linked', { fresh: true })).id, 'connect'), body: { action: 'connect' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'linked')).id, 'connect'), body: { action: 'Connect!' }, status: 422 }),
  },
  'GET /a/:acct/integrations/gateway/irregular': {
    ok: async (w) => ({ who: w.sP, path: `${wizard((await gatewayAt(w, 'linked')).id, 'irregular')}?state=missing`, status: 200 }),
  },
  'GET /a/:acct/integrations/gateway/deployment': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'added')).id, 'deployment'), status: 200 }),
  },
  'POST /a/:acct/integrations/gateway/deployment': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'connected')).id, 'deployment'), body: { to_users: '1' }, status: 303 }),
    // Not connected yet: Complete is refused and nothing is written.
    bad: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'linked')).id, 'deployment'), body: { to_users: '1' }, status: 422 }),
  },
  'GET /a/:acct/integrations/gateway/advanced': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'complete')).id, 'advanced'), status: 200 }),
  },
  'GET /a/:acct/integrations/gateway/overview': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'complete')).id, 'overview'), status: 200 }),
  },
  'GET /a/:acct/integrations/gateway/remove': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'added')).id, 'remove'), status: 200 }),
  },
  'POST /a/:acct/integrations/gateway/remove': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'added', { fresh: true })).id, 'remove'), status: 303 }),
  },
  'GET /a/:acct/integrations/gateway/revert': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'claimed')).id, 'revert'), status: 200 }),
  },
  'POST /a/:acct/integrations/gateway/revert': {
    ok: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'claimed', { fresh: true })).id, 'revert'), body: { confirm: 'revert' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: wizard((await gatewayAt(w, 'claimed')).id, 'revert'), body: { confirm: 'Revert' }, status: 422 }),
  },
  'GET /a/:acct/support/gateway': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/support/gateway`, status: 200 }) },
  'POST /a/:acct/support/gateway': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await gatewayAt(w, 'complete')).id}/support/gateway`, body: { action: 'trace_stop' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${(await gatewayAt(w, 'complete')).id}/support/gateway`, body: { action: 'Stop it' }, status: 422 }),
  },
  'GET /a/:acct/support/gateway/reboot': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await gatewayAt(w, 'complete')).id}/support/gateway/reboot`, status: 200 }),
  },
  'POST /a/:acct/support/gateway/reboot': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await gatewayAt(w, 'complete')).id}/support/gateway/reboot`, body: { confirm: 'reboot' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${(await gatewayAt(w, 'complete')).id}/support/gateway/reboot`, body: { confirm: 'restart' }, status: 422 }),
  },
  'GET /a/:acct/support/gateway/download': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await gatewayAt(w, 'claimed')).id}/support/gateway/download?file=logs`, status: 200 }),
  },
  'GET /gateway-portal': { ok: async (w) => ({ who: w.sP, path: '/gateway-portal', status: 200 }) },
});

/** A customer account of w's partner with the MiVoice Business menu on (lib/mivb.js), once per world. */
async function mivbAt(w) {
  w.mivb ??= await mivbAccount(w.sP, w.partner.id, { users: 12 });
  return w.mivb;
}
let mivbSerial = 0;
/** A DN range no other case uses. */
const freshRange = () => { const n = 500000 + 100 * mivbSerial++; return { start: String(n), end: String(n + 9) }; };
const freshDid = () => `+1613777${String(Date.now() % 100000).padStart(5, '0')}${mivbSerial++}`;
async function mivbRange(w) {
  const a = await mivbAt(w);
  const res = await w.sP.send(`/a/${a.id}/mivb/ranges/new`, freshRange());
  assert.equal(res.status, 303);
  return scalar(`SELECT MAX(id) FROM mivb_ranges WHERE account_id = ${lit(a.id)}`);
}
async function mivbDid(w) {
  const a = await mivbAt(w);
  const number = freshDid();
  assert.equal((await w.sP.send(`/a/${a.id}/mivb/dids/new`, { number, target: '1001' })).status, 303);
  return number;
}
async function mivbLocation(w) {
  const a = await mivbAt(w);
  const name = `Site ${uid()}`.slice(0, 32);
  assert.equal((await w.sP.send(`/a/${a.id}/mivb/locations/new`, { names: name })).status, 303);
  return (await pbxState(a.pbx)).locations.find((l) => l.name === name).id;
}
/** A user of a MiVoice Business account synced from its PBX. */
async function mivbUserPath(w) {
  w.mivbSynced ??= await mivbAccount(w.sP, w.partner.id, { users: 6, step: 'connected' });
  const user = await scalar(`SELECT MIN(user_id) FROM pbx_users WHERE account_id = ${lit(w.mivbSynced.id)}`);
  return `/a/${w.mivbSynced.id}/users/${user}/mivb`;
}
/** w's MiVoice Business account with Zoom on too (Emergency Services). */
async function mivbZoomAt(w) {
  const a = await mivbAt(w);
  if (!w.mivbZoom) {
    await w.sP.send(`/a/${a.id}/integrations/add`, { kind: 'zoom' });
    await sql(`UPDATE account_integrations SET state = 'enabled' WHERE account_id = ${lit(a.id)} AND kind = 'zoom'`);
    w.mivbZoom = true;
  }
  return a;
}
/** A MiVoice Business account whose gateway is deployed and whose site's CloudLink Daemon reports (Set Default MBG). */
async function mivbDeployedAt(w) {
  if (!w.mivbDeployed) {
    w.mivbDeployed = await mivbAccount(w.sP, w.partner.id, { users: 4, step: 'complete' });
    await linkSite(w.sP, w.mivbDeployed.id);
  }
  return w.mivbDeployed;
}
/** w's MiVoice Business account with MiCollab present too (Tools). */
async function mivbMiCollabAt(w) {
  const a = await mivbAt(w);
  if (!w.mivbMiCollab) {
    await w.sP.send(`/a/${a.id}/integrations/add`, { kind: 'micollab' });
    w.mivbMiCollab = true;
  }
  return a;
}
/** A new user template of w's customer account: its id. */
async function userTemplate(w) {
  const res = await w.sP.send(`/a/${w.A.id}/user-templates/new`, { name: `Template ${uid()}` });
  assert.equal(res.status, 303);
  return scalar(`SELECT MAX(id) FROM user_templates WHERE account_id = ${lit(w.A.id)}`);
}
const mivbPath = async (w, rest) => `/a/${(await mivbAt(w)).id}/mivb/${rest}`;

Object.assign(CASES, {
  'GET /a/:acct/mivb/voice-gateway': { ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'voice-gateway'), status: 200 }) },
  'POST /a/:acct/mivb/voice-gateway': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'voice-gateway'), body: { action: 'trunks', primary: 'node-1', mbg: 'mbg-0' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, 'voice-gateway'), body: { action: 'trunks', primary: '', mbg: '' }, status: 422 }),
  },
  'GET /a/:acct/mivb/voice-gateway/default': { ok: async (w) => ({ who: w.sP, path: `/a/${(await mivbDeployedAt(w)).id}/mivb/voice-gateway/default`, status: 200 }) },
  'POST /a/:acct/mivb/voice-gateway/default': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await mivbDeployedAt(w)).id}/mivb/voice-gateway/default`, body: { mbg: 'mbg-1' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${(await mivbDeployedAt(w)).id}/mivb/voice-gateway/default`, body: { mbg: '' }, status: 422 }),
  },
  'GET /a/:acct/mivb/emergency': { ok: async (w) => ({ who: w.sP, path: `/a/${(await mivbZoomAt(w)).id}/mivb/emergency`, status: 200 }) },
  'POST /a/:acct/mivb/emergency': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await mivbZoomAt(w)).id}/mivb/emergency`, body: { dialables: '911', secret: 's3cret' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${(await mivbZoomAt(w)).id}/mivb/emergency`, body: { extra_headers: '[1]' }, status: 422 }),
  },
  'GET /a/:acct/mivb/tools': { ok: async (w) => ({ who: w.sP, path: `/a/${(await mivbMiCollabAt(w)).id}/mivb/tools`, status: 200 }) },
  'POST /a/:acct/mivb/tools': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await mivbMiCollabAt(w)).id}/mivb/tools`, body: { one: 'mdug-2' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${(await mivbMiCollabAt(w)).id}/mivb/tools`, body: { one: 'x'.repeat(65) }, status: 422 }),
  },
  'GET /a/:acct/user-templates': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates`, status: 200 }) },
  'GET /a/:acct/user-templates/new': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/new`, status: 200 }) },
  'POST /a/:acct/user-templates/new': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/new`, body: { name: `Template ${uid()}`, mivb: '1', phone_type: 'sip' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/new`, body: { name: '' }, status: 422 }),
  },
  'GET /a/:acct/user-templates/:id': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/${await userTemplate(w)}`, status: 200 }) },
  'POST /a/:acct/user-templates/:id': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/${await userTemplate(w)}`, body: { name: `Template ${uid()}`, action: 'save' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/${await userTemplate(w)}`, body: { name: '', action: 'save' }, status: 422 }),
  },
  'GET /a/:acct/user-templates/:id/delete': { ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/${await userTemplate(w)}/delete`, status: 200 }) },
  'POST /a/:acct/user-templates/:id/delete': {
    ok: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/${await userTemplate(w)}/delete`, body: { confirm: 'delete' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: `/a/${w.A.id}/user-templates/${await userTemplate(w)}/delete`, body: { confirm: 'nope' }, status: 422 }),
  },
  'GET /a/:acct/users/:id/mivb': { ok: async (w) => ({ who: w.sP, path: await mivbUserPath(w), status: 200 }) },
  'POST /a/:acct/users/:id/mivb': {
    ok: async (w) => ({ who: w.sP, path: await mivbUserPath(w), body: { action: 'autogen', pin: '' }, status: 200 }),
    bad: async (w) => ({ who: w.sP, path: await mivbUserPath(w), body: { action: 'No Such Button!' }, status: 422 }),
  },
  'GET /a/:acct/users/:id/mivb/service': { ok: async (w) => ({ who: w.sP, path: `${await mivbUserPath(w)}/service`, status: 200 }) },
  'POST /a/:acct/users/:id/mivb/service': {
    ok: async (w) => ({ who: w.sP, path: `${await mivbUserPath(w)}/service`, body: { action: 'select', category: 'Basic' }, status: 200 }),
    bad: async (w) => ({ who: w.sP, path: `${await mivbUserPath(w)}/service`, body: { action: 'apply', category: '' }, status: 422 }),
  },
  'GET /a/:acct/users/:id/mivb/remove': { ok: async (w) => ({ who: w.sP, path: `${await mivbUserPath(w)}/remove`, status: 200 }) },
  'POST /a/:acct/users/:id/mivb/remove': {
    // another of the PBX's users than the other cases': its services go
    ok: async (w) => {
      await mivbUserPath(w);
      const user = await scalar(`SELECT MAX(user_id) FROM pbx_users WHERE account_id = ${lit(w.mivbSynced.id)}`);
      return { who: w.sP, path: `/a/${w.mivbSynced.id}/users/${user}/mivb/remove`, status: 303 };
    },
  },
  'GET /a/:acct/integrations/mivb': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await mivbAt(w)).id}/integrations/mivb`, status: 200 }),
  },
  'POST /a/:acct/integrations/mivb': {
    ok: async (w) => ({ who: w.sP, path: `/a/${(await mivbAt(w)).id}/integrations/mivb`, body: { admin_portal: '1' }, status: 303 }),
    bad: async (w) => ({
      who: w.sP, path: `/a/${(await gatewayAt(w, 'linked', { pbx: { type: 'mivo400', users: 2 } })).id}/integrations/mivb`,
      body: { admin_portal: '1' }, status: 422,
    }),
  },
  'GET /a/:acct/mivb/numbers': { ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'numbers?q=1613'), status: 200 }) },
  'GET /a/:acct/mivb/ranges/new': { ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'ranges/new'), status: 200 }) },
  'POST /a/:acct/mivb/ranges/new': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'ranges/new'), body: freshRange(), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, 'ranges/new'), body: { start: '12x', end: '129' }, status: 422 }),
  },
  'GET /a/:acct/mivb/ranges/delete': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, `ranges/delete?ids=${await mivbRange(w)}`), status: 200 }),
  },
  'POST /a/:acct/mivb/ranges/delete': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'ranges/delete'), body: { ids: await mivbRange(w) }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, 'ranges/delete'), body: { ids: 'abc' }, status: 422 }),
  },
  'GET /a/:acct/mivb/ranges/:id': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, `ranges/${await mivbRange(w)}`), status: 200 }),
  },
  'POST /a/:acct/mivb/ranges/:id': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, `ranges/${await mivbRange(w)}`), body: freshRange(), status: 303 }),
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, `ranges/${await mivbRange(w)}`), body: { start: '', end: '1' }, status: 422 }),
  },
  'GET /a/:acct/mivb/dids/new': { ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'dids/new'), status: 200 }) },
  'POST /a/:acct/mivb/dids/new': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'dids/new'), body: { number: freshDid(), target: '1002' }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, 'dids/new'), body: { number: 'not a number' }, status: 422 }),
  },
  'GET /a/:acct/mivb/did': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, `did?number=${encodeURIComponent(await mivbDid(w))}`), status: 200 }),
  },
  'POST /a/:acct/mivb/did': {
    ok: async (w) => {
      const number = await mivbDid(w);
      const { changeToken } = (await pbxState((await mivbAt(w)).pbx)).dids.find((d) => d.number === number);
      return { who: w.sP, path: await mivbPath(w, 'did'), body: { number, target: '1003', token: changeToken }, status: 303 };
    },
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, 'did'), body: { number: await mivbDid(w), target: '1003', token: '' }, status: 422 }),
  },
  'GET /a/:acct/mivb/dids/delete': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, `dids/delete?numbers=${encodeURIComponent(await mivbDid(w))}`), status: 200 }),
  },
  'POST /a/:acct/mivb/dids/delete': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'dids/delete'), body: { numbers: await mivbDid(w) }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, 'dids/delete'), body: {}, status: 422 }),
  },
  'GET /a/:acct/mivb/locations': { ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'locations'), status: 200 }) },
  'GET /a/:acct/mivb/locations/new': { ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'locations/new'), status: 200 }) },
  'POST /a/:acct/mivb/locations/new': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'locations/new'), body: { names: `Site ${uid()}`.slice(0, 32) }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, 'locations/new'), body: { names: '' }, status: 422 }),
  },
  'GET /a/:acct/mivb/locations/delete': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, `locations/delete?ids=${await mivbLocation(w)}`), status: 200 }),
  },
  'POST /a/:acct/mivb/locations/delete': {
    ok: async (w) => ({ who: w.sP, path: await mivbPath(w, 'locations/delete'), body: { ids: await mivbLocation(w) }, status: 303 }),
    bad: async (w) => ({ who: w.sP, path: await mivbPath(w, 'locations/delete'), body: { ids: 'Not A Key!' }, status: 422 }),
  },
});

const table = routes();
const key = (r) => `${r.method} ${r.pattern}`;
// A typed word is checked when the form is sent; its page (GET) names the word it asks for.
const needsBad = (r) => r.inputs.length > 0 || (r.confirm && r.method === 'POST');
const tenantScoped = (r) => r.pattern.includes(':acct') || r.pattern.includes(':id');

/** Everything a request of another tenant might change, once syncd has finished the jobs and syncs earlier cases started. */
async function snapshot() {
  await eventually('jobs and PBX syncs of earlier cases finish', async () =>
    Number(await scalar(`SELECT (SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running'))
      + (SELECT COUNT(*) FROM pbx_links WHERE due_at <= UTC_TIMESTAMP() OR lease_until > UTC_TIMESTAMP())`)) === 0);
  // one client for them all: a snapshot is taken twice a case, several hundred times a sweep
  return stateOf('SELECT id, name, status, city FROM accounts ORDER BY id',
    'SELECT id, email, role, display_name, registered FROM users ORDER BY id',
    'SELECT id, name, description, grants FROM roles ORDER BY id',
    `SELECT (SELECT COUNT(*) FROM role_accounts), (SELECT COUNT(*) FROM import_batches),
      (SELECT COUNT(*) FROM import_rows), (SELECT COUNT(*) FROM notifications), (SELECT COUNT(*) FROM account_manager_accounts)`,
    `SELECT (SELECT GROUP_CONCAT(account_id, kind, state ORDER BY account_id, kind) FROM account_integrations),
      (SELECT GROUP_CONCAT(account_id, privilege, manual_state ORDER BY account_id, privilege) FROM account_privileges),
      (SELECT GROUP_CONCAT(account_id, bandwidth_optimization, chat_allow_edit_delete ORDER BY account_id) FROM account_policy),
      (SELECT GROUP_CONCAT(id, name, description, redirect_uris, secret_hash ORDER BY id) FROM applications),
      (SELECT GROUP_CONCAT(application_id, account_id ORDER BY application_id, account_id) FROM application_accounts),
      (SELECT COUNT(*) FROM machine_credentials WHERE revoked_at IS NULL)`,
    `SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM orders WHERE assigned_account_id IS NOT NULL),
      (SELECT COUNT(*) FROM subscriptions), (SELECT COUNT(*) FROM user_licenses), (SELECT COUNT(*) FROM user_mitel_one)`);
}

/** Part `part` (from 1) of `parts`: a consecutive slice of the table, with two worlds of its own. */
export function sweep(part, parts) {
  const size = Math.ceil(table.length / parts);
  const slice = table.slice((part - 1) * size, part * size);
  describe(`every route of the table, part ${part} of ${parts}`, () => {
    let w1, w2;
    before(async () => {
      w1 = await world('Routes one');
      w2 = await world('Routes two');
    });

    // Part 1 also holds the table's completeness check.
    if (part === 1) {
      test('has its cases: success, bad input (inputs or a typed word), and no case for a route that is gone', () => {
        const missing = [];
        for (const r of table) {
          const c = CASES[key(r)];
          if (!c?.ok) missing.push(`${key(r)}: success`);
          if (needsBad(r) && !c?.bad) missing.push(`${key(r)}: bad input`);
        }
        const known = new Set(table.map(key));
        const stale = Object.keys(CASES).filter((k) => !known.has(k));
        assert.deepEqual(missing, [], 'routes without their cases');
        assert.deepEqual(stale, [], 'cases of routes the table no longer has');
      });
    }

    for (const r of slice) {
      const c = CASES[key(r)];
      if (!c) continue;
      test(`${key(r)} succeeds`, async () => {
        const req = { method: r.method, ...(await c.ok(w1)) };
        const res = await perform(req);
        assert.equal(res.status, req.status, `${key(r)} → ${res.status}: ${res.text.slice(0, 300)}`);
      });
      if (c.bad) {
        test(`${key(r)} with bad input is 422 and changes nothing`, async () => {
          const req = { method: r.method, ...(await c.bad(w1)) };
          const before = await snapshot();
          const res = await perform(req);
          assert.equal(res.status, 422, `${key(r)} → ${res.status}`);
          assert.deepEqual(await snapshot(), before);
        });
      }
      // The SAML endpoints' POSTs (foreign) come from identity providers, signed instead.
      if (r.method === 'POST' && !r.flags.includes('api') && !r.flags.includes('foreign')) {
        test(`${key(r)} without its CSRF token is 403 and changes nothing`, async () => {
          const req = { method: r.method, ...(await c.ok(w1)) };
          const before = await snapshot();
          const res = await perform(req, { withCsrf: false });
          assert.equal(res.status, 403, `${key(r)} → ${res.status}`);
          assert.deepEqual(await snapshot(), before);
        });
      }
      if (tenantScoped(r) && !r.flags.includes('public')) {
        test(`${key(r)} of another tenant is 404 and changes nothing`, async () => {
          if (r.flags.includes('api')) {
            // the other tenant's credential on this tenant's path
            const req = { method: r.method, ...(await c.ok(w1)) };
            req.headers = { ...req.headers, authorization: (await c.ok(w2)).headers.authorization };
            const before = await snapshot();
            const res = await perform(req);
            assert.equal(res.status, 404, `another account's credential: ${key(r)} → ${res.status}`);
            assert.deepEqual(await snapshot(), before);
            return;
          }
          const req = { method: r.method, ...(await c.ok(w1)), who: w2.sP };
          const before = await snapshot();
          const res = await perform(req);
          assert.equal(res.status, 404, `another partner: ${key(r)} → ${res.status}`);
          const res2 = await perform({ ...req, who: w2.sA });
          assert.equal(res2.status, 404, `another account's admin: ${key(r)} → ${res2.status}`);
          assert.deepEqual(await snapshot(), before);
        });
      }
    }
  });
}
