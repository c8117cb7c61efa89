// The serving infrastructure, against the check stack's real processes:
// templates parsed once per worker yet re-read when an administrator edits
// an included one, hostile form bodies answered at once, nginx's own
// refusals (too large, too long, too many) as pages with the console's
// security headers, workers without root, a stale prepared statement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Client, baseURL, config, consoleBin, csrfFrom, sql, stackDir } from './lib/stack.js';
import { email, forgetAddressFailures } from './lib/fixtures.js';
import { configValue, scimAccount, scimUser } from './lib/scim.js';

test('an edited included template shows on the next request, and goes when removed', async () => {
  const c = new Client();
  const before = await c.get('/login');
  assert.equal(before.status, 200);
  assert.doesNotMatch(before.text, /Footer override/);
  // Every worker has this page parsed by now (one request each is not
  // guaranteed, so ask a few times): the override must still be noticed.
  for (let i = 0; i < 4; i++) assert.equal((await c.get('/login')).status, 200);
  const file = `${stackDir}/templates/footer.cs`;
  mkdirSync(`${stackDir}/templates`, { recursive: true });
  writeFileSync(file, '<footer class="footer">Footer override one</footer>\n');
  try {
    for (let i = 0; i < 4; i++) {
      const res = await c.get('/login');
      assert.equal(res.status, 200);
      assert.match(res.text, /Footer override one/);
    }
    // Edited again in place: the new text, on every worker.
    writeFileSync(file, '<footer class="footer">Footer override two, longer</footer>\n');
    for (let i = 0; i < 4; i++) assert.match((await c.get('/login')).text, /Footer override two, longer/);
  } finally {
    rmSync(file);
  }
  for (let i = 0; i < 4; i++) assert.doesNotMatch((await c.get('/login')).text, /Footer override/);
});

test('a form body of one name repeated 80,000 times is refused at once (400)', async () => {
  const c = new Client();
  const page = await c.get('/login');
  const body = `_csrf=${csrfFrom(page.text)}&${'a=1&'.repeat(80000)}email=x%40example.com&password=x`;
  assert.ok(body.length > 320000);
  const res = await c.post('/login', body, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(res.status, 400);
  // The worker is free again: the next request is served.
  assert.equal((await c.get('/login')).status, 200);
});

test('a form with many repeated names under the cap is processed as usual', async () => {
  const c = new Client();
  const page = await c.get('/login');
  const body = `_csrf=${csrfFrom(page.text)}&${'ids=1&'.repeat(1500)}email=nobody-${Date.now()}%40example.com&password=wrong-password`;
  const res = await c.post('/login', body, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  // The sign-in form comes back with its generic message: parsed, not refused.
  assert.notEqual(res.status, 400);
  assert.ok(res.status < 500, `status ${res.status}`);
  assert.match(res.text, /<form/);
  await forgetAddressFailures();
});

/**
 * One HTTP request with node:http, for what fetch() cannot do: a source
 * address of our choosing (nginx counts requests per client address, and
 * the rest of the suite comes from 127.0.0.1), a declared body length
 * larger than what is sent. Resolves with { status, headers, text }.
 */
function rawRequest({ method = 'GET', path = '/', headers = {}, body = '', from = '127.0.0.1', declaredLength }) {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, method, path, localAddress: from, agent: false,
      headers: { ...headers, ...(method === 'POST' ? { 'content-length': declaredLength ?? Buffer.byteLength(body) } : {}) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      res.on('error', reject);
    });
    // nginx may answer and close before taking a body it refuses.
    req.on('error', (err) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    if (body) req.write(body);
    if (declaredLength === undefined) req.end();
  });
}

/** nginx's error page: the console's security headers and a page saying what happened. */
function assertErrorPage(res, status, text) {
  assert.equal(res.status, status);
  assert.match(res.headers['content-type'], /^text\/html/);
  assert.match(res.headers['content-security-policy'], /default-src 'none'/);
  assert.match(res.headers['content-security-policy'], /frame-ancestors 'none'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'DENY');
  assert.equal(res.headers['referrer-policy'], 'same-origin');
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
  assert.match(res.headers['permissions-policy'], /camera=\(\)/);
  assert.match(res.text, text);
  assert.match(res.text, /href="\/static\/css\/console\.css"/);
  assert.match(res.text, /Back to the console/);
}

test('a body over the size limit gets the 413 page', async () => {
  const res = await rawRequest({
    method: 'POST', path: '/a/x/users/import', declaredLength: 13 * 1024 * 1024, body: 'x'.repeat(1024),
    headers: { 'content-type': 'application/octet-stream', cookie: 'sb_session=none' },
  });
  assertErrorPage(res, 413, /Too large/);
});

test('an address over the length limit gets the 414 page', async () => {
  const res = await rawRequest({ path: `/${'a'.repeat(12000)}` });
  assertErrorPage(res, 414, /Address too long/);
});

// Each flood comes from its own loopback address, so its bucket is its own.
async function flood(from, path, headers = {}) {
  const all = await Promise.all(Array.from({ length: 80 }, () => rawRequest({
    method: 'POST', path, from, body: 'email=flood%40example.com',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  })));
  return all;
}

test('a flood of POSTs without a session gets the 429 page', async () => {
  const answers = await flood('127.0.0.2', '/forgot');
  const limited = answers.filter((r) => r.status === 429);
  assert.ok(limited.length > 0, `statuses: ${[...new Set(answers.map((r) => r.status))]}`);
  assertErrorPage(limited[0], 429, /Too many requests/);
  // The others reached the console, which refused them itself (no CSRF token).
  assert.ok(answers.every((r) => r.status === 429 || r.status === 403));
});

test('sign-up, reset and forgot are limited even with a made-up session cookie', async () => {
  for (const [i, path] of ['/register', '/reset', '/forgot'].entries()) {
    const answers = await flood(`127.0.0.${3 + i}`, path, { cookie: 'sb_session=made-up' });
    assert.ok(answers.some((r) => r.status === 429), `${path}: ${[...new Set(answers.map((r) => r.status))]}`);
  }
});

test('a signed-in POST is not counted as one without a session', async () => {
  // The same flood with the cookie of a session to a console screen: the
  // console answers every one (403: no CSRF token in the body).
  const answers = await flood('127.0.0.6', '/password', { cookie: 'sb_session=whatever-value' });
  assert.ok(answers.every((r) => r.status !== 429), `${[...new Set(answers.map((r) => r.status))]}`);
});

function procStatus(pid, field) {
  return new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
}

function consoleProcesses() {
  const master = Number(readFileSync(`${stackDir}/run/console.pid`, 'utf8').trim());
  const workers = execFileSync('pgrep', ['-P', String(master)], { encoding: 'utf8' })
    .split('\n').filter(Boolean).map(Number);
  assert.ok(workers.length >= 1, 'the master has workers');
  return { master, workers };
}

test('every worker has no_new_privs set', () => {
  for (const pid of consoleProcesses().workers) assert.equal(procStatus(pid, 'NoNewPrivs'), '1', `worker ${pid}`);
});

// The stack sets Console.User = nobody when it runs as root (scripts/stack).
test('as root, workers run as Console.User and the master keeps root', { skip: process.getuid() !== 0 && 'the stack does not run as root' }, async () => {
  assert.match(readFileSync(config, 'utf8'), /^\s*Console\.User = nobody$/m);
  const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
  const { master, workers } = consoleProcesses();
  for (const pid of workers) {
    // real, effective, saved and filesystem ids alike: no way back to root.
    assert.deepEqual(procStatus(pid, 'Uid').split(/\s+/).map(Number), [uid, uid, uid, uid], `worker ${pid} uids`);
    assert.deepEqual(procStatus(pid, 'Gid').split(/\s+/).map(Number), [gid, gid, gid, gid], `worker ${pid} gids`);
    assert.ok(!procStatus(pid, 'Groups').split(/\s+/).includes('0'), `worker ${pid} keeps group root`);
  }
  assert.equal(procStatus(master, 'Uid').split(/\s+/)[0], '0');
  // The socket is theirs (and nginx's, which runs as root here).
  const sock = statSync(`${stackDir}/run/console.sock`);
  assert.equal(sock.uid, uid);
  assert.equal(sock.mode & 0o777, 0o660);
  // And they still read templates and reach the database.
  const res = await new Client().get('/login');
  assert.equal(res.status, 200);
  assert.match(res.text, /name="_csrf"/);
});

test('console serve refuses to start when Console.User does not exist', () => {
  const dir = mkdtempSync('/tmp/sbuser.');
  try {
    const cfg = readFileSync(config, 'utf8').replace(/^\s*Console\.(Socket|PidFile|User) = .*$/mg, '');
    writeFileSync(`${dir}/console.hdf`, `${cfg}\nConsole.Socket = ${dir}/console.sock\nConsole.User = sb-no-such-user\n`, { mode: 0o600 });
    const run = spawnSync(consoleBin, ['-c', `${dir}/console.hdf`, 'serve'], { encoding: 'utf8', timeout: 30000 });
    assert.equal(run.status, 1, `exit status ${run.status} (signal ${run.signal}): ${run.stderr}`);
    assert.match(run.stderr, /Console\.User sb-no-such-user: no such user/);
    assert.ok(!existsSync(`${dir}/console.sock`), 'no socket left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a statement gone stale under a new trigger fails one request of a worker, named in the log, not every one after', async () => {
  const { client } = await scimAccount('Stale statement');
  const create = async () => (await client.post('/Users', scimUser(email('stale')))).status;
  // The workers have the create's INSERT ... RETURNING prepared.
  for (let i = 0; i < 4; i++) assert.equal(await create(), 201);
  // A trigger that reads a table the statement did not touch: MariaDB then
  // answers the prepared statement that the table does not exist, until it
  // is prepared again.
  await sql('CREATE TRIGGER tr_users_probe AFTER INSERT ON users FOR EACH ROW SET @probe = (SELECT COUNT(*) FROM tx_commits)');
  const statuses = [];
  try {
    for (let ok = 0; ok < 6 && statuses.length < 40;) {
      statuses.push(await create());
      ok = statuses.at(-1) === 201 ? ok + 1 : 0;
    }
  } finally {
    await sql('DROP TRIGGER IF EXISTS tr_users_probe');
  }
  const failed = statuses.filter((s) => s !== 201);
  assert.ok(failed.every((s) => s === 500) && failed.length <= Number(configValue('Console.Workers')),
    `at most one failure a worker: ${statuses}`);
  assert.deepEqual(statuses.slice(-6), [201, 201, 201, 201, 201, 201], `then every create: ${statuses}`);
  if (failed.length) {
    assert.match(readFileSync(`${stackDir}/log/console.log`, 'utf8'),
      /db: Table '[^']*tx_commits' doesn't exist in: INSERT INTO users .*\(reading its rows\)/);
  }
});
