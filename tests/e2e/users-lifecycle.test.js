// User lifecycle by email (issue 3; guide §2.1, §2.4, §1.3), end to end
// through the stack's real SMTP sink: welcome email → sign-up → sign-in;
// password resets; "Forgot your password?"; the Manage panel's jobs with
// their progress and summary; notifications; mail kept while the SMTP
// server is down; two syncd processes sharing the work.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { Client, csrfFrom, repo, sql, stackDir } from './lib/stack.js';
import {
  PASSWORD, addUserViaUI, adminSession, count, eventsOf, fieldError, lit, newCustomer, newUser, partnerSession,
  scalar, signIn, uid, visibleText,
} from './lib/fixtures.js';
import { allMails, eventually, linkIn, mailSink, mailsTo, waitForMail } from './lib/mail.js';

const NEW_PASSWORD = 'a brand new password';

/** POST a form whose fields may repeat (ids: [...]), with the session's CSRF token. */
async function sendForm(session, path, fields) {
  if (!session.csrf) await session.refreshCsrf();
  const body = new URLSearchParams({ _csrf: session.csrf });
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) body.append(name, String(v));
  }
  return session.post(path, body);
}

/** GET a link from an email in a fresh, signed-out browser-like client. */
async function openLink(url) {
  const c = new Client();
  const res = await c.get(url.pathname + url.search);
  return { client: c, res };
}

/** Fill in the sign-up or reset form opened from a link. */
async function submitPassword({ client, res }, url, password, confirm = password) {
  return client.post(url.pathname, { _csrf: csrfFrom(res.text), t: url.searchParams.get('t'), password, confirm });
}

async function jobOf(location) {
  const m = /\/a\/([0-9a-f-]{36})\/jobs\/(\d+)$/.exec(location ?? '');
  assert.ok(m, `redirected to a job page: ${location}`);
  return { account: m[1], id: m[2], path: location };
}

async function waitForJob(session, job) {
  return eventually(`job ${job.id} to end`, async () => {
    const res = await session.get(`${job.path}/progress`);
    assert.equal(res.status, 200);
    const p = JSON.parse(res.text);
    return p.state === 'done' || p.state === 'failed' ? p : null;
  }, { timeout: 60000 });
}

describe('Welcome email and sign-up (guide §2.1)', () => {
  test('a new user gets the welcome email, signs up from its link and signs in; the link works once', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    const user = await addUserViaUI(session, account.id, { first_name: 'Ada', last_name: `Byron${uid()}` });
    assert.equal(await count('mail_outbox', `user_id = ${user.id} AND kind = 'welcome'`), 1, 'queued with the user');

    const mail = await waitForMail(user.email);
    assert.equal(mail.subject, 'Finish building your account');
    assert.match(mail.text, /Finish building your account/);
    assert.match(mail.html, /<a href="http[^"]+\/register\?t=[0-9a-f]{64}">Finish building your account<\/a>/);
    assert.ok(mail.text.includes(account.name), 'names the account');
    const link = linkIn(mail);
    assert.ok(mail.html.includes(link.href), 'the same link in both parts');
    // Only the hash is stored.
    assert.equal(await count('user_tokens', `token_hash = ${lit(link.searchParams.get('t'))}`), 0);

    const opened = await openLink(link);
    assert.equal(opened.res.status, 200);
    assert.ok(visibleText(opened.res.text).includes(user.email));
    let res = await submitPassword(opened, link, 'short');
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'password'), 'The password must have at least 8 characters.');
    res = await submitPassword(opened, link, NEW_PASSWORD, 'something else');
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'confirm'), 'The passwords do not match.');
    assert.equal(await scalar(`SELECT registered FROM users WHERE id = ${user.id}`), '0', 'nothing changed yet');

    res = await submitPassword(opened, link, NEW_PASSWORD);
    assert.equal(res.status, 303);
    assert.equal(res.location, '/register?done=1');
    assert.match(visibleText((await opened.client.get(res.location)).text), /registration is complete/);
    assert.equal(await scalar(`SELECT registered FROM users WHERE id = ${user.id}`), '1');
    const events = await eventsOf(account.id, `action = 'user.register' AND asset_id = ${lit(user.id)}`);
    assert.equal(events.length, 1);

    await signIn(user.email, NEW_PASSWORD);
    // Used once: the link now says so and offers nothing else.
    const again = await openLink(link);
    assert.equal(again.res.status, 404);
    assert.match(visibleText(again.res.text), /already been used/);
    assert.doesNotMatch(again.res.text, /name="password"/);
    res = await submitPassword({ client: again.client, res: await again.client.get('/login') }, link, 'yet another one');
    assert.equal(res.status, 404);
    await signIn(user.email, NEW_PASSWORD);
  });

  test('expired and unknown links are refused and say so', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    const user = await addUserViaUI(session, account.id);
    const link = linkIn(await waitForMail(user.email));
    await sql(`UPDATE user_tokens SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE user_id = ${user.id}`);
    const opened = await openLink(link);
    assert.equal(opened.res.status, 404);
    assert.match(visibleText(opened.res.text), /This link has expired/);
    assert.doesNotMatch(opened.res.text, /name="password"/);
    const res = await submitPassword({ client: opened.client, res: await opened.client.get('/login') }, link, NEW_PASSWORD);
    assert.equal(res.status, 404);
    assert.equal(await scalar(`SELECT registered FROM users WHERE id = ${user.id}`), '0');

    const unknown = await openLink(new URL(`/register?t=${'ab'.repeat(32)}`, link));
    assert.equal(unknown.res.status, 404);
    assert.match(visibleText(unknown.res.text), /This link is not valid/);
    const garbage = await openLink(new URL('/register?t=%27%3B--', link));
    assert.equal(garbage.res.status, 404);
  });

  test('"Resend the welcome email" sends another; using either link uses both', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    const user = await addUserViaUI(session, account.id);
    const first = linkIn(await waitForMail(user.email));
    const page = await session.get(`/a/${account.id}/users/${user.id}`);
    assert.match(visibleText(page.text), /Resend the welcome email/);
    const res = await session.send(`/a/${account.id}/users/${user.id}/welcome`);
    assert.equal(res.status, 303);
    const second = linkIn(await waitForMail(user.email, 2));
    assert.notEqual(first.href, second.href);
    assert.equal((await submitPassword(await openLink(second), second, NEW_PASSWORD)).status, 303);
    assert.match(visibleText((await openLink(first)).res.text), /already been used/);
    // Registered now: no more resend link, and a forged resend sends nothing.
    assert.doesNotMatch(visibleText((await session.get(`/a/${account.id}/users/${user.id}`)).text), /Resend the welcome email/);
    await session.send(`/a/${account.id}/users/${user.id}/welcome`);
    assert.equal(await count('mail_outbox', `user_id = ${user.id}`), 2);
  });
});

describe('Password resets (guide §2.4)', () => {
  test('reset for selected users: only the registered get mail; the new password ends the old sessions', async () => {
    const { account, admin, session } = await adminSession((await partnerSession()).partner.id);
    const registered = await newUser(account.id);
    const unregistered = await newUser(account.id, { signIn: false });
    const elsewhere = await signIn(registered.email);
    const res = await sendForm(session, `/a/${account.id}/users/manage`, { action: 'reset', ids: [registered.id, unregistered.id] });
    assert.equal(res.status, 303);
    const job = await jobOf(res.location);
    const page = await session.get(job.path);
    assert.equal(page.status, 200);
    const text = visibleText(page.text);
    assert.match(text, /Reset passwords/);
    assert.match(text, /Completed/);
    assert.match(text, /Not registered: only registered users receive a reset email\./);
    assert.ok(text.includes(unregistered.email));

    const link = linkIn(await waitForMail(registered.email));
    assert.equal(mailsTo(unregistered.email).length, 0);
    assert.equal(link.pathname, '/reset');
    const opened = await openLink(link);
    assert.equal(opened.res.status, 200);
    const done = await submitPassword(opened, link, NEW_PASSWORD);
    assert.equal(done.status, 303);
    assert.equal(done.location, '/reset?done=1');
    // Signed out everywhere: the old session now goes to the sign-in page.
    const old = await elsewhere.get('/');
    assert.equal(old.status, 303);
    assert.equal(old.location, '/login');
    await signIn(registered.email, NEW_PASSWORD);
    assert.equal((await new Client().login(registered.email, PASSWORD)).status, 422, 'the old password no longer works');
    assert.match(visibleText((await openLink(link)).res.text), /already been used/);
    assert.equal((await eventsOf(account.id, `action = 'user.password_reset' AND asset_id = ${lit(registered.id)}`)).length, 1);
    // The admin who started it is told.
    assert.equal(await count('notifications', `user_id = ${admin.id} AND job_id = ${job.id}`), 1);
  });

  test('"Forgot your password?" answers the same whether or not the address exists', async () => {
    const { partner } = await partnerSession();
    const account = await newCustomer(partner.id);
    const user = await newUser(account.id);
    const ask = async (address) => {
      const c = new Client();
      const login = await c.get('/login');
      assert.match(login.text, /href="\/forgot"/, 'the sign-in page links to it');
      const form = await c.get('/forgot');
      const res = await c.post('/forgot', { _csrf: csrfFrom(form.text), email: address });
      const shown = await c.get(res.location);
      return { status: res.status, location: res.location, text: visibleText(shown.text) };
    };
    // The mail server is away, so the first reset email is still on its way
    // when the address asks again: no second one is queued, and the page says the same.
    await mailSink('stop');
    try {
      const known = await ask(user.email);
      const unknown = await ask(`nobody-${uid()}@example.com`);
      assert.equal(known.status, 303);
      assert.deepEqual(unknown, known);
      assert.deepEqual(await ask(user.email), known);
      assert.equal(await count('mail_outbox', `user_id = ${user.id} AND kind = 'reset'`), 1);
    } finally {
      await mailSink('start');
    }
    const link = linkIn(await waitForMail(user.email));
    assert.equal(link.pathname, '/reset');
    assert.equal(await count('mail_outbox', `user_id = ${user.id} AND kind = 'reset'`), 1);
  });
});

describe('Manage panel and jobs (guide §2.4)', () => {
  test('delete users: partner users, yourself and the last admin are skipped, and the summary says why', async () => {
    const { partner, session } = await partnerSession();
    const staff = await newUser(partner.id, { role: 'partner_admin' });
    const account = await newCustomer(partner.id);
    const onlyAdmin = await newUser(account.id, { role: 'account_admin' });
    const plain = await newUser(account.id);
    // In the partner account every user is partner staff.
    let res = await sendForm(session, `/a/${partner.id}/users/manage/delete`, { ids: [staff.id], confirm: 'delete' });
    let page = visibleText((await session.get(res.location)).text);
    assert.match(page, /Partner users are never deleted\./);
    assert.equal(await count('users', `id = ${staff.id}`), 1);

    res = await sendForm(session, `/a/${account.id}/users/manage/delete`, { ids: [onlyAdmin.id, plain.id], confirm: 'nope' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'confirm'), 'Type the word exactly as shown to continue.');
    res = await sendForm(session, `/a/${account.id}/users/manage/delete`, { ids: [onlyAdmin.id, plain.id], confirm: 'delete' });
    assert.equal(res.status, 303);
    page = visibleText((await session.get(res.location)).text);
    assert.match(page, /The account needs at least one Account Admin\./);
    assert.equal(await count('users', `id = ${plain.id}`), 0);
    assert.equal(await count('users', `id = ${onlyAdmin.id}`), 1);
    assert.equal((await eventsOf(account.id, `action = 'user.delete' AND asset_id = ${lit(plain.id)}`)).length, 1);
  });

  test('nothing selected, or nobody matching: the panel says so and no job is made', async () => {
    const { account, session } = await adminSession((await partnerSession()).partner.id);
    const jobs = async () => Number(await scalar(`SELECT COUNT(*) FROM jobs WHERE account_id = ${lit(account.id)}`));
    const before = await jobs();
    let res = await session.get(`/a/${account.id}/users/manage?scope=selected`);
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text), /No users are selected\. Select users in the list, or use Manage all\./);
    assert.doesNotMatch(res.text, /name="action" value="welcome"/, 'no action offered');
    res = await sendForm(session, `/a/${account.id}/users/manage`, { action: 'welcome', scope: 'selected' });
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text), /No users are selected/);
    res = await sendForm(session, `/a/${account.id}/users/manage/delete`, { scope: 'selected', confirm: 'delete' });
    assert.equal(res.status, 422);
    res = await sendForm(session, `/a/${account.id}/users/manage`, { action: 'reset', scope: 'all', q: `zz-nobody-${uid()}` });
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text), /No users match this list, so there is nothing to manage\./);
    assert.equal(await jobs(), before, 'no job');
  });

  test('another account\'s users and jobs are out of reach', async () => {
    const { partner, session } = await partnerSession();
    const mine = await newCustomer(partner.id);
    const { account: theirs, session: theirSession } = await adminSession((await partnerSession()).partner.id);
    const stranger = await newUser(theirs.id);
    const res = await sendForm(session, `/a/${mine.id}/users/manage/delete`, { ids: [stranger.id], confirm: 'delete' });
    const job = await jobOf(res.location);
    assert.equal(await count('users', `id = ${stranger.id}`), 1, 'not deleted');
    assert.equal(await scalar(`SELECT total FROM jobs WHERE id = ${job.id}`), '0');
    assert.equal((await theirSession.get(`/a/${theirs.id}/jobs/${job.id}`)).status, 404);
    assert.equal((await session.get(`/a/${theirs.id}/users/manage`)).status, 404);
  });
});

describe('Bulk actions, notifications and the mailer under load', () => {
  let second;
  after(() => { if (second && second.exitCode === null) second.kill('SIGTERM'); });

  test('"Send welcome emails to all" over 1,000 users with two syncd running: progress to 100%, each mail once', async () => {
    // A second syncd on the same database (its own pid and log files).
    const config = readFileSync(`${stackDir}/switchboard.hdf`, 'utf8')
      .replace(/^Syncd\.PidFile = .*$/m, `Syncd.PidFile = ${stackDir}/run/syncd2.pid`)
      .replace(/^Syncd\.LogFile = .*$/m, `Syncd.LogFile = ${stackDir}/log/syncd2.log`);
    writeFileSync(`${stackDir}/syncd2.hdf`, config, { mode: 0o600 });
    const log = openSync(`${stackDir}/log/syncd2.log`, 'a');
    second = spawn(`${process.env.SB_BIN ?? `${repo}/bin`}/syncd`, ['-c', `${stackDir}/syncd2.hdf`], { stdio: ['ignore', log, log] });

    const { account, admin, session } = await adminSession((await partnerSession()).partner.id);
    const tag = uid();
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered, created_at, updated_at)
               SELECT ${lit(account.id)}, 'Bulk', CONCAT('User', seq), CONCAT('Bulk User', seq),
                      CONCAT('bulk', seq, '-${tag}@bulk.example.com'), 'user', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()
               FROM seq_1_to_1000`);
    const manage = await session.get(`/a/${account.id}/users/manage?property=unregistered`);
    assert.equal(manage.status, 200);
    assert.match(visibleText(manage.text), /Manage all \(1,000 users\)/);
    assert.match(visibleText(manage.text), /Send welcome emails to all/);
    const res = await sendForm(session, `/a/${account.id}/users/manage`, { action: 'welcome', property: 'unregistered' });
    const job = await jobOf(res.location);
    const page = visibleText((await session.get(job.path)).text);
    assert.match(page, /Send welcome emails/);

    const percents = [];
    const end = await eventually('the job to reach 100%', async () => {
      const p = JSON.parse((await session.get(`${job.path}/progress`)).text);
      percents.push(p.percent);
      return p.state === 'done' ? p : null;
    }, { timeout: 60000 });
    assert.equal(end.percent, 100);
    assert.equal(end.total, 1000);
    assert.deepEqual(percents, [...percents].sort((a, b) => a - b), 'progress only advances');
    const [[total, processed]] = await sql(`SELECT total, processed FROM jobs WHERE id = ${job.id}`);
    assert.deepEqual([total, processed], ['1000', '1000'], 'every item done exactly once');
    assert.equal(await count('mail_outbox', `job_id = ${job.id}`), 1000);

    await eventually('1,000 mails sent', async () => (await count('mail_outbox', `job_id = ${job.id} AND state = 'sent'`)) === 1000,
      { timeout: 90000 });
    const perRecipient = () => {
      const n = new Map();
      for (const m of allMails()) if (m.to.endsWith(`-${tag}@bulk.example.com`)) n.set(m.to, (n.get(m.to) ?? 0) + 1);
      return n;
    };
    const delivered = await eventually('1,000 mails in the sink', () => {
      const n = perRecipient();
      return n.size === 1000 ? n : null;
    }, { timeout: 30000 });
    assert.ok([...delivered.values()].every((c) => c === 1), 'no mail was sent twice');
    // A batch goes out over one SMTP connection: far fewer connections than mails.
    const connections = new Set(allMails().filter((m) => m.to.endsWith(`-${tag}@bulk.example.com`)).map((m) => m.file.replace(/-m\d+\.eml$/, '')));
    assert.ok(connections.size <= 1000 / 10, `${connections.size} connections for 1,000 mails`);

    // The bell: one new notification, completed, with its counts.
    const home = await session.get(`/a/${account.id}/users`);
    const bell = visibleText(/<details class="bell"[\s\S]*?<\/details>/.exec(home.text)[0]);
    assert.match(home.text, /<span class="badge count" data-bell-badge>1<\/span>/);
    assert.match(bell, /Welcome emails Completed 1000 of 1000/);
    assert.equal(await count('notifications', `user_id = ${admin.id}`), 1);
  });

  test('a job whose syncd died is taken over when its lease expires', async () => {
    const { account, admin } = await adminSession((await partnerSession()).partner.id);
    const users = [await newUser(account.id, { signIn: false }), await newUser(account.id, { signIn: false })];
    // Job and items in one transaction, as the console writes them.
    const [[jobId]] = await sql(`BEGIN;
      INSERT INTO jobs (account_id, kind, state, total, created_by, created_by_name, attempts, run_after,
                        lease_owner, lease_until, created_at)
      VALUES (${lit(account.id)}, 'welcome', 'running', 2, ${admin.id}, 'Crashed', 1, UTC_TIMESTAMP(),
              'gone-host:1:deadbeef', UTC_TIMESTAMP() - INTERVAL 1 SECOND, UTC_TIMESTAMP());
      SET @job = LAST_INSERT_ID();
      INSERT INTO job_items (job_id, account_id, user_id) VALUES
        (@job, ${lit(account.id)}, ${users[0].id}), (@job, ${lit(account.id)}, ${users[1].id});
      COMMIT;
      SELECT @job`);
    await eventually('the job to be taken over and finished',
      async () => (await scalar(`SELECT state FROM jobs WHERE id = ${jobId}`)) === 'done');
    for (const u of users) await waitForMail(u.email);
    assert.equal(await scalar(`SELECT processed FROM jobs WHERE id = ${jobId}`), '2');
  });

  test('with the SMTP server down mail waits, the notification says so, and it all goes out when it is back', async () => {
    const { partner, session: partnerAdmin } = await partnerSession();
    const account = await newCustomer(partner.id);
    await mailSink('stop');
    try {
      const user = await addUserViaUI(partnerAdmin, account.id);
      const ids = [];
      for (let i = 0; i < 6; i++) ids.push((await newUser(account.id, { signIn: false })).id);
      const res = await sendForm(partnerAdmin, `/a/${account.id}/users/manage`, { action: 'welcome', ids });
      const job = await jobOf(res.location);
      await waitForJob(partnerAdmin, job);
      await eventually('a failed attempt recorded', async () => {
        const [row] = await sql(`SELECT state, attempts, last_error FROM mail_outbox WHERE user_id = ${user.id}`);
        return row[0] === 'queued' && Number(row[1]) >= 1 && row[2] !== '' ? row : null;
      });
      const bell = visibleText(/<details class="bell"[\s\S]*?<\/details>/.exec((await partnerAdmin.get(`/a/${account.id}/users`)).text)[0]);
      assert.match(bell, /6 emails waiting for the mail server/);
      assert.equal(mailsTo(user.email).length, 0);
    } finally {
      await mailSink('start');
    }
    await eventually('every queued mail sent', async () => (await count('mail_outbox', `account_id = ${lit(account.id)} AND state <> 'sent'`)) === 0,
      { timeout: 60000 });
    assert.equal(await count('mail_outbox', `account_id = ${lit(account.id)} AND state = 'sent'`), 7);
  });
});
