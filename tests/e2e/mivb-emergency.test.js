// MiVoice Business → Emergency Services (guide §3.1.2): only with Zoom
// integrated too; Dialables and the Dynamic Location Provider, its Secret
// sealed and never shown again, Extra Headers a JSON object of header names
// to strings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldError, lit, partnerSession, scalar, visibleText } from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import { mivbAccount } from './lib/mivb.js';

/** Zoom on for the account (its OAuth setup is another screen's: the row is switched on here). */
async function zoomOn(who, accountId) {
  assert.equal((await who.send(`/a/${accountId}/integrations/add`, { kind: 'zoom' })).status, 303);
  await sql(`UPDATE account_integrations SET state = 'enabled' WHERE account_id = ${lit(accountId)} AND kind = 'zoom'`);
}

test('Emergency Services: only with Zoom; dialables and the provider saved, the secret sealed and never shown', async () => {
  const { partner, session: s } = await partnerSession('MiVB emergency');
  const a = await mivbAccount(s, partner.id, { users: 5 });
  const path = `/a/${a.id}/mivb/emergency`;
  assert.equal((await s.get(path)).status, 404, 'without Zoom');
  assert.doesNotMatch((await s.get(`/a/${a.id}/mivb/numbers`)).text, /\/mivb\/emergency"/);
  await zoomOn(s, a.id);
  let page = await s.get(path);
  assert.equal(page.status, 200);
  assert.match(page.text, /href="[^"]*\/mivb\/emergency"/, 'in the menu');
  assert.match(visibleText(page.text), /Dialables.*Dynamic Location Provider.*Name.*Type.*Primary Server.*Secondary Server.*Customer ID.*Secret.*Extra Headers/);
  let res = await s.send(path, { dialables: '911 112, 9', extra_headers: '{"X Api": "2"}', primary_server: 'http://x.example.com' });
  assert.equal(res.status, 422);
  assert.equal(fieldError(res.text, 'dialables'), 'A dialable has 2 to 6 digits.');
  assert.equal(fieldError(res.text, 'extra_headers'), 'A header name may hold only letters, digits and !#$%&\'*+-.^_`|~.');
  assert.equal(fieldError(res.text, 'primary_server'), 'Enter an https URL or a host name with an optional port.');
  res = await s.send(path, { dialables: '911\n112', name: 'RedSky', type: 'HELD', primary_server: 'https://dlp.example.com',
    secondary_server: 'dlp2.example.com:8443', customer_id: 'C-42', secret: 'top-secret-token',
    extra_headers: '{"X-Api-Version": "2"}' });
  assert.equal(res.status, 303);
  const stored = await scalar(`SELECT secret FROM account_integrations WHERE account_id = ${lit(a.id)} AND kind = 'mivb'`);
  assert.ok(stored && !stored.includes('top-secret-token'), 'sealed');
  page = await s.get(path);
  assert.doesNotMatch(page.text, /top-secret-token/);
  assert.match(visibleText(page.text), /A secret is stored; it is never shown again/);
  assert.match(page.text, />911 112</);
  // saved again without a secret: the stored one stays
  assert.equal((await s.send(path, { dialables: '911', name: 'RedSky' })).status, 303);
  assert.equal(await scalar(`SELECT secret FROM account_integrations WHERE account_id = ${lit(a.id)} AND kind = 'mivb'`), stored);
  const details = await scalar(`SELECT MAX(id) FROM events WHERE account_id = ${lit(a.id)}`);
  assert.ok(details);
});
