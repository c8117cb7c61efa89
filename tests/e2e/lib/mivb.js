// MiVoice Business accounts for the administration's tests (guide §3.1.2):
// a customer account whose gateway links a simulated MiVoice Business
// (lib/gateway.js), with the integration added and its Customer Admin
// Portal on, through the screens.

import assert from 'node:assert/strict';
import { gatewayAccount } from './gateway.js';
import { sim } from './pbx.js';

/** Resolves with { id, pbx, ... }: the account, its MiVoice Business menu on. */
export async function mivbAccount(who, partnerId, { users = 40, step = 'linked' } = {}) {
  const a = await gatewayAccount(who, partnerId, step, { pbx: { type: 'mivb', users } });
  let res = await who.send(`/a/${a.id}/integrations/add`, { kind: 'mivb' });
  assert.equal(res.status, 303, `Add MiVoice Business (${res.status})`);
  res = await who.send(`/a/${a.id}/integrations/mivb`, { admin_portal: '1' });
  assert.equal(res.status, 303, `Customer Admin Portal (${res.status})`);
  return a;
}

/** What the simulated PBX holds: { dids: [{number, target, changeToken}], locations: [{id, name}] }. */
export const pbxState = (pbx) => sim('GET', `/sim/pbxs/${pbx.name}/mivb`);
/** A user's services as the PBX holds them (guide §3.1.2.2). */
export const pbxServices = (pbx, pbxId) => sim('GET', `/sim/pbxs/${pbx.name}/mivb/users/${encodeURIComponent(pbxId)}`);
/** A user's department changed on the PBX itself: a new change token. */
export const changeServicesOnPbx = (pbx, pbxId, department) =>
  sim('POST', `/sim/pbxs/${pbx.name}/mivb/users/${encodeURIComponent(pbxId)}`, { department });
/** A DID changed on the PBX itself, as its own administrator would. */
export const changeOnPbx = (pbx, number, target) => sim('POST', `/sim/pbxs/${pbx.name}/mivb/did`, { number, target });
