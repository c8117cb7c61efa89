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

describe('Bulk User Settings → Mitel One', () => {
  let sP, a, users;
  const bulk = (fields, ids = users.slice(0, 2).map((u) => u.id)) => {
    const body = new URLSearchParams({ _csrf: sP.csrf, scope: 'selected', ...fields });
    for (const id of ids) body.append('ids', String(id));
    return sP.post(`/a/${a.id}/users/manage/mitel-one`, body);
  };
  before(async () => {
    const p = await newPartner('Bulk Mitel One');
    sP = await signIn(p.email);
    const feed = billingFeed(p.id);
    a = await newCustomer(p.id);
    const number = await publishOrder(feed, { lines: [
      { product: 'Mitel One', plan: 'Essential', planCode: '54013001', quantity: 40 },
      { product: 'Mitel One', plan: 'Premier', planCode: '54013002', quantity: 2 },
      { product: 'Mitel One', plan: 'Elite', planCode: '54013003', quantity: 1 },
    ] });
    assert.equal((await sP.post(`/orders/${number}`, new URLSearchParams({ _csrf: sP.csrf, account: a.id }))).status, 303);
    users = [];
    for (let i = 0; i < 3; i++) users.push(await newUser(a.id));
  });

  test('the dialog counts the pools and offers only the tiers the selection fits', async () => {
    const query = users.slice(0, 2).map((u) => `ids=${u.id}`).join('&');
    const res = await sP.get(`/a/${a.id}/users/manage/mitel-one?scope=selected&${query}`);
    assert.equal(res.status, 200);
    const text = visibleText(res.text);
    assert.ok(text.includes('Available licenses: (43): Elite (1), Premier (2), Essential (40)'), text);
    assert.ok(text.includes('Selected licenses: (0): Elite (0), Premier (0), Essential (0)'));
    assert.match(res.text, /<option value="premier"/);
    assert.doesNotMatch(res.text, /<option value="elite"/, 'Elite has 1 licence for 2 users');
    assert.match(visibleText((await sP.get(`/a/${a.id}/users/manage?scope=selected&${query}`)).text), /Bulk User Settings/);
  });

  test('Save runs a job: the tier and the features for each selected user, with an event each', async () => {
    const res = await bulk({ tier: 'premier', chat: 'enable', miteam: 'disable', telephony: 'enable' });
    assert.equal(res.status, 303, res.text.slice(0, 300));
    assert.match(res.location, new RegExp(`^/a/${a.id}/jobs/\\d+$`));
    const rows = await sql(`SELECT tier, chat, miteam, telephony FROM user_mitel_one WHERE user_id IN (${users[0].id}, ${users[1].id})`);
    assert.deepEqual(rows.map((r) => r.map(String)), [['premier', '1', '0', '0'], ['premier', '1', '0', '0']]);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE account_id = ${lit(a.id)} AND product = 'Mitel One'`)), 2);
    assert.ok(visibleText((await sP.get(res.location)).text).includes('Mitel One licenses'));
  });

  test('a tier the selection does not fit is refused with how many more are needed; Unassign all gives the licences back', async () => {
    const before = await sql('SELECT COUNT(*) FROM jobs');
    const res = await bulk({ tier: 'elite' });
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text), /1 more license\(s\) are needed/);
    assert.deepEqual(await sql('SELECT COUNT(*) FROM jobs'), before);
    assert.equal((await bulk({ tier: 'banana' })).status, 422);
    assert.equal((await bulk({ tier: 'leave', chat: 'maybe' })).status, 422);
    // the two users holding Premier fit it still: no licence is free, but theirs count
    assert.equal((await bulk({ tier: 'premier', miteam: 'enable' })).status, 303);
    assert.deepEqual((await sql(`SELECT miteam FROM user_mitel_one WHERE user_id = ${users[0].id}`))[0].map(String), ['1']);
    assert.equal((await bulk({ tier: 'none' })).status, 303);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_mitel_one WHERE account_id = ${lit(a.id)}`)), 0);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE account_id = ${lit(a.id)}`)), 0);
  });

  test('every user of the account at once runs in syncd', async () => {
    for (let i = 0; i < 12; i++) users.push(await newUser(a.id));
    const body = new URLSearchParams({ _csrf: sP.csrf, scope: 'all', tier: 'essential' });
    const res = await sP.post(`/a/${a.id}/users/manage/mitel-one`, body);
    assert.equal(res.status, 303, res.text.slice(0, 300));
    const job = /jobs\/(\d+)$/.exec(res.location)[1];
    const { eventually } = await import('./lib/mail.js');
    await eventually('the job is done', async () => (await scalar(`SELECT state FROM jobs WHERE id = ${job}`)) === 'done');
    const users15 = Number(await scalar(`SELECT COUNT(*) FROM users WHERE account_id = ${lit(a.id)}`));
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_mitel_one WHERE account_id = ${lit(a.id)} AND tier = 'essential'`)), users15);
  });
});

describe('The Users page and Mitel One', () => {
  test('the account\'s Mitel One licences by tier, and each user\'s Available feature drop-down', async () => {
    const p = await newPartner('Mitel One list');
    const sP = await signIn(p.email);
    const a = await newCustomer(p.id);
    assert.doesNotMatch(visibleText((await sP.get(`/a/${a.id}/users`)).text), /Mitel One licenses/, 'no pool, no summary');
    const number = await publishOrder(billingFeed(p.id), { lines: [
      { product: 'Mitel One', plan: 'Essential', planCode: '54013001', quantity: 4 },
      { product: 'Mitel One', plan: 'Premier', planCode: '54013002', quantity: 3 },
      { product: 'Mitel One', plan: 'Elite', planCode: '54013003', quantity: 2 },
    ] });
    assert.equal((await sP.post(`/orders/${number}`, new URLSearchParams({ _csrf: sP.csrf, account: a.id }))).status, 303);
    const premier = await newUser(a.id, { last: 'Premier' });
    const elite = await newUser(a.id, { last: 'Elite' });
    const none = await newUser(a.id, { last: 'Nothing' });
    assert.equal((await configure(sP, a.id, premier.id, { action: 'save', tier: 'premier', chat: '1' })).status, 303);
    assert.equal((await configure(sP, a.id, elite.id, { action: 'save', tier: 'elite', chat: '1', miteam: '1', telephony: '1' })).status, 303);

    const page = await sP.get(`/a/${a.id}/users`);
    const text = visibleText(page.text);
    assert.ok(text.includes('Mitel One licenses'), text.slice(0, 400));
    assert.ok(text.includes('Available licenses: (7): Elite (1), Premier (2), Essential (4)'), text);
    assert.ok(text.includes('Assigned licenses: (2): Elite (1), Premier (1), Essential (0)'), text);
    const row = (u) => visibleText(page.text.split('<tr').find((r) => r.includes(u.email)) ?? '');
    assert.match(row(premier), /Mitel One \(Premier\)\s*Available feature\s*Chat: Enabled\s*MiTeam Meetings: Disabled\s*Telephony: Disabled/);
    assert.match(row(elite), /Mitel One \(Elite\)\s*Available feature\s*Chat: Enabled\s*MiTeam Meetings: Enabled\s*Telephony: Enabled/);
    assert.doesNotMatch(row(none), /Available feature/);

    // A feature switched off shows as such.
    assert.equal((await configure(sP, a.id, elite.id, { action: 'save', tier: 'elite', chat: '1', telephony: '1' })).status, 303);
    const again = (await sP.get(`/a/${a.id}/users`)).text;
    assert.match(visibleText(again.split('<tr').find((r) => r.includes(elite.email))), /MiTeam Meetings: Disabled\s*Telephony: Enabled/);
  });
});
