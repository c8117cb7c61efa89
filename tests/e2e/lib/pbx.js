// Helpers for the CloudLink Gateway and PBX sync tests: the stack's
// gateway-sim and pbx-sim peers (their control APIs), the `console gateway`
// onboarding steps, and waiting for syncd.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { config, consoleBin } from './stack.js';
import { eventually } from './mail.js';
import { lit, scalar } from './fixtures.js';

function setting(key) {
  const m = new RegExp(`^${key.replace('.', '\\.')}\\s*=\\s*(\\S+)`, 'm').exec(readFileSync(config, 'utf8'));
  if (!m) throw new Error(`${key} is not in the stack's config: is its peer file in tests/fixtures/peers/?`);
  return m[1];
}
export const pbxSim = () => setting('Pbx.SimURL');
export const gatewaySim = () => setting('Gateway.SimURL');

async function call(base, method, path, body) {
  const res = await fetch(new URL(path, base), {
    method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
export const sim = (method, path, body) => call(pbxSim(), method, path, body);
export const gw = (method, path, body) => call(gatewaySim(), method, path, body);

/** A new simulated PBX: { name, type, host, port, username, password, ... }. */
export const newPbx = (type, users, extra = {}) => sim('POST', '/sim/pbxs', { type, users, seed: 7, ...extra });
export const pbxFault = (pbx, mode, extra = {}) => sim('POST', `/sim/pbxs/${pbx.name}/fail`, { mode, ...extra });
export const newGateway = (extra = {}) => gw('POST', '/sim/gateways', extra);

/** `console gateway ACTION --account ID ...`: resolves with stdout, rejects with stderr. */
export function gateway(action, account, args = [], input = '') {
  return new Promise((resolve, reject) => {
    const child = execFile(consoleBin, ['-c', config, 'gateway', action, '--account', account, ...args],
      (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve(stdout.trim())));
    // A command that reads no input may exit first: its status says what happened.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

export async function status(account) {
  return JSON.parse(await gateway('status', account));
}

/** Claims a new simulated gateway for the account and waits for its first report. */
export async function claimGateway(account, extra = {}) {
  const g = await newGateway(extra);
  await gateway('claim', account, ['--code', g.code]);
  await eventually('the gateway is claimed and reports', async () => (await status(account)).step === 'configure_gateway');
  return { ...g, ...(await gw('GET', `/sim/gateways/${g.id}`)) };
}

/** Link status once no sync of it is queued or running and it has been tried after `after`. */
export async function settled(account, after = '') {
  let s;
  await eventually('the link is synced or has failed', async () => {
    s = await status(account);
    return s.link && !s.link.queued && !s.link.running && s.link.lastAttempt > after;
  }, { timeout: 60000, interval: 200 });
  return s.link;
}

/** Sync Now, and the link's status after it. */
export async function syncNow(account) {
  const before = (await status(account)).link.lastAttempt;
  // A second apart: attempts are recorded to the second.
  await new Promise((r) => setTimeout(r, 1000));
  await gateway('sync-now', account);
  return settled(account, before);
}

/** Gateway claimed, site saved, PBX linked and connected: the link after its first sync. */
export async function onboard(account, pbx, type = pbx.type) {
  const g = await claimGateway(account);
  await gateway('site', account, ['--site-name', 'HQ', '--city', 'Ottawa', '--country', 'CA', '--province', 'Ontario',
    '--postal-code', 'K0A 2G0']);
  const mbg = type === 'mivb' ? ['--mbg-host', `mbg.${pbx.name}.example.com`] : [];
  await gateway('pbx', account, ['--type', type, '--name', `PBX ${pbx.name}`, '--host', pbx.host, '--port', String(pbx.port),
    '--username', pbx.username, '--password-stdin', ...mbg], `${pbx.password}\nmbg-secret\n`);
  await gateway('connect', account);
  return { gateway: g, link: await settled(account) };
}

/** What the console holds of an account's users and PBX profiles, and the System's events: all a sync may write. */
export async function holdings(account) {
  return {
    users: await scalar(`SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', id, first_name, last_name, email,
      extension, pbx_user, registered, updated_at))), 0)) FROM users WHERE account_id = ${lit(account)}`),
    profiles: await scalar(`SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', pbx_id, user_id, fingerprint,
      email_state, updated_at))), 0)) FROM pbx_users WHERE account_id = ${lit(account)}`),
    dids: await scalar(`SELECT COUNT(*) FROM pbx_dids WHERE account_id = ${lit(account)}`),
    events: await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(account)} AND actor_user_id IS NULL
      AND actor_name = 'System'`),
  };
}
