// Account Managers (guide §2.15, issue 5 §3, §5): converting and upgrading
// administrators, assigning accounts, and the scope it gives: with two
// managers and overlapping assignments, every list, search, count and
// direct URL holds exactly the assigned accounts (404 otherwise).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import {
  eventsOf, lastEventId, listRows, lit, newCustomer, newUser, partnerSession, scalar, signIn, visibleText,
} from './lib/fixtures.js';

/** A partner with three customer accounts and two administrators made managers through the screens. */
async function setup() {
  const { partner, session } = await partnerSession('Managers');
  const accounts = [await newCustomer(partner.id, 'Alpha'), await newCustomer(partner.id, 'Bravo'), await newCustomer(partner.id, 'Charlie')];
  const m1 = await newUser(partner.id, { role: 'partner_admin', first: 'Mona' });
  const m2 = await newUser(partner.id, { role: 'partner_admin', first: 'Milo' });
  const confirm = await session.get(`/account-managers/confirm?action=convert&users=${m1.id}&users=${m2.id}`);
  assert.equal(confirm.status, 200);
  assert.match(visibleText(confirm.text), /Convert to Account Managers\?/);
  const done = await repeated(session, '/account-managers/confirm', [['action', 'convert'], ['users', m1.id], ['users', m2.id]]);
  assert.equal(done.status, 303);
  assert.equal(done.location, '/account-managers?tab=managers&done=convert&n=2');
  return { partner, session, accounts, m1, m2 };
}

/** POST a form whose fields repeat (users, accounts). */
function repeated(session, path, pairs) {
  return session.post(path, new URLSearchParams([...pairs, ['_csrf', session.csrf]]));
}

describe('Account Managers', () => {
  test('tabs with counts; converting, with its events; nobody acts on themselves', async () => {
    const { partner, session, m1, m2 } = await setup();
    const page = await session.get('/account-managers?tab=managers&done=convert&n=2');
    const text = visibleText(page.text);
    assert.match(text, /Account Managers \(2\) Administrators \(1\)/);
    assert.match(text, /Convert to Account Managers/);
    assert.match(page.text, /<progress max="2" value="2"/);
    for (const col of ['NAME', 'EMAIL ADDRESS', 'MODIFIED ON (BY)', 'MANAGED ACCOUNTS']) assert.ok(text.includes(col), col);
    assert.ok(text.includes(m1.email) && text.includes(m2.email));
    assert.equal(await scalar(`SELECT GROUP_CONCAT(role) FROM users WHERE id IN (${m1.id}, ${m2.id})`), 'account_manager,account_manager');
    const events = await eventsOf(partner.id, "action = 'user.update'");
    assert.deepEqual(events.map((e) => e.details.role), [{ from: 'partner_admin', to: 'account_manager' }, { from: 'partner_admin', to: 'account_manager' }]);
    // The signed-in administrator has no checkbox, and selecting them anyway changes nothing.
    const admins = await session.get('/account-managers?tab=admins');
    assert.doesNotMatch(admins.text, new RegExp(`name="users" value="${partner.adminId}"`));
    const self = await repeated(session, '/account-managers/confirm', [['action', 'convert'], ['users', partner.adminId]]);
    assert.equal(self.status, 303);
    assert.equal(await scalar(`SELECT role FROM users WHERE id = ${partner.adminId}`), 'partner_admin');
    // A manager cannot open Account Managers.
    const manager = await signIn(m1.email);
    assert.equal((await manager.get('/account-managers')).status, 404);
    assert.doesNotMatch((await manager.get('/')).text, /href="\/account-managers"/);
  });

  test('two managers with overlapping assignments each reach exactly theirs', async () => {
    const { partner, session, accounts: [alpha, bravo, charlie], m1, m2 } = await setup();
    // Mona: Alpha and Bravo; Milo: Bravo.
    assert.equal((await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', m1.id], ['accounts', alpha.id], ['accounts', bravo.id], ['tab', 'not']])).status, 303);
    assert.equal((await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', m2.id], ['accounts', bravo.id], ['tab', 'not']])).status, 303);

    // The manage page for both: Bravo to all, Alpha to some, Charlie to none; hover names the managers.
    const manage = async (tab) => (await session.get(`/account-managers/manage?users=${m1.id}&users=${m2.id}&tab=${tab}`)).text;
    const all = await manage('all');
    assert.match(visibleText(all), /Accounts assigned to all \(1\) Accounts assigned to some \(1\) Accounts not assigned \(\d+\)/);
    assert.ok(visibleText(all).includes(bravo.name));
    assert.match(all, /title="Milo [^"]*, Mona [^"]*">2</);
    assert.ok(visibleText(await manage('some')).includes(alpha.name));
    assert.ok(visibleText(await manage('not')).includes(charlie.name));

    const expectations = [[m1, [alpha, bravo]], [m2, [bravo]]];
    for (const [m, mine] of expectations) {
      const s = await signIn(m.email);
      const ids = (html) => listRows(html).map((h) => h.split('/')[2]).sort();
      // The Accounts list, its count, and a search.
      const list = await s.get('/accounts');
      assert.deepEqual(ids(list.text), mine.map((a) => a.id).sort(), `${m.name}'s list`);
      assert.match(visibleText(list.text), new RegExp(`of ${mine.length} `));
      for (const a of [alpha, bravo, charlie]) {
        const found = ids((await s.get(`/accounts?q=${encodeURIComponent(a.name)}`)).text);
        assert.deepEqual(found, mine.includes(a) ? [a.id] : [], `${m.name} searching ${a.name}`);
        // Direct URLs.
        for (const path of [`/a/${a.id}`, `/a/${a.id}/info`, `/a/${a.id}/users`, `/a/${a.id}/users/new`]) {
          assert.equal((await s.get(path)).status, mine.includes(a) ? 200 : 404, `${m.name} ${path}`);
        }
      }
      // The drop-down-like list of a role's Accounts tab holds theirs too.
      const role = await scalar(`SELECT id FROM roles WHERE partner_id = ${lit(partner.id)} LIMIT 1`)
        ?? (await session.send('/roles/new', { name: `Scope ${m.id}`, base: 'admin', admin_users_view: '1' })).location.split('/')[2];
      const tab = await s.get(`/roles/${role}/accounts`);
      const listed = [...tab.text.matchAll(/name="accounts" value="([^"]+)"/g)].map((x) => x[1]).sort();
      assert.deepEqual(listed, mine.map((a) => a.id).sort(), `${m.name}'s role accounts tab`);
    }
  });

  test('unassigning, and upgrading back to administrator (assignments dropped)', async () => {
    const { partner, session, accounts: [alpha, bravo], m1 } = await setup();
    await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', m1.id], ['accounts', alpha.id], ['accounts', bravo.id]]);
    const confirm = await session.get(`/account-managers/assign?action=unassign&users=${m1.id}&accounts=${alpha.id}&tab=assigned`);
    assert.match(visibleText(confirm.text), /Unassign Account\(s\)\?/);
    const before = await lastEventId();
    const res = await repeated(session, '/account-managers/assign', [['action', 'unassign'], ['users', m1.id], ['accounts', alpha.id], ['tab', 'assigned']]);
    assert.equal(res.location, `/account-managers/manage?users=${m1.id}&tab=assigned&done=unassign&n=1`);
    const after = await eventsOf(partner.id, `id > ${before}`);
    assert.deepEqual(after.map((e) => [e.action, e.assetId, e.details]), [['user.update', m1.id, { accounts_unassigned: [alpha.name] }]]);
    const s = await signIn(m1.email);
    assert.equal((await s.get(`/a/${alpha.id}`)).status, 404);
    assert.equal((await s.get(`/a/${bravo.id}`)).status, 200);

    const up = await repeated(session, '/account-managers/confirm', [['action', 'upgrade'], ['users', m1.id]]);
    assert.equal(up.location, '/account-managers?tab=admins&done=upgrade&n=1');
    assert.equal(await scalar(`SELECT role FROM users WHERE id = ${m1.id}`), 'partner_admin');
    assert.equal(await scalar(`SELECT COUNT(*) FROM account_manager_accounts WHERE user_id = ${m1.id}`), '0');
    // Unrestricted again, from the next request.
    assert.equal((await s.get(`/a/${alpha.id}`)).status, 200);
  });

  test('another partner\'s users and accounts are never selectable', async () => {
    const { session, m1 } = await setup();
    const { partner: other } = await partnerSession('Other');
    const foreignAccount = await newCustomer(other.id);
    const foreignUser = await newUser(other.id, { role: 'account_manager' });
    const res = await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', m1.id], ['users', foreignUser.id], ['accounts', foreignAccount.id]]);
    assert.equal(res.status, 303);
    assert.equal(await scalar(`SELECT COUNT(*) FROM account_manager_accounts WHERE account_id = ${lit(foreignAccount.id)}`), '0');
    assert.deepEqual(await sql(`SELECT user_id FROM account_manager_accounts WHERE user_id = ${foreignUser.id}`), []);
  });
});
