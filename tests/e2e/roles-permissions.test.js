// The permission matrix (guide §2.14): New Role offers
// exactly the guide's two tables; for every cell that can be cleared, a
// custom role with only that cell cleared is refused by the server (404)
// on exactly the routes the route table ties to it, and its pages show no
// control for it. The role is changed under a signed-in session, so each
// change also shows it counts from the next request.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { routes, sql } from './lib/stack.js';
import {
  adminSession, fillRoute, lit, newCustomer, newUser, partnerSession, scalar, signIn, uid, visibleText,
} from './lib/fixtures.js';

/** Every row of the route table with its feature and verb. */
function routesWithPermissions() {
  return routes().filter((r) => r.feature !== 'none')
    .map(({ method, pattern, feature, verb }) => ({ method, pattern, feature, verb }));
}

/** The toggleable cells of one base's table on New Role: [{ feature, verb, name }]. */
function cellsOf(html, base) {
  const cells = [];
  for (const [input] of html.matchAll(/<input type="checkbox"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input)?.[1];
    if (!name?.startsWith(`${base}_`) || /disabled/.test(input)) continue;
    const rest = name.slice(base.length + 1);
    const verb = rest.slice(rest.lastIndexOf('_') + 1);
    cells.push({ feature: rest.slice(0, rest.lastIndexOf('_')), verb, name });
  }
  return cells;
}

const GUIDE = {
  partner: {
    accounts: ['add', 'edit', 'delete'], roles: ['view', 'add', 'edit', 'assign', 'delete'], orders: ['view'],
    users: ['view', 'add', 'edit', 'delete'], user_templates: ['view', 'add', 'edit', 'delete'],
    integrations: ['view', 'add', 'edit', 'delete'], subscriptions: ['view', 'add'], support: ['view'], mivb: ['view'],
    customer_care: ['view'], developer: ['view'],
  },
  admin: {
    account: ['edit'], users: ['view', 'add', 'edit', 'delete'], user_templates: ['view', 'add', 'edit', 'delete'],
    roles: ['view', 'assign'], integrations: ['view', 'add', 'edit', 'delete'], subscriptions: ['view'], support: ['view'],
    mivb: ['view'], customer_care: ['view'],
  },
};

let owner;        // the partner administrator who makes the roles
let partnerPage;  // New Role, as served
before(async () => {
  owner = await partnerSession('Matrix');
  partnerPage = (await owner.session.get('/roles/new')).text;
});

test('New Role offers exactly the guide\'s tables, every cell granted to start with', () => {
  for (const base of ['partner', 'admin']) {
    const got = {};
    for (const c of cellsOf(partnerPage, base)) (got[c.feature] ??= []).push(c.verb);
    assert.deepEqual(got, GUIDE[base], base);
  }
  for (const [input] of partnerPage.matchAll(/<input type="checkbox"[^>]*>/g)) assert.match(input, /checked/, input);
  // Account's View is shown granted and read-only in both tables.
  assert.match(partnerPage, /name="partner_accounts_view"[^>]*checked disabled/);
  assert.match(partnerPage, /name="admin_account_view"[^>]*checked disabled/);
  assert.match(visibleText(partnerPage), /PERMISSIONS VIEW ADD EDIT ASSIGN DELETE/);
});

/** A role of base with every toggleable cell but `cleared`, assigned to accountId; its id. */
async function roleWithout(base, cleared, accountId) {
  const fields = { name: `Without ${cleared.name} ${uid()}`, base };
  for (const c of cellsOf(partnerPage, base)) if (c.name !== cleared.name) fields[c.name] = '1';
  const made = await owner.session.send('/roles/new', fields);
  assert.equal(made.status, 303, `create role without ${cleared.name}`);
  const id = made.location.split('/')[2];
  const assigned = await owner.session.send(`/roles/${id}/accounts`, { action: 'assign', accounts: accountId });
  assert.equal(assigned.status, 303, 'assign the role');
  return id;
}

/** The routes one cleared cell must close. */
function closedBy(base, { feature, verb }) {
  return routesWithPermissions().filter((r) => (r.feature === feature && (verb === 'view' || r.verb === verb))
    || (base === 'partner' && feature === 'accounts' && verb === 'edit' && r.feature === 'account' && r.verb === 'edit'));
}

/** Known pages (GET) of each feature and verb that must stay open when another cell is cleared. */
const OPEN_PAGES = {
  accounts: { view: ['/accounts'], add: ['/accounts/new'], edit: ['/a/:acct/deactivate'], delete: ['/a/:acct/delete'] },
  account: { view: ['/a/:acct/info'] },
  users: { view: ['/a/:acct/users', '/a/:acct/users/:user'], add: ['/a/:acct/users/new'], delete: ['/a/:acct/users/:user/delete'] },
  roles: { view: ['/roles', '/roles/:role'], add: ['/roles/new', '/roles/:role/duplicate'], delete: ['/roles/:role/delete'] },
};

describe('each cell cleared alone', () => {
  for (const base of ['partner', 'admin']) {
    test(`${base}-based roles`, async () => {
      // The actor: a partner administrator acting in a customer account, or an Account Admin of it.
      let actor, account, actorId, customer, home;
      if (base === 'partner') {
        customer = await newCustomer(owner.partner.id);
        const staff = await newUser(owner.partner.id, { role: 'partner_admin' });
        actor = await signIn(staff.email);
        actorId = staff.id;
        account = customer.id;
        home = owner.partner.id;
      } else {
        const s = await adminSession(owner.partner.id, 'Matrix customer');
        actor = s.session;
        actorId = s.admin.id;
        account = s.account.id;
        home = account;
      }
      const other = await newUser(account, { role: 'user' });
      const fill = (pattern, role) => fillRoute(pattern, account, /^\/roles/.test(pattern) ? role : other.id)
        .replace(':user', other.id).replace(':role', role);

      for (const cell of cellsOf(partnerPage, base)) {
        const role = await roleWithout(base, cell, home);
        await sql(`UPDATE users SET custom_role_id = ${role} WHERE id = ${actorId}`);
        const what = `${base} without ${cell.feature}.${cell.verb}`;

        // Refused: every route the cell covers (the front line answers before any handler).
        const closed = closedBy(base, cell);
        for (const r of closed) {
          const path = fill(r.pattern, role);
          const res = r.method === 'GET' ? await actor.get(path) : await actor.send(path, {});
          assert.equal(res.status, 404, `${what}: ${r.method} ${path} → ${res.status}`);
        }
        // Still open: the feature's other pages this actor has.
        for (const [verb, pages] of Object.entries(OPEN_PAGES[cell.feature] ?? {})) {
          if (cell.verb === 'view' || verb === cell.verb) continue;
          if (base === 'admin' && cell.feature !== 'users') continue; // admins' other pages are covered by users
          for (const pattern of pages) {
            const res = await actor.get(fill(pattern, role));
            assert.ok([200, 303, 403, 409].includes(res.status), `${what}: GET ${pattern} stays open → ${res.status}`);
          }
        }
        await assertNoControl(actor, base, cell, { account, role, user: other.id, what });
      }
    });
  }
});

/** The pages show no control for a cleared cell. */
async function assertNoControl(actor, base, { feature, verb }, { account, role, user, what }) {
  const html = async (path) => (await actor.get(path)).text;
  const key = `${feature}.${verb}`;
  if (key === 'accounts.add') assert.doesNotMatch(await html('/accounts'), /href="\/accounts\/new"/, what);
  if (key === 'accounts.edit') {
    const info = await html(`/a/${account}/info`);
    assert.doesNotMatch(info, /\/deactivate"/, what);
    assert.doesNotMatch(info, new RegExp(`<form method="post" action="/a/${account}/info"`), what);
  }
  if (key === 'accounts.delete') assert.doesNotMatch(await html(`/a/${account}/info`), new RegExp(`href="/a/${account}/delete"`), what);
  if (key === 'account.edit') assert.doesNotMatch(await html(`/a/${account}/info`), /<form method="post" action="\/a\/[^"]+\/info"/, what);
  if (key === 'users.view') assert.doesNotMatch(await html(`/a/${account}`), new RegExp(`href="/a/${account}/users"`), what);
  if (key === 'users.add') assert.doesNotMatch(await html(`/a/${account}/users`), /\/users\/new"/, what);
  if (key === 'users.edit') assert.doesNotMatch(await html(`/a/${account}/users/${user}`), /<form method="post" action="\/a\/[^"]+\/users\/\d+" novalidate>/, what);
  if (key === 'users.delete') assert.doesNotMatch(await html(`/a/${account}/users/${user}`), /\/delete"/, what);
  if (key === 'roles.view') assert.doesNotMatch(await html(base === 'partner' ? '/' : `/a/${account}`), /href="\/roles"/, what);
  if (key === 'roles.add') {
    assert.doesNotMatch(await html('/roles'), /href="\/roles\/new"/, what);
    assert.doesNotMatch(await html(`/roles/${role}`), /\/duplicate"/, what);
  }
  if (key === 'roles.edit') {
    assert.doesNotMatch(await html(`/roles/${role}`), new RegExp(`<form method="post" action="/roles/${role}"`), what);
    assert.doesNotMatch(await html(`/roles/${role}/accounts`), /value="assign"/, what);
  }
  if (key === 'roles.delete') assert.doesNotMatch(await html(`/roles/${role}`), /\/delete"/, what);
  if (key === 'roles.assign') {
    assert.doesNotMatch(await html(`/a/${account}/users/${user}`), /<select[^>]*name="role"/, what);
    assert.doesNotMatch(await html(`/a/${account}/users/new`), /name="account_admin"/, what);
    // ...and the server refuses the change anyway.
    const row = (await sql(`SELECT first_name, last_name, email FROM users WHERE id = ${user}`))[0];
    const res = await actor.send(`/a/${account}/users/${user}`, { first_name: row[0], last_name: row[1], email: row[2], role: 'account_admin' });
    assert.equal(res.status, 404, `${what}: a role change is refused`);
    assert.equal(await scalar(`SELECT role FROM users WHERE id = ${user}`), 'user');
    const added = await actor.send(`/a/${account}/users/new`, { first_name: 'Made', email: `made-${uid()}@example.com`, account_admin: '1' });
    assert.equal(added.status, 404, `${what}: Add User as Account Admin is refused`);
  }
}

test('a permission change counts from the next request, without signing in again', async () => {
  const { account, admin, session } = await adminSession(owner.partner.id, 'Next request');
  assert.equal((await session.get(`/a/${account.id}/users/new`)).status, 200);
  const fields = { name: `No add ${uid()}`, base: 'admin' };
  for (const c of cellsOf(partnerPage, 'admin')) if (c.name !== 'admin_users_add') fields[c.name] = '1';
  const made = await owner.session.send('/roles/new', fields);
  const role = made.location.split('/')[2];
  await owner.session.send(`/roles/${role}/accounts`, { action: 'assign', accounts: account.id });
  // The partner gives the Account Admin the role on the Edit User page.
  const row = (await sql(`SELECT first_name, last_name, email FROM users WHERE id = ${admin.id}`))[0];
  const edit = await owner.session.send(`/a/${account.id}/users/${admin.id}`, { first_name: row[0], last_name: row[1], email: row[2], role: `role-${role}` });
  assert.equal(edit.status, 303);
  assert.equal(await scalar(`SELECT custom_role_id FROM users WHERE id = ${admin.id}`), role);
  assert.equal((await session.get(`/a/${account.id}/users/new`)).status, 404, 'refused at once');
  assert.equal((await session.get(`/a/${account.id}/users`)).status, 200, 'the rest stays');
  // Granting it back in the role opens it again on the next request.
  const back = { ...fields, name: fields.name, admin_users_add: '1' };
  assert.equal((await owner.session.send(`/roles/${role}`, back)).status, 303);
  assert.equal((await session.get(`/a/${account.id}/users/new`)).status, 200);
  assert.equal(await scalar(`SELECT COUNT(*) FROM events WHERE action = 'role.update' AND asset_id = ${lit(role)}`), '1');
});
