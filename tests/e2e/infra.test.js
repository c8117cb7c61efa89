// The serving infrastructure, against the check stack's real processes:
// hostile form bodies answered at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfFrom } from './lib/stack.js';
import { forgetAddressFailures } from './lib/fixtures.js';

test('a form body of one name repeated 80,000 times is refused at once (400)', async () => {
  const c = new Client();
  const page = await c.get('/login');
  const body = `_csrf=${csrfFrom(page.text)}&${'a=1&'.repeat(80000)}email=x%40example.com&password=x`;
  assert.ok(body.length > 320000);
  const res = await c.post('/login', body, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.status, 400);
  // The worker is free again: the next request is served.
  assert.equal((await c.get('/login')).status, 200);
});

test('a form with many repeated names under the cap is processed as usual', async () => {
  const c = new Client();
  const page = await c.get('/login');
  const body = `_csrf=${csrfFrom(page.text)}&${'ids=1&'.repeat(1500)}email=nobody-${Date.now()}%40example.com&password=wrong-password`;
  const res = await c.post('/login', body, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  // The sign-in form comes back with its generic message: parsed, not refused.
  assert.notEqual(res.status, 400);
  assert.ok(res.status < 500, `status ${res.status}`);
  assert.match(res.text, /<form/);
  await forgetAddressFailures();
});
