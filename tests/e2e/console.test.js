// The console process itself: a broken template, a dead worker, a reload,
// syncd's heartbeat and migrate. These run against the check stack's real processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Client, config, consoleBin, createPartner, sql, stackDir } from './lib/stack.js';

const suffix = Math.random().toString(36).slice(2, 8);
const email = `console-${suffix}@example.com`;
const password = 'console-test-password';

function masterPid() {
  return Number(readFileSync(`${stackDir}/run/console.pid`, 'utf8').trim());
}

function workerPids() {
  try {
    return execFileSync('pgrep', ['-P', String(masterPid())], { encoding: 'utf8' })
      .split('\n').filter(Boolean).map(Number).sort();
  } catch {
    return [];
  }
}

// Polls until cond() holds: process changes are asynchronous, so wait for
// the state rather than for a fixed time.
async function until(cond, what) {
  for (let i = 0; i < 200; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function signedIn() {
  const c = new Client();
  const res = await c.login(email, password);
  assert.equal(res.status, 303);
  return c;
}

test('set up a partner', async () => {
  await createPartner(`Console Partner ${suffix}`, email, password);
});

test('a broken template shows its file and line, and the worker survives', async () => {
  const c = await signedIn();
  const dir = `${stackDir}/templates/home`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/dashboard.cs`, '<?cs def:content() ?>\n<h1>x</h1>\n<?cs if:Me.id ?>\n<?cs /def ?>\n');
  try {
    const broken = await c.get('/');
    assert.equal(broken.status, 500);
    assert.match(broken.text, /dashboard\.cs:4/);
    assert.match(broken.text, /template has an error/);
  } finally {
    rmSync(`${dir}/dashboard.cs`);
  }
  const fixed = await c.get('/');
  assert.equal(fixed.status, 200);
  assert.match(fixed.text, /Console Partner/);
});

test('an override template is used without a restart', async () => {
  const c = await signedIn();
  const dir = `${stackDir}/templates/home`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/dashboard.cs`, '<?cs def:content() ?><h1>Customised dashboard</h1><?cs /def ?>\n');
  try {
    const res = await c.get('/');
    assert.equal(res.status, 200);
    assert.match(res.text, /Customised dashboard/);
  } finally {
    rmSync(`${dir}/dashboard.cs`);
  }
});

test('a worker that dies is replaced', async () => {
  const before = workerPids();
  assert.ok(before.length >= 1, 'the master has workers');
  process.kill(before[0], 'SIGKILL');
  await until(() => {
    const now = workerPids();
    return now.length === before.length && !now.includes(before[0]);
  }, 'a replacement worker');
  const c = await signedIn();
  assert.equal((await c.get('/')).status, 200);
});

test('SIGHUP reloads: fresh workers, requests keep working', async () => {
  const before = workerPids();
  process.kill(masterPid(), 'SIGHUP');
  await until(() => {
    const now = workerPids();
    return now.length === before.length && now.every((p) => !before.includes(p));
  }, 'workers replaced after SIGHUP');
  const c = await signedIn();
  assert.equal((await c.get('/')).status, 200);
});

test('syncd is running and connected', async () => {
  // A heartbeat from the last few seconds, written by a process that is alive now.
  await until(async () => {
    const rows = await sql('SELECT pid FROM daemon_heartbeats WHERE seen_at > UTC_TIMESTAMP() - INTERVAL 15 SECOND');
    return rows.some(([pid]) => existsSync(`/proc/${pid}`));
  }, 'a fresh syncd heartbeat from a live process');
});

test('migrate stops at a statement of the schema that fails, and says so', async () => {
  const dir = mkdtempSync(`${stackDir}/schema-`);
  mkdirSync(`${dir}/migrations`);
  writeFileSync(`${dir}/schema.sql`,
    'CREATE TABLE IF NOT EXISTS migrate_probe (id INT PRIMARY KEY);\nCREATE TABLE migrate_broken (id INT PRIMARY KEY,;\n');
  const cfg = `${dir}/switchboard.hdf`;
  writeFileSync(cfg, readFileSync(config, 'utf8').replace(/^Schema\.Dir *=.*$/m, `Schema.Dir = ${dir}`));
  let failed = false;
  try {
    execFileSync(consoleBin, ['-c', cfg, 'migrate'], { stdio: 'pipe' });
  } catch (e) {
    failed = true;
    assert.match(String(e.stderr), /schema\.sql/);
  } finally {
    await sql('DROP TABLE IF EXISTS migrate_probe');
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(failed, 'migrate exits with an error');
});
