// Sessions (ARCHITECTURE §3, §8): the cookie carries a random 256-bit id of
// which the database keeps only the SHA-256; the id changes at sign-in; a
// signed-in request costs one session query, which also brings the bell.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Client, sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, PASSWORD } from './lib/fixtures.js';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

test('only the hash of the session id is stored, and the id changes at sign-in', async () => {
  const partner = await newPartner('Session');
  const account = await newCustomer(partner.id);
  const user = await newUser(account.id, { role: 'account_admin' });
  const c = new Client();
  await c.get('/login');
  const before = c.cookies.get('sb_session');
  assert.equal((await c.login(user.email, PASSWORD)).status, 303);
  const token = c.cookies.get('sb_session');
  assert.match(token, /^[0-9a-f]{64}$/, 'a 256-bit random id');
  assert.notEqual(token, before);
  const rows = await sql(`SELECT id_hash, csrf_token FROM sessions WHERE user_id = ${user.id}`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0][0], sha256(token), 'the stored key is the hash of the cookie');
  const anywhere = await sql(`SELECT COUNT(*) FROM sessions WHERE id_hash = ${lit(token)} OR csrf_token = ${lit(token)}
                              OR client_addr = ${lit(token)}`);
  assert.equal(anywhere[0][0], '0', 'the id itself is stored nowhere');
  assert.equal((await c.get('/')).status, 200);
  // Signing in again from the same client replaces the old session, whose id no longer works.
  const old = c.cookies.get('sb_session');
  assert.equal((await c.login(user.email, PASSWORD)).status, 303);
  assert.notEqual(c.cookies.get('sb_session'), old);
  assert.equal((await sql(`SELECT COUNT(*) FROM sessions WHERE id_hash = ${lit(sha256(old))}`))[0][0], '0');
});
