// Account Managers in a real browser (headless Debian chromium), found by
// label, role and text (guide §2.15, §2.15.1):
//  - a partner converts an administrator, assigns and unassigns accounts,
//    and upgrades them back; each job's Close leads back to where the
//    action was started;
//  - the buttons that act on a selection wait until something is selected.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseURL, launchBrowser } from './lib/stack.js';
import { PASSWORD, newCustomer, newPartner, newUser, scalar } from './lib/fixtures.js';

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
const here = (page) => { const u = new URL(page.url()); return u.pathname + u.search; };

describe('in the browser', () => {
  test('convert, assign, unassign and upgrade account managers; Close returns where each began', async () => {
    const partner = await newPartner('Delegating');
    const alpha = await newCustomer(partner.id, 'Alpha');
    const bravo = await newCustomer(partner.id, 'Bravo');
    const staff = await newUser(partner.id, { role: 'partner_admin', first: 'Dana' });
    const page = await signedIn(partner.email);
    await nav(page, 'Account Managers').click();
    await page.getByRole('link', { name: 'Administrators (2)' }).click();
    await page.getByRole('checkbox', { name: `Select ${staff.name}` }).check();
    await page.getByRole('button', { name: 'Convert Selected' }).click();
    await page.getByRole('dialog', { name: 'Convert to Account Managers?' }).getByText(staff.name).waitFor();
    await page.getByRole('button', { name: 'OK' }).click();
    // The job's page: one user, done at once.
    await page.getByRole('heading', { name: 'Convert to Account Managers' }).waitFor();
    await page.getByRole('progressbar', { name: 'Progress' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Completed: 1 of 1' }).waitFor();
    await page.getByRole('link', { name: 'Close', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/account-managers');
    assert.equal(here(page), '/account-managers?tab=admins', 'back on the Administrators tab');
    await page.getByRole('link', { name: 'Account Managers (1)' }).click();

    // Manage the one manager: assign Alpha and Bravo, then unassign Bravo.
    await page.getByRole('link', { name: staff.name }).click();
    await page.getByRole('link', { name: /Accounts not assigned \(\d+\)/ }).click();
    const manage = here(page);
    await page.getByRole('checkbox', { name: alpha.name }).check();
    await page.getByRole('checkbox', { name: bravo.name }).check();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByRole('dialog', { name: 'Assign Account(s)?' }).waitFor();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByRole('heading', { name: 'Assign Account(s)' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Completed: 1 of 1' }).waitFor();
    await page.getByRole('link', { name: 'Close', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/account-managers/manage');
    assert.equal(here(page), manage, 'back on Manage Selected, on its tab');
    await page.getByRole('link', { name: 'Accounts assigned (2)' }).click();
    await page.getByRole('checkbox', { name: bravo.name }).check();
    await page.getByRole('button', { name: 'Unassign', exact: true }).click();
    await page.getByRole('button', { name: 'Unassign', exact: true }).click();
    await page.getByRole('heading', { name: 'Unassign Account(s)' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Completed: 1 of 1' }).waitFor();
    await page.getByRole('link', { name: 'Close', exact: true }).click();
    await page.getByRole('link', { name: 'Accounts assigned (1)' }).waitFor();

    // The manager sees only Alpha.
    const manager = await signedIn(staff.email);
    await nav(manager, 'Accounts').click();
    const table = manager.getByRole('table', { name: 'Active accounts' });
    await table.getByRole('link', { name: alpha.name }).waitFor();
    assert.equal(await table.getByRole('link', { name: bravo.name }).count(), 0);

    // Upgrade back to administrator.
    await page.goto('/account-managers');
    await page.getByRole('checkbox', { name: `Select ${staff.name}` }).check();
    await page.getByRole('button', { name: 'Upgrade Selected' }).click();
    await page.getByRole('dialog', { name: 'Confirm Upgrade To Administrator(s)?' }).waitFor();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'Completed: 1 of 1' }).waitFor();
    await page.getByRole('link', { name: 'Close', exact: true }).click();
    await page.getByRole('link', { name: 'Administrators (2)' }).waitFor();
    assert.equal(here(page), '/account-managers?tab=managers', 'back on the Account Managers tab');
    assert.equal(await scalar(`SELECT role FROM users WHERE id = ${staff.id}`), 'partner_admin');
    await manager.reload();
    await manager.getByRole('table', { name: 'Active accounts' }).getByRole('link', { name: bravo.name }).waitFor();
    await manager.context().close();
    await page.context().close();
  });

  test('selection buttons wait until something is selected', async () => {
    const partner = await newPartner('Selecting');
    const alpha = await newCustomer(partner.id, 'Alpha');
    const staff = await newUser(partner.id, { role: 'partner_admin', first: 'Eve' });
    const manager = await newUser(partner.id, { role: 'account_manager', first: 'Finn' });
    const page = await signedIn(partner.email);
    const button = (name) => page.getByRole('button', { name, exact: true });

    await page.goto('/account-managers?tab=admins');
    assert.equal(await button('Convert Selected').isDisabled(), true, 'nobody selected');
    const box = page.getByRole('checkbox', { name: `Select ${staff.name}` });
    await box.check();
    assert.equal(await button('Convert Selected').isEnabled(), true, 'someone selected');
    await box.uncheck();
    assert.equal(await button('Convert Selected').isDisabled(), true, 'nobody selected again');

    await page.goto('/account-managers?tab=managers');
    for (const name of ['Upgrade Selected', 'Manage Selected']) assert.equal(await button(name).isDisabled(), true, name);
    await page.getByRole('checkbox', { name: `Select ${manager.name}` }).check();
    for (const name of ['Upgrade Selected', 'Manage Selected']) assert.equal(await button(name).isEnabled(), true, name);

    // A search that swaps the list leaves nothing checked: the buttons wait again.
    await page.getByRole('searchbox', { name: 'Search users by name or email address' }).fill(manager.name);
    await page.waitForURL((url) => url.searchParams.get('q') === manager.name);
    await page.getByRole('checkbox', { name: `Select ${manager.name}` }).waitFor();
    assert.equal(await button('Upgrade Selected').isDisabled(), true, 'after the live search');

    await page.goto(`/account-managers/manage?users=${manager.id}&tab=not`);
    assert.equal(await button('Assign').isDisabled(), true, 'no account selected');
    await page.getByRole('checkbox', { name: alpha.name }).check();
    assert.equal(await button('Assign').isEnabled(), true, 'an account selected');
    await page.context().close();
  });
});
