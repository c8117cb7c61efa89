// The Subscriptions panel (guide §2.7; spec ch2 §4): an account's assigned
// orders grouped per product and plan with "N assigned of M license(s)", at
// the bottom of Account Information and under Billing → Subscriptions; Add
// Order for the partner; none without a billing account; and the warning of
// guide §2.3 fired by a real subscription.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { config, consoleBin, sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, signIn, visibleText } from './lib/fixtures.js';
import { billingFeed, publishOrder } from './lib/orders.js';

async function assign(session, number, accountId) {
  const res = await session.post(`/orders/${number}`, new URLSearchParams({ _csrf: session.csrf, account: accountId }));
  assert.equal(res.status, 303, `assign ${number} (${res.status})`);
}

describe('the Subscriptions panel', () => {
  let p, sP, feed, a;
  before(async () => {
    p = await newPartner('Subscriptions');
    sP = await signIn(p.email);
    feed = billingFeed(p.id);
    a = await newCustomer(p.id);
    await assign(sP, await publishOrder(feed), a.id);
    await assign(sP, await publishOrder(feed, { lines: [
      { product: 'Workflow Studio', plan: 'WorkflowStudio_Premier_Free', planCode: '54019081', planDetails: 'Premier free tier', quantity: 1 },
      { product: 'Workflow Studio', plan: 'WorkflowStudio_Essential_Free', planCode: '54019078', quantity: 1 },
    ] }), a.id);
  });

  test('groups per product and plan, with the licences users hold', async () => {
    const res = await sP.get(`/a/${a.id}/subscriptions`);
    assert.equal(res.status, 200);
    const text = visibleText(res.text);
    assert.ok(text.includes('Zoom Hybrid - hMitel Indirect - 0 assigned of 2 license(s)'), text);
    assert.ok(text.includes('Workflow Studio - 2 license(s)'));
    assert.ok(text.includes('WorkflowStudio_Premier_Free - 1 license(s)') && text.includes('WorkflowStudio_Essential_Free - 1 license(s)'));
    for (const col of ['SUBSCRIPTION NUMBER', 'DETAILS', 'LICENSES', 'START DATE']) assert.ok(text.includes(col), col);
    assert.ok(text.includes('Zoom Hybrid: 5401484') && text.includes('Workflow Studio: 54019081'));
    assert.match(res.text, /title="Premier free tier"/, 'the plan details on the info icon');
    assert.ok(text.includes('Entitlements: Essential 100, Premier 100 interactions'), 'Workflow Studio\'s entitlements from its SKUs');

    const user = await newUser(a.id);
    await sql(`INSERT INTO user_licenses (account_id, user_id, product) VALUES (${lit(a.id)}, ${user.id}, 'Zoom Hybrid')`);
    assert.ok(visibleText((await sP.get(`/a/${a.id}/subscriptions`)).text).includes('Zoom Hybrid - hMitel Indirect - 1 assigned of 2 license(s)'));
  });

  test('sits at the bottom of Account Information with Add Order, which leads to the unassigned orders for this account', async () => {
    const res = await sP.get(`/a/${a.id}/info`);
    const text = visibleText(res.text);
    assert.ok(text.lastIndexOf('Subscriptions') > text.indexOf('Integrations'));
    assert.match(res.text, new RegExp(`href="/orders\\?filter=unassigned&amp;for=${a.id}"[^>]*>Add Order`));
    const orders = visibleText((await sP.get(`/orders?filter=unassigned&for=${a.id}`)).text);
    assert.ok(orders.includes(a.name));
  });

  test('a real subscription without its integration shows the warning on Account Information', async () => {
    const text = visibleText((await sP.get(`/a/${a.id}/info`)).text);
    assert.ok(text.includes('There is a Zoom Hybrid subscription assigned to this account but the integration is not enabled'), text.slice(0, 2000));
  });

  test('the Account Admin sees it without Add Order; another partner does not reach it', async () => {
    const admin = await newUser(a.id, { role: 'account_admin' });
    const sA = await signIn(admin.email);
    const res = await sA.get(`/a/${a.id}/subscriptions`);
    assert.equal(res.status, 200);
    assert.ok(visibleText(res.text).includes('0 assigned of 2 license(s)') || visibleText(res.text).includes('1 assigned of 2 license(s)'));
    assert.doesNotMatch(res.text, />Add Order</);
    const other = await signIn((await newPartner('Subscriptions other')).email);
    assert.equal((await other.get(`/a/${a.id}/subscriptions`)).status, 404);
  });

  test('a partner without a billing account has no Subscriptions panel', async () => {
    const q = await newPartner('No billing');
    const sQ = await signIn(q.email);
    const b = await newCustomer(q.id);
    const info = visibleText((await sQ.get(`/a/${b.id}/info`)).text);
    assert.ok(!info.includes('Add Order') && !info.includes('SUBSCRIPTION NUMBER'));
    assert.ok(visibleText((await sQ.get(`/a/${b.id}/subscriptions`)).text).includes('billing account'));
  });

  test('a Prime Partner has no Subscriptions panel nor menu entry, for itself or its customers\' admins', async () => {
    const q = await newPartner('Prime');
    const sQ = await signIn(q.email);
    const qFeed = billingFeed(q.id);
    const b = await newCustomer(q.id);
    await assign(sQ, await publishOrder(qFeed), b.id);
    const admin = await newUser(b.id, { role: 'account_admin' });
    const sB = await signIn(admin.email);
    const menu = new RegExp(`href="/a/${b.id}/subscriptions"`);
    assert.match((await sQ.get(`/a/${b.id}/info`)).text, menu, 'shown before the flag');
    assert.ok(visibleText((await sB.get(`/a/${b.id}/subscriptions`)).text).includes('0 assigned of 2 license(s)'));

    const prime = (yes) => execFileSync(consoleBin, ['-c', config, 'prime-partner', '--partner', q.id, '--prime', yes ? 'yes' : 'no']);
    prime(true);
    assert.equal(String(await sql(`SELECT prime_partner FROM accounts WHERE id = ${lit(q.id)}`).then((r) => r[0][0])), '1');
    for (const session of [sQ, sB]) {
      const info = await session.get(`/a/${b.id}/info`);
      assert.doesNotMatch(info.text, menu, 'no Billing → Subscriptions in the menu');
      assert.ok(!visibleText(info.text).includes('SUBSCRIPTION NUMBER') && !/>Add Order</.test(info.text), 'no panel on Account Information');
      const page = visibleText((await session.get(`/a/${b.id}/subscriptions`)).text);
      assert.ok(!page.includes('assigned of') && page.includes('Prime Partners'), page.slice(0, 800));
    }
    prime(false);
    assert.ok(visibleText((await sQ.get(`/a/${b.id}/subscriptions`)).text).includes('0 assigned of 2 license(s)'), 'back when the flag is off');
  });
});
