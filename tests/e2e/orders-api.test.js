// Orders published by the ordering system (guide §2.6; spec ch2 §3.7):
// PUT /api/v1/orders/{orderNumber} with a billing-feed credential, idempotent
// by (partner, order number), revisions only forward, an unknown billing
// account refused with nothing written, every change an event; and the
// billing-sim peer publishing through it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { config, consoleBin, sql } from './lib/stack.js';
import { lit, newPartner, scalar } from './lib/fixtures.js';
import { billingFeed, billingSim, daysFromToday, orderDoc, orderNumber, putOrder } from './lib/orders.js';

const orderRow = async (partnerId, number) => (await sql(
  `SELECT revision, activated, licenses, DATE_FORMAT(expiry_date, '%Y-%m-%d'), sap_order_number, customer_po,
          (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id), (SELECT COUNT(*) FROM order_tracking t WHERE t.order_id = o.id)
     FROM orders o WHERE partner_id = ${lit(partnerId)} AND order_number = ${lit(number)}`))[0];
const orderEvents = (partnerId, number) =>
  scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(partnerId)} AND asset_name = ${lit(number)}`).then(Number);
const written = () => sql(`SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM order_lines),
  (SELECT COUNT(*) FROM order_tracking), (SELECT COUNT(*) FROM events)`);

describe('PUT /api/v1/orders/{orderNumber}', () => {
  test('a new order is written with its lines, tracking and an event; the same revision again writes nothing', async () => {
    const p = await newPartner('Orders API');
    const feed = billingFeed(p.id);
    const number = orderNumber();
    const doc = orderDoc(feed.billingId, { lines: [
      { product: 'Mitel One', plan: 'Premier', planCode: '54013002', quantity: 10 },
      { product: 'MiTeam Meetings', plan: 'MiTeam Meetings Pack', planCode: '54011020', quantity: 25 },
    ] });
    const created = await putOrder(feed.token, number, doc);
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.status, 'created');
    const row = await orderRow(p.id, number);
    assert.deepEqual(row.map(String), ['1', '1', '35', doc.expiryDate, '0003414816', 'Subsc MiVO manual', '2', '1']);
    assert.equal(await orderEvents(p.id, number), 1);
    const event = (await sql(`SELECT action, asset_type, actor_ref FROM events WHERE account_id = ${lit(p.id)} AND asset_name = ${lit(number)}`))[0];
    assert.equal(event[0], 'order.create');
    assert.match(event[2], /^billing-feed:\d+$/);

    const before = await written();
    const again = await putOrder(feed.token, number, doc);
    assert.equal(again.status, 200);
    assert.equal(again.json.status, 'unchanged');
    assert.deepEqual(await written(), before, 'the same revision writes nothing');
  });

  test('a later revision replaces the order (an event with what changed); an older one is ignored', async () => {
    const p = await newPartner('Orders revisions');
    const feed = billingFeed(p.id);
    const number = orderNumber();
    await putOrder(feed.token, number, orderDoc(feed.billingId, { activated: false, revision: 3 }));
    const activated = await putOrder(feed.token, number, orderDoc(feed.billingId, { activated: true, revision: 4, customerPo: 'Changed' }));
    assert.equal(activated.status, 200);
    assert.equal(activated.json.status, 'updated');
    assert.equal(String((await orderRow(p.id, number))[1]), '1');
    const details = JSON.parse(await scalar(`SELECT details FROM events WHERE account_id = ${lit(p.id)} AND action = 'order.update'`));
    assert.deepEqual(details.activated ?? details.core?.activated, { from: 'false', to: 'true' });

    const before = await written();
    const stale = await putOrder(feed.token, number, orderDoc(feed.billingId, { activated: false, revision: 2 }));
    assert.equal(stale.status, 200);
    assert.equal(stale.json.status, 'stale');
    assert.deepEqual(await written(), before, 'a stale revision writes nothing');
    assert.equal(String((await orderRow(p.id, number))[5]), 'Changed');
  });

  test('an unknown billing account, or another partner\'s, is 422 and nothing is written', async () => {
    const p = await newPartner('Orders unknown');
    const other = await newPartner('Orders other');
    const feed = billingFeed(p.id);
    const otherFeed = billingFeed(other.id);
    const before = await written();
    for (const billingId of ['NO-SUCH-BILLING', otherFeed.billingId]) {
      const res = await putOrder(feed.token, orderNumber(), orderDoc(billingId));
      assert.equal(res.status, 422, billingId);
      assert.ok(res.json.fields.partnerBillingId, JSON.stringify(res.json));
    }
    assert.deepEqual(await written(), before);
  });

  test('each bad field is named (422), and nothing is written', async () => {
    const p = await newPartner('Orders fields');
    const feed = billingFeed(p.id);
    const before = await written();
    const cases = [
      [{ partnerBillingId: '' }, 'partnerBillingId'],
      [{ expiryDate: '2025-02-30' }, 'expiryDate'],
      [{ startDate: daysFromToday(5), expiryDate: daysFromToday(1) }, 'expiryDate'],
      [{ revision: -1 }, 'revision'],
      [{ revision: 'one' }, 'revision'],
      [{ lines: [] }, 'lines'],
      [{ lines: [{ product: 'Mitel One', quantity: 0 }] }, 'lines[0].quantity'],
      [{ lines: [{ product: '', quantity: 1 }] }, 'lines[0].product'],
      [{ activated: 'yes' }, 'activated'],
      [{ termMonths: 0 }, 'termMonths'],
      [{ tracking: [{ at: 'yesterday', stage: 'Booked' }] }, 'tracking[0].at'],
    ];
    for (const [overrides, field] of cases) {
      const res = await putOrder(feed.token, orderNumber(), orderDoc(feed.billingId, overrides));
      assert.equal(res.status, 422, `${field}: ${JSON.stringify(res.json)}`);
      assert.ok(res.json.fields[field], `${field} named: ${JSON.stringify(res.json.fields)}`);
    }
    assert.equal((await putOrder(feed.token, orderNumber(), 'not json')).status, 400);
    assert.deepEqual(await written(), before);
  });

  test('only a live billing-feed credential publishes; a bad order number is not a route', async () => {
    const p = await newPartner('Orders credentials');
    const feed = billingFeed(p.id);
    const doc = orderDoc(feed.billingId);
    assert.equal((await putOrder(undefined, orderNumber(), doc)).status, 401);
    assert.equal((await putOrder('f'.repeat(64), orderNumber(), doc)).status, 401);
    const app = execFileSync(consoleBin, ['-c', config, 'issue-credential', '--partner', p.id, '--kind', 'app'], { encoding: 'utf8' }).trim();
    assert.equal((await putOrder(app, orderNumber(), doc)).status, 403);
    const id = await scalar(`SELECT MAX(id) FROM machine_credentials WHERE partner_id = ${lit(p.id)} AND kind = 'billing-feed'`);
    execFileSync(consoleBin, ['-c', config, 'revoke-credential', '--partner', p.id, '--id', String(id)]);
    assert.equal((await putOrder(feed.token, orderNumber(), doc)).status, 401);
    assert.equal((await putOrder(billingFeed(p.id, feed.billingId).token, '-bad number', doc)).status, 404);
  });

  test('two first publications of one order at once make one order and one event', async () => {
    const p = await newPartner('Orders race');
    const feed = billingFeed(p.id);
    const number = orderNumber();
    const doc = orderDoc(feed.billingId);
    const results = await Promise.all(Array.from({ length: 6 }, () => putOrder(feed.token, number, doc)));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 201]);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM orders WHERE partner_id = ${lit(p.id)}`)), 1);
    assert.equal(await orderEvents(p.id, number), 1);
  });
});

describe('billing-sim', () => {
  test('publishes realistic orders through the API; publishing again writes nothing', async () => {
    const p = await newPartner('Billing sim');
    const feed = billingFeed(p.id);
    const first = await billingSim('POST', '/publish', { token: feed.token, partnerBillingId: feed.billingId, count: 30, seed: 7 });
    assert.equal(first.status, 200, JSON.stringify(first.json));
    assert.ok(first.json.results.every((r) => r.http === 201 || r.http === 200), JSON.stringify(first.json.results));
    const [[orders, expired, pending, perpetual, products]] = await sql(`SELECT COUNT(*), SUM(expiry_date < UTC_DATE()),
      SUM(activated = 0), SUM(expiry_date IS NULL), (SELECT COUNT(DISTINCT product) FROM order_lines l JOIN orders o2 ON o2.id = l.order_id
      WHERE o2.partner_id = ${lit(p.id)}) FROM orders WHERE partner_id = ${lit(p.id)}`);
    assert.equal(Number(orders), 30);
    assert.ok(Number(expired) > 0 && Number(pending) > 0 && Number(perpetual) > 0, `${expired} expired, ${pending} pending, ${perpetual} perpetual`);
    assert.ok(Number(products) >= 3, `${products} products`);
    assert.ok(first.json.results.some((r) => r.revision === 2 && r.status === 'updated'), 'a later revision activates a pending order');
    const before = await written();
    const again = await billingSim('POST', '/publish', { token: feed.token, partnerBillingId: feed.billingId, count: 30, seed: 7 });
    // an activated order's first revision is stale by now; every other one is what was published
    const activatedLater = new Set(again.json.results.filter((r) => r.revision === 2).map((r) => r.orderNumber));
    for (const r of again.json.results) {
      assert.equal(r.status, r.revision === 1 && activatedLater.has(r.orderNumber) ? 'stale' : 'unchanged', JSON.stringify(r));
    }
    assert.deepEqual(await written(), before);
  });
});
