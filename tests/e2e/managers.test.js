// Account Managers (guide §2.15, §2.15.1): converting and upgrading
// administrators, assigning accounts, and the scope it gives: with two
// managers and overlapping assignments, every list, search, count and
// direct URL holds exactly the assigned accounts (404 otherwise). Each
// confirmed action is a job with its progress page: a few users done in the
// request, more by syncd. With nothing to act on the buttons are off, and
// an empty selection is refused with a message. The command line reads as
// a name where an actor is shown.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import {
  count, eventsOf, lastEventId, listRows, lit, newCustomer, newUser, partnerSession, scalar, signIn, visibleText,
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
  const job = await jobOf(partner, await repeated(session, '/account-managers/confirm', [['action', 'convert'], ['users', m1.id], ['users', m2.id]]));
  return { partner, session, accounts, m1, m2, job };
}

/** The job a confirmed action redirected to. */
function jobOf(partner, res) {
  assert.equal(res.status, 303);
  const m = /^\/a\/([0-9a-f-]{36})\/jobs\/(\d+)$/.exec(res.location ?? '');
  assert.ok(m, `redirected to a job page: ${res.location}`);
  assert.equal(m[1], partner.id);
  return { id: Number(m[2]), path: res.location };
}

/** Polls the job's progress until it ends; resolves with the percents seen. */
async function waitForJob(session, job) {
  const percents = [];
  await eventually(`job ${job.id} to end`, async () => {
    const p = JSON.parse((await session.get(`${job.path}/progress`)).text);
    percents.push(p.percent);
    return p.state === 'done' || p.state === 'failed';
  }, { timeout: 60000 });
  return percents;
}

/** POST a form whose fields repeat (users, accounts). */
function repeated(session, path, pairs) {
  return session.post(path, new URLSearchParams([...pairs, ['_csrf', session.csrf]]));
}

describe('Account Managers', () => {
  test('tabs with counts; converting, with its events; nobody acts on themselves', async () => {
    const { partner, session, m1, m2, job } = await setup();
    // Two users: done inside the request, so the job's page is complete at once.
    const done = await session.get(job.path);
    assert.equal(done.status, 200);
    assert.match(visibleText(done.text), /Convert to Account Managers/);
    assert.match(visibleText(done.text), /Completed ?: 2 of 2/);
    assert.match(done.text, /<progress id="job-bar" max="100" value="100"/);
    assert.match(done.text, /data-summary="done">2</);
    // Close goes back to the tab the conversion was started from (guide §2.15.1).
    assert.match(done.text, /<a class="button" href="\/account-managers\?tab=admins">Close<\/a>/);
    assert.equal(await count('notifications', `user_id = ${partner.adminId} AND job_id = ${job.id}`), 1);
    const page = await session.get('/account-managers?tab=managers');
    const text = visibleText(page.text);
    assert.match(text, /Account Managers \(2\) Administrators \(1\)/);
    for (const col of ['NAME', 'EMAIL ADDRESS', 'MODIFIED ON (BY)', 'MANAGED ACCOUNTS']) assert.ok(text.includes(col), col);
    assert.ok(text.includes(m1.email) && text.includes(m2.email));
    assert.equal(await scalar(`SELECT GROUP_CONCAT(role) FROM users WHERE id IN (${m1.id}, ${m2.id})`), 'account_manager,account_manager');
    const events = await eventsOf(partner.id, "action = 'user.update'");
    assert.deepEqual(events.map((e) => e.details.role), [{ from: 'partner_admin', to: 'account_manager' }, { from: 'partner_admin', to: 'account_manager' }]);
    assert.deepEqual(events.map((e) => e.details.job), [job.id, job.id]);
    // The signed-in administrator has no checkbox, and selecting them anyway
    // changes nothing: the job skips them and says why.
    const admins = await session.get('/account-managers?tab=admins');
    assert.doesNotMatch(admins.text, new RegExp(`name="users" value="${partner.adminId}"`));
    const asked = await session.get(`/account-managers/confirm?action=convert&users=${partner.adminId}`);
    assert.match(visibleText(asked.text), /you will be skipped/);
    const self = jobOf(partner, await repeated(session, '/account-managers/confirm', [['action', 'convert'], ['users', partner.adminId]]));
    const selfPage = visibleText((await session.get(self.path)).text);
    assert.match(selfPage, /Nobody can act on their own user\./);
    assert.equal(await scalar(`SELECT CONCAT(total, '/', processed, '/', skipped, '/', state) FROM jobs WHERE id = ${self.id}`), '1/1/1/done');
    assert.equal(await scalar(`SELECT role FROM users WHERE id = ${partner.adminId}`), 'partner_admin');
    // A manager cannot open Account Managers.
    const manager = await signIn(m1.email);
    assert.equal((await manager.get('/account-managers')).status, 404);
    assert.doesNotMatch((await manager.get('/')).text, /href="\/account-managers"/);
  });

  test('two managers with overlapping assignments each reach exactly theirs', async () => {
    const { partner, session, accounts: [alpha, bravo, charlie], m1, m2 } = await setup();
    // Mona: Alpha and Bravo; Milo: Bravo.
    jobOf(partner, await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', m1.id], ['accounts', alpha.id], ['accounts', bravo.id], ['tab', 'not']]));
    jobOf(partner, await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', m2.id], ['accounts', bravo.id], ['tab', 'not']]));

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
    const job = jobOf(partner, await repeated(session, '/account-managers/assign', [['action', 'unassign'], ['users', m1.id], ['accounts', alpha.id], ['tab', 'assigned']]));
    assert.match(visibleText((await session.get(job.path)).text), /Unassign Account\(s\).*Completed ?: 1 of 1/s);
    const after = await eventsOf(partner.id, `id > ${before}`);
    assert.deepEqual(after.map((e) => [e.action, e.assetId, e.details]), [['user.update', m1.id, { accounts_unassigned: [alpha.name], job: job.id }]]);
    const s = await signIn(m1.email);
    assert.equal((await s.get(`/a/${alpha.id}`)).status, 404);
    assert.equal((await s.get(`/a/${bravo.id}`)).status, 200);

    const up = jobOf(partner, await repeated(session, '/account-managers/confirm', [['action', 'upgrade'], ['users', m1.id]]));
    assert.equal(await scalar(`SELECT state FROM jobs WHERE id = ${up.id}`), 'done');
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
    const jobs = await count('jobs', `account_id = ${lit(other.id)}`);
    const res = await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', m1.id], ['users', foreignUser.id], ['accounts', foreignAccount.id]]);
    // Nothing of the other partner's was selectable: no account chosen, so nothing to confirm and no job.
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text), /Select at least one account\./);
    assert.equal(await count('jobs', `account_id = ${lit(other.id)}`), jobs);
    assert.equal(await scalar(`SELECT COUNT(*) FROM account_manager_accounts WHERE account_id = ${lit(foreignAccount.id)}`), '0');
    assert.deepEqual(await sql(`SELECT user_id FROM account_manager_accounts WHERE user_id = ${foreignUser.id}`), []);
  });

  test('more than five selected: each action runs in syncd, its progress reaches 100% and each user is done once', async () => {
    const { partner, session } = await partnerSession('Many');
    const [alpha, bravo] = [await newCustomer(partner.id, 'Alpha'), await newCustomer(partner.id, 'Bravo')];
    const staff = [];
    for (let i = 0; i < 7; i += 1) staff.push(await newUser(partner.id, { role: 'partner_admin', first: `Staff${i}` }));
    const users = staff.map((u) => ['users', u.id]);
    const ids = staff.map((u) => u.id).join(', ');
    const run = async (path, pairs, title) => {
      const before = await lastEventId();
      const job = jobOf(partner, await repeated(session, path, pairs));
      // More than five: left to syncd; without JavaScript the page says to refresh until it ends.
      const first = await session.get(job.path);
      assert.match(visibleText(first.text), new RegExp(title.replace(/[()]/g, '\\$&')));
      if (/data-job-state="(queued|running)"/.test(first.text)) assert.match(visibleText(first.text), /Refresh the page to see progress/);
      const percents = await waitForJob(session, job);
      assert.equal(percents.at(-1), 100);
      assert.ok(Number(await scalar(`SELECT attempts FROM jobs WHERE id = ${job.id}`)) >= 1, 'claimed by syncd');
      assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'progress only advances');
      const end = await session.get(job.path);
      assert.match(visibleText(end.text), /Completed/);
      assert.match(end.text, /<progress id="job-bar" max="100" value="100"/);
      assert.equal(await count('notifications', `user_id = ${partner.adminId} AND job_id = ${job.id}`), 1);
      const events = await eventsOf(partner.id, `id > ${before} AND action = 'user.update'`);
      assert.deepEqual(events.map((e) => e.assetId).sort(), staff.map((u) => u.id).sort(), 'one event per user');
      assert.ok(events.every((e) => e.details.job === job.id));
      return { job, end };
    };

    // Convert seven, with the signed-in administrator slipped in: skipped, with the reason.
    const converted = await run('/account-managers/confirm', [['action', 'convert'], ...users, ['users', partner.adminId]], 'Convert to Account Managers');
    assert.equal(await scalar(`SELECT CONCAT(total, '/', processed, '/', skipped) FROM jobs WHERE id = ${converted.job.id}`), '8/8/1');
    assert.match(visibleText(converted.end.text), /Nobody can act on their own user\./);
    assert.equal(await scalar(`SELECT COUNT(*) FROM users WHERE id IN (${ids}) AND role = 'account_manager'`), '7');
    assert.equal(await scalar(`SELECT role FROM users WHERE id = ${partner.adminId}`), 'partner_admin');

    await run('/account-managers/assign', [['action', 'assign'], ...users, ['accounts', alpha.id], ['accounts', bravo.id]], 'Assign Account(s)');
    assert.equal(await count('account_manager_accounts', `user_id IN (${ids})`), 14);
    await run('/account-managers/assign', [['action', 'unassign'], ...users, ['accounts', bravo.id]], 'Unassign Account(s)');
    assert.equal(await count('account_manager_accounts', `user_id IN (${ids}) AND account_id = ${lit(alpha.id)}`), 7);
    assert.equal(await count('account_manager_accounts', `user_id IN (${ids}) AND account_id = ${lit(bravo.id)}`), 0);

    await run('/account-managers/confirm', [['action', 'upgrade'], ...users], 'Upgrade to Administrators');
    assert.equal(await scalar(`SELECT COUNT(*) FROM users WHERE id IN (${ids}) AND role = 'partner_admin'`), '7');
    assert.equal(await count('account_manager_accounts', `user_id IN (${ids})`), 0);
  });
});

describe('nothing selected, nothing to act on (guide §2.15.1)', () => {
  /** The attributes of the button labelled label, or null. */
  const button = (html, label) => {
    for (const [, attrs, text] of html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)) if (text.trim() === label) return attrs;
    return null;
  };

  test('with nobody to select, the selection buttons are off', async () => {
    const { partner, session } = await partnerSession('Alone');
    // Only the signed-in administrator, who is never selectable.
    let html = (await session.get('/account-managers?tab=admins')).text;
    assert.match(button(html, 'Convert Selected'), /disabled/);
    html = (await session.get('/account-managers?tab=managers')).text;
    assert.match(button(html, 'Upgrade Selected'), /disabled/);
    assert.match(button(html, 'Manage Selected'), /disabled/);
    // Someone to select: on (a script then waits for the selection itself).
    await newUser(partner.id, { role: 'partner_admin' });
    const m = await newUser(partner.id, { role: 'account_manager' });
    html = (await session.get('/account-managers?tab=admins')).text;
    assert.doesNotMatch(button(html, 'Convert Selected'), /disabled/);
    assert.match(button(html, 'Convert Selected'), /data-needs-selection/);
    html = (await session.get('/account-managers?tab=managers')).text;
    assert.doesNotMatch(button(html, 'Upgrade Selected'), /disabled/);
    // Manage Selected: a tab without accounts has nothing to assign or unassign.
    html = (await session.get(`/account-managers/manage?users=${m.id}&tab=assigned`)).text;
    assert.match(button(html, 'Unassign'), /disabled/);
    await newCustomer(partner.id);
    html = (await session.get(`/account-managers/manage?users=${m.id}&tab=not`)).text;
    assert.doesNotMatch(button(html, 'Assign'), /disabled/);
  });

  test('a confirmation or a POST with nothing selected is refused with a message, and starts nothing', async () => {
    const { partner, session } = await partnerSession('Empty');
    const account = await newCustomer(partner.id);
    const m = await newUser(partner.id, { role: 'account_manager' });
    const admin = await newUser(partner.id, { role: 'partner_admin' });
    const jobs = () => count('jobs', `account_id = ${lit(partner.id)}`);
    const before = await jobs();
    const refused = (res, message) => {
      assert.equal(res.status, 422);
      const text = visibleText(res.text);
      assert.ok(text.includes(message), `says "${message}"`);
      assert.equal(button(res.text, 'OK') ?? button(res.text, 'Confirm') ?? button(res.text, 'Assign'), null, 'nothing to confirm');
    };
    refused(await session.get('/account-managers/confirm?action=convert'), 'Select at least one administrator to convert.');
    refused(await repeated(session, '/account-managers/confirm', [['action', 'convert']]), 'Select at least one administrator to convert.');
    // An administrator is not an account manager: nobody to upgrade.
    refused(await repeated(session, '/account-managers/confirm', [['action', 'upgrade'], ['users', admin.id]]), 'Select at least one account manager to upgrade.');
    refused(await session.get(`/account-managers/assign?action=assign&users=${m.id}&tab=not`), 'Select at least one account.');
    refused(await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', m.id], ['tab', 'not']]), 'Select at least one account.');
    refused(await repeated(session, '/account-managers/assign', [['action', 'unassign'], ['accounts', account.id]]), 'Select at least one account manager.');
    assert.equal(await jobs(), before, 'no job started');
    assert.equal(await scalar(`SELECT role FROM users WHERE id = ${admin.id}`), 'partner_admin');
  });
});

test('the command line is named as a name in MODIFIED ON (BY) and the history', async () => {
  // The partner and its first administrator come from `console create-partner`.
  const { partner, session } = await partnerSession('Command');
  await newUser(partner.id, { role: 'partner_admin' });
  const text = visibleText((await session.get('/account-managers?tab=admins')).text);
  assert.match(text, /\(Command line\)/);
  assert.doesNotMatch(text, /\(System \(command line\)\)|\)\)/);
  const created = await eventsOf(partner.id, "action = 'user.create'");
  assert.deepEqual(created.map((e) => e.actorName), ['Command line']);
});
