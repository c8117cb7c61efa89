// Products and licenses of a user (guide §2.4, §3.1.4.1, §3.1.5.1; spec
// ch2 §4.3): Add Product offers the account's subscribed products; a licence
// comes from its pool, never more than the pool holds — not even with
// several administrators at once (the pool's row is locked) — and the users
// list's LICENSES column, Products filter and the Subscriptions panel agree.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, scalar, signIn, visibleText } from './lib/fixtures.js';
import { billingFeed, publishOrder } from './lib/orders.js';

const product = (who, accountId, userId, fields) => who.post(`/a/${accountId}/users/${userId}/products`,
  new URLSearchParams({ _csrf: who.csrf, ...fields }));

async function accountWith(lines, { label = 'Licences' } = {}) {
  const p = await newPartner(label);
  const sP = await signIn(p.email);
  const feed = billingFeed(p.id);
  const a = await newCustomer(p.id);
  const number = await publishOrder(feed, { lines });
  const res = await sP.post(`/orders/${number}`, new URLSearchParams({ _csrf: sP.csrf, account: a.id }));
  assert.equal(res.status, 303);
  return { p, sP, a };
}

describe('Products and licenses', () => {
  let w;
  before(async () => {
    w = await accountWith([
      { product: 'Mitel One', plan: 'Premier', planCode: '54013002', quantity: 2 },
      { product: 'MiTeam Meetings', plan: 'MiTeam Meetings Pack', planCode: '54011020', quantity: 1 },
    ]);
    // MiTeam Meetings' licences are handed out while its integration is on (guide §3.1.5.1).
    assert.equal((await w.sP.post(`/a/${w.a.id}/integrations/add`, new URLSearchParams({ _csrf: w.sP.csrf, kind: 'miteam' }))).status, 303);
  });

  test('a user without licences reads No Licenses; Add Product lists the account\'s products', async () => {
    const u = await newUser(w.a.id);
    const form = visibleText((await w.sP.get(`/a/${w.a.id}/users/${u.id}`)).text);
    assert.ok(form.includes('Products and licenses') && form.includes('No Licenses') && form.includes('+ Add Product'));
    const dialog = await w.sP.get(`/a/${w.a.id}/users/${u.id}/products`);
    assert.equal(dialog.status, 200);
    const text = visibleText(dialog.text);
    assert.ok(text.includes('Mitel One') && text.includes('MiTeam Meetings'));
    assert.match(dialog.text, /aria-label="Add Mitel One"/);
  });

  test('adding and removing a product writes the licence and its event; the list, its filter and the panel agree', async () => {
    const u = await newUser(w.a.id, { last: 'Licensed' });
    const added = await product(w.sP, w.a.id, u.id, { product: 'Mitel One', action: 'add' });
    assert.equal(added.status, 303, added.text.slice(0, 300));
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE user_id = ${u.id} AND product = 'Mitel One'`)), 1);
    const event = JSON.parse(await scalar(`SELECT details FROM events WHERE account_id = ${lit(w.a.id)} AND action = 'user.update' AND asset_id = ${lit(String(u.id))} ORDER BY id DESC LIMIT 1`));
    assert.deepEqual(event.licenses, { from: '', to: 'Mitel One' });
    const list = await w.sP.get(`/a/${w.a.id}/users?product=${encodeURIComponent('Mitel One')}`);
    const row = list.text.split('<tr').find((r) => r.includes(u.email)) ?? '';
    assert.ok(visibleText(row).includes('Mitel One'), 'the LICENSES column');
    assert.match(list.text, /<option value="Mitel One" selected>/, 'the Products filter offers it');
    assert.ok(visibleText((await w.sP.get(`/a/${w.a.id}/subscriptions`)).text).includes('Mitel One - Premier - 1 assigned of 2 license(s)'));

    const removed = await product(w.sP, w.a.id, u.id, { product: 'Mitel One', action: 'remove' });
    assert.equal(removed.status, 303);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE user_id = ${u.id}`)), 0);
  });

  test('a used-up pool says Licenses not available, and adding says how many more are needed, writing nothing', async () => {
    const first = await newUser(w.a.id);
    const second = await newUser(w.a.id);
    assert.equal((await product(w.sP, w.a.id, first.id, { product: 'MiTeam Meetings', action: 'add' })).status, 303);
    const dialog = visibleText((await w.sP.get(`/a/${w.a.id}/users/${second.id}/products`)).text);
    assert.ok(dialog.includes('Licenses not available'));
    const before = await sql('SELECT COUNT(*) FROM user_licenses');
    const res = await product(w.sP, w.a.id, second.id, { product: 'MiTeam Meetings', action: 'add' });
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text), /1 more license\(s\) are needed/);
    assert.deepEqual(await sql('SELECT COUNT(*) FROM user_licenses'), before);
  });

  test('bad input, a product the account lacks, and another partner are refused', async () => {
    const u = await newUser(w.a.id);
    assert.equal((await product(w.sP, w.a.id, u.id, { product: 'Mitel One', action: 'steal' })).status, 422);
    assert.equal((await product(w.sP, w.a.id, u.id, { product: 'Zoom Hybrid', action: 'add' })).status, 422);
    assert.equal((await product(w.sP, w.a.id, u.id, { product: '', action: 'add' })).status, 422);
    const other = await signIn((await newPartner('Licences other')).email);
    assert.equal((await other.get(`/a/${w.a.id}/users/${u.id}/products`)).status, 404);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE user_id = ${u.id}`)), 0);
  });

  test('MiTeam Meetings under MiCollab is MiCollab\'s to assign', async () => {
    const m = await accountWith([{ product: 'MiTeam Meetings', plan: 'MiTeam Meetings Pack', planCode: '54011020', quantity: 5 }], { label: 'MiCollab' });
    await sql(`INSERT INTO account_integrations (account_id, kind, state, added_at, updated_at)
               VALUES (${lit(m.a.id)}, 'micollab', 'enabled', UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
    const u = await newUser(m.a.id);
    assert.ok(visibleText((await m.sP.get(`/a/${m.a.id}/users/${u.id}/products`)).text).includes('Use MiCollab to assign a license to the user.'));
    assert.equal((await product(m.sP, m.a.id, u.id, { product: 'MiTeam Meetings', action: 'add' })).status, 422);
  });

  test('MiTeam Meetings\' Optional Waiting Room is saved once "confirm" is typed', async () => {
    const m = await accountWith([{ product: 'MiTeam Meetings', plan: 'MiTeam Meetings Pack', planCode: '54011020', quantity: 5 }], { label: 'Waiting room' });
    assert.equal((await m.sP.get(`/a/${m.a.id}/integrations/miteam`)).status, 404, 'not before the integration is added');
    const added = await m.sP.post(`/a/${m.a.id}/integrations/add`, new URLSearchParams({ _csrf: m.sP.csrf, kind: 'miteam' }));
    assert.equal(added.status, 303);
    const page = visibleText((await m.sP.get(`/a/${m.a.id}/integrations/miteam`)).text);
    assert.ok(page.includes('Optional Waiting Room') && page.includes('Type confirm in the box below to continue.') && page.includes('Remove'));
    const save = (confirm) => m.sP.post(`/a/${m.a.id}/integrations/miteam`, new URLSearchParams({ _csrf: m.sP.csrf, waiting_room: '1', confirm }));
    assert.equal((await save('yes')).status, 422);
    assert.equal(String(await scalar(`SELECT miteam_waiting_room FROM account_policy WHERE account_id = ${lit(m.a.id)}`) ?? '0'), '0');
    assert.equal((await save('confirm')).status, 303);
    assert.equal(String(await scalar(`SELECT miteam_waiting_room FROM account_policy WHERE account_id = ${lit(m.a.id)}`)), '1');
    const event = JSON.parse(await scalar(`SELECT details FROM events WHERE account_id = ${lit(m.a.id)} AND action = 'integration.update' ORDER BY id DESC LIMIT 1`));
    assert.deepEqual(event['miteam.optionalWaitingRoom'], { from: 'off', to: 'on' });
  });

  test('several administrators at once never over-assign a pool', async () => {
    const c = await accountWith([{ product: 'Zoom Hybrid', plan: 'hMitel Indirect', planCode: '5401484', quantity: 3 }], { label: 'Concurrent' });
    const users = await Promise.all(Array.from({ length: 10 }, () => newUser(c.a.id)));
    const sessions = await Promise.all(users.map(() => signIn(c.p.email)));
    const results = await Promise.all(users.map((u, i) => product(sessions[i], c.a.id, u.id, { product: 'Zoom Hybrid', action: 'add' })));
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 303).length, 3, statuses.join());
    assert.equal(statuses.filter((s) => s === 422).length, 7, statuses.join());
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE account_id = ${lit(c.a.id)}`)), 3);
    assert.equal(Number(await scalar(`SELECT holders FROM account_products WHERE account_id = ${lit(c.a.id)} AND product = 'Zoom Hybrid'`)), 3);
  });
});
