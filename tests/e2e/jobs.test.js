// Jobs and the bell (guide §1.3, §2.15.1): a job's page names its state as
// its bar shows it, and its Close goes back to where the job was started;
// a notification is its user's alone.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import {
  adminSession, count, lit, newCustomer, newUser, partnerSession, scalar, signIn, visibleText,
} from './lib/fixtures.js';

/** A job of accountId held back from syncd (due tomorrow), in the given state; its page's path. */
async function heldJob(accountId, starterId, { kind = 'welcome', state = 'queued', total = 10, processed = 0, returnTo = '' } = {}) {
  await sql(`INSERT INTO jobs (account_id, kind, state, total, processed, created_by, created_by_name, return_to,
                               run_after, created_at)
             VALUES (${lit(accountId)}, ${lit(kind)}, ${lit(state)}, ${total}, ${processed}, ${starterId}, 'Starter',
                     ${lit(returnTo)}, UTC_TIMESTAMP() + INTERVAL 1 DAY, UTC_TIMESTAMP())`);
  const id = await scalar('SELECT MAX(id) FROM jobs');
  return { id, path: `/a/${accountId}/jobs/${id}` };
}

/** The href of the page's Close. */
function closeOf(html) {
  const m = /<a class="button" href="([^"]*)">Close<\/a>/.exec(html);
  assert.ok(m, 'the page has a Close');
  return m[1].replace(/&amp;/g, '&');
}

/** POST a form whose fields repeat, with the session's CSRF token. */
function repeated(session, path, pairs) {
  return session.post(path, new URLSearchParams([...pairs, ['_csrf', session.csrf]]));
}

describe('a job\'s page', () => {
  test('the state follows the bar: a job that has begun is never "Waiting to start"', async () => {
    const { account, admin, session } = await adminSession((await partnerSession()).partner.id);
    const waiting = await heldJob(account.id, admin.id);
    let page = await session.get(waiting.path);
    assert.match(visibleText(page.text), /Waiting to start ?: 0 of 10/);
    let progress = JSON.parse((await session.get(`${waiting.path}/progress`)).text);
    assert.equal(progress.state_label, 'Waiting to start');

    // Waiting again after a failed batch, with part of it done: in progress.
    const begun = await heldJob(account.id, admin.id, { processed: 4 });
    page = await session.get(begun.path);
    assert.match(visibleText(page.text), /In progress ?: 4 of 10/);
    assert.doesNotMatch(visibleText(page.text), /Waiting to start/);
    progress = JSON.parse((await session.get(`${begun.path}/progress`)).text);
    assert.deepEqual([progress.state, progress.percent, progress.state_label], ['queued', 40, 'In progress']);

    await sql(`UPDATE jobs SET state = 'running' WHERE id = ${waiting.id}`);
    progress = JSON.parse((await session.get(`${waiting.path}/progress`)).text);
    assert.equal(progress.state_label, 'In progress');
  });

  test('Close goes back to where the job was started, and only to a page of this console', async () => {
    const { partner, session } = await partnerSession('Closing');
    const account = await newCustomer(partner.id);
    const admin = await newUser(account.id, { role: 'account_admin' });
    // A Users job with no page recorded: the account's Users list.
    let job = await heldJob(account.id, admin.id);
    assert.equal(closeOf((await session.get(job.path)).text), `/a/${account.id}/users`);
    // One recorded: back there, filters and all.
    const filtered = `/a/${account.id}/users?property=unregistered&q=ann`;
    job = await heldJob(account.id, admin.id, { returnTo: filtered });
    assert.equal(closeOf((await session.get(job.path)).text), filtered);
    // Never another site, whatever the row says.
    for (const hostile of ['//evil.example.com/x', 'https://evil.example.com/', '/\\evil.example.com', 'javascript:alert(1)', '/a b']) {
      job = await heldJob(account.id, admin.id, { returnTo: hostile });
      assert.equal(closeOf((await session.get(job.path)).text), `/a/${account.id}/users`, hostile);
    }

    // The Account Managers actions record the page they were started from.
    const staff = await newUser(partner.id, { role: 'partner_admin' });
    let res = await repeated(session, '/account-managers/confirm', [['action', 'convert'], ['users', staff.id]]);
    assert.equal(res.status, 303);
    assert.equal(closeOf((await session.get(res.location)).text), '/account-managers?tab=admins');
    res = await repeated(session, '/account-managers/assign', [['action', 'assign'], ['users', staff.id], ['accounts', account.id], ['tab', 'not']]);
    assert.equal(res.status, 303);
    assert.equal(closeOf((await session.get(res.location)).text), `/account-managers/manage?users=${staff.id}&tab=not`);
    res = await repeated(session, '/account-managers/confirm', [['action', 'upgrade'], ['users', staff.id]]);
    assert.equal(res.status, 303);
    assert.equal(closeOf((await session.get(res.location)).text), '/account-managers?tab=managers');
  });
});

describe('the bell', () => {
  test('another user\'s notification cannot be deleted (404) and stays; one\'s own can', async () => {
    const { account, admin, session } = await adminSession((await partnerSession()).partner.id);
    const other = await newUser(account.id, { role: 'account_admin' });
    const notify = async (userId) => {
      const job = await heldJob(account.id, userId, { state: 'done', processed: 10 });
      await sql(`INSERT INTO notifications (user_id, account_id, job_id, created_at)
                 VALUES (${userId}, ${lit(account.id)}, ${job.id}, UTC_TIMESTAMP())`);
      return scalar(`SELECT MAX(id) FROM notifications WHERE user_id = ${userId}`);
    };
    const theirs = await notify(other.id);
    const mine = await notify(admin.id);
    const res = await session.send(`/notifications/${theirs}/delete`, { back: '/' });
    assert.equal(res.status, 404);
    assert.equal(await count('notifications', `id = ${theirs}`), 1, 'still there');
    // Nor does Dismiss All touch it.
    assert.equal((await session.send('/notifications/dismiss', { back: '/' })).status, 303);
    assert.equal(await scalar(`SELECT seen FROM notifications WHERE id = ${theirs}`), '0');

    const own = await session.send(`/notifications/${mine}/delete`, { back: `/a/${account.id}/users` });
    assert.equal(own.status, 303);
    assert.equal(own.location, `/a/${account.id}/users`);
    assert.equal(await count('notifications', `id = ${mine}`), 0);
    // Someone signed in elsewhere still has theirs.
    const them = await signIn(other.email);
    assert.match((await them.get(`/a/${account.id}/users`)).text, new RegExp(`/notifications/${theirs}/delete`));
  });
});
