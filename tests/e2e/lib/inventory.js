// Helpers for the System Inventory and Event History tests: the stack's
// daemon-sim peer (tests/fixtures/daemon-sim.js), link codes made in the
// console, the daemons' API, and events written straight into an account's
// history (many at once, for the lists' paging and exports).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Client, sql, stackDir } from './stack.js';
import { lit, paced, visibleText } from './fixtures.js';

/** The daemon-sim peer's address. */
export function simURL() {
  return `http://127.0.0.1:${readFileSync(`${stackDir}/run/daemon-sim.port`, 'utf8').trim()}`;
}

/** A call of daemon-sim's control API: { status, json }. */
export async function sim(method, path, body) {
  const res = await fetch(`${simURL()}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** Link a platform in the console (CloudLink Daemon page): the code it shows once. */
export async function linkCode(session, accountId) {
  const res = await session.send(`/a/${accountId}/inventory/daemons`);
  assert.equal(res.status, 200, `Link a platform (${res.status})`);
  const m = /data-link-code>([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(res.text);
  assert.ok(m, 'the page shows the link code');
  return m[1];
}

/** A simulated site of the preset, linked to the account with a fresh code: the site as daemon-sim says. */
export async function linkSite(session, accountId, preset, extra = {}) {
  const code = await linkCode(session, accountId);
  const res = await sim('POST', '/sites', { code, preset, ...extra });
  assert.equal(res.status, 201, `daemon-sim links ${preset}: ${JSON.stringify(res.json)}`);
  assert.equal(res.json.reportStatus, 200, `its first report: ${JSON.stringify(res.json.report)}`);
  return res.json;
}

/** A call of the machine API (at base, else the stack's): { status, json }. */
export async function api(method, path, { token, body, base } = {}) {
  const res = await paced(() => new Client(base).request(method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }));
  let json = null;
  try { json = JSON.parse(res.text); } catch { /* not JSON */ }
  return { status: res.status, json };
}

/** A minimal valid inventory report of a platform. */
export function report(platformId, overrides = {}) {
  return {
    platform: {
      host: 'host1', type: 'msl', name: 'Test platform', systemFamily: 'linux', platformId, version: '11.0.110.0',
      licence: { id: '5100001', type: 'subscription', swaExpiry: '2999-01-01' },
      tunnels: [{ kind: 'server-manager', state: 'started' }], ...overrides.platform,
    },
    applications: overrides.applications ?? [{ type: 'mivoice-business', name: 'MiVoice Business', version: '10.0.1.18', tunnels: [{ kind: 'admin-web', state: 'started' }] }],
    intervalSeconds: overrides.intervalSeconds ?? 3600,
  };
}

/**
 * n events in an account's history, written straight into the table (as
 * any writer would: the kinds trigger keeps up), one a minute back from
 * `minutesAgo`, cycling through kinds ([event_type, asset, act]) and actors.
 */
export async function seedEvents(accountId, n, { kinds = [['admin', 'user', 'edit']], actors = ['system'], minutesAgo = 0, name = 'Seeded' } = {}) {
  const kindCase = kinds.map((k, i) => `WHEN ${i} THEN ${lit(k.join('|'))}`).join(' ');
  const actorCase = actors.map((a, i) => `WHEN ${i} THEN ${lit(a)}`).join(' ');
  await sql(`INSERT INTO events (account_id, actor_name, actor_ref, action, event_type, asset_type, act, asset_id, asset_name,
                                 properties_changed, details, extra_details, log_tags, created_at)
    SELECT ${lit(accountId)}, ${lit(name)}, r, CONCAT(a, '.', x), t, a, x, CONCAT('seed-', seq), CONCAT('Asset ', seq), '["macAddress"]',
           JSON_OBJECT('seq', seq), '{}', JSON_ARRAY(CONCAT(a, '.', x)),
           UTC_TIMESTAMP(6) - INTERVAL ${Number(minutesAgo)} MINUTE - INTERVAL seq MINUTE
    FROM (SELECT seq, SUBSTRING_INDEX(k, '|', 1) AS t, SUBSTRING_INDEX(SUBSTRING_INDEX(k, '|', 2), '|', -1) AS a,
                 SUBSTRING_INDEX(k, '|', -1) AS x, r
          FROM (SELECT seq, CASE seq % ${kinds.length} ${kindCase} END AS k, CASE seq % ${actors.length} ${actorCase} END AS r
                FROM seq_1_to_${Number(n)}) s) s2`);
}

/** The rows of a list page's table as objects keyed by the column headers, in order. */
export function tableRows(html, bodyId) {
  const table = html.slice(html.lastIndexOf('<table', html.indexOf(`id="${bodyId}"`)), html.indexOf('</table>', html.indexOf(`id="${bodyId}"`)));
  const headers = [...table.slice(0, table.indexOf('</thead>')).matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)]
    .map((m) => visibleText(m[1]).replace(/[↓↑]/g, '').trim());
  const body = table.slice(table.indexOf(`id="${bodyId}"`));
  return [...body.matchAll(/<tr data-href="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map(([, href, row]) => {
    const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => visibleText(m[1]).trim());
    const out = { href };
    headers.forEach((h, i) => { if (h) out[h] = cells[i]; });
    return out;
  });
}
