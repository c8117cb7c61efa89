// Roles and Permissions (guide §2.14, §2.15): who reaches which custom
// role, on every route of a role and in the Roles list — another partner's
// roles never, an account manager only the roles held nowhere outside the
// partner account and their assigned accounts — and the role forms' checks
// of what is typed (a message next to the field, nothing written).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import {
  adminSession, fieldError, fillRoute, inputValue, lit, newCustomer, newUser, partnerSession, routeTable, scalar,
  signIn, uid, visibleText,
} from './lib/fixtures.js';

/** A custom role of partnerId, assigned to the accounts given; { id, name }. */
async function newRole(partnerId, { base = 'admin', accounts = [], label = 'Role' } = {}) {
  const name = `${label} ${uid()}`;
  await sql(`INSERT INTO roles (partner_id, name, description, base, grants, created_at, updated_at)
             VALUES (${lit(partnerId)}, ${lit(name)}, 'as made', ${lit(base)}, 'users:v', UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  const id = await scalar(`SELECT id FROM roles WHERE partner_id = ${lit(partnerId)} AND name = ${lit(name)}`);
  for (const account of accounts) await sql(`INSERT INTO role_accounts (role_id, account_id) VALUES (${id}, ${lit(account)})`);
  return { id, name };
}

/** Everything a request on a role could change: the role, its assignments, the partner's roles and events. */
async function roleState(role, partnerId) {
  return sql(`SELECT r.name, r.description, r.grants, r.updated_at,
                     (SELECT GROUP_CONCAT(account_id ORDER BY account_id) FROM role_accounts WHERE role_id = r.id),
                     (SELECT COUNT(*) FROM roles WHERE partner_id = ${lit(partnerId)}),
                     (SELECT COUNT(*) FROM events WHERE account_id = ${lit(partnerId)})
                FROM roles r WHERE r.id = ${role.id}`);
}

/** Every route of one role (/roles/:id...), from the route table. */
const roleRoutes = routeTable().filter((r) => r.pattern.startsWith('/roles/:id'));

/** A POST that would be accepted on the route, were the role within reach. */
function validPost(pattern, accountId) {
  if (pattern.endsWith('/accounts')) return { action: 'assign', accounts: accountId };
  if (pattern.endsWith('/delete')) return { confirm: 'delete' };
  return { name: `Renamed ${uid()}`, description: 'changed' };
}

/** Each route of the role answers 404 and nothing of it changes. */
async function assertOutOfReach(session, role, partnerId, accountId, who) {
  assert.equal(roleRoutes.length, 8, 'the role routes were read');
  for (const { method, pattern } of roleRoutes) {
    const path = fillRoute(pattern, '', role.id);
    const before = await roleState(role, partnerId);
    const res = method === 'GET' ? await session.get(path) : await session.send(path, validPost(pattern, accountId));
    assert.equal(res.status, 404, `${who}: ${method} ${path} → ${res.status}`);
    assert.deepEqual(await roleState(role, partnerId), before, `${who}: ${method} ${path} changed nothing`);
  }
}

/** The names in the Roles list, as a person reads them. */
async function listed(session, q = '') {
  return visibleText((await session.get(`/roles${q ? `?q=${encodeURIComponent(q)}` : ''}`)).text);
}

describe('whose roles', () => {
  test('another partner\'s role is out of reach on every route, and not listed', async () => {
    const { partner: other } = await partnerSession('Elsewhere');
    const theirs = await newCustomer(other.id);
    const role = await newRole(other.id, { accounts: [theirs.id] });
    const { partner, session } = await partnerSession('Here');
    const mine = await newCustomer(partner.id);
    await assertOutOfReach(session, role, other.id, mine.id, 'another partner');
    assert.ok(!(await listed(session, role.name)).includes(role.name));
    // An Account Admin reaches only the roles assigned to their own account.
    const { session: admin } = await adminSession(partner.id, 'Admins');
    assert.equal((await admin.get(`/roles/${role.id}`)).status, 404);
    const ours = await newRole(partner.id, { accounts: [mine.id] });
    assert.equal((await admin.get(`/roles/${ours.id}`)).status, 404, 'a role of their partner assigned elsewhere');
    assert.ok(!(await listed(admin)).includes(ours.name));
  });

  test('an account manager reaches only roles held nowhere outside the partner account and their accounts', async () => {
    const { partner, session: owner } = await partnerSession('Managed');
    const assigned = await newCustomer(partner.id, 'Assigned');
    const unassigned = await newCustomer(partner.id, 'Unassigned');
    const m = await newUser(partner.id, { role: 'account_manager' });
    await sql(`INSERT INTO account_manager_accounts (user_id, account_id) VALUES (${m.id}, ${lit(assigned.id)})`);
    const elsewhere = await newRole(partner.id, { accounts: [unassigned.id], label: 'Elsewhere' });
    const alsoElsewhere = await newRole(partner.id, { accounts: [assigned.id, unassigned.id], label: 'Both' });
    const nowhere = await newRole(partner.id, { label: 'Nowhere' });
    const inTheirs = await newRole(partner.id, { accounts: [assigned.id], label: 'Theirs' });
    const ofPartner = await newRole(partner.id, { base: 'partner', accounts: [partner.id], label: 'Staff' });
    const manager = await signIn(m.email);

    // The list, and its search.
    const list = await listed(manager);
    for (const r of [nowhere, inTheirs, ofPartner]) assert.ok(list.includes(r.name), `${r.name} is listed`);
    for (const r of [elsewhere, alsoElsewhere]) {
      assert.ok(!list.includes(r.name), `${r.name} is not listed`);
      assert.ok(!(await listed(manager, r.name)).includes(r.name), `${r.name} is not found by a search`);
      await assertOutOfReach(manager, r, partner.id, assigned.id, `manager on ${r.name}`);
    }
    assert.match(list, /1–3 of 3/);
    // The partner administrator is not restricted.
    const all = await listed(owner);
    for (const r of [elsewhere, alsoElsewhere, nowhere, inTheirs, ofPartner]) assert.ok(all.includes(r.name));

    // The roles within reach work as usual; the Accounts tab offers only their accounts.
    assert.equal((await manager.get(`/roles/${nowhere.id}`)).status, 200);
    const tab = await manager.get(`/roles/${nowhere.id}/accounts`);
    assert.equal(tab.status, 200);
    assert.deepEqual([...tab.text.matchAll(/name="accounts" value="([^"]+)"/g)].map((x) => x[1]), [assigned.id]);
    let res = await manager.send(`/roles/${nowhere.id}/accounts`, { action: 'assign', accounts: unassigned.id });
    assert.equal(res.status, 303);
    assert.equal(await scalar(`SELECT COUNT(*) FROM role_accounts WHERE role_id = ${nowhere.id}`), '0', 'an unassigned account is never given the role');
    res = await manager.send(`/roles/${nowhere.id}/accounts`, { action: 'assign', accounts: assigned.id });
    assert.equal(res.status, 303);
    assert.equal(await scalar(`SELECT account_id FROM role_accounts WHERE role_id = ${nowhere.id}`), assigned.id);
    res = await manager.send(`/roles/${inTheirs.id}`, { name: `${inTheirs.name} 2`, description: 'changed' });
    assert.equal(res.status, 303);
    res = await manager.send(`/roles/${inTheirs.id}/duplicate`, { name: `${inTheirs.name} copy` });
    assert.equal(res.status, 303);
    res = await manager.send(`/roles/${ofPartner.id}/delete`, { confirm: 'delete' });
    assert.equal(res.status, 303);
    assert.equal(await scalar(`SELECT COUNT(*) FROM roles WHERE id = ${ofPartner.id}`), '0');
  });
});

/** The partner's roles and events: what a refused form must leave as it was. */
async function written(partnerId) {
  return sql(`SELECT (SELECT COUNT(*) FROM roles WHERE partner_id = ${lit(partnerId)}),
                     (SELECT GROUP_CONCAT(CONCAT(name, '|', description, '|', grants) ORDER BY id) FROM roles WHERE partner_id = ${lit(partnerId)}),
                     (SELECT COUNT(*) FROM events WHERE account_id = ${lit(partnerId)})`);
}

describe('the role forms check what is typed', () => {
  test('name missing, too long or not UTF-8, description too long: 422, the message next to the field, nothing written', async () => {
    const { partner, session } = await partnerSession('Forms');
    const role = await newRole(partner.id);
    const taken = await newRole(partner.id, { label: 'Taken' });
    const forms = [
      ['/roles/new', { base: 'admin' }],
      [`/roles/${role.id}`, {}],
      [`/roles/${role.id}/duplicate`, {}],
    ];
    const cases = [
      [{ name: '' }, 'name', 'This field is required.'],
      [{ name: 'n'.repeat(101) }, 'name', 'This value is too long.'],
      [{ name: 'Fine', description: 'd'.repeat(501) }, 'description', 'This value is too long.'],
      [{ name: taken.name }, 'name', 'A role with this name already exists.'],
    ];
    for (const [path, extra] of forms) {
      for (const [fields, field, message] of cases) {
        const before = await written(partner.id);
        const res = await session.send(path, { description: '', ...extra, ...fields });
        assert.equal(res.status, 422, `${path} ${JSON.stringify(fields).slice(0, 60)}`);
        assert.equal(fieldError(res.text, field), message, `${path}: ${field}`);
        assert.equal(inputValue(res.text, 'name'), fields.name, `${path}: the name comes back as typed`);
        assert.deepEqual(await written(partner.id), before, `${path}: nothing written`);
      }
      // Bytes that are not UTF-8.
      const before = await written(partner.id);
      const res = await session.sendRaw(path, `name=%FF%FEbad&description=&base=admin`);
      assert.equal(res.status, 422, `${path}: not UTF-8`);
      assert.equal(fieldError(res.text, 'name'), 'This value contains characters that are not allowed.');
      assert.deepEqual(await written(partner.id), before, `${path}: nothing written`);
    }
  });

  test('a refused New Role keeps the permissions as they were left', async () => {
    const { session } = await partnerSession('Matrix kept');
    const res = await session.send('/roles/new', { name: '', base: 'admin', admin_users_view: '1' });
    assert.equal(res.status, 422);
    assert.match(res.text, /name="admin_users_view" value="1"[^>]*checked/);
    assert.doesNotMatch(res.text, /name="admin_users_add" value="1"[^>]*checked/);
    assert.match(res.text, /name="base" value="admin" data-base-choice checked/);
  });
});
