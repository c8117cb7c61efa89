// Helpers for the Orders and Subscriptions tests: a partner's billing account
// and billing-feed credential, orders published through the API front as the
// ordering system does, and the stack's billing-sim peer.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Client, config, consoleBin, stackDir } from './stack.js';
import { uid } from './fixtures.js';

/** Sets the partner's billing id (console billing-id) and issues a billing-feed credential: { billingId, token }. */
export function billingFeed(partnerId, billingId = `BILL-${uid()}`) {
  execFileSync(consoleBin, ['-c', config, 'billing-id', '--partner', partnerId, '--billing-id', billingId]);
  const token = execFileSync(consoleBin, ['-c', config, 'issue-credential', '--partner', partnerId, '--kind', 'billing-feed',
    '--label', 'Ordering system'], { encoding: 'utf8' }).trim();
  return { billingId, token };
}

/** A date n days from today (UTC), YYYY-MM-DD. */
export const daysFromToday = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

/** A fresh order number. */
export const orderNumber = () => `A-S${uid().toUpperCase()}`;

/** A valid order document for the billing account. */
export function orderDoc(billingId, overrides = {}) {
  return {
    partnerBillingId: billingId, sapOrderNumber: '0003414816', resellerPo: 'PO-1001', customerPo: 'Subsc MiVO manual',
    endCustomerSap: '123456', trackingId: `TRK-${uid()}`, startDate: daysFromToday(-10), termMonths: 12,
    expiryDate: daysFromToday(355), activated: true,
    lines: [{ product: 'Zoom Hybrid', plan: 'hMitel Indirect', planCode: '5401484', planDetails: 'Zoom Hybrid for Mitel', quantity: 2 }],
    tracking: [{ at: `${daysFromToday(-10)}T09:15:00Z`, stage: 'Order received', detail: 'From the partner portal' }],
    revision: 1, ...overrides,
  };
}

/** PUT /api/v1/orders/{number}: { status, json }. */
export async function putOrder(token, number, doc) {
  const res = await new Client().request('PUT', `/api/v1/orders/${encodeURIComponent(number)}`, {
    body: typeof doc === 'string' ? doc : JSON.stringify(doc),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  let json = null;
  try { json = JSON.parse(res.text); } catch { /* not JSON */ }
  return { status: res.status, json };
}

/** Publishes an order and checks it was written: its number. */
export async function publishOrder(feed, overrides = {}, number = orderNumber()) {
  const res = await putOrder(feed.token, number, orderDoc(feed.billingId, overrides));
  assert.equal(res.status, 201, `publish ${number}: ${JSON.stringify(res.json)}`);
  return number;
}

/** A call of the billing-sim peer's control API: { status, json }. */
export async function billingSim(method, path, body) {
  const url = `http://127.0.0.1:${readFileSync(`${stackDir}/run/billing-sim.port`, 'utf8').trim()}${path}`;
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}
