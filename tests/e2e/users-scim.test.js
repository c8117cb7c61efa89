// The Users screens and SCIM provisioning (guide §2.4 notes, §3.2.6; ch3 §8):
// the fields Azure AD Sync owns are read-only in Edit User, with a note
// naming it, and a save keeps them as provisioned; the user page lists the
// user's SCIM groups, and the Users list filters by group (offered only when
// the account has groups); the Users page links Phone Number Conflict Search
// once Azure AD Sync is set up.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  eventsOf, fieldError, inputValue, lastEventId, listRows, lit, newCustomer, newUser, partnerSession, signIn, uid, visibleText,
} from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import { scimAccount, scimUser } from './lib/scim.js';

const OWNED = ['first_name', 'last_name', 'name', 'email', 'mobile'];

/** A user Azure AD Sync provisions: its console id and the document's values. */
async function provisioned(s, label = 'owned') {
  const userName = `${label}-${uid()}@contoso.example.com`;
  const res = await s.client.post('/Users', scimUser(userName, {
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    displayName: 'Ada L.',
    phoneNumbers: [{ value: `+1415555${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`, type: 'mobile' }],
  }));
  assert.equal(res.status, 201, res.text);
  return { id: res.json.id, userName };
}

async function stored(id) {
  const [row] = await sql(`SELECT first_name, last_name, name, email, mobile FROM users WHERE id = ${Number(id)}`);
  return row;
}

describe('users provisioned by Azure AD Sync in the console', () => {
  let s;
  before(async () => { s = await scimAccount('Users SCIM'); });

  test('Edit User shows the fields Azure AD Sync owns read-only, with a note naming it', async () => {
    const u = await provisioned(s);
    const page = await s.session.get(`/a/${s.account.id}/users/${u.id}`);
    assert.equal(page.status, 200);
    for (const f of OWNED) {
      assert.match(page.text, new RegExp(`<input type="hidden" name="${f}"`), `${f}: not editable`);
      assert.ok(!new RegExp(`<input id="f-${f}"`).test(page.text), `${f}: no input`);
    }
    assert.equal((visibleText(page.text).match(/Provisioned by Azure AD Sync: change it there\./g) ?? []).length, OWNED.length);
    assert.equal(inputValue(page.text, 'email'), u.userName);
  });

  test('a save cannot change them: the stored values stay, the role still changes', async () => {
    const u = await provisioned(s, 'kept');
    const before = await stored(u.id);
    const since = await lastEventId();
    const res = await s.session.send(`/a/${s.account.id}/users/${u.id}`, {
      first_name: 'Changed', last_name: 'Here', name: 'Nickname', email: `changed-${uid()}@example.com`,
      mobile: '+14155550199', role: 'account_admin',
    });
    assert.equal(res.status, 303, fieldError(res.text, 'email') ?? res.text.slice(0, 300));
    assert.deepEqual(await stored(u.id), before, 'every source-owned field as provisioned');
    assert.equal((await sql(`SELECT role FROM users WHERE id = ${u.id}`))[0][0], 'account_admin');
    const events = await eventsOf(s.account.id, `id > ${since}`);
    assert.equal(events.length, 1);
    assert.equal(events[0].action, 'user.update');
    assert.ok(!JSON.stringify(events[0]).includes('Nickname'), 'the event lists no owned field as changed');
    // A value the form's own checks would refuse is no error either: nothing of it is used.
    const bad = await s.session.send(`/a/${s.account.id}/users/${u.id}`, { first_name: 'x', last_name: '', name: '',
      email: 'not an email', mobile: 'nope', role: 'account_admin' });
    assert.equal(bad.status, 303, fieldError(bad.text, 'email') ?? fieldError(bad.text, 'mobile') ?? '');
    assert.deepEqual(await stored(u.id), before);
  });

  test('a console user of the same account stays editable', async () => {
    const mine = await newUser(s.account.id);
    const page = await s.session.get(`/a/${s.account.id}/users/${mine.id}`);
    for (const f of OWNED) assert.match(page.text, new RegExp(`<input id="f-${f}"`), `${f}: editable`);
    assert.ok(!visibleText(page.text).includes('Provisioned by'));
    const res = await s.session.send(`/a/${s.account.id}/users/${mine.id}`, {
      first_name: 'Re', last_name: 'Named', name: '', email: mine.email, mobile: '', role: 'user',
    });
    assert.equal(res.status, 303);
    assert.equal((await stored(mine.id))[0], 'Re');
  });
});

describe('SCIM groups in the console', () => {
  let s, team, other, members, outsider;
  before(async () => {
    s = await scimAccount('Users groups');
    members = [await provisioned(s, 'm1'), await provisioned(s, 'm2')];
    outsider = await provisioned(s, 'out');
    team = `Team ${uid()}`;
    other = `Other ${uid()}`;
    const made = await s.client.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: team,
      members: members.map((m) => ({ value: m.id })) });
    assert.equal(made.status, 201, made.text);
    team = { name: team, id: made.json.id };
    const second = await s.client.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: other,
      members: [{ value: members[0].id }] });
    assert.equal(second.status, 201, second.text);
    other = { name: other, id: second.json.id };
  });

  test('the user page lists the groups the user belongs to', async () => {
    const page = await s.session.get(`/a/${s.account.id}/users/${members[0].id}`);
    const text = visibleText(page.text);
    assert.ok(text.includes('Groups'));
    assert.ok(text.includes(team.name) && text.includes(other.name), 'both of its groups');
    assert.match(page.text, new RegExp(`href="/a/${s.account.id}/users\\?group=${team.id}"`), 'each links the filtered list');
    const lone = await s.session.get(`/a/${s.account.id}/users/${outsider.id}`);
    assert.ok(!visibleText(lone.text).includes(team.name), 'no group of another user');
  });

  test('the Users list filters by group, with a chip that names it and the filter kept by the links', async () => {
    const list = await s.session.get(`/a/${s.account.id}/users`);
    assert.match(list.text, /<select id="f-group" name="group">/, 'the Group filter is offered');
    assert.ok(list.text.includes(`<option value="${team.id}">${team.name}</option>`));
    const filtered = await s.session.get(`/a/${s.account.id}/users?group=${team.id}`);
    assert.equal(filtered.status, 200);
    const rows = listRows(filtered.text);
    assert.deepEqual(rows.sort(), members.map((m) => `/a/${s.account.id}/users/${m.id}`).sort());
    const text = visibleText(filtered.text);
    assert.ok(text.includes(`Group: ${team.name}`), 'the chip names the group');
    assert.ok(text.includes('2 users'));
    assert.match(filtered.text, /<input type="hidden" name="group" value="\d+">/, 'Manage and search carry it');
    // With a search, and with a property.
    const searched = await s.session.get(`/a/${s.account.id}/users?group=${team.id}&q=${encodeURIComponent(members[1].userName.split('@')[0])}`);
    assert.deepEqual(listRows(searched.text), [`/a/${s.account.id}/users/${members[1].id}`]);
    const admins = await s.session.get(`/a/${s.account.id}/users?group=${team.id}&property=admins`);
    assert.deepEqual(listRows(admins.text), []);
    // With a product: the group's members that hold it, whoever else does.
    const product = `Product ${uid()}`;
    await sql(`INSERT INTO user_licenses (account_id, user_id, product) VALUES
      (${lit(s.account.id)}, ${members[1].id}, ${lit(product)}), (${lit(s.account.id)}, ${outsider.id}, ${lit(product)})`);
    const held = await s.session.get(`/a/${s.account.id}/users?group=${team.id}&product=${encodeURIComponent(product)}`);
    assert.deepEqual(listRows(held.text), [`/a/${s.account.id}/users/${members[1].id}`]);
    assert.ok(visibleText(held.text).includes('1 user'));
    // The export and "Manage all" take the same users.
    const csv = await s.session.get(`/a/${s.account.id}/users/export.csv?group=${other.id}`);
    assert.equal(csv.status, 200);
    assert.equal(csv.text.trim().split('\n').length, 2, 'a header and the one member');
    const manage = await s.session.get(`/a/${s.account.id}/users/manage?scope=all&group=${team.id}`);
    assert.ok(visibleText(manage.text).includes('Manage all (2 users)'));
  });

  test('a group of another account, or no group, filters nothing', async () => {
    const elsewhere = await scimAccount('Users groups elsewhere');
    const theirs = await elsewhere.client.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `Theirs ${uid()}` });
    const all = listRows((await s.session.get(`/a/${s.account.id}/users`)).text).length;
    for (const g of [theirs.json.id, '999999999', 'x']) {
      const page = await s.session.get(`/a/${s.account.id}/users?group=${g}`);
      assert.equal(page.status, 200, g);
      assert.equal(listRows(page.text).length, all, `${g}: dropped`);
      assert.ok(!visibleText(page.text).includes('Group:'), `${g}: no chip`);
    }
  });

  test('an account without groups is offered no Group filter', async () => {
    const { partner, session } = await partnerSession('No groups');
    const account = await newCustomer(partner.id, 'No groups');
    const list = await session.get(`/a/${account.id}/users`);
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.text, /name="group"/);
  });

  test('a group of many members is read walking the list\'s order, page by page', async () => {
    // Past the walk threshold of lib/user_list.c (1,000): users and members added in SQL.
    const { partner } = await partnerSession('Big group');
    const account = await newCustomer(partner.id, 'Big group');
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, created_at, updated_at)
      SELECT ${lit(account.id)}, 'Bulk', CONCAT('M', LPAD(seq, 5, '0')), CONCAT('Bulk M', LPAD(seq, 5, '0')),
        CONCAT('bulk', seq, '@big.example.com'), UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_1500`);
    await sql(`INSERT INTO user_groups (account_id, display_name, doc, created_at, updated_at)
      VALUES (${lit(account.id)}, 'Everyone odd', '{}', UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
    const [[group]] = await sql(`SELECT id FROM user_groups WHERE account_id = ${lit(account.id)}`);
    // The odd ones of the first 900 and all 600 after: 1,050 members, not 'Bulk M00002'.
    await sql(`INSERT INTO user_group_members (group_id, user_id, account_id)
      SELECT ${group}, id, account_id FROM users WHERE account_id = ${lit(account.id)} AND email LIKE 'bulk%'
        AND MOD(CAST(SUBSTRING(last_name, 2) AS UNSIGNED), 2) = 1 OR (account_id = ${lit(account.id)}
        AND email LIKE 'bulk%' AND CAST(SUBSTRING(last_name, 2) AS UNSIGNED) > 900)`);
    const [[expected]] = await sql(`SELECT COUNT(*) FROM user_group_members WHERE group_id = ${group}`);
    assert.ok(Number(expected) >= 1000, `${expected} members`);
    const admin = await newUser(account.id, { role: 'account_admin' });
    const as = await signIn(admin.email);
    const page = await as.get(`/a/${account.id}/users?group=${group}`);
    assert.equal(page.status, 200);
    assert.ok(visibleText(page.text).includes(`${Number(expected).toLocaleString('en-US')} users`), 'the exact count');
    const names = [...page.text.matchAll(/<a href="\/a\/[^"]+\/users\/\d+">(Bulk M\d+)<\/a>/g)].map((m) => m[1]);
    assert.equal(names.length, 50);
    assert.deepEqual(names.slice(0, 3), ['Bulk M00001', 'Bulk M00003', 'Bulk M00005'], 'members only, in name order');
    const last = await as.get(`/a/${account.id}/users?group=${group}&sort=name&dir=desc`);
    const lastNames = [...last.text.matchAll(/<a href="\/a\/[^"]+\/users\/\d+">(Bulk M\d+)<\/a>/g)].map((m) => m[1]);
    assert.equal(lastNames[0], 'Bulk M01500');
  });
});

describe('Phone Number Conflict Search on the Users page', () => {
  test('is linked once Azure AD Sync is set up, not before', async () => {
    const { partner, session } = await partnerSession('Conflicts link');
    const account = await newCustomer(partner.id, 'Conflicts link');
    const link = `href="/a/${account.id}/users/phone-conflicts"`;
    const before = await session.get(`/a/${account.id}/users`);
    assert.ok(!before.text.includes(link), 'no link without Azure AD Sync');
    const s = await scimAccount('Conflicts linked');
    const after = await s.session.get(`/a/${s.account.id}/users`);
    assert.ok(after.text.includes(`href="/a/${s.account.id}/users/phone-conflicts"`));
    assert.ok(visibleText(after.text).includes('Phone Number Conflict Search'));
    const target = await s.session.get(`/a/${s.account.id}/users/phone-conflicts`);
    assert.equal(target.status, 200);
    // The partner account's own Users page has no such link (no SCIM there).
    const staff = await s.session.get(`/a/${s.partner.id}/users`);
    assert.ok(!staff.text.includes('phone-conflicts'));
  });
});
