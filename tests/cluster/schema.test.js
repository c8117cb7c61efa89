// What Galera asks of the schema and its writers, checked on the running
// cluster: primary keys, InnoDB, one auto-increment offset per node, and
// triggers whose effects replicate as rows (ARCHITECTURE §10).

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { NODES, console1URL, console2URL, repo, scalarOn, sqlOn } from './lib/cluster.js';
import { Session, newCustomer, newPartner, partnerSession, uid } from '../e2e/lib/fixtures.js';

describe('the schema on Galera', () => {
  test('every table has a primary key and is InnoDB', async () => {
    const rows = await sqlOn(1, `SELECT t.table_name, t.engine,
        EXISTS (SELECT 1 FROM information_schema.table_constraints c WHERE c.table_schema = t.table_schema
                AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY') AS has_pk
      FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'`);
    assert.ok(rows.length > 20, 'the whole schema is there');
    const offenders = rows.filter(([, engine, pk]) => engine !== 'InnoDB' || pk !== '1').map(([name]) => name);
    assert.deepEqual(offenders, []);
  });

  test('no statement Galera refuses or replicates unsafely, in the schema or in lib/', () => {
    // Table locks and named locks are per node; temporary tables and
    // non-transactional engines are not replicated as rows; RAND(), UUID()
    // and SYSDATE() in a statement would differ between nodes if it were
    // ever replicated as a statement (Galera uses rows, but nothing here
    // should depend on that).
    const forbidden = /\b(LOCK\s+TABLES?|GET_LOCK|RELEASE_LOCK|CREATE\s+TEMPORARY|ENGINE\s*=\s*(MyISAM|Aria|MEMORY|CSV)|RAND\(|UUID\(|SYSDATE\(|XA\s+START|SAVEPOINT)/i;
    const files = ['schema.sql', ...readdirSync(`${repo}/migrations`).map((f) => `migrations/${f}`)];
    const walk = (dir) => readdirSync(`${repo}/${dir}`, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
      ? walk(`${dir}/${e.name}`) : e.name.endsWith('.c') ? [`${dir}/${e.name}`] : []));
    files.push(...walk('lib'), ...walk('syncd'));
    const offenders = files.filter((f) => forbidden.test(readFileSync(`${repo}/${f}`, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  test('the schema and the migrations are the same on every node', async () => {
    const shapes = await Promise.all(NODES.map((n) => sqlOn(n, `SELECT
        (SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()),
        (SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()),
        (SELECT GROUP_CONCAT(name ORDER BY name) FROM schema_migrations)`, { causal: true })));
    assert.deepEqual(shapes[1], shapes[0]);
    assert.deepEqual(shapes[2], shapes[0]);
  });

  test('each node hands out its own auto-increment ids', async () => {
    const settings = await Promise.all(NODES.map((n) => sqlOn(n, 'SELECT @@auto_increment_increment, @@auto_increment_offset')));
    for (const [[increment]] of settings) assert.equal(increment, '3', 'the step is the cluster size');
    const offsets = settings.map(([[, offset]]) => offset);
    assert.equal(new Set(offsets).size, 3, `offsets differ: ${offsets}`);
    // A row written on each node at once: three ids that cannot collide.
    const partner = await newPartner('Offsets');
    const ids = await Promise.all(NODES.map(async (n) => Number(await scalarOn(n, `INSERT INTO import_batches
        (account_id, created_by, file_name, created_at, updated_at)
        VALUES ('${partner.id}', ${partner.adminId}, 'node${n}.csv', UTC_TIMESTAMP(), UTC_TIMESTAMP());
      SELECT LAST_INSERT_ID()`))));
    assert.equal(new Set(ids.map((id) => id % 3)).size, 3, `ids ${ids} come from three offsets`);
  });
});

describe('writes through both consoles at once', () => {
  test('users added to one account through both consoles are all there, counted once, on every node', async () => {
    const { partner, session } = await partnerSession('Galera');
    const account = await newCustomer(partner.id, 'Concurrent');
    const sessions = [console1URL, console2URL].map((url) => {
      const s = new Session(url);
      s.cookies = new Map(session.cookies);
      s.csrf = session.csrf;
      return s;
    });
    // Both consoles write the account's user count (a trigger) at once: on
    // Galera the later commit of each pair loses certification and its
    // transaction runs again (db_tx).
    const PER_CONSOLE = 25;
    const tag = uid();
    const results = await Promise.all(sessions.map(async (s, c) => {
      const statuses = [];
      for (let i = 0; i < PER_CONSOLE; i++) {
        const res = await s.send(`/a/${account.id}/users/new`, {
          first_name: 'Both', last_name: `C${c}N${i}`, email: `both-${tag}-${c}-${i}@test.example.com`, mobile: '',
        });
        statuses.push(res.status);
      }
      return statuses;
    }));
    assert.deepEqual(results.flat().filter((s) => s !== 303), [], 'every add was acknowledged');
    for (const n of NODES) {
      const [[users, counted, terms]] = await sqlOn(n, `SELECT
          (SELECT COUNT(*) FROM users WHERE account_id = '${account.id}'),
          (SELECT SUM(users) FROM account_user_counts WHERE account_id = '${account.id}'),
          (SELECT COUNT(DISTINCT user_id) FROM user_search_terms WHERE account_id = '${account.id}')`, { causal: true });
      assert.equal(users, String(2 * PER_CONSOLE), `node ${n}: the users`);
      assert.equal(counted, users, `node ${n}: the trigger's count`);
      assert.equal(terms, users, `node ${n}: every user's search terms`);
    }
    const found = await scalarOn(3, `SELECT COUNT(*) FROM user_search_terms WHERE account_id = '${account.id}'
                                     AND term LIKE 'both-${tag}-1-7@%'`, { causal: true });
    assert.equal(found, '1', 'the search finds a user added on another node');
  });
});
