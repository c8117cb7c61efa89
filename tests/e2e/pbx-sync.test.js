// The PBX sync (guide §3.1.1, §2.4 notes; ch3 §2.4): syncd reads a PBX
// through the gateway's relay and keeps the account's users in step with
// it, keyed by the PBX's ids. A failed, partial or timed-out read writes
// nothing and deletes nothing; an unchanged PBX costs zero writes.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lit, newCustomer, newPartner, newUser, scalar } from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import { gateway, gw, holdings, newPbx, onboard, pbxFault, settled, sim, status, syncNow } from './lib/pbx.js';

async function account(label) {
  const partner = await newPartner(label);
  const a = await newCustomer(partner.id, label);
  const admin = await newUser(a.id, { role: 'account_admin' });
  return { partner, ...a, admin };
}

describe('PBX sync', () => {
  test('the first sync brings the PBX users in, and lists those without a usable email', async () => {
    const a = await account('Sync first');
    const pbx = await newPbx('mivo400', 30, { noEmail: 2, dupEmail: 2 });
    const { link } = await onboard(a.id, pbx);
    assert.equal(link.connected, true, link.lastError);
    assert.equal(link.users, 30);
    assert.equal(link.noEmail, 2);
    assert.equal(link.dupEmail, 2);
    assert.equal(link.dids, 3);
    assert.equal((await status(a.id)).step, 'deployment', 'Connect the PBX is done once a sync worked');
    assert.match(await scalar(`SELECT relay_url FROM gateways WHERE account_id = ${lit(a.id)}`), /^https:\/\/127\.0\.0\.1:\d+\//,
      'through the gateway relay over HTTPS, its certificate checked');
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM users WHERE account_id = ${lit(a.id)} AND pbx_user = 1
      AND source = 'PBX' AND registered = 0`)), 26, 'a login for each user with a unique email');
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM pbx_users WHERE account_id = ${lit(a.id)} AND user_id IS NULL`)), 4);
    const one = await sim('GET', `/sim/pbxs/${pbx.name}/users/U7-10`);
    assert.equal(await scalar(`SELECT CONCAT(first_name, ' ', last_name, ' ', extension) FROM users
      WHERE account_id = ${lit(a.id)} AND email = ${lit(one.emailAddress)}`), `${one.givenName} ${one.surname} ${one.callNumbers[0]}`);
    const events = await sql(`SELECT action, COUNT(*) FROM events WHERE account_id = ${lit(a.id)} AND actor_name = 'System'
      GROUP BY action ORDER BY action`);
    assert.deepEqual(Object.fromEntries(events.map(([k, n]) => [k, Number(n)])),
      { 'did.create': 3, 'gateway.claimed': 1, 'gateway.connected': 1, 'pbx.connected': 1, 'pbx_user.create': 4, 'user.create': 26 },
      'one event per change, by the System');
    assert.equal(await scalar(`SELECT COUNT(*) FROM pbx_links WHERE account_id = ${lit(a.id)} AND secret_sealed LIKE 'v1:%'
      AND secret_sealed NOT LIKE '%cloudlink%'`), '1', 'the password is sealed');
  });

  test('a second sync of an unchanged PBX writes nothing, with a change token or without', async () => {
    for (const type of ['mxone', 'mivo250']) {
      const a = await account(`Sync idle ${type}`);
      const pbx = await newPbx(type, 40);
      await onboard(a.id, pbx);
      const before = await holdings(a.id);
      const link = await syncNow(a.id);
      assert.equal(link.failing, false, link.lastError);
      assert.deepEqual(await holdings(a.id), before, `${type}: no row of users, profiles, DIDs or events changed`);
      assert.equal(link.lastResult.writes, 0);
      assert.equal(link.lastResult.unchanged, type === 'mxone', `${type}: 304 only with a change token`);
    }
  });

  test('users changed, added and deleted on the PBX follow; a deleted user keeps a login only if registered', async () => {
    const a = await account('Sync follow');
    const pbx = await newPbx('mivb', 20);
    await onboard(a.id, pbx);
    const { ids: changed } = await sim('POST', `/sim/pbxs/${pbx.name}/change`, { count: 4 });
    await sim('POST', `/sim/pbxs/${pbx.name}/add`, { count: 2, email: 'none' });
    await sim('POST', `/sim/pbxs/${pbx.name}/add`, { count: 1 });
    // Two users go from the PBX: one signed up, one never did.
    const [gone1, gone2] = ['MIVB-7-18', 'MIVB-7-19'];
    const u1 = await scalar(`SELECT user_id FROM pbx_users WHERE account_id = ${lit(a.id)} AND pbx_id = '${gone1}'`);
    const u2 = await scalar(`SELECT user_id FROM pbx_users WHERE account_id = ${lit(a.id)} AND pbx_id = '${gone2}'`);
    await sql(`UPDATE users SET registered = 1 WHERE id = ${u1}`);
    await sim('POST', `/sim/pbxs/${pbx.name}/delete`, { ids: [gone1, gone2] });
    const link = await syncNow(a.id);
    assert.equal(link.failing, false, link.lastError);
    assert.equal(link.users, 21);
    assert.equal(link.noEmail, 2);
    for (const id of changed) {
      const u = await sim('GET', `/sim/pbxs/${pbx.name}/users/${id}`);
      assert.equal(await scalar(`SELECT u.last_name FROM users u JOIN pbx_users p ON p.user_id = u.id
        WHERE p.account_id = ${lit(a.id)} AND p.pbx_id = ${lit(id)}`), u.lastName);
    }
    assert.equal(await scalar(`SELECT pbx_user FROM users WHERE id = ${u1}`), '0', 'registered: unlinked, kept');
    assert.equal(await scalar(`SELECT COUNT(*) FROM users WHERE id = ${u2}`), '0', 'never registered: gone');
    assert.equal(link.lastResult.added, 3);
    assert.equal(link.lastResult.changed, 4);
    assert.equal(link.lastResult.removed, 2);
  });

  test('a link is due again its PBX Sync Schedule after a sync, and syncd takes it then without Sync Now', async () => {
    const a = await account('Sync schedule');
    const pbx = await newPbx('mivb', 10);
    const { link } = await onboard(a.id, pbx);
    assert.equal(link.failing, false, link.lastError);
    const due = async () => Number(await scalar(`SELECT TIMESTAMPDIFF(MINUTE, last_success_at, due_at) FROM pbx_links
      WHERE account_id = ${lit(a.id)}`));
    assert.equal(await due(), 20, 'the default schedule: 20 minutes after the last success');
    // The schedule's time comes (the clock is the database's): a change on the PBX follows by itself.
    const { ids: [changed] } = await sim('POST', `/sim/pbxs/${pbx.name}/change`, { count: 1 });
    const before = link.lastAttempt;
    await new Promise((resolve) => { setTimeout(resolve, 1100); });   // attempts are recorded to the second
    await sql(`UPDATE pbx_links SET due_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE account_id = ${lit(a.id)}`);
    const after = await settled(a.id, before);
    assert.equal(after.failing, false, after.lastError);
    const u = await sim('GET', `/sim/pbxs/${pbx.name}/users/${changed}`);
    assert.equal(await scalar(`SELECT u.last_name FROM users u JOIN pbx_users p ON p.user_id = u.id
      WHERE p.account_id = ${lit(a.id)} AND p.pbx_id = ${lit(changed)}`), u.lastName);
    assert.equal(await due(), 20, 'and due again a schedule later');
  });

  test('a PBX that is down, fails, hangs, or loses or cuts a page: nothing written, nobody deleted', async () => {
    const a = await account('Sync faults');
    const pbx = await newPbx('mxone', 2500);
    await onboard(a.id, pbx);
    // Users deleted on the PBX are not deleted here on the strength of a bad read.
    await sim('POST', `/sim/pbxs/${pbx.name}/delete`, { count: 30 });
    const before = await holdings(a.id);
    const words = {
      down: /PBX unreachable from the gateway/,
      500: /PBX error 500/,
      auth: /refused the CloudLink system username or password/,
      hang: /did not answer within 5 seconds/,
      'missing-page': /incomplete snapshot: a page of users is missing/,
      truncate: /incomplete snapshot/,
    };
    for (const [mode, text] of Object.entries(words)) {
      await pbxFault(pbx, mode, mode === 'down' ? {} : { count: 1 });
      const link = await syncNow(a.id);
      assert.equal(link.failing, true, mode);
      assert.match(link.lastError, text, mode);
      assert.deepEqual(await holdings(a.id), before, `${mode}: nothing written`);
      await pbxFault(pbx, 'none');
    }
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM notifications WHERE account_id = ${lit(a.id)}
      AND topic = 'pbx_link_failing' AND user_id = ${a.admin.id}`)), 1, 'told once when it started failing');
    const link = await syncNow(a.id);
    assert.equal(link.failing, false, link.lastError);
    assert.equal(link.lastResult.removed, 30, 'a complete read removes them');
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM notifications WHERE account_id = ${lit(a.id)}
      AND topic = 'pbx_link_recovered' AND user_id = ${a.admin.id}`)), 1, 'told when it works again');
  });

  test('a gateway that is offline makes the link fail with "gateway unreachable"', async () => {
    const a = await account('Sync offline');
    const pbx = await newPbx('miv5000', 10);
    const { gateway: g } = await onboard(a.id, pbx);
    const before = await holdings(a.id);
    await gw('POST', `/sim/gateways/${g.id}/offline`, { seconds: 600 });
    const link = await syncNow(a.id);
    assert.match(link.lastError, /^gateway unreachable/);
    assert.deepEqual(await holdings(a.id), before);
    await gw('POST', `/sim/gateways/${g.id}/online`);
    assert.equal((await syncNow(a.id)).failing, false);
  });

  test('Sync Now is refused while a sync of the link is queued; a PBX of another type is refused in words', async () => {
    const a = await account('Sync busy');
    const pbx = await newPbx('mivb', 5);
    const { link } = await onboard(a.id, pbx, 'mxone');
    assert.match(link.lastError, /is a MiVoice Business, not a MX-ONE/);
    await new Promise((r) => setTimeout(r, 1000));
    await pbxFault(pbx, 'slow', { count: 3, delayMs: 1500 });
    await gateway('sync-now', a.id);
    await assert.rejects(gateway('sync-now', a.id), /queued or running/);
    await settled(a.id, link.lastAttempt);
  });
});
