// Users of an account (guide §2.4, seed 002; issue §6): the list with its
// search, sort and pages; Add User; Edit User with the role; Delete User with
// the typed word; partner users are never deleted; every change's event.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, sql } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import {
  PASSWORD, addUserViaUI, adminSession, assertToLogin, count, email, eventsOf, fieldError, inputValue, lastEventId,
  listRows, lit, newCustomer, newPartner, newUser, partnerSession, scalar, setKnownPassword, signIn, tableCounts, uid, userFields,
  visibleText,
} from './lib/fixtures.js';

const REQUIRED = 'This field is required.';
const NAME_REQUIRED = 'Enter a name in at least one of Name, First Name and Last Name.';
const BAD_EMAIL = 'Enter a valid email address.';
const TAKEN = 'A user with this email address already exists in this account.';
const BAD_PHONE = 'Enter the number in international format with its country code, for example +14155550100.';
const TYPED_WORD = 'Type the word exactly as shown to continue.';

/** A partner, one of its customer accounts, and the partner signed in. */
async function setup() {
  const { partner, session } = await partnerSession();
  const account = await newCustomer(partner.id);
  return { partner, account, session };
}

/** User ids a users list links to, in order. */
function listedIds(html) {
  return listRows(html).map((href) => /\/users\/(\d+)$/.exec(href)[1]);
}

async function userRow(id) {
  const [row] = await sql(`SELECT first_name, last_name, name, display_name, email, mobile, role, registered
                           FROM users WHERE id = ${Number(id)}`);
  return row ?? null;
}

describe('Users list', () => {
  test('shows the account\'s users with their columns, and no one else\'s', async () => {
    const { partner, account, session } = await setup();
    const other = await newCustomer(partner.id);
    const a = await newUser(account.id, { first: 'Ada', last: `Lovelace${uid()}`, ext: '201', role: 'account_admin' });
    const b = await newUser(account.id, { first: 'Alan', last: `Turing${uid()}`, ext: '202', signIn: false });
    const stranger = await newUser(other.id, { first: 'Eve', last: `Stranger${uid()}` });
    const res = await session.get(`/a/${account.id}/users`);
    assert.equal(res.status, 200);
    assert.deepEqual(new Set(listedIds(res.text)), new Set([a.id, b.id]));
    const text = visibleText(res.text);
    for (const col of ['Name', 'Email Address', 'Ext', 'Modified On (By)', 'Licenses', 'Role']) assert.ok(text.includes(col), col);
    assert.ok(text.includes(a.name) && text.includes(a.email) && text.includes('201'));
    assert.ok(text.includes('Account Admin') && text.includes('User'));
    assert.ok(!text.includes(stranger.email));
    // Only the unregistered user carries the badge.
    const rowOf = (id) => new RegExp(`<tr data-href="/a/${account.id}/users/${id}">([\\s\\S]*?)</tr>`).exec(res.text)[1];
    assert.match(rowOf(b.id), /Unregistered/);
    assert.doesNotMatch(rowOf(a.id), /Unregistered/);
    assert.match(res.text, new RegExp(`href="/a/${account.id}/users/new"`), 'an Add User button');
  });

  test('an account without users says so', async () => {
    const { account, session } = await setup();
    const res = await session.get(`/a/${account.id}/users`);
    assert.equal(res.status, 200);
    assert.deepEqual(listRows(res.text), []);
    assert.ok(visibleText(res.text).includes('This account has no users yet.'));
  });

  test('search by any word of the name, any part of the email a person types, or the extension', async () => {
    const { partner, account, session } = await setup();
    // A tag of letters first: a word of it starting with a digit would match the extension searches.
    const tag = `x${uid()}`;
    const grace = await newUser(account.id, { first: 'Grace', last: `Hopper${tag}`, mail: `ghopper-${tag}@navy.example.com`, ext: '4711' });
    const alan = await newUser(account.id, { first: 'Alan', last: `Turing${tag}`, mail: `alan-${tag}@bletchley.example.com`, ext: '4800' });
    const odd = await newUser(account.id, { first: '50%', last: `Off_${tag}`, mail: `sale-${tag}@example.com`, ext: '999' });
    const bulk = await newUser(account.id, { first: 'Mary Ann', last: `Quincey${tag}`, mail: `bulk.user-${tag}@imports.example.org`, ext: '' });
    const other = await newCustomer(partner.id);
    await newUser(other.id, { first: 'Grace', last: `Elsewhere${tag}`, mail: `grace-${tag}@navy.example.com`, ext: '4712' });

    const find = async (q) => {
      const res = await session.get(`/a/${account.id}/users?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, `search ${q}`);
      return new Set(listedIds(res.text));
    };
    assert.deepEqual(await find('grace'), new Set([grace.id]), 'display name / first name, any case');
    assert.deepEqual(await find(`Turing${tag}`), new Set([alan.id]), 'last name');
    assert.deepEqual(await find(`turing${tag.slice(0, 3)}`.slice(0, 6)), new Set([alan.id]), 'the start of a later word');
    assert.deepEqual(await find('ann'), new Set([bulk.id]), 'a middle word of the name');
    assert.deepEqual(await find(`Ann Quincey${tag}`), new Set([bulk.id]), 'words from the middle on');
    assert.deepEqual(await find(`ghopper-${tag}@`), new Set([grace.id]), 'email');
    assert.deepEqual(await find('bulk'), new Set([bulk.id]), 'the first part of an email');
    assert.deepEqual(await find('user'), new Set([bulk.id]), 'a part of an email after a dot');
    assert.deepEqual(await find('navy.example.com'), new Set([grace.id]), 'an email domain (not the other account\'s)');
    assert.deepEqual(await find('@navy.example.com'), new Set([grace.id]), 'a domain typed with its @');
    assert.deepEqual(await find('example.com'), new Set([grace.id, alan.id, odd.id]), 'the end of an email domain');
    assert.deepEqual(await find('example'), new Set([grace.id, alan.id, odd.id, bulk.id]));
    assert.deepEqual(await find('47'), new Set([grace.id]), 'extension (the other account\'s 4712 is not shown)');
    assert.deepEqual(await find('4'), new Set([grace.id, alan.id]));
    assert.deepEqual(await find('%'), new Set(), '% is literal');
    assert.deepEqual(await find('50%'), new Set([odd.id]));
    assert.deepEqual(await find('_'), new Set(), '_ is literal');
    assert.deepEqual(await find('opper'), new Set(), 'the middle of a word does not match');
    const none = await session.get(`/a/${account.id}/users?q=zz-nobody`);
    assert.ok(visibleText(none.text).includes("No user's name, email address or extension has a word that starts with that."));
    assert.equal(inputValue(none.text, 'q'), 'zz-nobody');
  });

  test('search follows every change of a user: edits, imports and plain SQL alike', async () => {
    const { account, session } = await setup();
    const tag = uid();
    const { id, fields } = await addUserViaUI(session, account.id, { first_name: 'Wilhelmina', last_name: `Before${tag}`, name: '' });
    const find = async (q) => new Set(listedIds((await session.get(`/a/${account.id}/users?q=${encodeURIComponent(q)}`)).text));
    assert.deepEqual(await find(`before${tag}`), new Set([id]));
    const res = await session.send(`/a/${account.id}/users/${id}`, { ...fields, last_name: `After${tag}`, role: 'user' });
    assert.equal(res.status, 303);
    assert.deepEqual(await find(`before${tag}`), new Set(), 'the old word is gone');
    assert.deepEqual(await find(`after${tag}`), new Set([id]), 'the new word is found');
    await sql(`UPDATE users SET email = ${lit(`renamed-${tag}@sql.example.net`)} WHERE id = ${Number(id)}`);
    assert.deepEqual(await find('sql.example.net'), new Set([id]), 'a change made in SQL');
    await sql(`DELETE FROM users WHERE id = ${Number(id)}`);
    assert.equal(await count('user_search_terms', `user_id = ${Number(id)}`), 0, 'a deleted user leaves no terms');
  });

  test('a search matching more than 1,000 users pages on, sorted, without counting them all', async () => {
    const { account, session } = await setup();
    const tag = uid();
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered, created_at, updated_at)
               SELECT ${lit(account.id)}, 'Many', LPAD(seq, 4, '0'), CONCAT('Many ', LPAD(seq, 4, '0')),
                      CONCAT('many', seq, '-${tag}@crowd.example.com'), 'user', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()
               FROM seq_1_to_1200`);
    for (const [q, sort] of [['crowd.example.com', 'name'], ['crowd.example.com', 'email'], ['many', 'name'], ['ma', 'ext']]) {
      const res = await session.get(`/a/${account.id}/users?q=${encodeURIComponent(q)}&sort=${sort}&per_page=50&page=2`);
      assert.equal(res.status, 200);
      assert.equal(listRows(res.text).length, 50, `${q} by ${sort}`);
      assert.match(visibleText(res.text), /51–100 of more than 1,000 users/, `${q} by ${sort}`);
    }
    const page2 = await session.get(`/a/${account.id}/users?q=many&per_page=50&page=2`);
    const names = [...page2.text.matchAll(/>(Many \d{4})</g)].map((m) => m[1]);
    assert.deepEqual(names, Array.from({ length: 50 }, (_, i) => `Many ${String(51 + i).padStart(4, '0')}`), 'in NAME order');
    assert.match(page2.text, /rel="next"/);
  });

  test('the count reads with thousands separators and a real plural', async () => {
    const { account, session } = await setup();
    const one = await session.get(`/a/${account.id}/users`);
    assert.equal(listRows(one.text).length, 0);
    await newUser(account.id, { first: 'Only', last: `One${uid()}` });
    assert.match(visibleText((await session.get(`/a/${account.id}/users`)).text), /\b1 user\b/);
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered, created_at, updated_at)
               SELECT ${lit(account.id)}, 'Count', seq, CONCAT('Count ', seq), CONCAT('count', seq, '-${uid()}@example.com'),
                      'user', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_1233`);
    assert.match(visibleText((await session.get(`/a/${account.id}/users`)).text), /\b1,234 users\b/);
  });

  test('an add of a user waits for no other uncommitted add to the account, and the count stays exact', async () => {
    const { account, session } = await setup();
    const tag = uid();
    const add = (who, where = '') => `INSERT INTO users (account_id, first_name, last_name, display_name, email, created_at, updated_at)
      SELECT ${lit(account.id)}, 'Concurrent', ${lit(who)}, ${lit(`Concurrent ${who}`)}, ${lit(`${who}-${tag}@example.com`)},
             UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM DUAL ${where}`;
    // One add held open (a slow import, say) ...
    const held = sql(`BEGIN; ${add('held')}; DO SLEEP(5); COMMIT`);
    let holder;
    await eventually('the held add to be in', async () => {
      [[holder] = []] = await sql(`SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = 'DO SLEEP(5)'`);
      return holder;
    });
    // ... and another on a connection counting in another slot (schema.sql:
    // account_user_counts): it must not wait for the first to commit.
    let added = 0;
    for (let i = 0; i < 10 && added === 0; i++) {
      [[added]] = await sql(`SET SESSION innodb_lock_wait_timeout = 1;
        ${add('quick', `WHERE CONNECTION_ID() % 16 <> ${Number(holder) % 16}`)}; SELECT ROW_COUNT()`);
      added = Number(added);
    }
    assert.equal(added, 1, 'added beside the held add, without a lock wait timeout');
    await held;
    assert.match(visibleText((await session.get(`/a/${account.id}/users`)).text), /\b2 users\b/);
    await sql(`DELETE FROM users WHERE account_id = ${lit(account.id)} AND last_name = 'held'`);
    assert.match(visibleText((await session.get(`/a/${account.id}/users`)).text), /\b1 user\b/);
  });

  test('Export: every user the list matches, as CSV, formulas neutralised', async () => {
    const { account, session } = await setup();
    const tag = uid();
    const evil = await newUser(account.id, { first: '=HYPERLINK("http://evil.example.com")', last: `Evil${tag}`, mail: `evil-${tag}@export.example.com` });
    await sql(`UPDATE users SET name = ${lit('+1 formula')}, display_name = ${lit('+1 formula')} WHERE id = ${Number(evil.id)}`);
    await newUser(account.id, { first: '@mention', last: `Plain${tag}`, mail: `plain-${tag}@export.example.com`, ext: '-5' });
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered, created_at, updated_at)
               SELECT ${lit(account.id)}, 'Bulk', seq, CONCAT('Bulk ', LPAD(seq, 3, '0')), CONCAT('bulk', seq, '-${tag}@export.example.com'),
                      'user', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_120`);
    const list = await session.get(`/a/${account.id}/users?q=export.example.com`);
    assert.match(list.text, new RegExp(`href="/a/${account.id}/users/export\\.csv\\?q=export\\.example\\.com[^"]*"`), 'the Export link keeps the search');
    const res = await session.get(`/a/${account.id}/users/export.csv?q=export.example.com&sort=name&dir=asc`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/csv/);
    assert.match(res.headers.get('content-disposition'), /attachment; filename="users\.csv"/);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], 'Name,Email Address,Ext,Modified On (By),Licenses,Role,Status');
    assert.equal(lines.length, 1 + 122, 'every match, not only the first page');
    const formula = lines.find((l) => l.includes(`evil-${tag}@`));
    assert.ok(formula.startsWith("'+1 formula,"), 'a leading + is neutralised');
    const plain = lines.find((l) => l.includes(`plain-${tag}@`));
    assert.ok(plain.startsWith(`'@mention Plain${tag},`), 'a leading @ is neutralised');
    assert.ok(plain.includes(",'-5,"), 'a leading - is neutralised');
    const bulkNames = lines.filter((l) => l.startsWith('Bulk ')).map((l) => l.split(',')[0]);
    assert.deepEqual(bulkNames, Array.from({ length: 120 }, (_, i) => `Bulk ${String(i + 1).padStart(3, '0')}`), 'in NAME order');
    // What the user typed is kept as typed.
    assert.equal(await scalar(`SELECT first_name FROM users WHERE id = ${Number(evil.id)}`), '=HYPERLINK("http://evil.example.com")');
    // A filter narrows the export too.
    const registered = await session.get(`/a/${account.id}/users/export.csv?q=export.example.com&property=registered`);
    assert.equal(registered.text.trim().split('\r\n').length, 1 + 122, 'the 120 and the two signed-up users');
  });

  test('the Product menu lists what users hold, kept with every licence and user change', async () => {
    const { account, session } = await setup();
    const u = await newUser(account.id, { first: 'Lic', last: `Holder${uid()}` });
    const menu = async () => [...(await session.get(`/a/${account.id}/users`)).text
      .matchAll(/<option value="([^"]*)"[^>]*>\1<\/option>/g)].map((m) => m[1]).filter((p) => p.startsWith('Prod'));
    await sql(`INSERT INTO user_licenses (account_id, user_id, product) VALUES (${lit(account.id)}, ${Number(u.id)}, 'Prod B'),
               (${lit(account.id)}, ${Number(u.id)}, 'Prod A')`);
    assert.deepEqual(await menu(), ['Prod A', 'Prod B']);
    await sql(`DELETE FROM user_licenses WHERE user_id = ${Number(u.id)} AND product = 'Prod B'`);
    assert.deepEqual(await menu(), ['Prod A']);
    await sql(`DELETE FROM users WHERE id = ${Number(u.id)}`);
    assert.deepEqual(await menu(), [], 'a deleted user\'s licences are counted out');
    // One plan, whatever the statistics: a primary key range, no temporary table, no sort.
    await sql('ANALYZE TABLE user_licenses, account_products PERSISTENT FOR ALL');
    const plan = await sql(`EXPLAIN SELECT product FROM account_products WHERE account_id = ${lit(account.id)} AND holders > 0
                            ORDER BY product LIMIT 200`);
    const [, , , , , key, , , , extra] = plan[0];
    assert.equal(key, 'PRIMARY');
    assert.doesNotMatch(extra ?? '', /temporary|filesort/);
  });

  test('sort by name, email, extension and role, both ways; pages', async () => {
    const { account, session } = await setup();
    const people = [['Carol', 'c', '300', 'user'], ['Alice', 'b', '100', 'account_admin'], ['Bob', 'a', '200', 'user']];
    const ids = {};
    for (const [first, mailPrefix, ext, role] of people) {
      const u = await newUser(account.id, { first, last: 'Sorted', mail: `${mailPrefix}-${uid()}@example.com`, ext, role });
      ids[first] = u.id;
    }
    const order = async (query) => listedIds((await session.get(`/a/${account.id}/users?${query}`)).text);
    const by = (...names) => names.map((n) => ids[n]);
    assert.deepEqual(await order(''), by('Alice', 'Bob', 'Carol'), 'by name by default');
    assert.deepEqual(await order('sort=name&dir=desc'), by('Carol', 'Bob', 'Alice'));
    assert.deepEqual(await order('sort=email&dir=asc'), by('Bob', 'Alice', 'Carol'));
    assert.deepEqual(await order('sort=email&dir=desc'), by('Carol', 'Alice', 'Bob'));
    assert.deepEqual(await order('sort=ext&dir=asc'), by('Alice', 'Bob', 'Carol'));
    assert.deepEqual(await order('sort=ext&dir=desc'), by('Carol', 'Bob', 'Alice'));
    assert.deepEqual((await order('sort=role&dir=asc'))[0], ids.Alice, 'account_admin sorts before user');
    assert.deepEqual(await order(`sort=${encodeURIComponent('email; DROP TABLE users')}`), by('Alice', 'Bob', 'Carol'));

    // 25 more users: pages of 10.
    const values = Array.from({ length: 25 }, (_, i) =>
      `(${lit(account.id)}, 'Zed', ${lit(`Page${String(i).padStart(2, '0')}`)}, ${lit(`Zed Page${String(i).padStart(2, '0')}`)},
        ${lit(`zed${i}-${uid()}@example.com`)}, 'user', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered, created_at, updated_at)
               VALUES ${values.join(', ')}`);
    const names = async (query) => [...(await session.get(`/a/${account.id}/users?${query}`)).text.matchAll(/>(Zed Page\d\d)</g)].map((m) => m[1]);
    const page1 = await session.get(`/a/${account.id}/users?per_page=10`);
    assert.equal(listRows(page1.text).length, 10);
    assert.match(visibleText(page1.text), /1–10 of 28/);
    assert.match(visibleText(page1.text), /Page 1 of 3/);
    // Alice, Bob and Carol come first: page 3 holds the 21st to 28th.
    assert.deepEqual(await names('per_page=10&page=3'), ['Zed Page17', 'Zed Page18', 'Zed Page19', 'Zed Page20', 'Zed Page21', 'Zed Page22', 'Zed Page23', 'Zed Page24']);
    assert.deepEqual(await names('per_page=10&page=99'), await names('per_page=10&page=3'), 'past the end: the last page');
    assert.deepEqual(await names('per_page=10&page=1&q=zed'), Array.from({ length: 10 }, (_, i) => `Zed Page${String(i).padStart(2, '0')}`));
    assert.deepEqual(await names('per_page=10&page=3&q=zed'), ['Zed Page20', 'Zed Page21', 'Zed Page22', 'Zed Page23', 'Zed Page24']);
    assert.equal(listRows((await session.get(`/a/${account.id}/users`)).text).length, 28, '50 to a page by default');
  });
});

describe('Add User', () => {
  test('the form has the person\'s fields and the Account Admin toggle', async () => {
    const { account, session } = await setup();
    const res = await session.get(`/a/${account.id}/users/new`);
    assert.equal(res.status, 200);
    for (const name of ['first_name', 'last_name', 'name', 'email', 'mobile']) {
      assert.match(res.text, new RegExp(`<input[^>]*name="${name}"`), name);
    }
    assert.match(res.text, /name="account_admin" type="checkbox"/);
  });

  test('creates an unregistered user with its event, and opens the edit page', async () => {
    const { partner, account, session } = await setup();
    const before = await lastEventId();
    const fields = userFields({ mobile: '+1 (415) 555-0100', account_admin: '1' });
    const res = await session.send(`/a/${account.id}/users/new`, fields);
    assert.equal(res.status, 303);
    const id = new RegExp(`^/a/${account.id}/users/(\\d+)$`).exec(res.location)[1];
    assert.deepEqual(await userRow(id), [fields.first_name, fields.last_name, '', `${fields.first_name} ${fields.last_name}`,
      fields.email, '+14155550100', 'account_admin', '0']);
    assert.equal(await scalar(`SELECT account_id FROM users WHERE id = ${id}`), account.id);
    assert.equal(await scalar(`SELECT password_hash FROM users WHERE id = ${id}`), null, 'no password until registration');
    const events = await eventsOf(account.id, `id > ${before}`);
    assert.equal(events.length, 1);
    const [e] = events;
    assert.equal(e.action, 'user.create');
    assert.equal(e.assetType, 'user');
    assert.equal(e.assetId, id);
    assert.equal(e.actorUserId, partner.adminId);
    assert.deepEqual(e.details, {
      first_name: { from: '', to: fields.first_name },
      last_name: { from: '', to: fields.last_name },
      email: { from: '', to: fields.email },
      mobile: { from: '', to: '+14155550100' },
      role: { from: '', to: 'account_admin' },
    });
    const page = await session.get(res.location);
    assert.equal(page.status, 200);
    assert.ok(visibleText(page.text).includes('The user has been created.'));
    assert.equal(inputValue(page.text, 'email'), fields.email);
    assert.match(page.text, /<option value="account_admin" selected>/);
    assert.ok(visibleText(page.text).includes('Unregistered'));
    // An unregistered user cannot sign in.
    assert.equal((await new Client().login(fields.email, PASSWORD)).status, 422);
  });

  test('without the toggle the user is a User; a Name alone is enough', async () => {
    const { account, session } = await setup();
    const { id } = await addUserViaUI(session, account.id, { first_name: '', last_name: '', name: 'Reception Desk' });
    const row = await userRow(id);
    assert.equal(row[3], 'Reception Desk', 'display name');
    assert.equal(row[6], 'user');
    const { id: id2 } = await addUserViaUI(session, account.id, { first_name: '', last_name: 'Solo', name: '' });
    assert.equal((await userRow(id2))[3], 'Solo');
  });

  test('each mistake is reported next to its field, the input is kept, and nothing is created', async () => {
    const { account, session } = await setup();
    const existing = await newUser(account.id);
    const cases = [
      [{ first_name: '', last_name: '', name: '' }, 'name', NAME_REQUIRED],
      [{ first_name: ' ', last_name: '\t', name: '  ' }, 'name', NAME_REQUIRED],
      [{ email: '' }, 'email', REQUIRED],
      [{ email: 'not-an-email' }, 'email', BAD_EMAIL],
      [{ email: 'a@b' }, 'email', BAD_EMAIL],
      [{ email: 'two@@example.com' }, 'email', BAD_EMAIL],
      [{ email: 'spa ce@example.com' }, 'email', BAD_EMAIL],
      [{ email: '.lead@example.com' }, 'email', BAD_EMAIL],
      [{ email: `${'l'.repeat(65)}@example.com` }, 'email', BAD_EMAIL],
      [{ email: existing.email }, 'email', TAKEN],
      [{ email: existing.email.toUpperCase() }, 'email', TAKEN],
      [{ mobile: '12345' }, 'mobile', BAD_PHONE],
      [{ mobile: '4155550100' }, 'mobile', BAD_PHONE],
      [{ mobile: '+0123456789' }, 'mobile', BAD_PHONE],
      [{ mobile: '+1 415 CALL NOW' }, 'mobile', BAD_PHONE],
      [{ mobile: '+1234567' }, 'mobile', BAD_PHONE],
      [{ mobile: '+1234567890123456' }, 'mobile', BAD_PHONE],
      [{ mobile: '+1 415 555 0100 ext 5' }, 'mobile', BAD_PHONE],
      [{ first_name: 'f'.repeat(101) }, 'first_name', 'This value is too long.'],
      [{ name: 'n'.repeat(201) }, 'name', 'This value is too long.'],
    ];
    const counts = await tableCounts();
    for (const [overrides, field, message] of cases) {
      const fields = userFields(overrides);
      const label = JSON.stringify(overrides).slice(0, 70);
      const res = await session.send(`/a/${account.id}/users/new`, fields);
      assert.equal(res.status, 422, `${label}: status`);
      assert.equal(fieldError(res.text, field), message, label);
      if (field !== 'email') assert.equal(inputValue(res.text, 'email'), fields.email, `${label}: email kept`);
      if (field !== 'last_name' && fields.last_name.trim()) assert.equal(inputValue(res.text, 'last_name'), fields.last_name.trim(), `${label}: last name kept`);
    }
    assert.deepEqual(await tableCounts(), counts);
  });

  test('several mistakes at once each get their message', async () => {
    const { account, session } = await setup();
    const res = await session.send(`/a/${account.id}/users/new`, { first_name: '', last_name: '', name: '', email: 'x', mobile: 'y' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'name'), NAME_REQUIRED);
    assert.equal(fieldError(res.text, 'email'), BAD_EMAIL);
    assert.equal(fieldError(res.text, 'mobile'), BAD_PHONE);
  });

  test('an email is unique within one account but may be used again in another', async () => {
    const { partner, account, session } = await setup();
    const shared = email('shared');
    await addUserViaUI(session, account.id, { email: shared });
    const second = await newCustomer(partner.id);
    const { id } = await addUserViaUI(session, second.id, { email: shared });
    assert.equal(await scalar(`SELECT account_id FROM users WHERE id = ${id}`), second.id);
    assert.equal(await count('users', `email = ${lit(shared)}`), 2);
  });

  test('valid mobile numbers in several notations are stored as E.164', async () => {
    const { account, session } = await setup();
    for (const [typed, stored] of [['+44 20 7946 0958', '+442079460958'], ['+33.1.23.45.67.89', '+33123456789'], ['+861012345678', '+861012345678']]) {
      const { id } = await addUserViaUI(session, account.id, { mobile: typed });
      assert.equal((await userRow(id))[5], stored, typed);
    }
  });

  test('an account admin adds users to their own account', async () => {
    const partner = await newPartner();
    const { account, admin, session } = await adminSession(partner.id);
    const { id } = await addUserViaUI(session, account.id);
    const [e] = await eventsOf(account.id, `action = 'user.create' AND asset_id = ${lit(id)}`);
    assert.equal(e.actorUserId, admin.id);
    assert.equal(e.actorEmail, admin.email);
  });

  test('an Account Admin added through the form manages the account once registered', async () => {
    const { account, session } = await setup();
    const { id, email: adminEmail } = await addUserViaUI(session, account.id, { account_admin: '1' });
    // Registration (by the welcome email) comes later; give the new admin a password directly.
    await setKnownPassword(id);
    const admin = await signIn(adminEmail);
    const list = await admin.get(`/a/${account.id}/users`);
    assert.equal(list.status, 200);
    assert.ok(listedIds(list.text).includes(id));
    const { id: added } = await addUserViaUI(admin, account.id);
    assert.equal(await scalar(`SELECT account_id FROM users WHERE id = ${added}`), account.id);
    assert.equal((await admin.get('/accounts')).status, 404, 'but no partner screens');
  });

  test('a user added to the partner account is a partner administrator', async () => {
    const { partner, session } = await partnerSession();
    const res = await session.get(`/a/${partner.id}/users/new`);
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, /name="account_admin"/, 'no Account Admin toggle in the partner account');
    const { id } = await addUserViaUI(session, partner.id, { account_admin: '1' });
    assert.equal((await userRow(id))[6], 'partner_admin');
  });
});

describe('Edit User', () => {
  test('shows the user with the role select and read-only details', async () => {
    const { account, session } = await setup();
    const { id, fields } = await addUserViaUI(session, account.id, { mobile: '+14155550100' });
    const res = await session.get(`/a/${account.id}/users/${id}`);
    assert.equal(res.status, 200);
    for (const f of ['first_name', 'last_name', 'email']) assert.equal(inputValue(res.text, f), fields[f], f);
    assert.equal(inputValue(res.text, 'mobile'), '+14155550100');
    assert.match(res.text, /<select[^>]*name="role"/);
    assert.match(res.text, /<option value="user" selected>User</);
    assert.match(res.text, /<option value="account_admin">Account Admin</);
    const text = visibleText(res.text);
    for (const label of ['Status', 'Source', 'Created', 'Accounts app']) assert.ok(text.includes(label), label);
    assert.match(res.text, new RegExp(`href="/a/${account.id}/users/${id}/delete"`));
  });

  test('a save writes the row and one event with exactly the properties changed', async () => {
    const { partner, account, session } = await setup();
    const { id, fields } = await addUserViaUI(session, account.id);
    const before = await lastEventId();
    const newEmail = email('renamed');
    const res = await session.send(`/a/${account.id}/users/${id}`, { ...fields, last_name: 'Renamed', email: newEmail, role: 'user' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/a/${account.id}/users/${id}`);
    const row = await userRow(id);
    assert.deepEqual(row.slice(0, 7), [fields.first_name, 'Renamed', '', `${fields.first_name} Renamed`, newEmail, '', 'user']);
    assert.equal(await scalar(`SELECT updated_by_name FROM users WHERE id = ${id}`), partner.name);
    const events = await eventsOf(account.id, `id > ${before}`);
    assert.equal(events.length, 1);
    assert.equal(events[0].action, 'user.update');
    assert.equal(events[0].assetId, id);
    assert.equal(events[0].actorUserId, partner.adminId);
    assert.deepEqual(events[0].details, {
      last_name: { from: fields.last_name, to: 'Renamed' },
      email: { from: fields.email, to: newEmail },
    });
    const page = await session.get(res.location);
    assert.ok(visibleText(page.text).includes('The user has been saved.'));
  });

  test('saving without changes writes no event', async () => {
    const { account, session } = await setup();
    const { id, fields } = await addUserViaUI(session, account.id);
    const before = await lastEventId();
    assert.equal((await session.send(`/a/${account.id}/users/${id}`, { ...fields, role: 'user' })).status, 303);
    assert.deepEqual(await eventsOf(account.id, `id > ${before}`), []);
  });

  test('bad input changes nothing; another user\'s email in the account is refused, the user\'s own is fine', async () => {
    const { account, session } = await setup();
    const { id, fields } = await addUserViaUI(session, account.id);
    const other = await newUser(account.id);
    const before = await lastEventId();
    const row = await userRow(id);
    const cases = [
      [{ email: other.email }, 'email', TAKEN],
      [{ email: 'broken' }, 'email', BAD_EMAIL],
      [{ email: '' }, 'email', REQUIRED],
      [{ first_name: '', last_name: '', name: '' }, 'name', NAME_REQUIRED],
      [{ mobile: '555' }, 'mobile', BAD_PHONE],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await session.send(`/a/${account.id}/users/${id}`, { ...fields, role: 'user', ...overrides });
      assert.equal(res.status, 422, JSON.stringify(overrides));
      assert.equal(fieldError(res.text, field), message, JSON.stringify(overrides));
    }
    assert.deepEqual(await userRow(id), row);
    assert.deepEqual(await eventsOf(account.id, `id > ${before}`), []);
    const same = await session.send(`/a/${account.id}/users/${id}`, { ...fields, email: fields.email.toUpperCase(), role: 'user' });
    assert.equal(same.status, 303, 'the user may keep their own address in another case');
  });

  test('role change: User to Account Admin and back, each with its event', async () => {
    const { account, session } = await setup();
    await newUser(account.id, { role: 'account_admin' });
    const { id, fields } = await addUserViaUI(session, account.id);
    const before = await lastEventId();
    assert.equal((await session.send(`/a/${account.id}/users/${id}`, { ...fields, role: 'account_admin' })).status, 303);
    assert.equal((await userRow(id))[6], 'account_admin');
    assert.equal((await session.send(`/a/${account.id}/users/${id}`, { ...fields, role: 'user' })).status, 303);
    assert.equal((await userRow(id))[6], 'user');
    const events = await eventsOf(account.id, `id > ${before}`);
    assert.deepEqual(events.map((e) => e.details), [
      { role: { from: 'user', to: 'account_admin' } },
      { role: { from: 'account_admin', to: 'user' } },
    ]);
  });

  test('a role outside User and Account Admin is refused: no one is made a partner here', async () => {
    const { account, session } = await setup();
    const { id, fields } = await addUserViaUI(session, account.id);
    for (const role of ['partner_admin', 'account_manager', '', 'admin', "user' OR '1'='1"]) {
      const res = await session.send(`/a/${account.id}/users/${id}`, { ...fields, role });
      assert.equal(res.status, 422, `role ${JSON.stringify(role)}`);
      assert.equal(fieldError(res.text, 'role'), 'Choose one of the options offered.');
    }
    assert.equal((await userRow(id))[6], 'user');
  });

  test('the last Account Admin of an account cannot be demoted', async () => {
    const { account, session } = await setup();
    const { id, fields } = await addUserViaUI(session, account.id, { account_admin: '1' });
    const res = await session.send(`/a/${account.id}/users/${id}`, { ...fields, role: 'user' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'role'), 'The account needs at least one Account Admin.');
    assert.equal((await userRow(id))[6], 'account_admin');
  });

  test('a partner user\'s role cannot be changed from the edit page', async () => {
    const { partner, session } = await partnerSession();
    const staff = await newUser(partner.id, { role: 'partner_admin' });
    const page = await session.get(`/a/${partner.id}/users/${staff.id}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /<select[^>]*name="role"/);
    const res = await session.send(`/a/${partner.id}/users/${staff.id}`, { first_name: 'Still', last_name: 'Partner', email: staff.email, role: 'user' });
    assert.equal(res.status, 303);
    assert.equal((await userRow(staff.id))[6], 'partner_admin');
  });
});

describe('Delete User', () => {
  test('the typed word is checked on the server; then the user, their sessions and an event', async () => {
    const { partner, account, session } = await setup();
    const victim = await newUser(account.id, { role: 'user' });
    const victimS = await signIn(victim.email);
    const page = await session.get(`/a/${account.id}/users/${victim.id}/delete`);
    assert.equal(page.status, 200);
    assert.match(visibleText(page.text), /type 'delete'/);
    assert.ok(visibleText(page.text).includes(victim.email), 'names the user');
    const counts = await tableCounts();
    for (const word of ['', 'DELETE', 'Delete', 'del', 'deactivate', "delete' --"]) {
      const res = await session.send(`/a/${account.id}/users/${victim.id}/delete`, { confirm: word });
      assert.equal(res.status, 422, `typed ${JSON.stringify(word)}`);
      assert.equal(fieldError(res.text, 'confirm'), TYPED_WORD);
    }
    assert.deepEqual(await tableCounts(), counts, 'nothing changed');

    const before = await lastEventId();
    const res = await session.send(`/a/${account.id}/users/${victim.id}/delete`, { confirm: 'delete' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/a/${account.id}/users`);
    assert.equal(await userRow(victim.id), null);
    const events = await eventsOf(account.id, `id > ${before}`);
    assert.deepEqual(events.map((e) => [e.action, e.assetType, e.assetId, e.actorUserId, e.details]),
      [['user.delete', 'user', victim.id, partner.adminId, { email: victim.email, role: 'user' }]]);
    assertToLogin(await victimS.get(`/a/${account.id}`), 'the deleted user\'s session');
    const list = await session.get(res.location);
    assert.ok(visibleText(list.text).includes('The user has been deleted.'));
    assert.equal((await session.get(`/a/${account.id}/users/${victim.id}`)).status, 404);
    assert.equal((await session.get(`/a/${account.id}/users/${victim.id}/delete`)).status, 404);
    assert.equal((await session.send(`/a/${account.id}/users/${victim.id}/delete`, { confirm: 'delete' })).status, 404);
  });

  test('a partner user cannot be deleted', async () => {
    const { partner, session } = await partnerSession();
    const staff = await newUser(partner.id, { role: 'partner_admin' });
    const page = await session.get(`/a/${partner.id}/users/${staff.id}`);
    assert.doesNotMatch(page.text, /\/delete"/, 'no Delete button');
    const counts = await tableCounts();
    const get = await session.get(`/a/${partner.id}/users/${staff.id}/delete`);
    assert.equal(get.status, 403);
    assert.ok(visibleText(get.text).includes('Partner users cannot be deleted.'));
    assert.doesNotMatch(get.text, /name="confirm"/, 'no confirmation form');
    const post = await session.send(`/a/${partner.id}/users/${staff.id}/delete`, { confirm: 'delete' });
    assert.equal(post.status, 403);
    assert.ok(visibleText(post.text).includes('Partner users cannot be deleted.'));
    assert.ok(await userRow(staff.id));
    assert.deepEqual(await tableCounts(), counts);
  });

  test('nobody deletes themselves, and the last Account Admin stays', async () => {
    const partner = await newPartner();
    const { account, admin, session } = await adminSession(partner.id);
    const self = await session.send(`/a/${account.id}/users/${admin.id}/delete`, { confirm: 'delete' });
    assert.equal(self.status, 403);
    assert.ok(visibleText(self.text).includes('You cannot delete your own user.'));
    assert.ok(await userRow(admin.id));

    const partnerS = await signIn(partner.email);
    const last = await partnerS.send(`/a/${account.id}/users/${admin.id}/delete`, { confirm: 'delete' });
    assert.equal(last.status, 403);
    assert.ok(visibleText(last.text).includes('The account needs at least one Account Admin.'));
    assert.ok(await userRow(admin.id));
  });

  test('an account admin deletes a user of their own account', async () => {
    const partner = await newPartner();
    const { account, admin, session } = await adminSession(partner.id);
    const { id } = await addUserViaUI(session, account.id);
    const res = await session.send(`/a/${account.id}/users/${id}/delete`, { confirm: 'delete' });
    assert.equal(res.status, 303);
    assert.equal(await userRow(id), null);
    const [e] = await eventsOf(account.id, `action = 'user.delete' AND asset_id = ${lit(id)}`);
    assert.equal(e.actorUserId, admin.id);
  });
});

describe('Users list roles', () => {
  test('the ROLE column names a custom role a user holds', async () => {
    const { partner, account, session } = await setup();
    const user = await newUser(account.id, { signIn: false });
    const roleName = `Helpdesk ${uid()}`;
    await sql(`INSERT INTO roles (partner_id, name, base, grants, created_at, updated_at)
               VALUES (${lit(partner.id)}, ${lit(roleName)}, 'admin', '', UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
    await sql(`UPDATE users SET custom_role_id = (SELECT id FROM roles WHERE name = ${lit(roleName)})
               WHERE id = ${Number(user.id)}`);
    const res = await session.get(`/a/${account.id}/users?q=${encodeURIComponent(user.email)}`);
    assert.equal(res.status, 200);
    assert.match(visibleText(res.text), new RegExp(roleName));
  });
});
