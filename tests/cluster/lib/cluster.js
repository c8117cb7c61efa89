// Helpers for the cluster tests (make cluster-check): scripts/cluster-check
// brings up a cluster (scripts/cluster up) and passes it in SB_* variables,
// the same as the e2e stack's plus the cluster's own. The e2e helpers
// (tests/e2e/lib) work unchanged: their sql() reaches node 1, their Client
// the nginx upstream over both consoles.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the cluster tests with \`make cluster-check\``);
  return value;
}

export const clusterDir = env('SB_CLUSTER_DIR');
export const repo = env('SB_REPO');
/** nginx's upstream over both consoles, and each console alone. */
export const upstreamURL = env('SB_BASE_URL');
export const console1URL = env('SB_CONSOLE1_URL');
export const console2URL = env('SB_CONSOLE2_URL');
export const NODES = [1, 2, 3];

const password = () => readFileSync(`${clusterDir}/db-password`, 'utf8').trim();

/**
 * SQL on one Galera node as the application's user; rows as arrays of
 * strings. causal: wait until the node has applied every commit of the
 * cluster first (wsrep_sync_wait), as the console does after a write.
 */
export async function sqlOn(node, query, { causal = false } = {}) {
  const text = causal ? `SET SESSION wsrep_sync_wait = 1; ${query}` : query;
  const { stdout } = await run('mariadb', ['--no-defaults', `--socket=${clusterDir}/node${node}/run/mysqld.sock`,
    '--default-character-set=utf8mb4', '-u', 'switchboard', 'switchboard', '-N', '-B', '-e', text],
  { env: { ...process.env, MYSQL_PWD: password() }, maxBuffer: 64 * 1024 * 1024 });
  const lines = stdout.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t').map((f) => (f === 'NULL' ? null : f)));
}

/** The first column of the first row on one node. */
export async function scalarOn(node, query, options) {
  const rows = await sqlOn(node, query, options);
  return rows.length ? rows[0][0] : null;
}

/** A status variable of one node (as root, over its socket). */
export async function wsrepStatus(node, name) {
  const { stdout } = await run('mariadb', ['--no-defaults', `--socket=${clusterDir}/node${node}/run/mysqld.sock`,
    '-u', 'root', '-N', '-B', '-e', `SHOW GLOBAL STATUS LIKE '${name}'`]);
  return stdout.trim().split('\t')[1] ?? null;
}

/** scripts/cluster ACTION DIR [N]: node-kill, node-start, console-kill, ... */
export async function cluster(action, n) {
  const args = [action, clusterDir, ...(n === undefined ? [] : [String(n)])];
  const { stdout } = await run(`${repo}/scripts/cluster`, args, { timeout: 300_000 });
  return stdout;
}

/** Resolves once fn() is truthy; rejects after the timeout. */
export async function until(fn, { timeout = 60_000, every = 250, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => { setTimeout(resolve, every); });
  }
}
