// Billing → Orders (guide §2.6; spec ch2 §3): the partner's orders as the
// ordering system published them — filter with its count, search, columns
// with Unavailable, status chips, sort, paging, the details dialog — and the
// assignment to a customer account within reach: once, never expired, its
// licences the account's subscriptions, an event in both histories.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import {
  fieldError, lit, newCustomer, newPartner, newUser, scalar, signIn, stateOf, visibleText,
} from './lib/fixtures.js';
import { billingFeed, daysFromToday, orderNumber, publishOrder, putOrder, orderDoc } from './lib/orders.js';

const assignForm = (who, fields) => {
  const body = new URLSearchParams({ _csrf: who.csrf, ...fields });
  return body;
};

describe('the Orders list', () => {
  let p, sP, feed, acme, orders;
  before(async () => {
    p = await newPartner('Orders list');
    sP = await signIn(p.email);
    feed = billingFeed(p.id);
    acme = await newCustomer(p.id, 'Best Company');
    orders = {
      bare: await publishOrder(feed, { sapOrderNumber: null, resellerPo: null, customerPo: null, expiryDate: daysFromToday(200) }),
      soon: await publishOrder(feed, { expiryDate: daysFromToday(10), sapOrderNumber: '0003581992' }),
      expired: await publishOrder(feed, { startDate: daysFromToday(-400), expiryDate: daysFromToday(-3) }),
      perpetual: await publishOrder(feed, { termMonths: null, expiryDate: null }),
      pending: await publishOrder(feed, { activated: false, customerPo: 'Pilot rollout' }),
      assigned: await publishOrder(feed, { expiryDate: daysFromToday(300), trackingId: 'TRK-FIND-ME' }),
    };
    await sql(`UPDATE orders SET assigned_account_id = ${lit(acme.id)}, assigned_at = UTC_TIMESTAMP()
               WHERE partner_id = ${lit(p.id)} AND order_number = ${lit(orders.assigned)}`);
  });

  test('shows every order with the guide\'s columns, Unavailable for what is missing, and the count in the title', async () => {
    const res = await sP.get('/orders');
    assert.equal(res.status, 200);
    const text = visibleText(res.text);
    for (const col of ['SAP ORDER NUMBER', 'ORDER NUMBER', 'RESELLER PO NUMBER', 'CUSTOMER PO NUMBER', 'ASSIGNED ACCOUNT', 'SUBSCRIPTION EXPIRY']) {
      assert.ok(text.includes(col), col);
    }
    assert.match(text, /Orders All \(6\)/);
    assert.ok(text.includes('Unavailable'));
    assert.ok(text.includes(acme.name) && text.includes('Unassigned'));
    assert.match(res.text, /href="\/orders"[^>]*aria-current="page"/, 'Billing → Orders is the current page');
    const dashboard = visibleText((await sP.get('/')).text);
    assert.ok(dashboard.includes('Billing') && dashboard.includes('View orders'), 'the Billing tile');
  });

  test('the status chips follow the dates and activation', async () => {
    const html = (await sP.get('/orders?per_page=50')).text;
    const rowOf = (number) => visibleText(html.split('<tr').find((row) => row.includes(`>${number}<`)) ?? '');
    assert.match(rowOf(orders.soon), /EXPIRING SOON/);
    assert.match(rowOf(orders.expired), /EXPIRED/);
    assert.match(rowOf(orders.perpetual), /PERPETUAL/);
    assert.match(rowOf(orders.pending), /PENDING ACTIVATION/);
    assert.match(rowOf(orders.bare), /ASSIGN/);
    assert.doesNotMatch(rowOf(orders.assigned), /ASSIGN|EXPIR|PERPETUAL|PENDING/);
  });

  test('Unassigned and Expiring narrow the list and its count', async () => {
    const unassigned = visibleText((await sP.get('/orders?filter=unassigned')).text);
    assert.match(unassigned, /Orders Unassigned \(5\)/);
    assert.ok(!unassigned.includes(orders.assigned));
    const expiring = visibleText((await sP.get('/orders?filter=expiring')).text);
    assert.match(expiring, /Orders Expiring \(1\)/);
    assert.ok(expiring.includes(orders.soon));
  });

  test('search matches the start of the SAP order, POs, account, tracking number, expiry date or order number', async () => {
    const found = async (q) => visibleText((await sP.get(`/orders?q=${encodeURIComponent(q)}`)).text);
    assert.ok((await found('00035819')).includes(orders.soon));
    assert.ok((await found('Pilot')).includes(orders.pending));
    assert.ok((await found('Best Comp')).includes(orders.assigned));
    assert.ok((await found('TRK-FIND')).includes(orders.assigned));
    assert.ok((await found(daysFromToday(-3))).includes(orders.expired));
    const one = await found(orders.perpetual);
    assert.ok(one.includes(orders.perpetual) && !one.includes(orders.soon));
    assert.match(await found('nothing-matches-this'), /No order matches/);
  });

  test('sorts by expiry (perpetual last) by default, by the other columns on request, and pages', async () => {
    const numbers = (html) => [...html.matchAll(/<a href="\/orders\/([^"?]+)\?/g)].map((m) => m[1]);
    const byExpiry = numbers((await sP.get('/orders')).text);
    assert.equal(byExpiry[0], orders.expired);
    assert.equal(byExpiry.at(-1), orders.pending === byExpiry.at(-1) ? orders.pending : orders.perpetual);
    const byNumber = numbers((await sP.get('/orders?sort=number&dir=desc')).text);
    assert.deepEqual(byNumber, [...byNumber].sort().reverse());
    const page2 = await sP.get('/orders?sort=number&per_page=10&page=2');
    assert.equal(page2.status, 200);
  });

  test('the details dialog shows the order and its tracking details', async () => {
    const res = await sP.get(`/orders/${orders.soon}`);
    assert.equal(res.status, 200);
    const text = visibleText(res.text);
    for (const label of ['Subscription number', 'Start date', 'Assigned account', 'Term', 'Subscription details', 'Number of licenses',
      'See additional tracking details', 'Close', 'Company', 'Assign']) assert.ok(text.includes(label), label);
    assert.ok(text.includes('Zoom Hybrid - hMitel Indirect: 5401484'));
    assert.ok(text.includes('Order received'));
    const expired = visibleText((await sP.get(`/orders/${orders.expired}`)).text);
    assert.ok(!/\bAssign\b/.test(expired.replace('Assigned account', '')), 'no Assign for an expired order');
  });

  test('another partner, an account admin and an unknown number get 404', async () => {
    const other = await newPartner('Orders other');
    const sO = await signIn(other.email);
    assert.equal((await sO.get(`/orders/${orders.soon}`)).status, 404);
    assert.ok(!visibleText((await sO.get('/orders')).text).includes(orders.soon));
    const admin = await newUser(acme.id, { role: 'account_admin' });
    const sA = await signIn(admin.email);
    assert.notEqual((await sA.get('/orders')).status, 200);
    assert.equal((await sP.get('/orders/A-NOSUCHORDER')).status, 404);
  });
});

describe('a partner with many orders', () => {
  test('a search past 1,000 matches says "more than 1,000" and still pages; a narrow one counts exactly', async () => {
    const p = await newPartner('Orders many');
    const sP = await signIn(p.email);
    await sql(`INSERT INTO orders (partner_id, order_number, tracking_id, start_date, term_months, expiry_date, activated, licenses,
                                   revision, received_at, updated_at)
               SELECT ${lit(p.id)}, CONCAT('A-M', LPAD(seq, 6, '0')), CONCAT('TRK-M', seq), UTC_DATE(), 12,
                      UTC_DATE() + INTERVAL 100 + seq DAY, 1, 1, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_1100`);
    const all = visibleText((await sP.get('/orders')).text);
    assert.match(all, /Orders All \(1100\)/);
    const many = await sP.get('/orders?q=A-M');
    assert.match(visibleText(many.text), /more than 1,000/);
    assert.match(many.text, /A-M000001/);
    const next = await sP.get('/orders?q=A-M&page=2');
    assert.match(next.text, /A-M000051/);
    const few = visibleText((await sP.get('/orders?q=A-M00100')).text);
    assert.match(few, /1–10 of 10\b/);
  });

  test('every deep page, in every order and for Unassigned, holds what its offset says, also after orders change', async () => {
    const p = await newPartner('Orders deep');
    const sP = await signIn(p.email);
    const acme = await newCustomer(p.id);
    await sql(`INSERT INTO orders (partner_id, order_number, sap_order_number, start_date, term_months, expiry_date, activated, licenses,
                                   revision, assigned_account_id, received_at, updated_at)
               SELECT ${lit(p.id)}, CONCAT('A-D', LPAD(seq, 6, '0')), IF(seq % 4 = 0, '', LPAD(seq % 37, 5, '0')), UTC_DATE(), 12,
                      IF(seq % 9 = 0, NULL, UTC_DATE() + INTERVAL seq % 50 DAY), 1, 1, 1, IF(seq % 3 = 0, ${lit(acme.id)}, NULL),
                      UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_730`);
    const lists = [
      ['', 'IFNULL(expiry_date, \'9999-12-31\'), id', ''],
      ['&dir=desc', 'IFNULL(expiry_date, \'9999-12-31\') DESC, id DESC', ''],
      ['&sort=number', 'order_number', ''],
      ['&sort=number&dir=desc', 'order_number DESC', ''],
      ['&sort=sap', 'sap_order_number, id', ''],
      ['&sort=sap&dir=desc', 'sap_order_number DESC, id DESC', ''],
      ['&filter=unassigned', 'IFNULL(expiry_date, \'9999-12-31\'), id', ' AND assigned_account_id IS NULL'],
    ];
    const check = async () => {
      for (const [query, order, where] of lists) {
        for (const page of where ? [3, 5, 8, 10] : [3, 5, 8, 12, 15]) {
          const want = (await sql(`SELECT order_number FROM orders WHERE partner_id = ${lit(p.id)}${where}
            ORDER BY ${order} LIMIT 50 OFFSET ${(page - 1) * 50}`)).map((r) => r[0]);
          const html = (await sP.get(`/orders?page=${page}${query}`)).text;
          const got = [...new Set(html.match(/A-D\d{6}/g) ?? [])];
          assert.deepEqual(got, want, `page ${page}${query}`);
        }
      }
    };
    await check();
    // Later revisions move orders around; an assignment leaves Unassigned.
    await sql(`UPDATE orders SET expiry_date = UTC_DATE() + INTERVAL 1 DAY, sap_order_number = '00000'
               WHERE partner_id = ${lit(p.id)} AND order_number IN ('A-D000700', 'A-D000701', 'A-D000702')`);
    await sql(`UPDATE orders SET assigned_account_id = ${lit(acme.id)} WHERE partner_id = ${lit(p.id)} AND order_number = 'A-D000004'`);
    await sql(`DELETE FROM orders WHERE partner_id = ${lit(p.id)} AND order_number = 'A-D000005'`);
    await check();
  });
});

describe('assigning an order', () => {
  let p, sP, feed;
  before(async () => {
    p = await newPartner('Orders assign');
    sP = await signIn(p.email);
    feed = billingFeed(p.id);
  });

  test('Company finds the partner\'s accounts; Assign hands the licences over, with events in both histories and the success dialog', async () => {
    const a = await newCustomer(p.id, 'Globex Assign');
    const number = await publishOrder(feed);
    const found = await sP.get(`/orders/${number}?company=Globex`);
    assert.ok(visibleText(found.text).includes(a.name));
    const res = await sP.post(`/orders/${number}`, assignForm(sP, { account: a.id }));
    assert.equal(res.status, 303, res.text.slice(0, 300));
    assert.equal(res.location, `/orders/${number}/assigned`);
    const dialog = await sP.get(res.location);
    const text = visibleText(dialog.text);
    assert.ok(text.includes(`Order ${number} assigned to ${a.name}.`), text);
    assert.match(dialog.text, new RegExp(`href="/a/${a.id}/info#integrations"[^>]*>Go to account integrations`));
    const subs = await sql(`SELECT subscription_number, product, plan, plan_code, quantity FROM subscriptions WHERE account_id = ${lit(a.id)}`);
    assert.deepEqual(subs.map((r) => r.map(String)), [[number, 'Zoom Hybrid', 'hMitel Indirect', '5401484', '2']]);
    for (const account of [p.id, a.id]) {
      const details = await scalar(`SELECT details FROM events WHERE account_id = ${lit(account)} AND asset_name = ${lit(number)} AND action = 'order.update'`);
      assert.deepEqual(JSON.parse(details).assignedAccount, { from: '', to: a.name }, account);
    }
    // never twice
    const b = await newCustomer(p.id);
    const before = await stateOf(`SELECT assigned_account_id FROM orders WHERE order_number = ${lit(number)}`, 'SELECT COUNT(*) FROM subscriptions');
    const again = await sP.post(`/orders/${number}`, assignForm(sP, { account: b.id }));
    assert.equal(again.status, 422);
    assert.match(fieldError(again.text, 'account') ?? visibleText(again.text), /already been assigned/);
    assert.deepEqual(await stateOf(`SELECT assigned_account_id FROM orders WHERE order_number = ${lit(number)}`, 'SELECT COUNT(*) FROM subscriptions'), before);
  });

  test('an expired order, no company, another partner\'s account and a deactivated one are refused with nothing written', async () => {
    const expired = await publishOrder(feed, { startDate: daysFromToday(-400), expiryDate: daysFromToday(-1) });
    const mine = await newCustomer(p.id);
    const theirs = await newCustomer((await newPartner('Orders theirs')).id);
    const off = await newCustomer(p.id);
    await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(off.id)}`);
    const open = await publishOrder(feed);
    const snapshot = () => stateOf(`SELECT COUNT(*) FROM orders WHERE assigned_account_id IS NOT NULL`, 'SELECT COUNT(*) FROM subscriptions');
    const before = await snapshot();
    const res = await sP.post(`/orders/${expired}`, assignForm(sP, { account: mine.id }));
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text), /expired and can no longer be assigned/);
    assert.equal((await sP.post(`/orders/${open}`, assignForm(sP, { account: '' }))).status, 422);
    assert.equal((await sP.post(`/orders/${open}`, assignForm(sP, { account: theirs.id }))).status, 404);
    assert.equal((await sP.post(`/orders/${open}`, assignForm(sP, { account: off.id }))).status, 404);
    assert.equal((await sP.post(`/orders/${open}`, assignForm(sP, { account: p.id }))).status, 404, 'not the partner account itself');
    assert.deepEqual(await snapshot(), before);
  });

  test('an account manager\'s Company offers only their accounts', async () => {
    const mine = await newCustomer(p.id, 'Managed Orders');
    const notMine = await newCustomer(p.id, 'Managed Orders');
    const manager = await newUser(p.id, { role: 'account_manager' });
    await sql(`INSERT INTO account_manager_accounts (user_id, account_id) VALUES (${manager.id}, ${lit(mine.id)})`);
    const sM = await signIn(manager.email);
    const number = await publishOrder(feed);
    const page = visibleText((await sM.get(`/orders/${number}?company=Managed`)).text);
    assert.ok(page.includes(mine.name) && !page.includes(notMine.name));
    assert.equal((await sM.post(`/orders/${number}`, assignForm(sM, { account: notMine.id }))).status, 404);
    assert.equal((await sM.post(`/orders/${number}`, assignForm(sM, { account: mine.id }))).status, 303);
  });

  test('from an account\'s Add Order: Company is filled in, and Assign returns to the account', async () => {
    const a = await newCustomer(p.id);
    const number = await publishOrder(feed);
    const list = await sP.get(`/orders?filter=unassigned&for=${a.id}`);
    assert.ok(visibleText(list.text).includes(a.name));
    const dialog = await sP.get(`/orders/${number}?filter=unassigned&for=${a.id}`);
    assert.match(dialog.text, new RegExp(`value="${a.id}" checked`));
    const res = await sP.post(`/orders/${number}`, assignForm(sP, { account: a.id, for: a.id }));
    assert.equal(res.status, 303);
    assert.equal(res.location, `/a/${a.id}/subscriptions`);
  });

  test('a pending order counts no licences until a later revision activates it', async () => {
    const a = await newCustomer(p.id);
    const number = orderNumber();
    assert.equal((await putOrder(feed.token, number, orderDoc(feed.billingId, { activated: false }))).status, 201);
    assert.equal((await sP.post(`/orders/${number}`, assignForm(sP, { account: a.id }))).status, 303);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM subscriptions WHERE account_id = ${lit(a.id)}`)), 0);
    const activated = await putOrder(feed.token, number, orderDoc(feed.billingId, { activated: true, revision: 2,
      lines: [{ product: 'Mitel One', plan: 'Premier', planCode: '54013002', quantity: 7 }] }));
    assert.equal(activated.json.status, 'updated');
    assert.deepEqual((await sql(`SELECT product, quantity FROM subscriptions WHERE account_id = ${lit(a.id)}`)).map((r) => r.map(String)),
      [['Mitel One', '7']]);
  });

  test('the counts in the title stay right when an order is assigned and when its account is deleted', async () => {
    const q = await newPartner('Orders counts');
    const sQ = await signIn(q.email);
    const qFeed = billingFeed(q.id);
    const a = await newCustomer(q.id);
    const number = await publishOrder(qFeed);
    await publishOrder(qFeed);
    const titles = async () => [visibleText((await sQ.get('/orders')).text).match(/All \((\d+)\)/)[1],
      visibleText((await sQ.get('/orders?filter=unassigned')).text).match(/Unassigned \((\d+)\)/)[1]];
    assert.deepEqual(await titles(), ['2', '2']);
    assert.equal((await sQ.post(`/orders/${number}`, assignForm(sQ, { account: a.id }))).status, 303);
    assert.deepEqual(await titles(), ['2', '1']);
    assert.equal((await sQ.post(`/a/${a.id}/delete`, assignForm(sQ, { confirm: 'delete' }))).status, 303);
    assert.deepEqual(await titles(), ['2', '2']);
  });

  test('two administrators assigning one order at once: exactly one wins', async () => {
    const number = await publishOrder(feed);
    const accounts = await Promise.all(Array.from({ length: 4 }, () => newCustomer(p.id)));
    const sessions = await Promise.all(accounts.map(() => signIn(p.email)));
    const results = await Promise.all(accounts.map((a, i) => sessions[i].post(`/orders/${number}`, assignForm(sessions[i], { account: a.id }))));
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 422, 422, 422]);
    assert.equal(Number(await scalar(`SELECT COUNT(DISTINCT account_id) FROM subscriptions WHERE subscription_number = ${lit(number)}`)), 1);
  });
});
