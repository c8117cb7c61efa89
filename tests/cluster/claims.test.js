// Claims stay exclusive across Galera nodes (ARCHITECTURE §10): the two
// syncd of the cluster sit on different nodes, where SELECT ... SKIP LOCKED
// cannot see the other's locks; a claim that loses certification is made
// again from scratch. 1,000 jobs, each a welcome email to one user, and so
// 1,000 mails: every job is run once, every mail sent once. The other work
// queues the same way: PBX links, SCIM sources (each pulled by one syncd)
// and the reminders of Open support logs (each log reminded once).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { clusterDir, sqlOn, until } from './lib/cluster.js';
import { newCustomer, newPartner, uid } from '../e2e/lib/fixtures.js';

const N = 1000;

/** Envelope recipients of every message the SMTP sink stored. */
function sinkRecipients() {
  const dir = `${clusterDir}/mail`;
  const to = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
    const head = readFileSync(`${dir}/${file}`, 'latin1').split('\r\n\r\n', 1)[0];
    const m = /^X-Sink-Envelope-To:\s*(.*)$/im.exec(head);
    if (m) to.push(m[1].trim().replace(/^<|>$/g, ''));
  }
  return to;
}

/** The PBX links each syncd logged as tried ("pbx link ID: sync failed"). */
function linksTriedBy(syncd) {
  const log = readFileSync(`${clusterDir}/${syncd}/log/syncd.log`, 'utf8');
  return [...log.matchAll(/pbx link (\d+): sync failed/g)].map((m) => m[1]);
}

/** The SCIM sources each syncd logged as pulled ("scim source ID (NAME): ..."). */
function sourcesPulledBy(syncd) {
  const log = readFileSync(`${clusterDir}/${syncd}/log/syncd.log`, 'utf8');
  return [...log.matchAll(/scim source (\d+) \(/g)].map((m) => m[1]);
}

/** The support-log reminders each syncd logged ("support logs: N reminders sent"), summed. */
function remindersSentBy(syncd) {
  const log = readFileSync(`${clusterDir}/${syncd}/log/syncd.log`, 'utf8');
  return [...log.matchAll(/support logs: (\d+) reminders? sent/g)].reduce((n, m) => n + Number(m[1]), 0);
}

/** The jobs each syncd logged as run ("job ID: N items"). */
function jobsRunBy(syncd) {
  const log = readFileSync(`${clusterDir}/${syncd}/log/syncd.log`, 'utf8');
  return [...log.matchAll(/job (\d+): \d+ items/g)].map((m) => m[1]);
}

describe('1,000 jobs and 1,000 mails with two syncd on two nodes', () => {
  test('every job runs exactly once and every mail is sent exactly once', { timeout: 600_000 }, async (t) => {
    const partner = await newPartner('Claims');
    const account = await newCustomer(partner.id, 'Bulk');
    const tag = uid();
    // The users, then one welcome job per user with its item, in one
    // transaction on node 2: syncd sees each job whole or not at all.
    await sqlOn(2, `INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered,
                                        created_at, updated_at)
                    SELECT '${account.id}', 'Bulk', CONCAT('U', seq), CONCAT('Bulk U', seq),
                           CONCAT('bulk-${tag}-', seq, '@test.example.com'), 'user', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()
                    FROM seq_1_to_${N}`);
    await sqlOn(2, `START TRANSACTION;
      INSERT INTO jobs (account_id, kind, total, created_by_name, return_to, run_after, created_at)
        SELECT account_id, 'welcome', 1, 'Cluster test', CONCAT('/cluster-test/', id), UTC_TIMESTAMP(), UTC_TIMESTAMP()
        FROM users WHERE account_id = '${account.id}';
      INSERT INTO job_items (job_id, account_id, user_id)
        SELECT id, account_id, CAST(SUBSTRING(return_to, 15) AS UNSIGNED) FROM jobs WHERE account_id = '${account.id}';
      COMMIT`);
    const before = { syncd1: jobsRunBy('syncd1').length, syncd2: jobsRunBy('syncd2').length };
    const started = Date.now();

    const jobs = `FROM jobs WHERE account_id = '${account.id}'`;
    const mails = `FROM mail_outbox WHERE account_id = '${account.id}'`;
    await until(async () => (await sqlOn(1, `SELECT COUNT(*) ${jobs} AND state = 'done'`, { causal: true }))[0][0] === String(N),
      { timeout: 300_000, every: 1000, what: 'every job done' });
    await until(async () => (await sqlOn(3, `SELECT COUNT(*) ${mails} AND state = 'sent'`, { causal: true }))[0][0] === String(N),
      { timeout: 300_000, every: 1000, what: 'every mail sent' });
    t.diagnostic(`1,000 jobs and their 1,000 mails done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const [[done, claims, processed, items]] = await sqlOn(1, `SELECT COUNT(*), SUM(attempts), SUM(processed),
        (SELECT COUNT(*) FROM job_items i JOIN jobs j ON j.id = i.job_id WHERE j.account_id = '${account.id}' AND i.outcome = 'done')
      ${jobs} AND state = 'done'`, { causal: true });
    assert.equal(done, String(N));
    assert.equal(claims, String(N), 'each job was claimed once');
    assert.equal(processed, String(N));
    assert.equal(items, String(N), 'each item done once');

    const [[rows, users, sent, attempts, events]] = await sqlOn(2, `SELECT COUNT(*), COUNT(DISTINCT user_id),
        SUM(state = 'sent'), SUM(attempts),
        (SELECT COUNT(*) FROM events WHERE account_id = '${account.id}' AND action = 'user.welcome_email')
      ${mails}`, { causal: true });
    assert.equal(rows, String(N), 'one mail queued per job: no job ran twice');
    assert.equal(users, String(N));
    assert.equal(sent, String(N));
    assert.equal(attempts, String(N), 'each mail sent on its first attempt');
    assert.equal(events, String(N), 'one event per job');

    const received = sinkRecipients().filter((to) => to.startsWith(`bulk-${tag}-`));
    assert.equal(received.length, N, 'the SMTP server got 1,000 messages');
    assert.equal(new Set(received).size, N, 'to 1,000 different people: none twice');

    const runs = { syncd1: jobsRunBy('syncd1').slice(before.syncd1), syncd2: jobsRunBy('syncd2').slice(before.syncd2) };
    t.diagnostic(`jobs run by syncd1 (node 1): ${runs.syncd1.length}, by syncd2 (node 3): ${runs.syncd2.length}`);
    assert.ok(runs.syncd1.length > 0 && runs.syncd2.length > 0, 'both syncd took part');
    const all = [...runs.syncd1, ...runs.syncd2];
    assert.equal(new Set(all).size, all.length, 'no job ran in both syncd');
  });

  test('every due PBX link is tried by exactly one syncd', { timeout: 300_000 }, async (t) => {
    const LINKS = 300;
    const partner = await newPartner('Links');
    const account = await newCustomer(partner.id, 'Linked');
    // Credentials no key opens: each try fails at once and puts the link off
    // for Pbx.RetryMinutes, so within this test each is due exactly once.
    await sqlOn(3, `INSERT INTO pbx_links (account_id, pbx_type, name, host, port, username, secret_sealed, due_at,
                                           created_at, updated_at)
                    SELECT '${account.id}', 'mivb', CONCAT('PBX ', seq), CONCAT('10.9.0.', seq % 250), 443, 'admin',
                           'not-a-sealed-secret', UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP()
                    FROM seq_1_to_${LINKS}`);
    const ids = new Set((await sqlOn(3, `SELECT id FROM pbx_links WHERE account_id = '${account.id}'`)).map(([id]) => id));
    await until(async () => (await sqlOn(1, `SELECT COUNT(*) FROM pbx_links WHERE account_id = '${account.id}' AND failures > 0`,
      { causal: true }))[0][0] === String(LINKS), { timeout: 120_000, every: 500, what: 'every link tried' });
    const [[tried, once]] = await sqlOn(2, `SELECT COUNT(*), SUM(failures = 1) FROM pbx_links
      WHERE account_id = '${account.id}' AND lease_owner IS NULL`, { causal: true });
    assert.equal(tried, String(LINKS));
    assert.equal(once, String(LINKS), 'each link failed exactly once: tried once');
    const runs = { syncd1: linksTriedBy('syncd1').filter((id) => ids.has(id)), syncd2: linksTriedBy('syncd2').filter((id) => ids.has(id)) };
    t.diagnostic(`links tried by syncd1 (node 1): ${runs.syncd1.length}, by syncd2 (node 3): ${runs.syncd2.length}`);
    const all = [...runs.syncd1, ...runs.syncd2];
    assert.equal(all.length, LINKS, 'one try logged per link');
    assert.equal(new Set(all).size, LINKS, 'no link tried by both');
  });

  test('every due SCIM source is pulled by exactly one syncd', { timeout: 300_000 }, async (t) => {
    const SOURCES = 200;
    const partner = await newPartner('Sources');
    const account = await newCustomer(partner.id, 'Pulling');
    // A token no key opens: each pull fails at once, before any request, and
    // puts the source off for a minute (scim_source_finish's first backoff);
    // all of them are tried well within that, so each is due exactly once.
    await sqlOn(3, `SELECT COUNT(*) FROM accounts WHERE id = '${account.id}';
                    INSERT INTO scim_sources (account_id, name, base_url, token_sealed, interval_minutes, due_at,
                                              created_at, updated_at)
                    SELECT '${account.id}', CONCAT('Source ', seq), CONCAT('http://127.0.0.1:9/t/', seq),
                           'not-a-sealed-secret', 60, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP()
                    FROM seq_1_to_${SOURCES}`, { causal: true });
    const ids = new Set((await sqlOn(3, `SELECT id FROM scim_sources WHERE account_id = '${account.id}'`)).map(([id]) => id));
    assert.equal(ids.size, SOURCES);
    await until(async () => (await sqlOn(1, `SELECT COUNT(*) FROM scim_sources WHERE account_id = '${account.id}' AND failures > 0
      AND lease_owner IS NULL`, { causal: true }))[0][0] === String(SOURCES), { timeout: 120_000, every: 500, what: 'every source pulled' });
    const [[pulled, once]] = await sqlOn(2, `SELECT COUNT(*), SUM(failures = 1) FROM scim_sources
      WHERE account_id = '${account.id}' AND last_attempt_at IS NOT NULL`, { causal: true });
    assert.equal(pulled, String(SOURCES));
    assert.equal(once, String(SOURCES), 'each source failed exactly once: pulled once');
    const runs = { syncd1: sourcesPulledBy('syncd1').filter((id) => ids.has(id)), syncd2: sourcesPulledBy('syncd2').filter((id) => ids.has(id)) };
    t.diagnostic(`sources pulled by syncd1 (node 1): ${runs.syncd1.length}, by syncd2 (node 3): ${runs.syncd2.length}`);
    const all = [...runs.syncd1, ...runs.syncd2];
    assert.equal(all.length, SOURCES, 'one pull logged per source');
    assert.equal(new Set(all).size, SOURCES, 'no source pulled by both');
  });

  test('every Open support log due a reminder is reminded exactly once', { timeout: 300_000 }, async (t) => {
    const LOGS = 300;
    const CONTACTS = 2;
    const partner = await newPartner('Reminders');
    const account = await newCustomer(partner.id, 'Reminded');
    const tag = uid();
    const before = { syncd1: remindersSentBy('syncd1'), syncd2: remindersSentBy('syncd2') };
    // Due a minute ago: one step of SupportLogs.ReminderHours (24) each, so
    // the next reminder of every log is a day after its first.
    await sqlOn(2, `SELECT COUNT(*) FROM accounts WHERE id = '${account.id}';
      INSERT INTO account_support_contacts (account_id, position, email)
        SELECT '${account.id}', seq, CONCAT('contact', seq, '-${tag}@test.example.com') FROM seq_1_to_${CONTACTS};
      INSERT INTO support_logs (account_id, uid, user_id, reporter_email, product, platform, title, description, notes,
                                created_at, updated_at, next_reminder_at)
        SELECT '${account.id}', UUID(), 0, 'reporter@test.example.com', 'Mitel One', 'web', CONCAT('Log ', seq), '', '',
               UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 MINUTE
        FROM seq_1_to_${LOGS}`, { causal: true });
    const logs = `FROM support_logs WHERE account_id = '${account.id}'`;
    await until(async () => (await sqlOn(1, `SELECT COUNT(*) ${logs} AND last_reminder_at IS NOT NULL`, { causal: true }))[0][0] === String(LOGS),
      { timeout: 120_000, every: 500, what: 'every log reminded' });
    const mails = `FROM mail_outbox WHERE account_id = '${account.id}' AND kind = 'support_remind'`;
    await until(async () => (await sqlOn(3, `SELECT COUNT(*) ${mails} AND state = 'sent'`, { causal: true }))[0][0] === String(LOGS * CONTACTS),
      { timeout: 300_000, every: 1000, what: 'every reminder sent' });

    const [[moved, events, once]] = await sqlOn(2, `SELECT
        SUM(next_reminder_at BETWEEN created_at + INTERVAL 1 DAY + INTERVAL 23 HOUR AND created_at + INTERVAL 2 DAY + INTERVAL 1 HOUR),
        (SELECT COUNT(*) FROM events WHERE account_id = '${account.id}' AND action = 'support_log.reminder'),
        (SELECT COUNT(*) FROM (SELECT asset_id FROM events WHERE account_id = '${account.id}' AND action = 'support_log.reminder'
                               GROUP BY asset_id HAVING COUNT(*) = 1) e)
      ${logs}`, { causal: true });
    assert.equal(moved, String(LOGS), 'each next reminder moved on by one interval: reminded once');
    assert.equal(events, String(LOGS), 'one reminder event per log');
    assert.equal(once, String(LOGS));
    const [[rows, perLog]] = await sqlOn(1, `SELECT COUNT(*), COUNT(DISTINCT support_log_id, to_addr) ${mails}`, { causal: true });
    assert.equal(rows, String(LOGS * CONTACTS), 'one reminder per log and contact');
    assert.equal(perLog, String(LOGS * CONTACTS), 'none twice');
    // Diagnostic only: the logs count every account's reminders.
    t.diagnostic(`reminders logged meanwhile by syncd1 (node 1): ${remindersSentBy('syncd1') - before.syncd1},`
      + ` by syncd2 (node 3): ${remindersSentBy('syncd2') - before.syncd2}`);
  });
});
