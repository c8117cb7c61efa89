// Customer accounts at each step of the CloudLink Gateway onboarding (guide
// §3.1.1), for the wizard's tests: made through the screens (Add Gateway)
// and the `console gateway` steps against the stack's gateway-sim and
// pbx-sim (lib/pbx.js), never by writing the onboarding's tables.

import assert from 'node:assert/strict';
import { newCustomer } from './fixtures.js';
import { claimGateway, gateway, newPbx, settled, status } from './pbx.js';

export const STEPS = ['new', 'added', 'claimed', 'site', 'linked', 'connected', 'complete'];

/** The wizard's path of an account: /a/ID/integrations/gateway[/tab]. */
export const wizard = (accountId, tab = '') => `/a/${accountId}/integrations/gateway${tab ? `/${tab}` : ''}`;

/**
 * A new customer account of partnerId brought to step (STEPS) by `who`, a
 * signed-in session that may add integrations there. gateway: what the
 * simulated gateway is ({kind, platform}); pbx: {type, users, ...} for pbx-sim.
 * Resolves with { id, name, gateway?, pbx? }.
 */
export async function gatewayAccount(who, partnerId, step, { gateway: gw = {}, pbx: pbxOptions = {} } = {}) {
  const want = STEPS.indexOf(step);
  assert.ok(want >= 0, `a step of ${STEPS.join(', ')}`);
  const account = await newCustomer(partnerId, 'Gateway customer');
  if (want >= 1) {
    const res = await who.send(wizard(account.id), {});
    assert.equal(res.status, 303, `Add Gateway (${res.status})`);
  }
  if (want >= 2) account.gateway = await claimGateway(account.id, gw);
  if (want >= 3) {
    await gateway('site', account.id, ['--site-name', 'HQ', '--city', 'Ottawa', '--country', 'CA', '--province', 'Ontario',
      '--postal-code', 'K0A 2G0']);
  }
  if (want >= 4) {
    const { type = 'mivo400', users = 12, ...extra } = pbxOptions;
    const pbx = await newPbx(type, users, extra);
    const mbg = type === 'mivb' ? ['--mbg-host', `mbg.${pbx.name}.example.com`] : [];
    await gateway('pbx', account.id, ['--type', type, '--name', `PBX ${pbx.name}`, '--host', pbx.host, '--port', String(pbx.port),
      '--username', pbx.username, '--password-stdin', ...mbg], `${pbx.password}\nmbg-secret\n`);
    account.pbx = pbx;
  }
  if (want >= 5) {
    await gateway('connect', account.id);
    account.link = await settled(account.id);
    assert.equal(account.link.connected, true, account.link.lastError);
  }
  if (want >= 6) await gateway('complete', account.id);
  if (want >= 2) account.status = await status(account.id);
  return account;
}
