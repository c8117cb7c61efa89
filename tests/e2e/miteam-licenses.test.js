// MiTeam Meetings per user (guide §3.1.5.1; spec ch3 §4.3): the user form's
// toggle hands out a licence from the account's pool while the integration
// is on and MiCollab is not integrated; a used-up pool disables it with
// "Licenses not available"; with the integration off it reads "No
// Licenses"; under MiCollab it is read-only and says MiCollab assigns it.
// Switching MiTeam Meetings off outside MiCollab takes the licences back;
// under MiCollab, and when MiCollab goes after it, they stay.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, scalar, signIn, visibleText } from './lib/fixtures.js';
import { billingFeed, publishOrder } from './lib/orders.js';

const MITEAM = { product: 'MiTeam Meetings', plan: 'MiTeam Meetings Pack', planCode: '54011020' };

/** A customer account with a pool of n MiTeam Meetings licences, and the partner's session. */
async function poolOf(n, label) {
  const p = await newPartner(label);
  const sP = await signIn(p.email);
  const a = await newCustomer(p.id);
  const number = await publishOrder(billingFeed(p.id), { lines: [{ ...MITEAM, quantity: n }] });
  assert.equal((await sP.post(`/orders/${number}`, new URLSearchParams({ _csrf: sP.csrf, account: a.id }))).status, 303);
  return { p, sP, a };
}

const send = (who, path, fields) => who.post(path, new URLSearchParams({ _csrf: who.csrf, ...fields }));
const integration = (w, kind) => send(w.sP, `/a/${w.a.id}/integrations/add`, { kind });
const turn = (w, kind, on) => send(w.sP, `/a/${w.a.id}/integrations/switch`, on ? { kind, on: '1' } : { kind });
const toggle = (w, userId, on, who = w.sP) => send(who, `/a/${w.a.id}/users/${userId}/products`,
  { product: 'MiTeam Meetings', action: on ? 'add' : 'remove' });
const holds = async (userId) => Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE user_id = ${userId} AND product = 'MiTeam Meetings'`));

/** The MiTeam Meetings row of the user form: its text and its switch. */
async function miteamRow(w, userId) {
  const html = (await w.sP.get(`/a/${w.a.id}/users/${userId}`)).text;
  const start = html.indexOf('id="miteam-license"');
  assert.ok(start > 0, 'the form has the MiTeam Meetings row');
  const row = html.slice(start, html.indexOf('</section>', start));
  const button = row.match(/<button[^>]*class="switch"[^>]*>/)?.[0] ?? '';
  return { text: visibleText(row), button, on: /aria-checked="true"/.test(button), disabled: /\bdisabled\b/.test(button),
    posts: /action="[^"]*\/products"/.test(row) };
}

describe('MiTeam Meetings on the user form', () => {
  test('standalone: the toggle hands out and takes back a licence, one transaction and event each; a used-up pool disables it', async () => {
    const w = await poolOf(1, 'MiTeam standalone');
    assert.equal((await integration(w, 'miteam')).status, 303);
    const first = await newUser(w.a.id);
    const second = await newUser(w.a.id);

    let row = await miteamRow(w, first.id);
    assert.ok(!row.on && !row.disabled && row.posts, row.button);
    const on = await toggle(w, first.id, true);
    assert.equal(on.status, 303, on.text.slice(0, 300));
    assert.equal(await holds(first.id), 1);
    const event = JSON.parse(await scalar(`SELECT details FROM events WHERE account_id = ${lit(w.a.id)} AND action = 'user.update' AND asset_id = ${lit(String(first.id))} ORDER BY id DESC LIMIT 1`));
    assert.deepEqual(event.licenses, { from: '', to: 'MiTeam Meetings' });
    row = await miteamRow(w, first.id);
    assert.ok(row.on && !row.disabled && row.posts, row.button);

    // The pool's one licence is held: the other user's toggle is disabled, and posting anyway is refused.
    row = await miteamRow(w, second.id);
    assert.ok(!row.on && row.disabled && !row.posts && row.text.includes('Licenses not available'), row.text);
    const before = await sql('SELECT COUNT(*) FROM user_licenses');
    const refused = await toggle(w, second.id, true);
    assert.equal(refused.status, 422);
    assert.match(visibleText(refused.text), /1 more license\(s\) are needed/);
    assert.deepEqual(await sql('SELECT COUNT(*) FROM user_licenses'), before);

    const off = await toggle(w, first.id, false);
    assert.equal(off.status, 303);
    assert.equal(await holds(first.id), 0);
    assert.equal(Number(await scalar(`SELECT holders FROM account_products WHERE account_id = ${lit(w.a.id)} AND product = 'MiTeam Meetings'`)), 0);
  });

  test('several administrators at once never hand out more than the pool', async () => {
    const w = await poolOf(2, 'MiTeam concurrent');
    assert.equal((await integration(w, 'miteam')).status, 303);
    const users = await Promise.all(Array.from({ length: 6 }, () => newUser(w.a.id)));
    const sessions = await Promise.all(users.map(() => signIn(w.p.email)));
    const statuses = (await Promise.all(users.map((u, i) => toggle(w, u.id, true, sessions[i])))).map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 303).length, 2, statuses.join());
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE account_id = ${lit(w.a.id)}`)), 2);
  });

  test('integration off: No Licenses, nothing handed out; switching it off outside MiCollab took the licences back', async () => {
    const w = await poolOf(3, 'MiTeam off');
    const u = await newUser(w.a.id);
    // Not added at all: the product exists, the integration does not.
    assert.equal((await toggle(w, u.id, true)).status, 422);
    assert.equal(await holds(u.id), 0);
    assert.equal((await integration(w, 'miteam')).status, 303);
    assert.equal((await toggle(w, u.id, true)).status, 303);

    assert.equal((await turn(w, 'miteam', false)).status, 303);
    assert.equal(await holds(u.id), 0, 'MiTeam off after (without) MiCollab: its licences go');
    const ev = JSON.parse(await scalar(`SELECT details FROM events WHERE account_id = ${lit(w.a.id)} AND action = 'integration.disable' ORDER BY id DESC LIMIT 1`));
    assert.deepEqual(ev['miteam.userLicenses'], { from: '1', to: '0' });
    const row = await miteamRow(w, u.id);
    assert.ok(row.text.includes('No Licenses') && !row.button, row.text);
    const dialog = visibleText((await w.sP.get(`/a/${w.a.id}/users/${u.id}/products`)).text);
    assert.match(dialog, /MiTeam Meetings\s*No Licenses/);
    const refused = await toggle(w, u.id, true);
    assert.equal(refused.status, 422);
    assert.match(visibleText(refused.text), /The MiTeam Meetings integration is off in this account/);
    assert.equal(await holds(u.id), 0);

    // Removed while on, MiCollab absent: the same.
    assert.equal((await turn(w, 'miteam', true)).status, 303);
    assert.equal((await toggle(w, u.id, true)).status, 303);
    assert.equal((await send(w.sP, `/a/${w.a.id}/integrations/remove`, { kind: 'miteam' })).status, 303);
    assert.equal(await holds(u.id), 0, 'removing MiTeam Meetings took its licences back');
  });

  test('under MiCollab: read-only, MiCollab assigns; MiTeam off keeps the licences, and so does MiCollab off after it', async () => {
    const w = await poolOf(3, 'MiTeam MiCollab');
    assert.equal((await integration(w, 'miteam')).status, 303);
    const holder = await newUser(w.a.id);
    const other = await newUser(w.a.id);
    assert.equal((await toggle(w, holder.id, true)).status, 303);
    assert.equal((await integration(w, 'micollab')).status, 303);

    let row = await miteamRow(w, holder.id);
    assert.ok(row.on && row.disabled && !row.posts && /aria-readonly="true"/.test(row.button), row.button);
    assert.ok(row.text.includes('Use MiCollab to assign a license to the user.'), row.text);
    row = await miteamRow(w, other.id);
    assert.ok(row.text.includes('No Licenses') && row.text.includes('Use MiCollab to assign a license to the user.') && !row.button, row.text);
    // Neither given nor taken here.
    assert.equal((await toggle(w, other.id, true)).status, 422);
    const refused = await toggle(w, holder.id, false);
    assert.equal(refused.status, 422);
    assert.match(visibleText(refused.text), /MiCollab assigns this product's licenses in this account/);
    assert.equal(await holds(holder.id), 1);

    assert.equal((await turn(w, 'miteam', false)).status, 303);
    assert.equal(await holds(holder.id), 1, 'MiTeam off while MiCollab is on: the licences stay');
    assert.equal((await turn(w, 'micollab', false)).status, 303);
    assert.equal(await holds(holder.id), 1, 'MiCollab off after MiTeam off: the licences stay');
  });

  test('without its CSRF token, or from another partner, nothing changes', async () => {
    const w = await poolOf(2, 'MiTeam guard');
    assert.equal((await integration(w, 'miteam')).status, 303);
    const u = await newUser(w.a.id);
    const bare = await w.sP.post(`/a/${w.a.id}/users/${u.id}/products`, new URLSearchParams({ product: 'MiTeam Meetings', action: 'add' }));
    assert.equal(bare.status, 403);
    const other = await signIn((await newPartner('MiTeam other')).email);
    assert.equal((await toggle({ sP: other, a: w.a }, u.id, true, other)).status, 404);
    assert.equal((await other.get(`/a/${w.a.id}/users/${u.id}`)).status, 404);
    assert.equal(await holds(u.id), 0);
  });
});
