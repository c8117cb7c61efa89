import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/stack.js';

test('GET /login serves the sign-in form', async () => {
  const res = await new Client().get('/login');
  assert.equal(res.status, 200);
  assert.match(res.text, /<form/);
});
