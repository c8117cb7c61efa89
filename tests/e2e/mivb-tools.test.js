// MiVoice Business → Tools (guide §3.1.2): only when MiCollab is present;
// Sync MiVoice Business to MiCollab per item and for the selection, as a job
// syncd runs against the simulated PBX, with its progress page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lit, partnerSession, scalar, visibleText } from './lib/fixtures.js';
import { eventually } from './lib/mail.js';
import { mivbAccount, pbxState } from './lib/mivb.js';

test('Tools: Sync and Sync Selected run as jobs that reach every chosen ring group on the PBX', async () => {
  const { partner, session: s } = await partnerSession('MiVB tools');
  const a = await mivbAccount(s, partner.id, { users: 4 });
  const path = `/a/${a.id}/mivb/tools`;
  assert.equal((await s.get(path)).status, 404, 'without MiCollab');
  assert.equal((await s.send(`/a/${a.id}/integrations/add`, { kind: 'micollab' })).status, 303);
  let page = await s.get(path);
  assert.equal(page.status, 200);
  assert.match(page.text, /href="[^"]*\/mivb\/tools"/, 'in the menu');
  assert.match(visibleText(page.text), /Sync MiVoice Business to MiCollab.*Personal Ring Group.*Multi-device User Group 1/);
  const ids = [...page.text.matchAll(/name="ids" value="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(ids.length, 6);

  let res = await s.send(path, { one: 'mdug-1' });
  assert.equal(res.status, 303);
  const job = /\/jobs\/(\d+)$/.exec(res.location)[1];
  await eventually('the job is done', async () => (await scalar(`SELECT state FROM jobs WHERE id = ${job}`)) === 'done');
  assert.deepEqual((await pbxState(a.pbx)).micollabSynced, ['mdug-1']);
  assert.match(visibleText((await s.get(res.location)).text), /Sync MiVoice Business to MiCollab/);

  const body = new URLSearchParams({ _csrf: s.csrf });
  for (const id of [ids[0], ids[1], 'not-an-item']) body.append('ids', id);
  res = await s.post(path, body);
  assert.equal(res.status, 303);
  const job2 = /\/jobs\/(\d+)$/.exec(res.location)[1];
  assert.equal(await scalar(`SELECT total FROM jobs WHERE id = ${job2}`), '2', 'only the PBX\'s items');
  await eventually('the second job is done', async () => (await scalar(`SELECT state FROM jobs WHERE id = ${job2}`)) === 'done');
  assert.deepEqual((await pbxState(a.pbx)).micollabSynced, ['mdug-1', ids[0], ids[1]]);
  assert.equal(await scalar(`SELECT processed FROM jobs WHERE id = ${job2}`), '2');
  page = await s.get(path);
  assert.doesNotMatch(visibleText(page.text).split('Multi-device User Group 1')[1] ?? '', /^ Never/, 'its last sync shown');
  assert.ok(await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(a.id)} AND action = 'templated_services.sync'`) === '2');
});
