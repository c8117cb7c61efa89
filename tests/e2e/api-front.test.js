// The machine API front (ARCHITECTURE §3, §7a): a bearer credential instead
// of a cookie, JSON errors, the credential's kind bounding what it may call,
// and its scope bounding which accounts it reaches; nginx's limits in front
// of it (body size, rate per credential) and its own answers when the console
// cannot be reached are JSON too (SCIM errors on /scim/); the operator's
// commands issue, list and revoke credentials.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Client, config, consoleBin, sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, partnerSession } from './lib/fixtures.js';
import { ScimClient, scimUser } from './lib/scim.js';

/** console issue-credential: { token (its stdout, alone), id (told on stderr) }. */
function issueWithId(partnerId, kind, account, label = 'test') {
  const args = ['-c', config, 'issue-credential', '--partner', partnerId, '--kind', kind, '--label', label];
  if (account) args.push('--account', account);
  const run = spawnSync(consoleBin, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`issue-credential failed: ${run.stderr}`);
  const id = /credential (\d+) issued/.exec(run.stderr);
  return { token: run.stdout.trim(), id: id ? id[1] : null, stdout: run.stdout };
}

function issue(partnerId, kind, account) {
  return issueWithId(partnerId, kind, account).token;
}

/** console list-credentials: { status, header, rows } with each row an object by the header's names. */
function listCredentials(partnerId) {
  const run = spawnSync(consoleBin, ['-c', config, 'list-credentials', '--partner', partnerId], { encoding: 'utf8' });
  const lines = run.stdout.split('\n').filter(Boolean);
  const header = lines.length ? lines[0].split('\t') : [];
  const rows = lines.slice(1).map((line) => Object.fromEntries(line.split('\t').map((v, i) => [header[i], v])));
  return { status: run.status, stderr: run.stderr, header, rows };
}

const MB = 1024 * 1024;

function api(path, token, options = {}) {
  return new Client().request(options.method ?? 'GET', path, {
    body: options.body,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.headers ?? {}) },
  });
}

describe('API front', () => {
  test('a credential is shown once, stored only as its hash, and says what it is', async () => {
    const partner = await newPartner('API');
    const token = issue(partner.id, 'billing-feed');
    assert.match(token, /^[0-9a-f]{64}$/);
    const stored = await sql(`SELECT token_hash FROM machine_credentials WHERE partner_id = ${lit(partner.id)}`);
    assert.equal(stored.length, 1);
    assert.equal(stored[0][0], createHash('sha256').update(token).digest('hex'));
    const res = await api('/api/v1/credential', token);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    const body = JSON.parse(res.text);
    assert.equal(body.kind, 'billing-feed');
    assert.equal(body.partnerId, partner.id);
    assert.equal(body.accountId, null);
    assert.ok(!res.headers.get('set-cookie'), 'no cookie on the API');
  });

  test('missing, malformed, wrong and revoked credentials are 401 in JSON', async () => {
    const partner = await newPartner('API revoked');
    const token = issue(partner.id, 'app');
    for (const [what, header] of [['none', undefined], ['not bearer', `Basic ${Buffer.from('a:b').toString('base64')}`],
      ['malformed', 'Bearer nope'], ['wrong', `Bearer ${'0'.repeat(64)}`]]) {
      const res = await new Client().request('GET', '/api/v1/credential', { headers: header ? { authorization: header } : {} });
      assert.equal(res.status, 401, what);
      assert.match(res.headers.get('www-authenticate'), /^Bearer/, what);
      assert.equal(JSON.parse(res.text).status, 401, what);
    }
    await sql(`UPDATE machine_credentials SET revoked_at = UTC_TIMESTAMP() WHERE partner_id = ${lit(partner.id)}`);
    assert.equal((await api('/api/v1/credential', token)).status, 401, 'revoked');
  });

  test('a credential of a deactivated partner, or one that expired, no longer works', async () => {
    const partner = await newPartner('API expired');
    const token = issue(partner.id, 'app');
    await sql(`UPDATE machine_credentials SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE partner_id = ${lit(partner.id)}`);
    assert.equal((await api('/api/v1/credential', token)).status, 401);
  });

  test('the API takes no cookie session and needs no CSRF token; the console does not take bearer tokens', async () => {
    const { partner, session } = await partnerSession('API cookie');
    const res = await session.get('/api/v1/credential');
    assert.equal(res.status, 401, 'a console session is no API credential');
    const token = issue(partner.id, 'app');
    const page = await new Client().request('GET', '/accounts', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(page.status, 303, 'a bearer token is no console session');
    assert.match(page.location, /\/login$/);
  });

  test('unknown API paths and methods answer in JSON', async () => {
    const partner = await newPartner('API 404');
    const token = issue(partner.id, 'app');
    const missing = await api('/api/v1/nothing-here', token);
    assert.equal(missing.status, 404);
    assert.equal(JSON.parse(missing.text).status, 404);
    const method = await api('/api/v1/credential', token, { method: 'DELETE' });
    assert.equal(method.status, 405);
    assert.equal(JSON.parse(method.text).status, 405);
  });

  test('the issuing command refuses an account of another partner', async () => {
    const p1 = await newPartner('API issue one');
    const p2 = await newPartner('API issue two');
    const foreign = await newCustomer(p2.id);
    assert.throws(() => issue(p1.id, 'app', foreign.id));
    assert.throws(() => issue(foreign.id, 'app'), 'a customer account cannot own credentials');
    assert.match(issue(p1.id, 'app', (await newCustomer(p1.id)).id), /^[0-9a-f]{64}$/);
  });

  test('a body over the API\'s 1 MB is refused by nginx, in JSON, before the console reads it', async () => {
    const partner = await newPartner('API large');
    const token = issue(partner.id, 'gateway');
    const json = JSON.stringify({ status: 'x'.repeat(MB + 1024) });
    const res = await api('/api/v1/gateways/self/status', token, {
      method: 'PUT', body: json, headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.status, 413);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    const body = JSON.parse(res.text);
    assert.equal(body.status, 413);
    assert.match(body.error, /1 MB/, 'says the limit it met');
    // Whatever the body's type: a form the console would read and refuse
    // otherwise (403: this credential may not call the route).
    const form = await api('/api/v1/gateways/self/status', issue(partner.id, 'app'), {
      method: 'PUT', body: new URLSearchParams({ note: 'x'.repeat(MB + 1024) }),
    });
    assert.equal(form.status, 413);
    assert.equal(JSON.parse(form.text).status, 413);
    // Just under the limit still reaches the console.
    const under = await api('/api/v1/gateways/self/status', issue(partner.id, 'app'), {
      method: 'PUT', body: JSON.stringify({ note: 'x'.repeat(MB - 1024) }), headers: { 'content-type': 'application/json' },
    });
    assert.equal(under.status, 403, under.text);
  });

  test('a SCIM request over 1 MB is refused by nginx as a SCIM error', async () => {
    const partner = await newPartner('SCIM large');
    const account = await newCustomer(partner.id);
    const scim = new ScimClient(account.id, issue(partner.id, 'scim', account.id));
    const res = await scim.post('/Users', JSON.stringify(scimUser(`large-${Date.now()}@test.example.com`, { title: 'x'.repeat(MB) })));
    assert.equal(res.status, 413);
    assert.match(res.headers.get('content-type'), /^application\/scim\+json/);
    assert.deepEqual(res.json.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    assert.equal(res.json.status, '413');
    assert.match(res.json.detail, /1 MB/);
    assert.equal(await sql(`SELECT COUNT(*) FROM users WHERE account_id = ${lit(account.id)}`).then((r) => r[0][0]), '0');
  });

  test('a credential over its rate is told by nginx to wait, in JSON with Retry-After; another credential is not', async () => {
    const partner = await newPartner('API rate');
    const token = issue(partner.id, 'app');
    const other = issue(partner.id, 'app');
    // nginx's zone api_credential: 50 a second with a burst of 200, per
    // credential. Waves of concurrent requests go past it however fast the
    // console answers: the refused ones cost nginx alone.
    let limited = null;
    let sent = 0;
    for (let wave = 0; wave < 50 && !limited; wave++) {
      const answers = await Promise.all(Array.from({ length: 100 }, () => api('/api/v1/credential', token)));
      sent += answers.length;
      for (const res of answers) assert.ok(res.status === 200 || res.status === 429, `${res.status} ${res.text}`);
      limited = answers.find((res) => res.status === 429) ?? null;
    }
    assert.ok(limited, `a 429 within ${sent} requests`);
    assert.match(limited.headers.get('content-type'), /^application\/json/);
    assert.equal(limited.headers.get('retry-after'), '1');
    const body = JSON.parse(limited.text);
    assert.equal(body.status, 429);
    assert.match(body.error, /try again/);
    assert.equal((await api('/api/v1/credential', other)).status, 200, 'each credential has its own rate');
  });

  test('with the console unreachable nginx answers the API in JSON and SCIM as a SCIM error, the console with its page', async () => {
    // The dev config passes a request with this header to a console that is
    // not there (nginx.conf: gone_console): nginx's own 502, through the
    // same locations as every request of the front.
    const gone = { 'x-switchboard-upstream': 'gone' };
    const partner = await newPartner('API gone');
    const account = await newCustomer(partner.id);
    const token = issue(partner.id, 'app', account.id);
    for (const [method, path] of [['GET', `/api/v1/accounts/${account.id}/policy`], ['POST', '/api/v1/support-logs']]) {
      const res = await api(path, token, { method, headers: gone });
      assert.equal(res.status, 502, `${method} ${path}`);
      assert.match(res.headers.get('content-type'), /^application\/json/, `${method} ${path}`);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('retry-after'), '30');
      const body = JSON.parse(res.text);
      assert.equal(body.status, 502);
      assert.match(body.error, /try again later/);
    }
    const scim = await api(`/scim/v2/${account.id}/Users`, issue(partner.id, 'scim', account.id), { headers: gone });
    assert.equal(scim.status, 502);
    assert.match(scim.headers.get('content-type'), /^application\/scim\+json/);
    const error = JSON.parse(scim.text);
    assert.deepEqual(error.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    assert.equal(error.status, '502');
    assert.match(error.detail, /try again later/);
    const page = await new Client().request('GET', '/login', { headers: gone });
    assert.equal(page.status, 502);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assert.match(page.text, /Back to the console/);
    // Without the header the same requests reach the console.
    assert.equal((await api(`/api/v1/accounts/${account.id}/policy`, token)).status, 200);
  });

  test('issue-credential prints the token alone on stdout and the new credential\'s id beside it', async () => {
    const partner = await newPartner('API issue id');
    const issued = issueWithId(partner.id, 'billing-feed');
    assert.match(issued.stdout, /^[0-9a-f]{64}\n$/, 'scripts read the token as the whole of stdout');
    assert.match(issued.id ?? '', /^\d+$/);
    const stored = await sql(`SELECT token_hash FROM machine_credentials WHERE id = ${Number(issued.id)} AND partner_id = ${lit(partner.id)}`);
    assert.equal(stored[0]?.[0], createHash('sha256').update(issued.token).digest('hex'), 'the id is the token\'s');
    const self = JSON.parse((await api('/api/v1/credential', issued.token)).text);
    assert.equal(String(self.id), issued.id);
  });

  test('list-credentials shows a partner\'s credentials with the ids revoke-credential takes', async () => {
    const partner = await newPartner('API list');
    const other = await newPartner('API list other');
    const account = await newCustomer(partner.id);
    const wide = issueWithId(partner.id, 'billing-feed', undefined, 'Orders\tfeed');
    const bound = issueWithId(partner.id, 'app', account.id, 'Wallboard');
    const foreign = issueWithId(other.id, 'app');
    assert.equal((await api('/api/v1/credential', bound.token)).status, 200, 'used once: last used is set');

    let list = listCredentials(partner.id);
    assert.equal(list.status, 0, list.stderr);
    assert.deepEqual(list.header, ['id', 'kind', 'account', 'label', 'created', 'last used', 'expires', 'revoked']);
    assert.deepEqual(list.rows.map((r) => r.id), [bound.id, wide.id], 'newest first, none of another partner');
    const [b, w] = list.rows;
    assert.equal(b.kind, 'app');
    assert.equal(b.account, account.id);
    assert.equal(b.label, 'Wallboard');
    assert.match(b.created, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.match(b['last used'], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(b.revoked, '-');
    assert.equal(w.kind, 'billing-feed');
    assert.equal(w.account, 'all', 'a partner-wide credential');
    assert.equal(w.label, 'Orders feed', 'a tab in a label does not break the table');
    assert.equal(w['last used'], 'never');
    assert.equal(w.expires, 'never');
    assert.ok(!list.rows.some((r) => r.id === foreign.id));

    execFileSync(consoleBin, ['-c', config, 'revoke-credential', '--partner', partner.id, '--id', b.id], { stdio: 'pipe' });
    assert.equal((await api('/api/v1/credential', bound.token)).status, 401, 'revoked by the listed id');
    list = listCredentials(partner.id);
    assert.match(list.rows.find((r) => r.id === bound.id).revoked, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(list.rows.find((r) => r.id === wide.id).revoked, '-');

    const customer = listCredentials(account.id);
    assert.notEqual(customer.status, 0, 'a customer account has no credentials to list');
    assert.equal(listCredentials('not-a-uuid').status, 1);
  });
});
