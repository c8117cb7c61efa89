// What `make run` shows of Integrations & Apps and Developer (console
// seed-demo): Acme's integrations with their privileges and the warning of a
// subscription it lacks the integration for, Globex's, and a registered
// application assigned to Acme — made by the demo's partner administrator
// through the screens' lib/ code, once however often it runs.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { config, consoleBin, sql } from './lib/stack.js';
import { lit, signIn, visibleText } from './lib/fixtures.js';

const seed = () => execFileSync(consoleBin, ['-c', config, 'seed-demo'], { encoding: 'utf8' });

async function accountId(name) {
  const rows = await sql(`SELECT a.id FROM accounts a JOIN accounts p ON p.id = a.partner_id
                          WHERE p.name = 'Demo Partner' AND a.name = ${lit(name)}`);
  return rows[0][0];
}

describe('the demo\'s integrations and application', () => {
  before(() => { seed(); });

  test('are made once, by the partner administrator, with their events', async () => {
    const state = () => sql(`SELECT (SELECT COUNT(*) FROM account_integrations), (SELECT COUNT(*) FROM subscriptions),
      (SELECT COUNT(*) FROM applications), (SELECT COUNT(*) FROM application_accounts), (SELECT COUNT(*) FROM events)`);
    const before = await state();
    seed();
    assert.deepEqual(await state(), before);
    const acme = await accountId('Acme Corporation');
    const added = await sql(`SELECT JSON_VALUE(details, '$.integration'), actor_name FROM events
      WHERE account_id = ${lit(acme)} AND action = 'integration.add'`);
    for (const name of ['MiCollab', 'Mitel One', 'CloudLink Gateway']) {
      assert.ok(added.some(([what, who]) => what === name && who === 'Pat Partner'), name);
    }
  });

  test('show on Account Information, Integrations & Apps and Developer', async () => {
    const s = await signIn('partner@demo.example.com', 'switchboard-demo');
    const acme = await accountId('Acme Corporation');
    const info = visibleText((await s.get(`/a/${acme}/info`)).text);
    assert.match(info, /There is a Zoom Hybrid subscription assigned to this account but the integration is not enabled\. Add the 'Zoom' integration to ensure functionality\./);
    assert.match(info, /MiCollab On CloudLink Gateway .* Mitel One ⚙ On/, "Mitel One with its ⚙, Mitel One Settings");
    assert.doesNotMatch(info, /Requires a Mitel One subscription/, 'Acme has its Mitel One subscription');
    const globex = await accountId('Globex Industries');
    const page = (await s.get(`/a/${globex}/info`)).text;
    assert.match(page, /aria-checked="true"\s+aria-label="MiTeam Meetings"/);
    assert.match(page, /aria-checked="true"\s+aria-label="Allow Guest Access"/);
    assert.match(page, /aria-checked="true"\s+aria-label="Bandwidth Optimization"/);
    const dev = visibleText((await s.get('/developer')).text);
    assert.match(dev, /Acme Wallboard Shows Acme's queues and who is available [0-9a-f-]{36} 1 /);
    // The Account Admin of Acme sees them too, and not the Developer page.
    const admin = await signIn('admin@acme.example.com', 'switchboard-demo');
    assert.match(visibleText((await admin.get(`/a/${acme}/integrations`)).text), /MiCollab/);
    assert.equal((await admin.get('/developer')).status, 404);
  });
});
