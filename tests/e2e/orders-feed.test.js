// Order file feeds (spec ch2 §3.7): an ordering system that leaves JSON or
// CSV order files in a folder, or behind an index URL (billing-sim serves
// one), instead of calling PUT /api/v1/orders. syncd applies each file once,
// whole, with the API's rules; a bad file or row writes nothing and tells the
// partner's administrators in the bell.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { config, consoleBin, sql, stackDir } from './lib/stack.js';
import { lit, newPartner, scalar, signIn, uid, visibleText } from './lib/fixtures.js';
import { eventually } from './lib/mail.js';
import { billingFeed, billingSim, daysFromToday, orderDoc, orderNumber } from './lib/orders.js';

/** console order-feed: sets the partner's feed, due at once. */
const setFeed = (partnerId, source) =>
  execFileSync(consoleBin, ['-c', config, 'order-feed', '--partner', partnerId, '--source', source]);

/** A fresh folder the stack's syncd reads. */
function feedFolder() {
  const dir = `${stackDir}/feeds/${uid()}`;
  mkdirSync(dir, { recursive: true });
  chmodSync(`${stackDir}/feeds`, 0o755);
  chmodSync(dir, 0o755);
  return dir;
}

const checkedAt = (partnerId) => scalar(`SELECT COALESCE(checked_at, '') FROM order_feeds WHERE partner_id = ${lit(partnerId)}`);

/** Sets (or re-arms) the feed and waits for syncd's next pass over it to end. */
async function poll(partnerId, source) {
  const before = await checkedAt(partnerId);
  setFeed(partnerId, source);
  await eventually('a pass of the feed', async () => {
    const [row] = await sql(`SELECT COALESCE(checked_at, ''), lease_owner IS NULL FROM order_feeds WHERE partner_id = ${lit(partnerId)}`);
    return row && String(row[0]) !== String(before ?? '') && String(row[1]) === '1';
  });
}

const ofPartner = async (partnerId) => (await sql(`SELECT
  (SELECT COUNT(*) FROM orders WHERE partner_id = ${lit(partnerId)}),
  (SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.partner_id = ${lit(partnerId)}),
  (SELECT COUNT(*) FROM order_tracking t JOIN orders o ON o.id = t.order_id WHERE o.partner_id = ${lit(partnerId)}),
  (SELECT COUNT(*) FROM events WHERE account_id = ${lit(partnerId)} AND action LIKE 'order.%'),
  (SELECT COUNT(*) FROM order_feed_files WHERE partner_id = ${lit(partnerId)}),
  (SELECT COUNT(*) FROM notifications WHERE account_id = ${lit(partnerId)})`))[0].map(Number);

const files = (partnerId) => sql(`SELECT name, outcome, orders, error FROM order_feed_files
  WHERE partner_id = ${lit(partnerId)} ORDER BY name`);

const CSV_HEADER = 'orderNumber,partnerBillingId,sapOrderNumber,customerPo,startDate,termMonths,expiryDate,activated,revision,product,plan,planCode,quantity';

describe('order file feeds', () => {
  test('a folder\'s CSV and JSON files are applied once; the next pass writes nothing', async () => {
    const p = await newPartner('Feed folder');
    const { billingId } = billingFeed(p.id);
    const dir = feedFolder();
    const [a, b, c] = [orderNumber(), orderNumber(), orderNumber()];
    writeFileSync(`${dir}/orders-1.csv`, [
      CSV_HEADER,
      `${a},${billingId},0003400001,"Renewal, FY26",${daysFromToday(-5)},12,${daysFromToday(360)},true,1,Mitel One,Premier,54013002,10`,
      `${a},${billingId},,,,,,,,MiTeam Meetings,MiTeam Meetings Pack,54011020,25`,
      `${b},${billingId},0003400002,,${daysFromToday(-5)},,,no,2,Zoom Hybrid,hMitel Indirect,5401484,2`,
    ].join('\r\n'));
    writeFileSync(`${dir}/orders-2.json`, JSON.stringify({ orders: [{ orderNumber: c, ...orderDoc(billingId) }] }));
    writeFileSync(`${dir}/.orders-3.json.partial`, 'not yet');
    await poll(p.id, dir);

    const got = await sql(`SELECT order_number, licenses, activated, revision, customer_po, COALESCE(DATE_FORMAT(expiry_date, '%Y-%m-%d'), 'perpetual'),
      (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) FROM orders o WHERE partner_id = ${lit(p.id)} ORDER BY order_number`);
    const byNumber = Object.fromEntries(got.map((r) => [r[0], r.slice(1).map(String)]));
    assert.deepEqual(byNumber[a], ['35', '1', '1', 'Renewal, FY26', daysFromToday(360), '2'], 'a CSV order of two rows');
    assert.deepEqual(byNumber[b], ['2', '0', '2', '', 'perpetual', '1'], 'a pending, perpetual CSV order');
    assert.deepEqual(byNumber[c], ['2', '1', '1', 'Subsc MiVO manual', orderDoc(billingId).expiryDate, '1'], 'a JSON order');
    assert.deepEqual((await files(p.id)).map((r) => r.slice(0, 3).map(String)),
      [['orders-1.csv', 'applied', '2'], ['orders-2.json', 'applied', '1']], 'each file recorded, the partial one left alone');
    const actors = await sql(`SELECT DISTINCT actor_ref FROM events WHERE account_id = ${lit(p.id)} AND action = 'order.create'`);
    assert.ok(actors.every((r) => /^order-feed:\d+$/.test(r[0])), 'the orders\' events name the file');

    const before = await ofPartner(p.id);
    await poll(p.id, dir);
    assert.deepEqual(await ofPartner(p.id), before, 'the second pass writes nothing');

    // A new file with an older revision of one order and a newer one of another: the stale one is ignored.
    writeFileSync(`${dir}/orders-3.json`, JSON.stringify([
      { orderNumber: b, ...orderDoc(billingId, { revision: 1, activated: true }) },
      { orderNumber: c, ...orderDoc(billingId, { revision: 2, activated: false }) },
    ]));
    await poll(p.id, dir);
    assert.deepEqual((await sql(`SELECT order_number, activated, revision FROM orders WHERE partner_id = ${lit(p.id)}
      AND order_number IN (${lit(b)}, ${lit(c)}) ORDER BY order_number = ${lit(c)}`)).map((r) => r.map(String)),
    [[b, '0', '2'], [c, '0', '2']]);
    assert.equal(String((await files(p.id))[2][2]), '1', 'one order of the new file changed');
  });

  test('a broken file, a bad row or an unknown billing account writes nothing and notifies the partner\'s administrators', async () => {
    const p = await newPartner('Feed broken');
    const { billingId } = billingFeed(p.id);
    const dir = feedFolder();
    writeFileSync(`${dir}/bad-row.csv`, [
      CSV_HEADER,
      `${orderNumber()},${billingId},1,,${daysFromToday(-5)},12,${daysFromToday(300)},true,1,Mitel One,Elite,54013003,5`,
      `${orderNumber()},${billingId},2,,${daysFromToday(-5)},12,${daysFromToday(300)},true,1,Mitel One,Elite,54013003,lots`,
    ].join('\n'));
    writeFileSync(`${dir}/broken.json`, '{"orders": [');
    writeFileSync(`${dir}/unknown-billing.json`, JSON.stringify([
      { orderNumber: orderNumber(), ...orderDoc(billingId) },
      { orderNumber: orderNumber(), ...orderDoc(`NOT-${billingId}`) },
    ]));
    await poll(p.id, dir);

    assert.deepEqual((await ofPartner(p.id)).slice(0, 3), [0, 0, 0], 'no order, line or tracking event of any of them');
    const rejected = await files(p.id);
    assert.deepEqual(rejected.map((r) => [r[0], r[1]]),
      [['bad-row.csv', 'rejected'], ['broken.json', 'rejected'], ['unknown-billing.json', 'rejected']]);
    assert.match(rejected[0][3], /^row 3 \(A-S[0-9A-F]+\): lines\[0\]\.quantity must be a whole number/);
    assert.match(rejected[1][3], /not JSON/);
    assert.match(rejected[2][3], /^order 2 \(A-S[0-9A-F]+\): partnerBillingId is not the billing account of this partner/);

    const notes = await sql(`SELECT subject FROM notifications WHERE user_id = ${p.adminId} AND topic = 'order_feed_rejected' ORDER BY subject`);
    assert.deepEqual(notes.map((r) => r[0].split(':')[0]), ['bad-row.csv', 'broken.json', 'unknown-billing.json'], 'one notification per file');
    const bell = visibleText((await (await signIn(p.email)).get('/accounts')).text);
    assert.ok(bell.includes('Order file rejected') && bell.includes('bad-row.csv: row 3'), bell.slice(0, 1500));

    await poll(p.id, dir);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM notifications WHERE user_id = ${p.adminId}`)), 3, 'told once per file');
  });

  test('a URL feed: billing-sim serves an index and its files over HTTP', async () => {
    const p = await newPartner('Feed URL');
    const { billingId } = billingFeed(p.id);
    const feed = `f${uid()}`;
    const json = await billingSim('POST', `/feeds/${feed}/files`, { partnerBillingId: billingId, format: 'json', count: 12, seed: 3 });
    const csv = await billingSim('POST', `/feeds/${feed}/files`, { partnerBillingId: billingId, format: 'csv', count: 9, seed: 4 });
    assert.equal(json.status, 200);
    assert.equal(csv.json.file, 'orders-0002.csv');
    const port = readFileSync(`${stackDir}/run/billing-sim.port`, 'utf8').trim();
    await poll(p.id, `http://127.0.0.1:${port}/feeds/${feed}/index.json`);

    assert.deepEqual((await files(p.id)).map((r) => r.slice(0, 3).map(String)),
      [['orders-0001.json', 'applied', '12'], ['orders-0002.csv', 'applied', '9']]);
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM orders WHERE partner_id = ${lit(p.id)}`)), 21);

    const before = await ofPartner(p.id);
    await poll(p.id, `http://127.0.0.1:${port}/feeds/${feed}/index.json`);
    assert.deepEqual(await ofPartner(p.id), before, 'the second pass writes nothing');
    assert.equal(await scalar(`SELECT last_error FROM order_feeds WHERE partner_id = ${lit(p.id)}`), '');
  });
});
