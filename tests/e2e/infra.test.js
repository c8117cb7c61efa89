// The serving infrastructure, against the check stack's real processes:
// templates parsed once per worker yet re-read when an administrator edits
// an included one, hostile form bodies answered at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Client, csrfFrom, stackDir } from './lib/stack.js';
import { forgetAddressFailures } from './lib/fixtures.js';

test('an edited included template shows on the next request, and goes when removed', async () => {
  const c = new Client();
  const before = await c.get('/login');
  assert.equal(before.status, 200);
  assert.doesNotMatch(before.text, /Footer override/);
  // Every worker has this page parsed by now (one request each is not
  // guaranteed, so ask a few times): the override must still be noticed.
  for (let i = 0; i < 4; i++) assert.equal((await c.get('/login')).status, 200);
  const file = `${stackDir}/templates/footer.cs`;
  mkdirSync(`${stackDir}/templates`, { recursive: true });
  writeFileSync(file, '<footer class="footer">Footer override one</footer>\n');
  try {
    for (let i = 0; i < 4; i++) {
      const res = await c.get('/login');
      assert.equal(res.status, 200);
      assert.match(res.text, /Footer override one/);
    }
    // Edited again in place: the new text, on every worker.
    writeFileSync(file, '<footer class="footer">Footer override two, longer</footer>\n');
    for (let i = 0; i < 4; i++) assert.match((await c.get('/login')).text, /Footer override two, longer/);
  } finally {
    rmSync(file);
  }
  for (let i = 0; i < 4; i++) assert.doesNotMatch((await c.get('/login')).text, /Footer override/);
});

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
