// GET /health for operators' monitors, and a real database outage: the
// stack's MariaDB is stopped and started again. While it is away a signed-in
// page and a sign-in with the right password answer the 503 page (never "the
// password is incorrect") and /health says the database is unreachable;
// once it is back the console's workers and syncd reconnect by themselves.
// The database is always left running for the tests that follow.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, csrfFrom, sql, stackDir } from './lib/stack.js';
import { PASSWORD, lit, newCustomer, newUser, partnerSession, signIn, visibleText } from './lib/fixtures.js';

const UNAVAILABLE = /The console cannot reach its database just now\./;

async function health() {
  const res = await new Client().get('/health');
  assert.match(res.headers.get('content-type'), /^application\/json/);
  return { status: res.status, body: JSON.parse(res.text) };
}

/** Waits until check() resolves truthy, or fails after seconds. */
async function eventually(what, check, seconds = 90) {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    let last;
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`${what}: not after ${seconds} s${last ? ` (${last.message})` : ''}`);
    await sleep(250);
  }
}

// ---- the stack's processes, found the way scripts/stack finds them: by their pid files ----

/** The pid in run/<name>.pid, or 0 when there is none (mariadbd removes its own as it stops). */
function pidOf(name) {
  try {
    return Number(readFileSync(`${stackDir}/run/${name}.pid`, 'utf8').trim());
  } catch {
    return 0;
  }
}

/** Alive and not a zombie (an exited orphan stays one until it is reaped). */
function alive(pid) {
  if (!pid) return false;
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** mariadbd's command line, to start it again exactly as scripts/stack did. */
let mariadbCommand;

async function stopDatabase() {
  const pid = pidOf('mysqld');
  assert.ok(alive(pid), 'the stack\'s MariaDB runs');
  mariadbCommand = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  assert.match(mariadbCommand[0], /mariadbd$/);
  process.kill(pid, 'SIGTERM');
  // InnoDB flushes on shutdown; scripts/stack gives it two minutes too.
  await eventually('MariaDB stopped', () => !alive(pid), 120);
}

async function startDatabase() {
  if (!mariadbCommand) return;
  if (alive(pidOf('mysqld'))) return;
  const log = openSync(`${stackDir}/log/mysqld.log`, 'a');
  const child = spawn(mariadbCommand[0], mariadbCommand.slice(1), { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  closeSync(log);
  // mariadbd writes its own pid file (--pid-file) as it starts.
  await eventually('MariaDB answers', async () => (await sql('SELECT 1'))[0][0] === '1');
}

// Whatever happens in a test, the database is running when this file ends.
after(startDatabase);

describe('GET /health', () => {
  test('answers without a session: the database, syncd\'s heartbeat and the mail backlog', async () => {
    await eventually('healthy', async () => (await health()).status === 200, 30);
    const { body } = await health();
    assert.equal(body.status, 'ok');
    assert.deepEqual(body.database, { reachable: true });
    assert.equal(typeof body.syncd.heartbeat_age_seconds, 'number');
    assert.ok(body.syncd.heartbeat_age_seconds <= body.syncd.max_age_seconds);
    assert.equal(body.syncd.alive, true);
    for (const n of [body.mail.queued, body.mail.failed]) assert.ok(Number.isInteger(n) && n >= 0);

    // A mail that has waited ten minutes (not due yet, so syncd leaves it) and one that failed.
    const { partner } = await partnerSession();
    const account = await newCustomer(partner.id);
    const user = await newUser(account.id);
    const before = (await health()).body.mail;
    await sql(`INSERT INTO mail_outbox (account_id, user_id, kind, to_addr, state, next_attempt_at, created_at)
               VALUES (${lit(account.id)}, ${user.id}, 'reset', ${lit(user.email)}, 'queued',
                       UTC_TIMESTAMP() + INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 10 MINUTE),
                      (${lit(account.id)}, ${user.id}, 'reset', ${lit(user.email)}, 'failed',
                       UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
    try {
      const { status, body: after } = await health();
      assert.equal(status, 200, 'a backlog is reported, not an outage');
      assert.equal(after.mail.queued, before.queued + 1);
      assert.equal(after.mail.failed, before.failed + 1);
      assert.ok(after.mail.oldest_queued_seconds >= 600, `oldest ${after.mail.oldest_queued_seconds}`);
    } finally {
      await sql(`DELETE FROM mail_outbox WHERE user_id = ${user.id}`);
    }
  });

  test('503 while syncd\'s heartbeat is older than the limit', async () => {
    const syncd = pidOf('syncd');
    assert.ok(alive(syncd), 'the stack\'s syncd runs');
    process.kill(syncd, 'SIGSTOP');
    try {
      await sql('UPDATE daemon_heartbeats SET seen_at = UTC_TIMESTAMP() - INTERVAL 10 MINUTE');
      const { status, body } = await health();
      assert.equal(status, 503);
      assert.equal(body.status, 'unavailable');
      assert.deepEqual(body.database, { reachable: true });
      assert.equal(body.syncd.alive, false);
      assert.ok(body.syncd.heartbeat_age_seconds >= 600);
    } finally {
      process.kill(syncd, 'SIGCONT');
    }
    await eventually('syncd beats again', async () => (await health()).status === 200, 60);
  });
});

describe('a database outage', () => {
  test('503 pages and never "incorrect" while MariaDB is away; everything recovers once it is back', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    const admin = await newUser(account.id, { role: 'account_admin' });
    const adminSession = await signIn(admin.email);
    assert.equal((await session.get('/accounts')).status, 200);
    // A sign-in form fetched before the outage, to be sent during it.
    const visitor = new Client();
    const form = await visitor.get('/login');
    assert.equal(form.status, 200);

    await stopDatabase();
    try {
      const page = await session.get('/accounts');
      assert.equal(page.status, 503, 'a signed-in page');
      assert.match(visibleText(page.text), UNAVAILABLE);
      assert.equal(page.headers.get('retry-after'), '30');

      const inside = await adminSession.get(`/a/${account.id}/users`);
      assert.equal(inside.status, 503, 'a page inside an account');

      const signin = await visitor.post('/login', { email: partner.email, password: PASSWORD, _csrf: csrfFrom(form.text) });
      assert.equal(signin.status, 503, 'a sign-in with the right password');
      const text = visibleText(signin.text);
      assert.match(text, UNAVAILABLE);
      assert.doesNotMatch(text, /incorrect/i);
      assert.ok(!visitor.cookies.get('sb_session'), 'no session');

      const { status, body } = await health();
      assert.equal(status, 503);
      assert.deepEqual(body, { status: 'unavailable', database: { reachable: false } });
    } finally {
      await startDatabase();
    }

    // Each console worker reconnects at its next request, syncd at its next pass.
    await eventually('/health is 200 again', async () => (await health()).status === 200);
    for (let i = 0; i < 4; i++) {
      assert.equal((await session.get('/accounts')).status, 200, 'the session survived the outage');
      assert.equal((await adminSession.get(`/a/${account.id}/users`)).status, 200);
    }
    const again = await visitor.post('/login', { email: partner.email, password: PASSWORD, _csrf: csrfFrom(form.text) });
    assert.equal(again.status, 303, 'signing in works again');
    assert.equal((await visitor.get('/')).status, 200);
  });
});
