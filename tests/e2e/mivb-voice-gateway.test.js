// MiVoice Business → Voice Gateway (guide §3.1.2): the PBX's MBGs, Set
// Default MBG, and SIP Trunk Application Setup creating both trunks on the
// simulated PBX, or neither when the PBX refuses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldError, partnerSession, visibleText } from './lib/fixtures.js';
import { mivbAccount, pbxState } from './lib/mivb.js';
import { linkSite } from './lib/inventory.js';

test('Voice Gateway: default MBG and both SIP trunks written to the PBX; a refused setup creates none', async () => {
  const { partner, session: s } = await partnerSession('MiVB voice gateway');
  const a = await mivbAccount(s, partner.id, { users: 10, step: 'complete' });
  const base = `/a/${a.id}/mivb/voice-gateway`;
  let page = await s.get(base);
  assert.equal(page.status, 200);
  assert.match(visibleText(page.text), /Teleworking MiVoice Border Gateway.*SIP Trunk Application Setup/);
  assert.match(page.text, /href="[^"]*\/mivb\/voice-gateway"/, 'in the menu');
  // Set Default MBG needs the CloudLink Daemon on the MiVoice Business nodes too
  assert.match(visibleText(page.text), /once the CloudLink Gateway is deployed and the CloudLink Daemon is enabled/);
  let res = await s.send(`${base}/default`, { mbg: 'mbg-1' });
  assert.equal(res.status, 422);
  assert.match(fieldError(res.text, 'mbg'), /CloudLink Daemon is enabled/);
  await linkSite(s, a.id);
  page = await s.get(base);
  assert.match(page.text, /href="[^"]*\/voice-gateway\/default"/, 'Set Default');
  assert.match(visibleText((await s.get(`${base}/default`)).text), /Set Default MBG/);
  res = await s.send(`${base}/default`, { mbg: 'mbg-1' });
  assert.equal(res.status, 303);
  assert.deepEqual((await pbxState(a.pbx)).mbgs.map((m) => m.default), [false, true]);
  res = await s.send(base, { action: 'trunks', primary: 'node-1', secondary: 'node-1', mbg: 'mbg-1' });
  assert.equal(res.status, 422);
  assert.equal(fieldError(res.text, 'secondary'), 'The secondary MiVoice Business must differ from the primary.');
  assert.deepEqual((await pbxState(a.pbx)).trunks, [], 'neither trunk');
  res = await s.send(base, { action: 'trunks', primary: 'node-1', secondary: 'node-2', mbg: 'mbg-1' });
  assert.equal(res.status, 303);
  assert.deepEqual((await pbxState(a.pbx)).trunks.map((t) => t.kind), ['mbg-cloudlink', 'mivb-mbg']);
  page = await s.get(base);
  assert.match(visibleText(page.text), /MiVoice Border Gateway to CloudLink.*MiVoice Business to MiVoice Border Gateway/);
  res = await s.send(base, { action: 'trunks', primary: '', mbg: '' });
  assert.equal(fieldError(res.text, 'primary'), 'Choose the primary MiVoice Business.');
});
