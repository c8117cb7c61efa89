// Users synced from a PBX on the users screens (guide §2.4 notes; ch3 §2.4):
// deleting one removes only its CloudLink login — it stays listed and a
// welcome email gives the login back — alone or from the Manage panel; and
// the fields the PBX owns are read-only in the user form.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import { eventsOf, fieldError, inputValue, lastEventId, lit, partnerSession, scalar, signIn, visibleText } from './lib/fixtures.js';
import { gatewayAccount } from './lib/gateway.js';

const PASSWORD_HASH_OF = (id) => `SELECT CONCAT(registered, ':', password_hash IS NULL) FROM users WHERE id = ${id}`;

async function pbxUsers(accountId, n) {
  return (await sql(`SELECT id, email FROM users WHERE account_id = ${lit(accountId)} AND pbx_user = 1 ORDER BY id LIMIT ${n}`))
    .map(([id, email]) => ({ id, email }));
}

/** Give a user the fixture password, as if they had registered. */
async function register(userId) {
  const hash = await scalar(`SELECT password_hash FROM users WHERE password_hash LIKE '$argon2id$%' LIMIT 1`);
  await sql(`UPDATE users SET registered = 1, password_hash = ${lit(hash)} WHERE id = ${userId}`);
}

async function sendForm(session, path, fields) {
  if (!session.csrf) await session.refreshCsrf();
  const body = new URLSearchParams({ _csrf: session.csrf });
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, String(v));
  return session.post(path, body);
}

describe('PBX users on the users screens', () => {
  test('Delete User on a PBX user removes only the login: listed still, signed out, a welcome mail away', async () => {
    const { partner, session } = await partnerSession('PBX delete');
    const a = await gatewayAccount(session, partner.id, 'connected', { pbx: { type: 'mivo400', users: 4 } });
    const [u] = await pbxUsers(a.id, 1);
    await register(u.id);
    const them = await signIn(u.email);
    const page = await session.get(`/a/${a.id}/users/${u.id}/delete`);
    assert.match(visibleText(page.text), /This user is synced from the PBX: only their CloudLink login is removed, and they stay listed\./);
    const before = await lastEventId();
    const res = await session.send(`/a/${a.id}/users/${u.id}/delete`, { confirm: 'delete' });
    assert.equal(res.status, 303);
    assert.match((await session.get(res.location)).text,
      /The user comes from the PBX: only their CloudLink login was removed\. A welcome email gives it back\./);
    assert.equal(await scalar(`SELECT COUNT(*) FROM users WHERE id = ${u.id} AND pbx_user = 1`), '1', 'still there, still synced');
    assert.equal(await scalar(PASSWORD_HASH_OF(u.id)), '0:1', 'no login');
    assert.equal(await scalar(`SELECT COUNT(*) FROM sessions WHERE user_id = ${u.id}`), '0');
    assert.equal((await them.get('/password')).status, 303, 'signed out');
    assert.deepEqual((await eventsOf(a.id, `id > ${before}`)).map((e) => e.action), ['user.login_removed']);
    const list = await session.get(`/a/${a.id}/users`);
    assert.ok(list.text.includes(u.email), 'listed');
  });

  test('the Manage panel\'s Delete removes PBX users\' logins and deletes the others', async () => {
    const { partner, session } = await partnerSession('PBX bulk delete');
    const a = await gatewayAccount(session, partner.id, 'connected', { pbx: { type: 'mxone', users: 3 } });
    const [p1, p2] = await pbxUsers(a.id, 2);
    await register(p1.id);
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered, created_at, updated_at)
      VALUES (${lit(a.id)}, 'Own', 'User', 'Own User', 'own-${p1.id}@example.com', 'user', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
    const own = await scalar(`SELECT id FROM users WHERE email = 'own-${p1.id}@example.com'`);
    const before = await lastEventId();
    const res = await sendForm(session, `/a/${a.id}/users/manage/delete`, { ids: [p1.id, p2.id, own], confirm: 'delete' });
    assert.equal(res.status, 303);
    const job = /\/jobs\/(\d+)$/.exec(res.location)[1];
    await eventually('the job ends', async () => (await scalar(`SELECT state FROM jobs WHERE id = ${job}`)) === 'done');
    assert.equal(await scalar(`SELECT COUNT(*) FROM users WHERE id IN (${p1.id}, ${p2.id}) AND pbx_user = 1`), '2', 'PBX users stay');
    assert.equal(await scalar(PASSWORD_HASH_OF(p1.id)), '0:1');
    assert.equal(await scalar(`SELECT COUNT(*) FROM users WHERE id = ${own}`), '0', 'the console\'s own user is deleted');
    assert.deepEqual((await eventsOf(a.id, `id > ${before}`))
      .map((e) => e.action).sort(), ['user.delete', 'user.login_removed', 'user.login_removed']);
  });

  test('the fields the PBX owns are read-only in the user form and stay as the PBX has them', async () => {
    const { partner, session } = await partnerSession('PBX owned');
    const a = await gatewayAccount(session, partner.id, 'connected', { pbx: { type: 'mivb', users: 3 } });
    const [u] = await pbxUsers(a.id, 1);
    const [[first, last]] = await sql(`SELECT first_name, last_name FROM users WHERE id = ${u.id}`);
    const page = await session.get(`/a/${a.id}/users/${u.id}`);
    for (const f of ['first_name', 'last_name', 'email']) {
      assert.match(page.text, new RegExp(`<input type="hidden" name="${f}"`), `${f}: not editable`);
      assert.ok(!new RegExp(`<input id="f-${f}"`).test(page.text), `${f}: no input`);
    }
    assert.equal((visibleText(page.text).match(/Synced from the PBX: change it there\./g) ?? []).length, 3);
    assert.equal(inputValue(page.text, 'mobile'), '', 'the mobile number is the console\'s');
    const res = await session.send(`/a/${a.id}/users/${u.id}`, { first_name: 'Changed', last_name: 'Here', name: 'Nickname',
      email: 'changed@example.com', mobile: '+14155550100', role: 'user' });
    assert.equal(res.status, 303, fieldError(res.text, 'email') ?? '');
    assert.deepEqual(await sql(`SELECT first_name, last_name, email, name, mobile FROM users WHERE id = ${u.id}`),
      [[first, last, u.email, 'Nickname', '+14155550100']]);
  });
});
