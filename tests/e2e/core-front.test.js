// The front line (ARCHITECTURE §3, §8): unknown paths are 404, a known path
// with the wrong method 405, /ping 204, the security headers on every
// response, and every POST of the route table refused (403) without its
// CSRF token — with nothing changed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, sql } from './lib/stack.js';
import {
  accountFields, addUserViaUI, fillRoute, lit, newCustomer, newUser, partnerSession, routeTable, tableCounts, uid,
  visibleText, paced,
} from './lib/fixtures.js';

const routes = routeTable();

function assertSecurityHeaders(res, what) {
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp, `${what}: Content-Security-Policy`);
  assert.match(csp, /default-src 'none'/, `${what}: CSP default-src`);
  assert.match(csp, /script-src 'self'(;|$)/, `${what}: CSP allows no inline script`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: nothing unsafe`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP frame-ancestors`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
}

describe('status codes', () => {
  test('/ping answers 204 with an empty body, without a session', async () => {
    const res = await new Client().get('/ping');
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assertSecurityHeaders(res, '/ping');
  });

  test('unknown paths are 404, signed in or not, in the layout when signed in', async () => {
    const { session } = await partnerSession();
    const anon = new Client();
    const acct = '11111111-2222-4333-8444-555555555555';
    for (const path of ['/nope', '/a', '/a/', `/a/${acct}/nope`, '/accounts/new/extra', `/a/${acct}/users/new/x`,
      '/admin', '/cgi-bin/console', '/.env', '/%2e%2e/etc/passwd', '/login%00', `/a/${acct}/users/1/delete/now`]) {
      const a = await anon.get(path);
      assert.ok([404, 400].includes(a.status), `anonymous GET ${path} → ${a.status}`);
      const s = await session.get(path);
      assert.ok([404, 400].includes(s.status), `signed-in GET ${path} → ${s.status}`);
      if (s.status === 404) {
        assert.match(s.text, /Page not found/);
        assert.match(s.text, /class="sidebar"/, 'the 404 page is drawn in the layout');
      }
    }
  });

  test('a trailing slash is the same page', async () => {
    const { session } = await partnerSession();
    assert.equal((await session.get('/accounts/')).status, 200);
    assert.equal((await session.get('/password/')).status, 200);
  });

  test('a known path with a method it does not take is 405', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    const anon = new Client();
    const byPattern = new Map();
    for (const { method, pattern } of routes) {
      if (!byPattern.has(pattern)) byPattern.set(pattern, new Set());
      byPattern.get(pattern).add(method);
    }
    for (const [pattern, methods] of byPattern) {
      const path = fillRoute(pattern, account.id, partner.adminId);
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        if (methods.has(method)) continue;
        for (const [who, client] of [['anonymous', anon], ['signed in', session]]) {
          // API paths carry a (made-up) bearer credential, as machines do: nginx
          // rates those per credential rather than per address.
          const headers = pattern.startsWith('/api/') ? { authorization: `Bearer ${uid()}${uid()}` } : {};
          const res = await paced(() => client.request(method, path,
            method === 'GET' ? { headers } : { headers, body: new URLSearchParams({ _csrf: session.csrf }) }));
          assert.equal(res.status, 405, `${who} ${method} ${path} → ${res.status}`);
          assertSecurityHeaders(res, `${method} ${path}`);
          // the machine front answers in JSON (a SCIM Error's status is a string)
          if (/^\/(api|scim)\//.test(pattern)) assert.equal(Number(JSON.parse(res.text).status), 405, 'the API answers in JSON');
          else assert.match(res.text, /Method not allowed/);
        }
      }
    }
    assert.equal((await session.get('/')).status, 200, 'a 405 POST /ping did not sign anyone out');
  });

  test('HEAD is served like GET, without a body', async () => {
    const res = await new Client().request('HEAD', '/login');
    assert.equal(res.status, 200);
    assert.equal(res.text, '');
    assertSecurityHeaders(res, 'HEAD /login');
  });
});

describe('security headers', () => {
  test('every kind of console response carries CSP, X-Content-Type-Options and X-Frame-Options', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    const anon = new Client();
    const responses = [
      ['200 sign-in page', await anon.get('/login')],
      ['303 to sign-in', await anon.get('/accounts')],
      ['404', await anon.get('/nope')],
      ['405', await anon.request('PUT', '/login')],
      ['403 CSRF', await anon.post('/login', { email: 'a@example.com', password: 'x' })],
      ['422 sign-in', await anon.login('nobody@example.com', 'wrong password')],
      ['200 dashboard', await session.get('/')],
      ['200 list', await session.get('/accounts')],
      ['200 form', await session.get(`/a/${account.id}/users/new`)],
      ['422 form', await session.send(`/a/${account.id}/users/new`, { email: 'bad' })],
      ['303 after a POST', await session.send(`/a/${account.id}/users/new`, { first_name: 'Header', email: `h-${uid()}@example.com` })],
      ['404 signed in', await session.get(`/a/${account.id}/users/999999999`)],
    ];
    for (const [what, res] of responses) {
      assertSecurityHeaders(res, what);
      assert.equal(res.headers.get('cache-control'), 'no-store', `${what}: Cache-Control`);
      assert.ok(!res.headers.get('x-powered-by'), `${what}: no X-Powered-By`);
      assert.doesNotMatch(res.headers.get('server') ?? '', /\d/, `${what}: the server version is not disclosed`);
    }
  });

  test('cookies are HttpOnly and SameSite=Lax', async () => {
    const { session } = await partnerSession();
    const res = await session.send('/logout');
    for (const line of res.headers.getSetCookie()) {
      assert.match(line, /HttpOnly/i, line);
      assert.match(line, /SameSite=Lax/i, line);
    }
  });

  test('static files are served with nosniff', async () => {
    for (const path of ['/static/css/console.css', '/static/js/console.js', '/static/img/favicon.svg']) {
      const res = await new Client().get(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  test('static HTML pages carry the same CSP and X-Frame-Options as console pages', async () => {
    for (const path of ['/static/support.html', '/static/legal.html']) {
      const res = await new Client().get(path);
      assert.equal(res.status, 200, path);
      assertSecurityHeaders(res, path);
    }
  });

  test('pages load no inline script: every script has a src on this site', async () => {
    const { session } = await partnerSession();
    for (const path of ['/', '/accounts', '/accounts/new', '/password']) {
      const res = await session.get(path);
      for (const [tag] of res.text.matchAll(/<script\b[^>]*>/gi)) {
        assert.match(tag, /\bsrc="\/static\//, `${path}: ${tag}`);
      }
      assert.doesNotMatch(res.text, /\son[a-z]+\s*=/i, `${path}: no inline event handlers`);
    }
  });
});

describe('CSRF on every POST of the route table', () => {
  test('without the token, or with a wrong one, each POST is 403 and nothing changes', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    await newUser(account.id, { role: 'account_admin' });
    const { id: userId } = await addUserViaUI(session, account.id);
    const bodies = {
      '/login': { email: partner.email, password: 'whatever' },
      '/password': { current: 'correct horse battery staple', new: 'a new password', confirm: 'a new password' },
      '/accounts/new': accountFields(),
      '/a/:acct/info': accountFields({ name: `CSRF ${uid()}` }),
      '/a/:acct/deactivate': { confirm: 'deactivate' },
      '/a/:acct/reactivate': { confirm: 'reactivate' },
      '/a/:acct/delete': { confirm: 'delete' },
      '/a/:acct/users/new': { first_name: 'Forged', email: `forged-${uid()}@example.com` },
      '/a/:acct/users/:id': { first_name: 'Forged', email: `forged-${uid()}@example.com`, role: 'account_admin' },
      '/a/:acct/users/:id/delete': { confirm: 'delete' },
    };
    // The machine API takes no cookie, so it needs no CSRF token (api-front.test.js); the SAML
    // endpoints (foreign) take identity providers' signed Responses instead (sso*.test.js).
    const posts = routes.filter((r) => r.method === 'POST' && !r.flags.includes('api') && !r.flags.includes('foreign'));
    assert.ok(posts.length >= 10);
    const state = async () => [await tableCounts(), await sql(`SELECT name, status FROM accounts WHERE id = ${lit(account.id)}`),
      await sql(`SELECT first_name, email, role FROM users WHERE id = ${userId}`),
      await sql(`SELECT password_hash FROM users WHERE id = ${partner.adminId}`)];
    const before = await state();
    for (const { pattern } of posts) {
      const path = fillRoute(pattern, account.id, userId);
      const body = bodies[pattern] ?? { confirm: 'delete', name: 'Forged' };
      for (const [what, token] of [['no token', undefined], ['wrong token', 'f'.repeat(64)], ['empty token', ''],
        ['a token of another form', 'x'.repeat(64)]]) {
        const res = await paced(() => session.post(path, token === undefined ? body : { ...body, _csrf: token }));
        assert.equal(res.status, 403, `${what}: POST ${path} → ${res.status}`);
        assert.match(visibleText(res.text), /Request refused/);
      }
    }
    assert.deepEqual(await state(), before);
    assert.equal((await session.get('/')).status, 200, 'still signed in: /logout was refused too');
    // The same requests with the token do work (the refusals above were about the token).
    assert.equal((await session.send(`/a/${account.id}/users/${userId}/delete`, { confirm: 'delete' })).status, 303);
  });
});

describe('uploads', () => {
  /** A multipart body of n small parts, as a form with n fields would send. */
  function manyParts(csrf, n) {
    const body = new FormData();
    body.append('_csrf', csrf);
    for (let i = 0; i < n; i++) body.append('x', 'y');
    return body;
  }

  test('a multipart body is refused unread by a route that takes no upload (415)', async () => {
    const { session } = await partnerSession();
    const res = await session.post('/accounts/new', manyParts(session.csrf, 3));
    assert.equal(res.status, 415);
    assertSecurityHeaders(res, '415');
    assert.equal((await session.get('/')).status, 200, 'the worker goes on');
  });

  test('an upload with more parts than any form sends is refused (400) before it is parsed', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    const res = await session.post(`/a/${account.id}/users/import`, manyParts(session.csrf, 20000));
    assert.equal(res.status, 400);
    const ok = await session.post(`/a/${account.id}/users/import`, manyParts(session.csrf, 2));
    assert.notEqual(ok.status, 400, 'a real form is parsed as before');
  });
});
