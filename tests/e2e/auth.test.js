// Sign-in, sessions, CSRF, sign-out and "Change your password" over HTTP
// (guide §1.2, §1.3; ARCHITECTURE §8).

import { after, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfFrom, sql } from './lib/stack.js';
import {
  fromAddress, newAddress,
  PASSWORD, Session, adminSession, assertToLogin, count, email, fieldError, forgetAddressFailures, lit, newCustomer, newPartner,
  newUser, partnerSession, scalar, signIn, uid, visibleText,
} from './lib/fixtures.js';

const GENERIC = 'The email or password is incorrect.';

// These tests fail sign-ins on purpose; the per-address count must not outlive them.
after(forgetAddressFailures);

/** POST /login with a fresh pre-login token; resolves with the response. */
async function attempt(userEmail, password, client = new Client()) {
  return client.login(userEmail, password);
}


function assertGenericFailure(res, what) {
  assert.equal(res.status, 422, `${what}: status`);
  assert.ok(visibleText(res.text).includes(GENERIC), `${what}: shows the generic message`);
  assert.ok(!res.headers.getSetCookie().some((c) => c.startsWith('sb_session=') && !/^sb_session=;/.test(c)),
    `${what}: no session cookie`);
}

describe('sign-in', () => {
  test('GET /login serves the form with a pre-login CSRF token in a cookie and the form', async () => {
    const c = new Client();
    const res = await c.get('/login');
    assert.equal(res.status, 200);
    assert.match(res.text, /<form method="post" action="\/login"/);
    assert.match(res.text, /name="email"/);
    assert.match(res.text, /name="password" type="password"/);
    const token = csrfFrom(res.text);
    assert.match(token, /^[0-9a-f]{64}$/);
    assert.equal(c.cookies.get('sb_csrf'), token, 'double-submit: the cookie and the form carry the same token');
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('sb_csrf='));
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
  });

  test('a partner administrator signs in and lands on the dashboard', async () => {
    const partner = await newPartner();
    const c = new Client();
    const res = await c.login(partner.email, PASSWORD);
    assert.equal(res.status, 303);
    assert.equal(res.location, '/');
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('sb_session='));
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\//);
    const token = c.cookies.get('sb_session');
    assert.match(token, /^[0-9a-f]{64}$/, 'a 256-bit random id');
    // Only a hash of the id is stored.
    assert.equal(await count('sessions', `id_hash = ${lit(token)}`), 0, 'the raw id is not stored');
    assert.equal(await count('sessions', `id_hash = SHA2(${lit(token)}, 256) AND user_id = ${partner.adminId}`), 1);
    const home = await c.get('/');
    assert.equal(home.status, 200);
    assert.ok(visibleText(home.text).includes(partner.name), 'the dashboard shows the user name');
    assert.match(home.text, /href="\/accounts"/, 'a partner sees the Accounts item');
    // The pre-login token is dropped once signed in, and /login sends a signed-in user home.
    assert.equal(c.cookies.get('sb_csrf'), undefined);
    const again = await c.get('/login');
    assert.equal(again.status, 303);
    assert.equal(again.location, '/');
  });

  test('the email is matched without regard to case and surrounding spaces', async () => {
    const partner = await newPartner();
    const res = await attempt(`  ${partner.email.toUpperCase()} `, PASSWORD);
    assert.equal(res.status, 303);
  });

  test('an account admin signs in and lands in their own account', async () => {
    const partner = await newPartner();
    const account = await newCustomer(partner.id);
    const admin = await newUser(account.id, { role: 'account_admin' });
    const s = await signIn(admin.email);
    const home = await s.get('/');
    assert.equal(home.status, 303);
    assert.equal(home.location, `/a/${account.id}`);
    const dash = await s.get(home.location);
    assert.equal(dash.status, 200);
    assert.match(dash.text, new RegExp(`href="/a/${account.id}/users"`));
    assert.doesNotMatch(dash.text, /href="\/accounts"/, 'no Accounts item for an account admin');
  });

  test('an ordinary user signs in but reaches no management screen', async () => {
    const partner = await newPartner();
    const account = await newCustomer(partner.id);
    const user = await newUser(account.id, { role: 'user' });
    const s = await signIn(user.email);
    assert.equal((await s.get(`/a/${account.id}`)).status, 200);
    assert.equal((await s.get('/password')).status, 200);
    assert.equal((await s.get(`/a/${account.id}/users`)).status, 404);
    assert.equal((await s.get(`/a/${account.id}/info`)).status, 404);
    assert.equal((await s.get('/accounts')).status, 404);
  });

  test('one generic message for a wrong password, an unknown email, empty fields and an unregistered user', async () => {
    const partner = await newPartner();
    const account = await newCustomer(partner.id);
    const unregistered = await newUser(account.id, { signIn: false });
    const cases = [
      ['wrong password', partner.email, 'not the password'],
      ['unknown email', email('nobody'), PASSWORD],
      ['empty email', '', PASSWORD],
      ['empty password', partner.email, ''],
      ['unregistered user', unregistered.email, PASSWORD],
    ];
    const bodies = [];
    for (const [what, e, p] of cases) {
      const res = await attempt(e, p);
      assertGenericFailure(res, what);
      // The page gives nothing away: the same message, the email echoed back, nothing else differs.
      bodies.push(visibleText(res.text).replace(e, '').replace(/\s+/g, ' '));
    }
    assert.equal(new Set(bodies.slice(0, 2)).size, 1, 'a wrong password and an unknown email read the same');
    // The email is kept in the form; the password never is.
    const res = await attempt(partner.email, 'not the password');
    assert.match(res.text, new RegExp(`name="email"[^>]*value="${partner.email.replace(/[.]/g, '\\.')}"`));
    assert.doesNotMatch(res.text, /not the password/);
  });

  test('throttling counts an email however it is capitalised', async () => {
    const partner = await newPartner();
    const c = fromAddress(newAddress());
    const variants = [partner.email, partner.email.toUpperCase(), `${partner.email[0].toUpperCase()}${partner.email.slice(1)}`];
    for (let i = 0; i < 5; i++) {
      assertGenericFailure(await attempt(variants[i % variants.length], `wrong ${i}`, c), `failure ${i + 1}`);
    }
    const res = await attempt(partner.email.toUpperCase(), PASSWORD, c);
    assert.equal(res.status, 429, 'changing the case of the email must not reset the count');
    const res2 = await attempt(partner.email, PASSWORD, c);
    assert.equal(res2.status, 429);
  });

  test('throttling counts an email however it is spelled to the database: accented or full-width letters are the same email', async () => {
    const partner = await newPartner();
    const c = fromAddress(newAddress());
    for (let i = 1; i <= 5; i++) {
      assertGenericFailure(await attempt(partner.email, `wrong ${i}`, c), `failure ${i}`);
    }
    // The database compares emails under utf8mb4_unicode_ci, where "á" and "ａ" equal "a".
    const e = partner.email; // partner-…: an "a" at index 1
    const fullWidth = (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
    for (const variant of [`${e[0]}á${e.slice(2)}`, `${fullWidth(e[0])}${e.slice(1)}`, `${e[0]}Á${e.slice(2).toUpperCase()}`]) {
      const res = await attempt(variant, PASSWORD, c);
      assert.notEqual(res.status, 303, `${variant} with the right password signs in past the throttle`);
    }
  });
});

// Throttling bounds guessing without letting anyone lock a user out: the
// counts are per email and address together, per address and per email,
// and an address that has not failed is never held back (lib/throttle.h).
// Each test signs in from addresses of its own (127.x.y.z), as different
// clients would.
describe('sign-in throttling', () => {
  test('an address that fails one email 5 times is refused for that email until its window ends', async () => {
    const partner = await newPartner();
    const guesser = fromAddress(newAddress());
    for (let i = 1; i <= 5; i++) {
      assertGenericFailure(await attempt(partner.email, `wrong ${i}`, guesser), `failure ${i}`);
    }
    // Even the right password is refused from there now, with a 429 and the time to wait.
    const res = await attempt(partner.email, PASSWORD, guesser);
    assert.equal(res.status, 429);
    const text = visibleText(res.text);
    assert.match(text, /Too many failed sign-in attempts\. Try again in (15 minutes|1[0-5] minutes)\./);
    assert.ok(!text.includes(GENERIC));
    assert.equal(await count('sessions', `user_id = ${partner.adminId}`), 0, 'no session was started');
    // A refused attempt checks no password and counts no failure.
    const pair = `scope = 'pair' AND key_hash = SHA2(${lit(`${partner.email}\n${guesser.address}`)}, 256)`;
    assert.equal(await scalar(`SELECT failures FROM login_failures WHERE ${pair}`), '5');

    // Another email from the same address is not affected,
    const other = await newPartner();
    assert.equal((await attempt(other.email, PASSWORD, fromAddress(guesser.address))).status, 303);
    // nor the same email from another address: the user is not locked out.
    assert.equal((await attempt(partner.email, PASSWORD, fromAddress(newAddress()))).status, 303);

    // When the window has passed, the right password works again from there and that pair starts afresh.
    await sql(`UPDATE login_failures SET window_start = UTC_TIMESTAMP() - INTERVAL 16 MINUTE WHERE ${pair}`);
    assert.equal((await attempt(partner.email, PASSWORD, fromAddress(guesser.address))).status, 303);
    assert.equal(await count('login_failures', pair), 0);
  });

  test('someone failing a user\'s email from many addresses cannot stop the right password from the user\'s own', async () => {
    const victim = await newPartner();
    // 20 failures: 5 from each of two addresses (where each pair stops), then one from each of ten more.
    for (let a = 0; a < 2; a++) {
      const attacker = fromAddress(newAddress());
      for (let i = 1; i <= 5; i++) assertGenericFailure(await attempt(victim.email, `guess ${a}-${i}`, attacker), `guess ${a}-${i}`);
    }
    for (let a = 0; a < 10; a++) {
      const attacker = fromAddress(newAddress());
      assertGenericFailure(await attempt(victim.email, `guess from ${attacker.address}`, attacker), `guess ${a}`);
      // Past the email's allowance, an address that has failed it waits before its next guess.
      assert.equal((await attempt(victim.email, 'another guess', attacker)).status, 429);
    }
    assert.equal(Number(await scalar(`SELECT failures FROM login_failures
                                      WHERE scope = 'email' AND key_hash = SHA2(${lit(victim.email)}, 256)`)), 20);
    // The user, from an address that has not been failing, signs in at once.
    const own = fromAddress(newAddress());
    const res = await attempt(victim.email, PASSWORD, own);
    assert.equal(res.status, 303, `the right password from a clean address (got ${res.status})`);
    assert.ok(own.cookies.get('sb_session'), 'signed in');

    // An address that has failed meanwhile is slowed down for this email, by seconds, not locked out.
    const careless = fromAddress(newAddress());
    assertGenericFailure(await attempt(victim.email, 'a typo', careless), 'a typo');
    const slowed = await attempt(victim.email, PASSWORD, careless);
    assert.equal(slowed.status, 429);
    assert.match(visibleText(slowed.text), /Try again in (\d+ seconds|1 second|1 minute)\./);
    await sql(`UPDATE login_failures SET last_failure_at = UTC_TIMESTAMP() - INTERVAL 2 MINUTE
               WHERE scope = 'email' AND key_hash = SHA2(${lit(victim.email)}, 256)`);
    assert.equal((await attempt(victim.email, PASSWORD, careless)).status, 303, 'once the delay has passed');
  });

  test('an address failing many emails is slowed down, never locked out', async () => {
    const partner = await newPartner();
    const busy = fromAddress(newAddress());
    // Many users behind one address (a company's NAT) mistyping over the morning: counted as they would be.
    await sql(`INSERT INTO login_failures (scope, key_hash, failures, window_start, last_failure_at)
               VALUES ('addr', SHA2(${lit(busy.address)}, 256), 50, UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
    const res = await attempt(partner.email, PASSWORD, busy);
    assert.equal(res.status, 429);
    const text = visibleText(res.text);
    assert.match(text, /Try again in (\d+ seconds|1 second|1 minute)\./, 'a delay of seconds, at most a minute');
    await sql(`UPDATE login_failures SET last_failure_at = UTC_TIMESTAMP() - INTERVAL 61 SECOND
               WHERE scope = 'addr' AND key_hash = SHA2(${lit(busy.address)}, 256)`);
    assert.equal((await attempt(partner.email, PASSWORD, busy)).status, 303, 'the delay over, the right password works');
    // Another address is not slowed at all.
    assert.equal((await attempt(partner.email, PASSWORD, fromAddress(newAddress()))).status, 303);
  });
});

// "Forgot your password?" is limited per email and per address, and its
// reply never tells whether a mail went out.
describe('forgot your password', () => {
  /** Ask for a reset email from client; resolves with what the person sees. */
  async function forgot(client, address) {
    const form = await client.get('/forgot');
    const res = await client.post('/forgot', { _csrf: csrfFrom(form.text), email: address });
    const shown = await client.get(res.location);
    return { status: res.status, location: res.location, text: visibleText(shown.text) };
  }

  /** The reset emails queued for a user; each is marked delivered, so the next request may queue another. */
  async function resetMails(userId) {
    const n = await count('mail_outbox', `user_id = ${Number(userId)} AND kind = 'reset'`);
    await sql(`UPDATE mail_outbox SET state = 'sent', sent_at = UTC_TIMESTAMP() WHERE user_id = ${Number(userId)} AND kind = 'reset'`);
    return n;
  }

  test('at most 3 reset emails an hour for one email, whoever asks; the reply stays the same', async () => {
    const partner = await newPartner();
    const asker = fromAddress(newAddress());
    const replies = [];
    for (let i = 1; i <= 3; i++) {
      replies.push(await forgot(asker, partner.email));
      assert.equal(await resetMails(partner.adminId), i, `request ${i} queues an email`);
    }
    replies.push(await forgot(asker, partner.email));
    replies.push(await forgot(fromAddress(newAddress()), partner.email));
    assert.equal(await resetMails(partner.adminId), 3, 'the fourth and fifth queue nothing, from any address');
    for (const reply of replies) {
      assert.deepEqual(reply, replies[0], 'the same reply every time');
    }
    assert.equal(replies[0].status, 303);
    assert.match(replies[0].text, /If a registered account uses that address/);
    // Another email from the same address is still served.
    const other = await newPartner();
    await forgot(asker, other.email);
    assert.equal(await resetMails(other.adminId), 1);
    // An hour later the email may ask again.
    await sql(`UPDATE reset_requests SET window_start = UTC_TIMESTAMP() - INTERVAL 61 MINUTE
               WHERE scope = 'email' AND key_hash = SHA2(${lit(partner.email)}, 256)`);
    await forgot(asker, partner.email);
    assert.equal(await resetMails(partner.adminId), 4);
  });

  test('at most 20 requests an hour from one address, whatever the emails; the reply stays the same', async () => {
    const partner = await newPartner();
    const busy = fromAddress(newAddress());
    await sql(`INSERT INTO reset_requests (scope, key_hash, requests, window_start)
               VALUES ('addr', SHA2(${lit(busy.address)}, 256), 20, UTC_TIMESTAMP())`);
    const refused = await forgot(busy, partner.email);
    assert.equal(await resetMails(partner.adminId), 0, 'nothing queued past the address limit');
    const served = await forgot(fromAddress(newAddress()), partner.email);
    assert.equal(await resetMails(partner.adminId), 1, 'another address is served');
    assert.deepEqual(refused, served, 'the same reply either way');
  });
});

describe('sessions', () => {
  test('the session id is rotated at sign-in: a planted id is never adopted', async () => {
    const partner = await newPartner();
    const c = new Client();
    const planted = 'ab'.repeat(32);
    c.cookies.set('sb_session', planted);
    const res = await c.login(partner.email, PASSWORD);
    assert.equal(res.status, 303);
    const issued = c.cookies.get('sb_session');
    assert.ok(issued && issued !== planted, 'a new id is issued');
    assert.equal(await count('sessions', `id_hash = SHA2(${lit(planted)}, 256)`), 0);
  });

  test('signing in again issues a new id and ends the old session', async () => {
    const partner = await newPartner();
    const s = await signIn(partner.email);
    const first = s.cookies.get('sb_session');
    // Signed in, /login sends home; a POST /login carries the session's own token.
    const res = await s.post('/login', { email: partner.email, password: PASSWORD, _csrf: s.csrf });
    assert.equal(res.status, 303);
    const second = s.cookies.get('sb_session');
    assert.ok(second && second !== first, 'the id changed');
    const old = new Client();
    old.cookies.set('sb_session', first);
    assertToLogin(await old.get('/'), 'the old id');
    assert.equal((await s.get('/')).status, 200, 'the new id works');
  });

  test('logout destroys the session: the old cookie no longer works', async () => {
    const partner = await newPartner();
    const s = await signIn(partner.email);
    const token = s.cookies.get('sb_session');
    const res = await s.send('/logout');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/login');
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith('sb_session='));
    assert.match(cleared, /^sb_session=;.*Max-Age=0/i, 'the cookie is cleared');
    assert.equal(s.cookies.get('sb_session'), undefined);
    assert.equal(await count('sessions', `id_hash = SHA2(${lit(token)}, 256)`), 0, 'the row is gone');
    const replay = new Client();
    replay.cookies.set('sb_session', token);
    assertToLogin(await replay.get('/'), 'a replayed cookie');
    assertToLogin(await replay.get('/password'), 'a replayed cookie');
  });

  test('pages that need a session redirect to /login without one', async () => {
    const c = new Client();
    for (const path of ['/', '/password', '/accounts', '/accounts/new']) {
      assertToLogin(await c.get(path), `GET ${path}`);
    }
    assertToLogin(await c.post('/password', { current: 'x', new: 'y', confirm: 'y' }), 'POST /password');
    assertToLogin(await c.post('/logout', {}), 'POST /logout');
    const junk = new Client();
    junk.cookies.set('sb_session', 'not-a-session');
    assertToLogin(await junk.get('/'), 'a malformed cookie');
  });

  test('an idle session ends after Session.IdleMinutes, and any session after Session.AbsoluteHours', async () => {
    const partner = await newPartner();
    const idle = await signIn(partner.email);
    await sql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 31 MINUTE
               WHERE id_hash = SHA2(${lit(idle.cookies.get('sb_session'))}, 256)`);
    assertToLogin(await idle.get('/'), 'idle for 31 minutes');

    const old = await signIn(partner.email);
    await sql(`UPDATE sessions SET created_at = UTC_TIMESTAMP() - INTERVAL 13 HOUR
               WHERE id_hash = SHA2(${lit(old.cookies.get('sb_session'))}, 256)`);
    assertToLogin(await old.get('/'), 'older than 12 hours');

    const fresh = await signIn(partner.email);
    assert.equal((await fresh.get('/')).status, 200, 'a recent session still works');
  });
});

describe('CSRF', () => {
  test('POST /login is refused (403) without the token, with a wrong one, or without the cookie', async () => {
    const partner = await newPartner();
    const c = new Client();
    const page = await c.get('/login');
    const token = csrfFrom(page.text);
    for (const [what, body] of [
      ['no token', { email: partner.email, password: PASSWORD }],
      ['wrong token', { email: partner.email, password: PASSWORD, _csrf: 'f'.repeat(64) }],
      ['empty token', { email: partner.email, password: PASSWORD, _csrf: '' }],
    ]) {
      const res = await c.post('/login', body);
      assert.equal(res.status, 403, what);
      assert.ok(!c.cookies.get('sb_session'), `${what}: not signed in`);
      assert.match(visibleText(res.text), /Request refused/);
    }
    // The token without its cookie (another browser's token) is refused too.
    const stranger = new Client();
    const res = await stranger.post('/login', { email: partner.email, password: PASSWORD, _csrf: token });
    assert.equal(res.status, 403);
    // A failed CSRF check is not a failed sign-in: the right password still works.
    assert.equal((await c.login(partner.email, PASSWORD)).status, 303);
  });

  test('POST /logout is refused (403) without or with a wrong token, and the session stays', async () => {
    const partner = await newPartner();
    const s = await signIn(partner.email);
    assert.equal((await s.post('/logout', {})).status, 403);
    assert.equal((await s.post('/logout', { _csrf: '0'.repeat(64) })).status, 403);
    // Another session's token is not this session's.
    const other = await signIn(partner.email);
    assert.equal((await s.post('/logout', { _csrf: other.csrf })).status, 403);
    assert.equal((await s.get('/')).status, 200, 'still signed in');
  });

  test('the token is taken from the form body only: in the query string it is refused (403)', async () => {
    const partner = await newPartner();
    const s = await signIn(partner.email);
    const hash = await scalar(`SELECT password_hash FROM users WHERE id = ${partner.adminId}`);
    const fields = { current: PASSWORD, new: 'a brand new password', confirm: 'a brand new password' };
    const query = `?_csrf=${s.csrf}`;
    const onlyQuery = await s.post(`/password${query}`, fields);
    assert.equal(onlyQuery.status, 403, 'a token in the query string alone');
    assert.match(visibleText(onlyQuery.text), /Request refused/);
    assert.equal((await s.post(`/password${query}`, { ...fields, _csrf: s.csrf })).status, 403, 'in the query string and the body');
    assert.equal((await s.post(`/logout${query}`, {})).status, 403);
    assert.equal(await scalar(`SELECT password_hash FROM users WHERE id = ${partner.adminId}`), hash, 'unchanged');
    assert.equal((await s.get('/')).status, 200, 'still signed in');

    const c = new Client();
    const token = csrfFrom((await c.get('/login')).text);
    assert.equal((await c.post(`/login?_csrf=${token}`, { email: partner.email, password: PASSWORD })).status, 403);
    assert.ok(!c.cookies.get('sb_session'), 'not signed in');
  });

  test('POST /password is refused (403) without or with a wrong token, and the password is unchanged', async () => {
    const partner = await newPartner();
    const s = await signIn(partner.email);
    const hash = await scalar(`SELECT password_hash FROM users WHERE id = ${partner.adminId}`);
    const fields = { current: PASSWORD, new: 'a brand new password', confirm: 'a brand new password' };
    assert.equal((await s.post('/password', fields)).status, 403);
    assert.equal((await s.post('/password', { ...fields, _csrf: 'a'.repeat(64) })).status, 403);
    assert.equal(await scalar(`SELECT password_hash FROM users WHERE id = ${partner.adminId}`), hash);
  });
});

describe('change password', () => {
  test('GET /password shows the three fields', async () => {
    const { session } = await partnerSession();
    const res = await session.get('/password');
    assert.equal(res.status, 200);
    for (const name of ['current', 'new', 'confirm']) {
      assert.match(res.text, new RegExp(`name="${name}" type="password"`));
    }
  });

  test('each mistake gets its message next to its field, and nothing changes', async () => {
    const { partner, session } = await partnerSession();
    const hash = await scalar(`SELECT password_hash FROM users WHERE id = ${partner.adminId}`);
    const events = await count('events', `action = 'user.password_change' AND asset_id = ${lit(partner.adminId)}`);
    const cases = [
      [{ current: 'wrong password', new: 'long enough pw', confirm: 'long enough pw' }, 'current', 'The current password is incorrect.'],
      [{ current: PASSWORD, new: 'short', confirm: 'short' }, 'new', 'The password must have at least 8 characters.'],
      // Eight is counted in characters, not bytes: seven accented letters are too short.
      [{ current: PASSWORD, new: 'ééééééé', confirm: 'ééééééé' }, 'new', 'The password must have at least 8 characters.'],
      [{ current: PASSWORD, new: 'long enough pw', confirm: 'long enough pX' }, 'confirm', 'The passwords do not match.'],
      [{ current: '', new: '', confirm: '' }, 'current', 'The current password is incorrect.'],
    ];
    for (const [fields, field, message] of cases) {
      const res = await session.send('/password', fields);
      assert.equal(res.status, 422, `${field}: status`);
      assert.equal(fieldError(res.text, field), message, `${field}: message`);
      // Passwords are never echoed into the page.
      for (const v of Object.values(fields)) if (v) assert.ok(!res.text.includes(`value="${v}"`), 'no password echoed');
    }
    assert.equal(await scalar(`SELECT password_hash FROM users WHERE id = ${partner.adminId}`), hash, 'hash unchanged');
    assert.equal(await count('events', `action = 'user.password_change' AND asset_id = ${lit(partner.adminId)}`), events);
  });

  test('a change keeps this session, ends the others, writes an event, and only the new password works', async () => {
    const { partner, session } = await partnerSession();
    const other = await signIn(partner.email);
    const fresh = `new password ${uid()}`;
    const res = await session.send('/password', { current: PASSWORD, new: fresh, confirm: fresh });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/');
    const home = await session.get('/');
    assert.equal(home.status, 200, 'this session continues');
    assert.ok(visibleText(home.text).includes('Your password has been changed.'), 'a flash confirms it');
    const again = await session.get('/');
    assert.ok(!visibleText(again.text).includes('Your password has been changed.'), 'the flash shows once');
    assertToLogin(await other.get('/'), 'the other session');

    const [event] = await sql(`SELECT actor_user_id, actor_email, asset_type, asset_id, account_id FROM events
                               WHERE action = 'user.password_change' AND asset_id = ${lit(partner.adminId)}`);
    assert.deepEqual(event, [partner.adminId, partner.email, 'user', partner.adminId, partner.id]);
    const hash = await scalar(`SELECT password_hash FROM users WHERE id = ${partner.adminId}`);
    assert.ok(!hash.includes(fresh) && hash.startsWith('$argon2id$'), 'stored as an argon2id hash');

    assertGenericFailure(await attempt(partner.email, PASSWORD), 'the old password');
    assert.equal((await attempt(partner.email, fresh)).status, 303, 'the new password');
  });
});

describe('deactivated accounts', () => {
  test('users of a deactivated account cannot sign in, and their sessions end at deactivation', async () => {
    const { partner, session: partnerS } = await partnerSession();
    const { account, admin, session } = await adminSession(partner.id);
    assert.equal((await session.get(`/a/${account.id}/users`)).status, 200);

    const res = await partnerS.send(`/a/${account.id}/deactivate`, { confirm: 'deactivate' });
    assert.equal(res.status, 303, 'deactivated through the screen');
    assert.equal(await scalar(`SELECT status FROM accounts WHERE id = ${lit(account.id)}`), 'deactivated');
    assert.equal(await count('sessions', `user_id = ${admin.id}`), 0, 'their session rows are gone');
    assertToLogin(await session.get(`/a/${account.id}/users`), 'the admin\'s open session');
    assertGenericFailure(await attempt(admin.email, PASSWORD), 'sign-in while deactivated');

    const back = await partnerS.send(`/a/${account.id}/reactivate`, { confirm: 'reactivate' });
    assert.equal(back.status, 303, 'reactivated through the screen');
    assert.equal((await attempt(admin.email, PASSWORD)).status, 303, 'sign-in works again once reactivated');
  });

  test('a session of a deactivated account stops working even if its row survived', async () => {
    const partner = await newPartner();
    const { account, session } = await adminSession(partner.id);
    await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(account.id)}`);
    assertToLogin(await session.get(`/a/${account.id}`), 'deactivated by SQL');
    await sql(`UPDATE accounts SET status = 'active' WHERE id = ${lit(account.id)}`);
  });
});

// Keeps the Session helper honest: a token from one session is useless in another.
test('the CSRF token belongs to one session', async () => {
  const partner = await newPartner();
  const a = await signIn(partner.email);
  const b = await signIn(partner.email);
  assert.notEqual(a.csrf, b.csrf);
  const s = new Session();
  s.cookies = new Map(a.cookies);
  s.csrf = b.csrf;
  assert.equal((await s.send('/password', { current: PASSWORD, new: 'x'.repeat(10), confirm: 'x'.repeat(10) })).status, 403);
});
