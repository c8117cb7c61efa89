// Mitel One licences (guide §3.1.4.1; spec ch3 §4.2): a user's tier comes
// from its own pool, the features follow the tier, Remove gives the licence
// back, and a tier's pool is never over-assigned.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, scalar, signIn, visibleText } from './lib/fixtures.js';
import { billingFeed, publishOrder } from './lib/orders.js';

const configure = (who, accountId, userId, fields) => who.post(`/a/${accountId}/users/${userId}/mitel-one`,
  new URLSearchParams({ _csrf: who.csrf, ...fields }));

describe('Mitel One Configuration', () => {
  let sP, a;
  before(async () => {
    const p = await newPartner('Mitel One');
    sP = await signIn(p.email);
    const feed = billingFeed(p.id);
    a = await newCustomer(p.id);
    const number = await publishOrder(feed, { lines: [
      { product: 'Mitel One', plan: 'Essential', planCode: '54013001', quantity: 2 },
      { product: 'Mitel One', plan: 'MiVoice Office 400 UCC Premier', planCode: '54013102', quantity: 2 },
      { product: 'Mitel One', plan: 'Elite', planCode: '54013003', quantity: 1 },
    ] });
    assert.equal((await sP.post(`/orders/${number}`, new URLSearchParams({ _csrf: sP.csrf, account: a.id }))).status, 303);
  });

  test('Add Product then Complete setup: the tier and the features it includes', async () => {
    const u = await newUser(a.id);
    assert.equal((await sP.post(`/a/${a.id}/users/${u.id}/products`, new URLSearchParams({ _csrf: sP.csrf, product: 'Mitel One', action: 'add' }))).status, 303);
    const form = await sP.get(`/a/${a.id}/users/${u.id}`);
    assert.match(visibleText(form.text), /Mitel One Complete setup/);
    const page = visibleText((await sP.get(`/a/${a.id}/users/${u.id}/mitel-one`)).text);
    assert.ok(page.includes('Essential (2 available)') && page.includes('Premier (2 available)') && page.includes('Elite (1 available)'), page);
    // Essential includes Chat only: the others stay off whatever was asked
    const saved = await configure(sP, a.id, u.id, { action: 'save', tier: 'essential', chat: '1', miteam: '1', telephony: '1' });
    assert.equal(saved.status, 303, saved.text.slice(0, 300));
    assert.deepEqual((await sql(`SELECT tier, chat, miteam, telephony FROM user_mitel_one WHERE user_id = ${u.id}`))[0].map(String),
      ['essential', '1', '0', '0']);
    const details = JSON.parse(await scalar(`SELECT details FROM events WHERE account_id = ${lit(a.id)} AND asset_id = ${lit(String(u.id))} ORDER BY id DESC LIMIT 1`));
    assert.deepEqual(details.mitelOneTier, { from: '', to: 'Essential' });
    assert.match(visibleText((await sP.get(`/a/${a.id}/users/${u.id}`)).text), /Mitel One - Essential/);
  });

  test('a tier whose pool is used up is refused with how many more are needed; Remove gives the licence back', async () => {
    const first = await newUser(a.id);
    const second = await newUser(a.id);
    assert.equal((await configure(sP, a.id, first.id, { action: 'save', tier: 'elite', chat: '1', telephony: '1' })).status, 303);
    const before = await sql('SELECT COUNT(*) FROM user_mitel_one');
    const refused = await configure(sP, a.id, second.id, { action: 'save', tier: 'elite' });
    assert.equal(refused.status, 422);
    assert.match(visibleText(refused.text), /1 more license\(s\) are needed/);
    assert.deepEqual(await sql('SELECT COUNT(*) FROM user_mitel_one'), before);
    assert.equal((await configure(sP, a.id, first.id, { action: 'remove' })).status, 303);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE user_id = ${first.id}`)), 0);
    assert.equal((await configure(sP, a.id, second.id, { action: 'save', tier: 'elite' })).status, 303);
  });

  test('bad input is 422 and writes nothing', async () => {
    const u = await newUser(a.id);
    assert.equal((await configure(sP, a.id, u.id, { action: 'save', tier: 'platinum' })).status, 422);
    assert.equal((await configure(sP, a.id, u.id, { action: 'upgrade', tier: 'elite' })).status, 422);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE user_id = ${u.id}`)), 0);
  });

  test('two administrators at once never over-assign a tier', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => newUser(a.id)));
    const held = Number(await scalar(`SELECT COUNT(*) FROM user_mitel_one WHERE account_id = ${lit(a.id)} AND tier = 'premier'`));
    const results = await Promise.all(users.map(async (u) => {
      const s = await signIn((await sql(`SELECT email FROM users WHERE account_id = (SELECT partner_id FROM accounts WHERE id = ${lit(a.id)}) LIMIT 1`))[0][0]);
      return configure(s, a.id, u.id, { action: 'save', tier: 'premier', chat: '1' });
    }));
    assert.equal(results.filter((r) => r.status === 303).length, 2 - held);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_mitel_one WHERE account_id = ${lit(a.id)} AND tier = 'premier'`)), 2);
  });
});
