// A syncd whose database node dies goes on with the next node of its
// DB.Nodes list (ARCHITECTURE §10): syncd2 sits on node 3 first (then 1,
// then 2). With node 3 killed, the jobs queued afterwards - welcome emails,
// each one job and one mail - are all done and sent exactly once, and
// syncd2 runs some of them, now through node 1.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { clusterDir, cluster, sqlOn, until } from './lib/cluster.js';
import { newCustomer, newPartner, uid } from '../e2e/lib/fixtures.js';

const N = 300;

const syncdLog = (n) => readFileSync(`${clusterDir}/syncd${n}/log/syncd.log`, 'utf8');
/** The jobs a syncd logged as run ("job ID: N items"), from a position in its log. */
const jobsRunBy = (n, from) => [...syncdLog(n).slice(from).matchAll(/job (\d+): \d+ items/g)].map((m) => m[1]);
/** The mails a syncd logged as sent ("mail: N of M sent"), from a position in its log, summed. */
const mailsSentBy = (n, from) => [...syncdLog(n).slice(from).matchAll(/mail: (\d+) of \d+ sent/g)].reduce((sum, m) => sum + Number(m[1]), 0);

describe('syncd when its database node dies', () => {
  test('it fails over to the next node of its list and keeps claiming work, each job once', { timeout: 600_000 }, async (t) => {
    t.after(async () => { await cluster('node-start', 3); });
    const partner = await newPartner('Syncd failover');
    const account = await newCustomer(partner.id, 'Orphaned');
    const tag = uid();
    await sqlOn(2, `INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered,
                                        created_at, updated_at)
                    SELECT '${account.id}', 'Moved', CONCAT('U', seq), CONCAT('Moved U', seq),
                           CONCAT('moved-${tag}-', seq, '@test.example.com'), 'user', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()
                    FROM seq_1_to_${N}`);

    const from = { 1: syncdLog(1).length, 2: syncdLog(2).length };
    await cluster('node-kill', 3);
    // The jobs, queued after the kill: none of them can have gone through node 3.
    await sqlOn(2, `START TRANSACTION;
      INSERT INTO jobs (account_id, kind, total, created_by_name, return_to, run_after, created_at)
        SELECT account_id, 'welcome', 1, 'Cluster test', CONCAT('/cluster-test/', id), UTC_TIMESTAMP(), UTC_TIMESTAMP()
        FROM users WHERE account_id = '${account.id}';
      INSERT INTO job_items (job_id, account_id, user_id)
        SELECT id, account_id, CAST(SUBSTRING(return_to, 15) AS UNSIGNED) FROM jobs WHERE account_id = '${account.id}';
      COMMIT`);

    const jobs = `FROM jobs WHERE account_id = '${account.id}'`;
    const mails = `FROM mail_outbox WHERE account_id = '${account.id}'`;
    await until(async () => (await sqlOn(1, `SELECT COUNT(*) ${jobs} AND state = 'done'`, { causal: true }))[0][0] === String(N),
      { timeout: 300_000, every: 1000, what: 'every job done' });
    await until(async () => (await sqlOn(2, `SELECT COUNT(*) ${mails} AND state = 'sent'`, { causal: true }))[0][0] === String(N),
      { timeout: 300_000, every: 1000, what: 'every mail sent' });

    const [[done, claims, items]] = await sqlOn(1, `SELECT COUNT(*), SUM(attempts),
        (SELECT COUNT(*) FROM job_items i JOIN jobs j ON j.id = i.job_id WHERE j.account_id = '${account.id}' AND i.outcome = 'done')
      ${jobs} AND state = 'done'`, { causal: true });
    assert.equal(done, String(N));
    assert.equal(claims, String(N), 'each job was claimed once');
    assert.equal(items, String(N), 'each item done once');
    const [[rows, users, attempts]] = await sqlOn(2, `SELECT COUNT(*), COUNT(DISTINCT user_id), SUM(attempts) ${mails}`,
      { causal: true });
    assert.equal(rows, String(N), 'one mail per job: no job ran twice');
    assert.equal(users, String(N));
    assert.equal(attempts, String(N), 'each mail sent on its first attempt');

    const ids = new Set((await sqlOn(1, `SELECT id ${jobs}`)).map(([id]) => id));
    const runs = { 1: jobsRunBy(1, from[1]).filter((id) => ids.has(id)), 2: jobsRunBy(2, from[2]).filter((id) => ids.has(id)) };
    t.diagnostic(`jobs run after node 3 died: by syncd1 (node 1): ${runs[1].length}, by syncd2 (node 3, then 1): ${runs[2].length}`);
    assert.equal(runs[1].length + runs[2].length, N, 'one run logged per job');
    assert.equal(new Set([...runs[1], ...runs[2]]).size, N, 'no job run by both');
    assert.ok(runs[2].length > 0, 'syncd2 kept claiming work without its node');
    const sent = { 1: mailsSentBy(1, from[1]), 2: mailsSentBy(2, from[2]) };
    t.diagnostic(`mails sent after node 3 died: by syncd1: ${sent[1]}, by syncd2: ${sent[2]}`);
    assert.ok(sent[2] > 0, 'and sending mail');
    // syncd2's list is node 3, node 1, node 2: node 1 is its second.
    assert.match(syncdLog(2).slice(from[2]), /db: now on node 2 of 3/, 'syncd2 went on through node 1');
  });
});
