// Roles and Support contacts in a real browser (headless Debian chromium),
// found by label, role and text (guide §2.14, §2.9):
//  - a partner creates a role, duplicates it, assigns it to an account,
//    and deletes it (refused while a user holds it);
//  - edits an account's support contacts: picks a partner user from the
//    suggestions, adds an address with Enter, is told of a bad one, removes one.
// Account Managers in the browser: managers-browser.test.js.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseURL, launchBrowser, sql } from './lib/stack.js';
import { PASSWORD, lit, newCustomer, newPartner, newUser, scalar, uid } from './lib/fixtures.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function signedIn(email) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

const nav = (page, name) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true });
const flash = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('in the browser', () => {
  test('create, duplicate, assign and delete a role', async () => {
    const partner = await newPartner('Roles');
    const account = await newCustomer(partner.id, 'Roleco');
    const page = await signedIn(partner.email);
    await nav(page, 'Roles and Permissions').click();
    await page.getByRole('link', { name: 'New Role' }).click();
    const name = `Helpdesk ${uid()}`;
    await page.getByLabel('Role name').fill(name);
    await page.getByLabel('Description').fill('Sees users, changes nothing');
    // Only the chosen base's table is shown; Partner first.
    const adminTable = page.getByRole('table', { name: 'Permissions · Administrator' });
    assert.equal(await adminTable.isVisible(), false);
    await page.getByRole('radio', { name: 'Administrator' }).check();
    await adminTable.waitFor();
    assert.equal(await page.getByRole('table', { name: 'Permissions · Partner' }).isVisible(), false);
    for (const cell of ['Users: Add', 'Users: Edit', 'Users: Delete']) await adminTable.getByRole('checkbox', { name: cell }).uncheck();
    assert.equal(await adminTable.getByRole('checkbox', { name: 'Account: View' }).isDisabled(), true);
    await page.getByRole('button', { name: 'Save' }).click();
    await flash(page, 'The role has been created.');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Users: Add' }).isChecked(), false);
    assert.equal(await page.getByRole('checkbox', { name: 'Users: View' }).isChecked(), true);
    const roleId = new URL(page.url()).pathname.split('/')[2];

    // Duplicate: same base and permissions, editable before Save.
    await page.getByRole('link', { name: 'Duplicate Role' }).click();
    await page.getByRole('heading', { level: 1, name: 'Duplicate Role' }).waitFor();
    assert.equal(await page.getByLabel('Role name').inputValue(), `${name} (copy)`);
    assert.equal(await page.getByRole('checkbox', { name: 'Users: Add' }).isChecked(), false);
    await page.getByLabel('Role name').fill(`${name} B`);
    await page.getByRole('checkbox', { name: 'Users: Edit' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await flash(page, 'The role has been created.');
    const copy = await sql(`SELECT base, grants FROM roles WHERE name = ${lit(`${name} B`)}`);
    assert.equal(copy[0][0], 'admin');
    assert.match(copy[0][1], /users:ve(\s|$)/);

    // Assign the original to the account, and give it to a user there.
    await page.goto(`/roles/${roleId}`);
    await page.getByRole('navigation', { name: 'Role sections' }).getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('checkbox', { name: account.name }).check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await flash(page, 'The role has been assigned');
    await page.getByRole('row', { name: `${account.name} Assigned` }).waitFor();
    const admin = await newUser(account.id, { role: 'account_admin' });
    await page.goto(`/a/${account.id}/users/${admin.id}`);
    await page.getByLabel('Role').selectOption({ label: name });
    await page.getByRole('button', { name: 'Save' }).click();
    await flash(page, 'The user has been saved.');
    assert.equal(await scalar(`SELECT custom_role_id FROM users WHERE id = ${admin.id}`), roleId);

    // Delete: refused while held, then done with the typed word.
    await page.goto(`/roles/${roleId}`);
    await page.getByRole('link', { name: 'Delete Role' }).click();
    await page.getByRole('alertdialog').filter({ hasText: '1 user still holds this role' }).waitFor();
    await sql(`UPDATE users SET custom_role_id = NULL WHERE id = ${admin.id}`);
    await page.goto(`/roles/${roleId}/delete`);
    await page.getByLabel("type 'delete'").fill('delete');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await flash(page, 'The role has been deleted.');
    assert.equal(await scalar(`SELECT COUNT(*) FROM roles WHERE id = ${roleId}`), '0');
    await page.context().close();
  });

  test('edit support contacts: pick a partner user, add with Enter, refuse a bad one, remove one', async () => {
    const partner = await newPartner('Contacts');
    const account = await newCustomer(partner.id, 'Contacted');
    await sql(`UPDATE accounts SET address = '1 Main Street', postal_code = '97201' WHERE id = ${lit(account.id)}`);
    await sql(`INSERT INTO account_support_contacts (account_id, position, email) VALUES (${lit(account.id)}, 0, 'old@example.com')`);
    const helper = await newUser(partner.id, { role: 'partner_admin', first: 'Zelda', last: `Helper${uid()}` });
    const page = await signedIn(partner.email);
    await page.goto(`/a/${account.id}/info`);
    const add = page.getByRole('combobox', { name: 'Support Contacts' });
    await add.fill('Zelda');
    await page.getByRole('option', { name: new RegExp(helper.email.replace(/[.+]/g, '\\$&')) }).click();
    await add.fill('not-an-email');
    await add.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Contains an invalid email' }).waitFor();
    await add.fill('noc@example.org');
    await add.press('Enter');
    await page.getByRole('button', { name: 'Remove old@example.com' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await flash(page, 'The account information has been saved.');
    const saved = (await sql(`SELECT email FROM account_support_contacts WHERE account_id = ${lit(account.id)} ORDER BY position`)).map((r) => r[0]);
    assert.deepEqual(saved, [helper.email, 'noc@example.org']);
    await page.getByRole('button', { name: `Remove ${helper.email}` }).waitFor();
    await page.context().close();
  });
});
