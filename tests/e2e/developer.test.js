// The Developer page (guide §2.14.11) and the OAuth 2.0 client credentials
// grant (RFC 6749 §4.4) of the applications registered there, end to end
// with plain HTTP requests, the way an outside developer would use curl:
// register, assign to a customer account, obtain a token for that account,
// call the policy API with it; a new secret, an unassignment and a deletion
// each stop what they cover.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Client, sql } from './lib/stack.js';
import {
  adminSession, eventsOf, fieldError, lastEventId, lit, newCustomer, newUser, partnerSession, scalar, signIn, uid,
  visibleText, paced,
} from './lib/fixtures.js';

/** POST a form to the token endpoint, as curl -u id:secret -d ... would. */
async function token(fields, { basic, query = '', json } = {}) {
  const headers = {};
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic[0]}:${basic[1]}`).toString('base64')}`;
  let body = new URLSearchParams(fields).toString();
  if (json) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(fields);
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await paced(() => new Client().request('POST', `/api/v1/oauth/token${query}`, { body, headers }));
  return { status: res.status, body: JSON.parse(res.text), headers: res.headers };
}

const grant = (app, accountId) => ({ grant_type: 'client_credentials', scope: `account:${accountId}` });

async function policy(accountId, accessToken) {
  const res = await new Client().get(`/api/v1/accounts/${accountId}/policy`, { headers: { authorization: `Bearer ${accessToken}` } });
  return res.status;
}

/** Register application through the form; the answer shows the client id and the secret once. */
async function register(session, fields = {}) {
  const res = await session.send('/developer/new', { name: `App ${uid()}`, description: 'Reads the policy', redirect_uris: 'https://app.example.com/cb', ...fields });
  assert.equal(res.status, 200, `register → ${res.status}`);
  const code = (id) => new RegExp(`id="${id}">([^<]+)<`).exec(res.text)[1];
  const clientId = code('client-id');
  const id = await scalar(`SELECT id FROM applications WHERE client_id = ${lit(clientId)}`);
  return { id, clientId, secret: code('client-secret'), page: res.text };
}

const assign = (session, app, accountId, action = 'assign') =>
  session.send(`/developer/${app.id}/accounts`, { action, account: accountId });

describe('the Developer page', () => {
  test('belongs to partner users: no Account Admin, nor account manager, reaches it', async () => {
    const { partner, session } = await partnerSession('Dev nav');
    assert.match((await session.get('/')).text, /href="\/developer"[^>]*>Developer</);
    assert.equal((await session.get('/developer')).status, 200);
    const { session: admin } = await adminSession(partner.id, 'Dev admin');
    assert.equal((await admin.get('/developer')).status, 404);
    assert.equal((await admin.send('/developer/new', { name: 'Mine' })).status, 404);
    assert.doesNotMatch((await admin.get('/')).text, /href="\/developer"/);
    const manager = await signIn((await newUser(partner.id, { role: 'account_manager' })).email);
    assert.equal((await manager.get('/developer')).status, 404);
    assert.doesNotMatch((await manager.get('/')).text, /href="\/developer"/);
  });

  test('redirect URIs are checked, one per line', async () => {
    const { session } = await partnerSession('Dev URIs');
    for (const uris of ['http://app.example.com/cb', 'https://app.example.com/cb#x', 'not a uri',
      Array.from({ length: 11 }, (_, i) => `https://a${i}.example.com/`).join('\n')]) {
      const res = await session.send('/developer/new', { name: `Bad ${uid()}`, redirect_uris: uris });
      assert.equal(res.status, 422, uris);
      assert.ok(fieldError(res.text, 'redirect_uris'), uris);
    }
    const ok = await register(session, { redirect_uris: 'https://app.example.com/cb\r\n\r\nhttp://localhost:8080/cb\ncom.example.app:/cb' });
    assert.equal(await scalar(`SELECT redirect_uris FROM applications WHERE id = ${ok.id}`),
      'https://app.example.com/cb\nhttp://localhost:8080/cb\ncom.example.app:/cb');
    const taken = await session.send('/developer/new', { name: await scalar(`SELECT name FROM applications WHERE id = ${ok.id}`) });
    assert.equal(taken.status, 422);
    assert.equal(fieldError(taken.text, 'name'), 'You have an application of this name already.');
  });

  test('register, assign, get a token, read the policy: plain HTTP from start to end', async () => {
    const { partner, session } = await partnerSession('Dev flow');
    const acme = await newCustomer(partner.id, 'Acme');
    const other = await newCustomer(partner.id, 'Other');
    const { partner: stranger } = await partnerSession('Dev stranger');
    const foreign = await newCustomer(stranger.id);

    const since = await lastEventId();
    const app = await register(session, { name: `Wallboard ${uid()}` });
    assert.match(app.clientId, /^[0-9a-f-]{36}$/);
    assert.match(app.secret, /^[0-9a-f]{64}$/);
    assert.match(visibleText(app.page), /shown only this once/);
    // Only the secret's hash is kept, and it is in no event.
    assert.equal(await scalar(`SELECT secret_hash FROM applications WHERE id = ${app.id}`), createHash('sha256').update(app.secret).digest('hex'));
    assert.equal(await scalar(`SELECT COUNT(*) FROM events WHERE id > ${since} AND details LIKE ${lit(`%${app.secret}%`)}`), '0');
    assert.equal((await eventsOf(partner.id, `id > ${since}`))[0].action, 'application.create');
    assert.doesNotMatch((await session.get(`/developer/${app.id}`)).text, new RegExp(app.secret));
    assert.match((await session.get('/developer')).text, new RegExp(app.clientId));

    // Not assigned yet: no token for Acme.
    let res = await token(grant(app, acme.id), { basic: [app.clientId, app.secret] });
    assert.equal(res.status, 400);
    assert.equal(res.body.error, 'invalid_scope');

    const assigned = await assign(session, app, acme.id);
    assert.equal(assigned.status, 303);
    assert.match(visibleText((await session.get(assigned.location)).text), new RegExp(`${acme.name} ${acme.id}`));
    assert.equal((await eventsOf(acme.id, `id > ${since}`)).find((e) => e.action === 'application.assign').assetName,
      await scalar(`SELECT name FROM applications WHERE id = ${app.id}`));

    res = await token(grant(app, acme.id), { basic: [app.clientId, app.secret] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('pragma'), 'no-cache');
    assert.equal(res.body.token_type, 'Bearer');
    assert.equal(res.body.expires_in, 3600);
    assert.equal(res.body.scope, `account:${acme.id}`);
    const access = res.body.access_token;
    assert.match(access, /^[0-9a-f]{64}$/);
    const stored = (await sql(`SELECT kind, account_id, application_id, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), expires_at)
      FROM machine_credentials WHERE token_hash = ${lit(createHash('sha256').update(access).digest('hex'))}`))[0];
    assert.deepEqual(stored.slice(0, 3), ['oauth-access', acme.id, app.id]);
    assert.ok(Number(stored[3]) > 3500 && Number(stored[3]) <= 3600, 'short-lived');

    // The token reads Acme's policy, and nothing else.
    assert.equal(await policy(acme.id, access), 200);
    assert.equal(await policy(other.id, access), 404, 'an account it is not assigned to');
    assert.equal(await policy(foreign.id, access), 404, 'another partner\'s account');
    const me = JSON.parse((await new Client().get('/api/v1/credential', { headers: { authorization: `Bearer ${access}` } })).text);
    assert.equal(me.kind, 'oauth-access');
    assert.equal(me.accountId, acme.id);

    // The client may authenticate in the body instead.
    res = await token({ ...grant(app, acme.id), client_id: app.clientId, client_secret: app.secret });
    assert.equal(res.status, 200);
    // Another partner's account cannot be assigned, nor asked for.
    const refused = await assign(session, app, foreign.id);
    assert.equal(refused.status, 422);
    assert.equal(fieldError(refused.text, 'account'), 'Choose one of your active customer accounts.');
    assert.equal((await token(grant(app, foreign.id), { basic: [app.clientId, app.secret] })).body.error, 'invalid_scope');
    // Another partner does not see the application.
    const { session: theirs } = await partnerSession('Dev peeker');
    assert.equal((await theirs.get(`/developer/${app.id}`)).status, 404);
    assert.equal((await theirs.send(`/developer/${app.id}/secret`, {})).status, 404);
  });

  test('token errors are RFC 6749 §5.2\'s', async () => {
    const { partner, session } = await partnerSession('Dev errors');
    const acme = await newCustomer(partner.id);
    const app = await register(session);
    assert.equal((await assign(session, app, acme.id)).status, 303);
    const cases = [
      ['no grant_type', { scope: `account:${acme.id}` }, { basic: [app.clientId, app.secret] }, 400, 'invalid_request'],
      ['another grant', { grant_type: 'password', scope: `account:${acme.id}` }, { basic: [app.clientId, app.secret] }, 400, 'unsupported_grant_type'],
      ['two ways to authenticate', { ...grant(app, acme.id), client_id: app.clientId, client_secret: app.secret }, { basic: [app.clientId, app.secret] }, 400, 'invalid_request'],
      ['a wrong secret in the body', { ...grant(app, acme.id), client_id: app.clientId, client_secret: 'f'.repeat(64) }, {}, 400, 'invalid_client'],
      ['a wrong secret in Basic', grant(app, acme.id), { basic: [app.clientId, 'f'.repeat(64)] }, 401, 'invalid_client'],
      ['an unknown client', grant(app, acme.id), { basic: [crypto.randomUUID(), app.secret] }, 401, 'invalid_client'],
      ['no client at all', grant(app, acme.id), {}, 401, 'invalid_client'],
      ['parameters in the URI', grant(app, acme.id), { basic: [app.clientId, app.secret], query: '?grant_type=client_credentials' }, 400, 'invalid_request'],
      ['no scope', { grant_type: 'client_credentials' }, { basic: [app.clientId, app.secret] }, 400, 'invalid_scope'],
      ['a scope of two', { grant_type: 'client_credentials', scope: `account:${acme.id} account:${acme.id}` }, { basic: [app.clientId, app.secret] }, 400, 'invalid_scope'],
      ['JSON instead of a form', grant(app, acme.id), { basic: [app.clientId, app.secret], json: true }, 400, 'invalid_request'],
    ];
    for (const [what, fields, options, status, error] of cases) {
      const res = await token(fields, options);
      assert.equal(res.status, status, what);
      assert.equal(res.body.error, error, what);
      assert.equal(typeof res.body.error_description, 'string', what);
      if (status === 401 && options.basic) assert.match(res.headers.get('www-authenticate'), /^Basic /, what);
    }
    assert.equal(await scalar(`SELECT COUNT(*) FROM machine_credentials WHERE application_id = ${app.id}`), '0');
  });

  test('a new secret, an unassignment and a deletion each stop what they cover', async () => {
    const { partner, session } = await partnerSession('Dev revoke');
    const a = await newCustomer(partner.id);
    const b = await newCustomer(partner.id);
    const app = await register(session);
    await assign(session, app, a.id);
    await assign(session, app, b.id);
    const get = async (account, secret = app.secret) => (await token(grant(app, account), { basic: [app.clientId, secret] })).body.access_token;

    // Regenerate secret: the old secret and its tokens stop working at once.
    const before = await get(a.id);
    const regenerated = await session.send(`/developer/${app.id}/secret`, {});
    assert.equal(regenerated.status, 200);
    const secret = new RegExp('id="client-secret">([^<]+)<').exec(regenerated.text)[1];
    assert.notEqual(secret, app.secret);
    assert.equal(await policy(a.id, before), 401);
    assert.equal((await token(grant(app, a.id), { basic: [app.clientId, app.secret] })).body.error, 'invalid_client');
    const tokenA = await get(a.id, secret);
    const tokenB = await get(b.id, secret);
    assert.equal(await policy(a.id, tokenA), 200);

    // Unassign from A: its tokens for A stop; B's go on.
    const since = await lastEventId();
    const unassigned = await assign(session, app, a.id, 'unassign');
    assert.equal(unassigned.status, 303);
    assert.equal(await policy(a.id, tokenA), 401);
    assert.equal(await policy(b.id, tokenB), 200);
    assert.equal((await token(grant(app, a.id), { basic: [app.clientId, secret] })).body.error, 'invalid_scope');
    assert.ok((await eventsOf(a.id, `id > ${since}`)).some((e) => e.action === 'application.unassign'));

    // Delete application, confirmed by typing delete: everything stops.
    assert.equal((await session.send(`/developer/${app.id}/delete`, { confirm: 'remove' })).status, 422);
    assert.equal(await policy(b.id, tokenB), 200);
    assert.equal((await session.send(`/developer/${app.id}/delete`, { confirm: 'delete' })).status, 303);
    assert.equal(await policy(b.id, tokenB), 401);
    assert.equal((await token(grant(app, b.id), { basic: [app.clientId, secret] })).body.error, 'invalid_client');
    assert.equal(await scalar(`SELECT COUNT(*) FROM application_accounts WHERE application_id = ${app.id}`), '0');
    assert.ok((await eventsOf(partner.id, `id > ${since}`)).some((e) => e.action === 'application.delete'));
    assert.ok((await eventsOf(b.id, `id > ${since}`)).some((e) => e.action === 'application.unassign'), 'B\'s history says so');
  });
});
