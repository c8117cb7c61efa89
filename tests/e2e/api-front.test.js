// The machine API front (ARCHITECTURE §3, §7a): a bearer credential instead
// of a cookie, JSON errors, the credential's kind bounding what it may call,
// and its scope bounding which accounts it reaches.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Client, config, consoleBin, sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, partnerSession } from './lib/fixtures.js';

function issue(partnerId, kind, account) {
  const args = ['-c', config, 'issue-credential', '--partner', partnerId, '--kind', kind, '--label', 'test'];
  if (account) args.push('--account', account);
  return execFileSync(consoleBin, args, { encoding: 'utf8' }).trim();
}

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
});
