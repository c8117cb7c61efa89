// `console seed-demo` (what `make run` shows a newcomer): partner users, one
// an account manager with assigned accounts, a custom role, customer
// accounts with users in every state, notifications of real jobs and an
// unfinished import — made through the screens' own code, so each shows on
// its screen — and running it again changes nothing.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { config, consoleBin, sql } from './lib/stack.js';
import { lit, signIn, visibleText } from './lib/fixtures.js';

const PASSWORD = 'switchboard-demo';
const TABLES = ['accounts', 'users', 'events', 'jobs', 'job_items', 'notifications', 'import_batches', 'import_rows',
  'roles', 'role_accounts', 'mail_outbox', 'account_manager_accounts', 'account_support_contacts'];

function seed() {
  return execFileSync(consoleBin, ['-c', config, 'seed-demo'], { encoding: 'utf8' });
}

async function counts() {
  const [row] = await sql(`SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM ${t})`).join(', ')}`);
  return Object.fromEntries(TABLES.map((t, i) => [t, Number(row[i])]));
}

async function accountId(name) {
  const rows = await sql(`SELECT a.id FROM accounts a JOIN accounts p ON p.id = a.partner_id
                          WHERE p.name = 'Demo Partner' AND a.name = ${lit(name)}`);
  assert.equal(rows.length, 1, `one ${name}`);
  return rows[0][0];
}

/** The names of the accounts a list page shows, in order. */
function listedNames(html) {
  return [...html.matchAll(/<tr data-href="[^"]+">\s*<th scope="row"><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
}

describe('console seed-demo', () => {
  let output;
  before(() => {
    output = seed();
  });

  test('prints the sign-ins, and a second run adds nothing', async () => {
    for (const email of ['partner@demo.example.com', 'morgan.lee@demo.example.com', 'admin@acme.example.com',
      'grace.hopper@acme.example.com']) {
      assert.match(output, new RegExp(`${email.replace(/\./g, '\\.')} / ${PASSWORD}`), email);
    }
    const before = await counts();
    assert.equal(seed(), output);
    assert.deepEqual(await counts(), before);
  });

  test('the partner administrator sees the accounts, a deactivated one, the custom role and the jobs\' notifications', async () => {
    const s = await signIn('partner@demo.example.com', PASSWORD);
    const active = await s.get('/accounts');
    assert.deepEqual(listedNames(active.text), ['Acme Corporation', 'Globex Industries', 'Initech']);
    const deactivated = await s.get('/accounts?status=deactivated');
    assert.deepEqual(listedNames(deactivated.text), ['Umbrella Labs']);
    const home = visibleText(active.text);
    assert.match(home, /Convert to Account Managers/, 'the bell: the conversion job');
    assert.match(home, /Assign Account\(s\)/, 'the bell: the assignment job');
    const roles = visibleText((await s.get('/roles')).text);
    assert.match(roles, /Help Desk/);
    // Made by the demo's partner administrator, as the Event History says.
    const acme = await accountId('Acme Corporation');
    assert.deepEqual(await sql(`SELECT actor_name FROM events WHERE account_id = ${lit(acme)} AND action = 'account.create'`),
      [['Pat Partner']]);
    assert.deepEqual(await sql(`SELECT COUNT(*) FROM role_accounts ra JOIN roles r ON r.id = ra.role_id
                                WHERE r.name = 'Help Desk' AND ra.account_id = ${lit(acme)}`), [['1']]);
  });

  test('the account manager reaches only the accounts assigned to them', async () => {
    const s = await signIn('morgan.lee@demo.example.com', PASSWORD);
    assert.deepEqual(listedNames((await s.get('/accounts')).text), ['Acme Corporation', 'Globex Industries']);
    assert.equal((await s.get(`/a/${await accountId('Initech')}/info`)).status, 404);
  });

  test('Acme has users in every state, a welcome job with its notification, and an import to resume', async () => {
    const acme = await accountId('Acme Corporation');
    const users = await sql(`SELECT email, role, registered FROM users WHERE account_id = ${lit(acme)} ORDER BY email`);
    assert.ok(users.some(([, role, registered]) => role === 'account_admin' && registered === '1'), 'a registered admin');
    assert.ok(users.some(([, role, registered]) => role === 'account_admin' && registered === '0'), 'an unregistered admin');
    assert.ok(users.some(([, role, registered]) => role === 'user' && registered === '1'), 'a registered user');
    assert.ok(users.some(([, role, registered]) => role === 'user' && registered === '0'), 'an unregistered user');

    const admin = await signIn('admin@acme.example.com', PASSWORD);
    const list = visibleText((await admin.get(`/a/${acme}/users`)).text);
    assert.match(list, /Unregistered/);
    assert.match(list, /Registered/);
    const panel = visibleText((await admin.get(`/a/${acme}/users/import`)).text);
    assert.match(panel, /Imports not finished/);
    assert.match(panel, /new-hires\.csv/);
    assert.match(panel, /Welcome emails/, 'the bell: the welcome job Ada started');
    assert.deepEqual(await sql(`SELECT state, total, processed FROM jobs WHERE account_id = ${lit(acme)} AND kind = 'welcome'`),
      [['done', '3', '3']]);

    await signIn('grace.hopper@acme.example.com', PASSWORD);
  });
});
