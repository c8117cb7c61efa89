// Sessions (ARCHITECTURE §3, §8): the cookie carries a random 256-bit id of
// which the database keeps only the SHA-256; a planted id is never adopted at
// sign-in; signing out ends the session for good.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Client, csrfFrom, sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, PASSWORD } from './lib/fixtures.js';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

test('only the hash of the session id is stored, a planted id is not adopted, and sign-out ends it', async () => {
  const partner = await newPartner('Session');
  const account = await newCustomer(partner.id);
  const user = await newUser(account.id, { role: 'account_admin' });
  const c = new Client();
  await c.get('/login');
  // A session id planted before sign-in (fixation) is not the one the sign-in gives.
  const planted = 'a'.repeat(64);
  c.cookies.set('sb_session', planted);
  assert.equal((await c.login(user.email, PASSWORD)).status, 303);
  const token = c.cookies.get('sb_session');
  assert.match(token, /^[0-9a-f]{64}$/, 'a 256-bit random id');
  assert.notEqual(token, planted);
  const rows = await sql(`SELECT id_hash, csrf_token FROM sessions WHERE user_id = ${user.id}`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0][0], sha256(token), 'the stored key is the hash of the cookie');
  const anywhere = await sql(`SELECT COUNT(*) FROM sessions WHERE id_hash IN (${lit(token)}, ${lit(planted)}, ${lit(sha256(planted))})
                              OR csrf_token = ${lit(token)}`);
  assert.equal(anywhere[0][0], '0', 'neither the id itself nor the planted one is stored');
  assert.equal((await c.get('/password')).status, 200, 'signed in');
  // Signing out ends it: the id no longer works, and its row is gone.
  assert.equal((await c.post('/logout', { _csrf: csrfFrom((await c.get('/password')).text) })).status, 303);
  assert.equal((await sql(`SELECT COUNT(*) FROM sessions WHERE id_hash = ${lit(sha256(token))}`))[0][0], '0');
  c.cookies.set('sb_session', token);
  assert.equal((await c.get('/password')).status, 303, 'the old id is signed out');
});
