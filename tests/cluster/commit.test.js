// A COMMIT whose node died before answering may have been committed or not
// (ARCHITECTURE §10). With several nodes db_tx writes a commit mark in every
// transaction and reads it back on a live node: committed, it is done;
// not, it runs again - never twice, never lost. The console's DB.TestFault
// setting makes the first COMMIT of a process lose its answer, or lose its
// connection before it is sent, so both ways are shown on purpose rather
// than left to the timing of a kill.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { clusterDir, repo, scalarOn } from './lib/cluster.js';
import { uid } from '../e2e/lib/fixtures.js';

/** console create-partner (one db_tx) with a fault; resolves with { code, stderr }. */
function createPartner(fault, name, email) {
  const config = `${clusterDir}/fault-${fault}.hdf`;
  writeFileSync(config, `${readFileSync(`${clusterDir}/console1/switchboard.hdf`, 'utf8')}DB.TestFault = ${fault}\n`, { mode: 0o600 });
  return new Promise((resolve, reject) => {
    const child = spawn(`${repo}/bin/console`, ['-c', config, 'create-partner', '--name', name, '--email', email, '--password-stdin'],
      { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.end('correct horse battery staple\n');
  });
}

async function partnersNamed(name) {
  return Number(await scalarOn(2, `SELECT COUNT(*) FROM accounts WHERE name = '${name}' AND kind = 'partner'`, { causal: true }));
}

describe('a COMMIT without an answer', () => {
  test('committed: the mark says so, and nothing runs again', async () => {
    const name = `Unanswered ${uid()}`;
    const { code, stderr } = await createPartner('commit-unanswered', name, `unanswered-${uid()}@test.example.com`);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /no answer to COMMIT, but it was committed/);
    assert.doesNotMatch(stderr, /running it again/);
    assert.equal(await partnersNamed(name), 1, 'the partner exists once');
  });

  test('not committed: no mark, so the transaction runs again, once', async () => {
    const name = `Unsent ${uid()}`;
    const { code, stderr } = await createPartner('commit-unsent', name, `unsent-${uid()}@test.example.com`);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /went away during a transaction; running it again/);
    assert.equal(await partnersNamed(name), 1, 'the partner exists once');
  });
});
