// Tenant isolation (issue §7, ARCHITECTURE §3-4): for every route of the
// route table that names an account, GET and POST, someone outside that
// account's scope gets a 404 — an account admin of another account, an
// administrator of another partner — including direct user ids of one
// account used under another's path. Nothing changes on the way.
// Without a session every page redirects to /login.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, sql } from './lib/stack.js';
import {
  fromAddress, newAddress,
  accountFields, assertToLogin, email, fillRoute, lit, newCustomer, newPartner, newUser, routeTable,
  signIn, uid, paced,
} from './lib/fixtures.js';

const routes = routeTable();
// Pages: a session is what reaches them. The machine front (SCIM) takes no
// session; its tenant isolation is its credentials' (core-routes, scim-server).
// The SAML endpoints (flag foreign) are in no session's scope either: any
// browser brings them an identity provider's signed message (sso*.test.js).
const acctRoutes = routes.filter((r) => r.pattern.includes(':acct') && !r.flags.includes('api') && !r.flags.includes('foreign'));

/** A body that would do real harm if the scope check let it through. */
function hostileBody(pattern) {
  switch (pattern) {
    case '/a/:acct/info': return accountFields({ name: `Hijacked ${uid()}` });
    case '/a/:acct/deactivate': return { confirm: 'deactivate' };
    case '/a/:acct/reactivate': return { confirm: 'reactivate' };
    case '/a/:acct/delete': return { confirm: 'delete' };
    case '/a/:acct/users/new': return { first_name: 'Mallory', email: email('mallory'), account_admin: '1' };
    case '/a/:acct/users/:id': return { first_name: 'Mallory', email: email('mallory'), role: 'account_admin' };
    case '/a/:acct/users/:id/delete': return { confirm: 'delete' };
    default: return { confirm: 'delete', name: 'Hijacked' };
  }
}

/** Everything about an account a request might change. */
async function snapshot(accountId) {
  const [row] = await sql(`SELECT a.name, a.status, a.city,
      (SELECT COUNT(*) FROM users WHERE account_id = a.id),
      (SELECT GROUP_CONCAT(CONCAT(id, ':', email, ':', role, ':', display_name) ORDER BY id) FROM users WHERE account_id = a.id),
      (SELECT COUNT(*) FROM events WHERE account_id = a.id),
      (SELECT COUNT(*) FROM account_support_contacts WHERE account_id = a.id)
    FROM accounts a WHERE a.id = ${lit(accountId)}`);
  return row;
}

/** Request every account route of the table as `who`, against account acct (and user id). */
async function sweep(who, acct, id, expectStatus, label) {
  const seen = [];
  for (const { method, pattern } of acctRoutes) {
    const path = fillRoute(pattern, acct, id);
    const res = method === 'GET' ? await who.get(path) : await who.send(path, hostileBody(pattern));
    seen.push(`${method} ${pattern}`);
    assert.equal(res.status, expectStatus, `${label}: ${method} ${pattern} → ${res.status}, expected ${expectStatus}`);
    if (expectStatus === 404) {
      assert.match(res.text, /Page not found/, `${label}: ${method} ${pattern} shows the 404 page`);
    }
  }
  return seen;
}

describe('tenant isolation', () => {
  // Partner 1 with customers A and B; partner 2 with customer C.
  let p1, p2, A, B, C, adminA, userA, userB, adminB, userC, p2admin;
  let sAdminA, sUserA, sP1, sP2;

  before(async () => {
    p1 = await newPartner('Isolation P1');
    p2 = await newPartner('Isolation P2');
    A = await newCustomer(p1.id, 'Acct A');
    B = await newCustomer(p1.id, 'Acct B');
    C = await newCustomer(p2.id, 'Acct C');
    adminA = await newUser(A.id, { role: 'account_admin' });
    userA = await newUser(A.id, { role: 'user' });
    adminB = await newUser(B.id, { role: 'account_admin' });
    userB = await newUser(B.id, { role: 'user' });
    userC = await newUser(C.id, { role: 'user' });
    p2admin = { id: p2.adminId };
    sAdminA = await signIn(adminA.email);
    sUserA = await signIn(userA.email);
    sP1 = await signIn(p1.email);
    sP2 = await signIn(p2.email);
  });

  test('the route table has account routes to check, GET and POST', () => {
    assert.ok(acctRoutes.some((r) => r.method === 'GET'));
    assert.ok(acctRoutes.some((r) => r.method === 'POST'));
    assert.ok(acctRoutes.some((r) => r.pattern.includes(':id')));
  });

  test('positive controls: each user reaches what is theirs', async () => {
    for (const path of [`/a/${A.id}`, `/a/${A.id}/info`, `/a/${A.id}/users`, `/a/${A.id}/users/new`,
      `/a/${A.id}/users/${userA.id}`, `/a/${A.id}/users/${userA.id}/delete`]) {
      assert.equal((await sAdminA.get(path)).status, 200, `account admin of A: GET ${path}`);
    }
    for (const path of [`/a/${B.id}`, `/a/${B.id}/info`, `/a/${B.id}/users`, `/a/${B.id}/users/${userB.id}`,
      `/a/${B.id}/deactivate`, `/a/${B.id}/delete`, `/a/${p1.id}/info`, `/a/${p1.id}/users`]) {
      assert.equal((await sP1.get(path)).status, 200, `partner 1: GET ${path}`);
    }
    assert.equal((await sP2.get(`/a/${C.id}/users/${userC.id}`)).status, 200, 'partner 2 reaches its own customer');
  });

  test('an account admin of A gets 404 for every URL of account B, GET and POST, and B is untouched', async () => {
    const before = await snapshot(B.id);
    const seen = await sweep(sAdminA, B.id, userB.id, 404, 'admin of A on B');
    // Every account route of the table was tried, GET and POST alike.
    assert.deepEqual([...new Set(seen)].sort(), acctRoutes.map((r) => `${r.method} ${r.pattern}`).sort());
    assert.deepEqual(await snapshot(B.id), before);
  });

  test('an account admin of A gets 404 for every URL of their own partner account and of another partner', async () => {
    const p1Before = await snapshot(p1.id);
    const cBefore = await snapshot(C.id);
    await sweep(sAdminA, p1.id, p1.adminId, 404, 'admin of A on partner 1');
    await sweep(sAdminA, C.id, userC.id, 404, 'admin of A on C');
    assert.deepEqual(await snapshot(p1.id), p1Before);
    assert.deepEqual(await snapshot(C.id), cBefore);
  });

  test('an administrator of partner 2 gets 404 for every URL of partner 1 and its customers', async () => {
    const states = await Promise.all([A.id, B.id, p1.id].map(snapshot));
    await sweep(sP2, A.id, userA.id, 404, 'partner 2 on A');
    await sweep(sP2, B.id, userB.id, 404, 'partner 2 on B');
    await sweep(sP2, p1.id, p1.adminId, 404, 'partner 2 on partner 1');
    assert.deepEqual(await Promise.all([A.id, B.id, p1.id].map(snapshot)), states);
  });

  test('an administrator of partner 1 gets 404 for every URL of partner 2 and its customer', async () => {
    const states = await Promise.all([C.id, p2.id].map(snapshot));
    await sweep(sP1, C.id, userC.id, 404, 'partner 1 on C');
    await sweep(sP1, p2.id, p2admin.id, 404, 'partner 1 on partner 2');
    assert.deepEqual(await Promise.all([C.id, p2.id].map(snapshot)), states);
  });

  test('direct user ids of another account under an account the user may reach are 404', async () => {
    const states = await Promise.all([A.id, B.id, C.id, p1.id].map(snapshot));
    const idRoutes = acctRoutes.filter((r) => r.pattern.includes(':id'));
    assert.ok(idRoutes.length >= 4);
    const cases = [
      [sAdminA, A.id, userB.id, 'admin of A, user of B under A'],
      [sAdminA, A.id, adminB.id, 'admin of A, admin of B under A'],
      [sAdminA, A.id, userC.id, 'admin of A, user of C under A'],
      [sAdminA, A.id, p1.adminId, 'admin of A, partner 1 admin under A'],
      [sP1, A.id, userB.id, 'partner 1, user of B under A'],
      [sP1, B.id, userA.id, 'partner 1, user of A under B'],
      [sP1, A.id, userC.id, 'partner 1, user of C under A'],
      [sP1, p1.id, userA.id, 'partner 1, user of A under the partner account'],
      [sP2, C.id, userA.id, 'partner 2, user of A under C'],
    ];
    for (const [who, acct, id, label] of cases) {
      for (const { method, pattern } of idRoutes) {
        const path = fillRoute(pattern, acct, id);
        const res = method === 'GET' ? await who.get(path) : await who.send(path, hostileBody(pattern));
        assert.equal(res.status, 404, `${label}: ${method} ${path} → ${res.status}`);
      }
    }
    assert.deepEqual(await Promise.all([A.id, B.id, C.id, p1.id].map(snapshot)), states);
  });

  test('ids that name no account or user, or are malformed, are 404', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/a/${nobody}`, `/a/${nobody}/info`, `/a/${nobody}/users`, `/a/${A.id.toUpperCase()}/users`,
      `/a/${A.id}x/users`, `/a/not-a-uuid/users`, `/a/${A.id}/users/999999999999`, `/a/${A.id}/users/0`,
      `/a/${A.id}/users/-1`, `/a/${A.id}/users/1e3`, `/a/${A.id}/users/${userA.id}x`,
      `/a/${A.id}/users/1234567890123456789012`, `/a/${A.id}/users/${userA.id}/../${userB.id}`]) {
      const res = await sAdminA.get(path);
      assert.equal(res.status, 404, `GET ${path} → ${res.status}`);
    }
    // A NUL byte in the path is refused outright (nginx answers 400 before the console sees it).
    const nul = await sAdminA.get(`/a/${A.id}/users/${userA.id}%00`);
    assert.ok([400, 404].includes(nul.status), `a NUL in the path → ${nul.status}`);
  });

  test('an ordinary user gets 404 for every management URL, even of their own account', async () => {
    const state = await snapshot(A.id);
    for (const { method, pattern } of acctRoutes) {
      if (pattern === '/a/:acct') continue; // their dashboard
      const path = fillRoute(pattern, A.id, userA.id);
      const res = method === 'GET' ? await sUserA.get(path) : await sUserA.send(path, hostileBody(pattern));
      assert.equal(res.status, 404, `user of A: ${method} ${path} → ${res.status}`);
    }
    for (const path of ['/accounts', '/accounts/new']) {
      assert.equal((await sUserA.get(path)).status, 404, `user of A: GET ${path}`);
    }
    assert.equal((await sUserA.send('/accounts/new', accountFields())).status, 404);
    assert.deepEqual(await snapshot(A.id), state);
  });

  test('an account admin gets 404 for the partner-only screens', async () => {
    const count = await sql(`SELECT COUNT(*) FROM accounts WHERE partner_id = ${lit(p1.id)}`);
    assert.equal((await sAdminA.get('/accounts')).status, 404);
    assert.equal((await sAdminA.get('/accounts/new')).status, 404);
    assert.equal((await sAdminA.send('/accounts/new', accountFields())).status, 404);
    for (const word of ['deactivate', 'reactivate', 'delete']) {
      assert.equal((await sAdminA.get(`/a/${A.id}/${word}`)).status, 404, `GET /a/A/${word}`);
      assert.equal((await sAdminA.send(`/a/${A.id}/${word}`, { confirm: word })).status, 404, `POST /a/A/${word}`);
    }
    assert.deepEqual(await sql(`SELECT COUNT(*) FROM accounts WHERE partner_id = ${lit(p1.id)}`), count);
    assert.equal((await sql(`SELECT status FROM accounts WHERE id = ${lit(A.id)}`))[0][0], 'active');
  });

  test('the dashboard of another account is 404, and "/" sends an account admin to their own', async () => {
    assert.equal((await sAdminA.get(`/a/${B.id}`)).status, 404);
    const home = await sAdminA.get('/');
    assert.equal(home.status, 303);
    assert.equal(home.location, `/a/${A.id}`);
  });

  test('without a session every console route but the public ones redirects to /login, and every API route is 401', async () => {
    // From an address of its own: nginx rates sessionless POSTs per address.
    const anon = fromAddress(newAddress());
    const states = await Promise.all([A.id, B.id].map(snapshot));
    for (const { method, pattern, flags } of routes) {
      if (flags.includes('public')) continue;
      const path = fillRoute(pattern, B.id, userB.id);
      const res = await paced(() => (method === 'GET' ? anon.get(path)
        : method === 'POST' ? anon.post(path, hostileBody(pattern))
          : anon.request(method, path, { body: '{}', headers: { 'content-type': 'application/json' } })));
      if (flags.includes('api')) assert.equal(res.status, 401, `anonymous ${method} ${path}`);
      else assertToLogin(res, `anonymous ${method} ${path}`);
    }
    assert.deepEqual(await Promise.all([A.id, B.id].map(snapshot)), states);
  });
});
