// SCIM sources pulled by syncd (ch3 §8.5), against scim-peer, a SCIM service
// built on npm scimmy: a pull adds, changes and removes users to match the
// source, asking only for what changed since the last pull when that tells
// the whole story; an unchanged source writes nothing; a failed or partial fetch —
// an error, a refused token, a cut body, a total that moves, a page that
// comes back empty — writes nothing either; the token is sealed at rest.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import { count, lit, newCustomer, newUser, partnerSession, scalar, uid } from './lib/fixtures.js';
import { configValue } from './lib/scim.js';

const peer = () => configValue('ScimPeer.URL');

async function control(path, body) {
  const res = await fetch(`${peer()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.json();
}

/** A SCIM request to the peer's tenant, as the source's own administrators would make it. */
async function peerScim(tenant, method, path, body) {
  const res = await fetch(`${tenant.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${tenant.token}`, 'content-type': 'application/scim+json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

function person(n, extra = {}) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: `${n}@fabrikam-${extra.tag ?? 'x'}.example.com`,
    name: { givenName: n[0].toUpperCase() + n.slice(1), familyName: 'Source' },
    emails: [{ value: `${n}@fabrikam-${extra.tag ?? 'x'}.example.com`, type: 'work', primary: true }],
    active: true,
  };
}

/** A customer account with a source on tenant; resolves with { account, session, sourceId }. */
async function withSource(tenant, label) {
  const { partner, session } = await partnerSession(label);
  const account = await newCustomer(partner.id, label);
  const res = await session.send(`/a/${account.id}/integrations/scim-sources/new`, {
    name: `${label} source`, base_url: tenant.baseUrl, token: tenant.token, interval_minutes: '60', filter: '',
  });
  assert.equal(res.status, 303, `Add SCIM Source (${res.status}): ${res.text.slice(0, 300)}`);
  const sourceId = /scim-sources\/(\d+)$/.exec(res.location)[1];
  return { account, session, sourceId };
}

/** Asks for a pull and waits for it to end; resolves with the source's row. */
async function pull(ctx) {
  const before = await scalar(`SELECT COALESCE(DATE_FORMAT(last_attempt_at, '%Y-%m-%d %H:%i:%s.%f'), '') FROM scim_sources WHERE id = ${ctx.sourceId}`);
  // last_attempt_at has whole seconds: make sure the next pull's is a new one
  await new Promise((r) => setTimeout(r, 1100));
  const res = await ctx.session.send(`/a/${ctx.account.id}/integrations/scim-sources/${ctx.sourceId}/sync`, {});
  assert.equal(res.status, 303);
  await eventually('the pull ends', async () => {
    const [row] = await sql(`SELECT COALESCE(DATE_FORMAT(last_attempt_at, '%Y-%m-%d %H:%i:%s.%f'), ''), lease_owner IS NULL,
      due_at > UTC_TIMESTAMP() FROM scim_sources WHERE id = ${ctx.sourceId}`);
    return row[0] !== before && row[1] === '1' && row[2] === '1';
  }, { timeout: 60000, interval: 200 });
  const [row] = await sql(`SELECT last_error, last_result FROM scim_sources WHERE id = ${ctx.sourceId}`);
  return { error: row[0], result: row[1] ? JSON.parse(row[1]) : null };
}

async function firstPull(ctx) {
  await eventually('the first pull', async () => (await scalar(`SELECT last_success_at IS NOT NULL OR last_error <> ''
    FROM scim_sources WHERE id = ${ctx.sourceId}`)) === '1', { timeout: 60000, interval: 200 });
}

/** What a failed pull must leave as it was. */
async function stateOf(accountId) {
  return sql(`SELECT (SELECT COUNT(*) FROM users WHERE account_id = ${lit(accountId)}),
    (SELECT COUNT(*) FROM events WHERE account_id = ${lit(accountId)}),
    (SELECT COALESCE(MAX(updated_at), '') FROM users WHERE account_id = ${lit(accountId)}),
    (SELECT COUNT(*) FROM scim_users WHERE account_id = ${lit(accountId)})`);
}

describe('a SCIM source', () => {
  let tenant, ctx;
  const tag = uid();
  before(async () => {
    tenant = await control('/sim/tenants', { users: ['ada', 'alan', 'grace'].map((n) => person(n, { tag })) });
    ctx = await withSource(tenant, 'Pulled');
    await firstPull(ctx);
  });

  test('its first pull adds its users, source-owned, each with an event by SCIM', async () => {
    const rows = await sql(`SELECT u.email, u.source, s.external_id FROM users u JOIN scim_users s ON s.user_id = u.id
      WHERE u.account_id = ${lit(ctx.account.id)} ORDER BY u.email`);
    assert.deepEqual(rows.map((r) => r[0]), ['ada', 'alan', 'grace'].map((n) => `${n}@fabrikam-${tag}.example.com`));
    assert.ok(rows.every((r) => r[1] === 'SCIM' && r[2]), 'source-owned, keyed by the source\'s id');
    const actions = await sql(`SELECT actor_name, action FROM events WHERE account_id = ${lit(ctx.account.id)} AND asset_type = 'user'`);
    assert.equal(actions.length, 3);
    assert.ok(actions.every(([actor, action]) => actor === 'SCIM' && action === 'user.create'));
    const page = await ctx.session.get(`/a/${ctx.account.id}/integrations/scim-sources/${ctx.sourceId}`);
    assert.match(page.text, /Users listed<\/th><td>3</);
  });

  test('Edit User names the source of the fields it owns, read-only, and a save keeps them', async () => {
    const [[id, first, last, mail]] = await sql(`SELECT id, first_name, last_name, email FROM users
      WHERE account_id = ${lit(ctx.account.id)} AND email LIKE 'grace@%'`);
    const path = `/a/${ctx.account.id}/users/${id}`;
    const page = await ctx.session.get(path);
    assert.equal(page.status, 200);
    const notes = page.text.match(/Pulled from the SCIM source Pulled source: change it there\./g) ?? [];
    assert.equal(notes.length, 5, 'first and last name, name, email, mobile');
    assert.ok(!page.text.includes('Provisioned by Azure AD Sync'));
    const res = await ctx.session.send(path, { first_name: 'Not', last_name: 'Hers', name: 'Other', email: `x-${mail}`, mobile: '', role: 'user' });
    assert.equal(res.status, 303);
    assert.deepEqual(await sql(`SELECT first_name, last_name, email FROM users WHERE id = ${id}`), [[first, last, mail]]);
  });

  test('the token is sealed at rest and never shown', async () => {
    const sealed = await scalar(`SELECT token_sealed FROM scim_sources WHERE id = ${ctx.sourceId}`);
    assert.match(sealed, /^v1:/);
    assert.ok(!sealed.includes(tenant.token));
    const page = await ctx.session.get(`/a/${ctx.account.id}/integrations/scim-sources/${ctx.sourceId}`);
    assert.ok(!page.text.includes(tenant.token));
  });

  test('an unchanged source writes nothing', async () => {
    const before = await stateOf(ctx.account.id);
    const { error, result } = await pull(ctx);
    assert.equal(error, '');
    assert.equal(result.unchanged, 3);
    assert.equal(result.listed, 'changes', 'asked only for what changed');
    assert.deepEqual(await stateOf(ctx.account.id), before);
  });

  test('a pull asks only for the users changed since the last one, and applies them', async () => {
    const list = (await peerScim(tenant, 'GET', '/Users')).json.Resources;
    const grace = list.find((u) => u.userName.startsWith('grace'));
    assert.equal((await peerScim(tenant, 'PUT', `/Users/${grace.id}`, { ...person('grace', { tag }), title: 'Rear Admiral' })).status, 200);
    const { error, result } = await pull(ctx);
    assert.equal(error, '');
    assert.equal(result.listed, 'changes');
    assert.deepEqual([result.fetched, result.added, result.changed, result.removed, result.unchanged], [3, 0, 1, 0, 2]);
    const doc = JSON.parse(await scalar(`SELECT s.doc FROM scim_users s JOIN users u ON u.id = s.user_id
      WHERE u.account_id = ${lit(ctx.account.id)} AND u.email LIKE 'grace@%'`));
    assert.equal(doc.title, 'Rear Admiral');
  });

  test('a pull follows the source: a change, a removal and a newcomer', async () => {
    const list = (await peerScim(tenant, 'GET', '/Users')).json.Resources;
    const ada = list.find((u) => u.userName.startsWith('ada'));
    const alan = list.find((u) => u.userName.startsWith('alan'));
    assert.equal((await peerScim(tenant, 'PUT', `/Users/${ada.id}`, { ...person('ada', { tag }), name: { givenName: 'Ada', familyName: 'Lovelace' } })).status, 200);
    assert.equal((await peerScim(tenant, 'DELETE', `/Users/${alan.id}`)).status, 204);
    assert.equal((await peerScim(tenant, 'POST', '/Users', person('edsger', { tag }))).status, 201);
    const { error, result } = await pull(ctx);
    assert.equal(error, '');
    assert.deepEqual([result.added, result.changed, result.removed], [1, 1, 1]);
    assert.equal(result.listed, 'all', 'a removal is seen in the total, then in the full listing');
    assert.equal(await scalar(`SELECT last_name FROM users WHERE account_id = ${lit(ctx.account.id)} AND email LIKE 'ada@%'`), 'Lovelace');
    assert.equal(await count('users', `account_id = ${lit(ctx.account.id)} AND email LIKE 'alan@%'`), 0);
    assert.equal(await count('users', `account_id = ${lit(ctx.account.id)} AND email LIKE 'edsger@%'`), 1);
  });
});

describe('a SCIM source that fails', () => {
  let tenant, ctx;
  before(async () => {
    tenant = await control('/sim/tenants', { seed: 620 });
    ctx = await withSource(tenant, 'Failing');
    await firstPull(ctx);
    assert.equal(await count('users', `account_id = ${lit(ctx.account.id)}`), 620);
    // the source changes: each failing pull below must apply none of it
    const first = (await peerScim(tenant, 'GET', '/Users?count=2')).json.Resources;
    await peerScim(tenant, 'DELETE', `/Users/${first[0].id}`);
    await peerScim(tenant, 'PUT', `/Users/${first[1].id}`, { ...first[1], displayName: 'Changed Meanwhile' });
  });

  // A pull asks first for the changes since the last one and for the total;
  // the total says a user was removed, so it then lists them all.
  for (const [mode, page, of, why] of [
    ['500', 1, 'changes', /HTTP 500/], ['truncate', 1, 'count', /not a SCIM ListResponse/],
    ['500', 2, 'all', /HTTP 500/], ['401', 1, 'all', /HTTP 401/], ['truncate', 2, 'all', /not a SCIM ListResponse/],
    ['drift', 2, 'all', /changed during the pull/], ['short', 2, 'all', /stopped after 500 of its 619 users/],
  ]) {
    test(`${mode} on page ${page} of the ${of === 'all' ? 'full listing' : of === 'count' ? 'total' : 'changes'}: nothing is written, the error is shown`, async () => {
      await control(`/sim/tenants/${tenant.tenant}/fail`, { mode, page, of });
      const before = await stateOf(ctx.account.id);
      const { error } = await pull(ctx);
      assert.match(error, why);
      assert.deepEqual(await stateOf(ctx.account.id), before, 'a failed or partial fetch writes nothing');
      const shown = await ctx.session.get(`/a/${ctx.account.id}/integrations/scim-sources/${ctx.sourceId}`);
      assert.equal(shown.status, 200);
      assert.match(shown.text, /role="alert"/);
    });
  }

  test('once the source answers again, the pull applies what changed', async () => {
    await control(`/sim/tenants/${tenant.tenant}/fail`, { mode: 'none' });
    const { error, result } = await pull(ctx);
    assert.equal(error, '');
    assert.deepEqual([result.removed, result.changed, result.added], [1, 1, 0]);
    assert.equal(await count('users', `account_id = ${lit(ctx.account.id)}`), 619);
    assert.equal(await count('users', `account_id = ${lit(ctx.account.id)} AND name = 'Changed Meanwhile'`), 1);
  });
});

describe('a SCIM source and the console\'s own users', () => {
  test('a console user the source lists is adopted, and let go (not deleted) when the source drops it', async () => {
    const tag = uid();
    const tenant = await control('/sim/tenants', { users: [person('hedy', { tag })] });
    const { partner, session } = await partnerSession('Adopting');
    const account = await newCustomer(partner.id, 'Adopting');
    const mine = await newUser(account.id, { mail: `hedy@fabrikam-${tag}.example.com` });
    const res = await session.send(`/a/${account.id}/integrations/scim-sources/new`, {
      name: 'HR', base_url: tenant.baseUrl, token: tenant.token, interval_minutes: '60', filter: 'active eq true',
    });
    const ctx = { account, session, sourceId: /(\d+)$/.exec(res.location)[1] };
    await firstPull(ctx);
    assert.equal(await count('users', `account_id = ${lit(account.id)}`), 1, 'adopted, not duplicated');
    assert.equal(await scalar(`SELECT source FROM users WHERE id = ${mine.id}`), 'SCIM');
    const hedy = (await peerScim(tenant, 'GET', '/Users')).json.Resources[0];
    await peerScim(tenant, 'DELETE', `/Users/${hedy.id}`);
    const { result } = await pull(ctx);
    assert.equal(result.released, 1);
    assert.equal(await scalar(`SELECT source FROM users WHERE id = ${mine.id}`), 'Accounts app', 'the user stays, no longer source-owned');
  });

  test('a bad base URL, interval or filter is refused on the form', async () => {
    const { partner, session } = await partnerSession('Source form');
    const account = await newCustomer(partner.id, 'Source form');
    const res = await session.send(`/a/${account.id}/integrations/scim-sources/new`, {
      name: 'Bad', base_url: 'ftp://example.com', token: 't', interval_minutes: '1', filter: 'userName xx',
    });
    assert.equal(res.status, 422);
    for (const message of ['Enter an http:// or https:// address.', 'Enter a number of minutes from 5 to 1440.', 'This is not a SCIM filter.']) {
      assert.ok(res.text.includes(message), message);
    }
    assert.equal(await count('scim_sources', `account_id = ${lit(account.id)}`), 0);
  });
});
