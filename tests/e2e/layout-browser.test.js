// The console in a real browser (headless Debian chromium), used the way a
// person uses it: things are found by their label, role and visible text.
//
//  - a partner adds an account, finds it by typing (live search), deactivates
//    and reactivates it, then adds, finds, edits and deletes one of its users;
//  - an Account Admin (added through Add User) manages the users of their own
//    account and gets the "Page not found" page for another account's pages;
//  - with JavaScript disabled, searching submits the form and the typed-word
//    confirmations still work.
//
// SB_SCREENSHOTS=DIR saves screenshots of the Accounts and Users lists there.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { baseURL, createPartner, launchBrowser, sql } from './lib/stack.js';

const PASSWORD = 'browser tests only';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// ---- data ----

const uid = () => randomBytes(4).toString('hex');

/** A MariaDB string literal. */
const lit = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

async function scalar(query) {
  const rows = await sql(query);
  return rows.length ? rows[0][0] : null;
}

/** A fresh partner, so that every test has lists of its own. */
async function newPartner() {
  const tag = uid();
  const partner = { name: `Partner ${tag}`, email: `partner-${tag}@browser.example.com` };
  partner.id = await createPartner(partner.name, partner.email, PASSWORD);
  return partner;
}

/** A customer account inserted directly, for the lists to have more than one row. */
async function newCustomer(partnerId, name) {
  const id = await scalar('SELECT UUID()');
  await sql(`INSERT INTO accounts (id, partner_id, kind, name, country, city, default_language, status, created_at, updated_at)
             VALUES (${lit(id)}, ${lit(partnerId)}, 'customer', ${lit(name)}, 'US', 'Springfield', 'en', 'active',
                     UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  return { id, name };
}

/** A user inserted directly (not able to sign in). */
async function newUser(accountId, first, last) {
  const email = `${first}.${last}@browser.example.com`.toLowerCase();
  await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, created_at, updated_at)
             VALUES (${lit(accountId)}, ${lit(first)}, ${lit(last)}, ${lit(`${first} ${last}`)}, ${lit(email)}, 'user',
                     UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  return { name: `${first} ${last}`, email };
}

// ---- the browser ----

async function newPage(options = {}) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

async function signIn(page, email) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Next' }).click();
  // A partner lands on /, an Account Admin on their account's dashboard.
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Waits for the page's main heading. */
function heading(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Waits for the flash message shown after a change. */
function flash(page, text) {
  return page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** A link in the left navigation. */
function nav(page, name) {
  return page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true });
}

/** Type the confirmation word (or what was typed instead) and press the button. */
async function confirmWord(page, word, button, typed = word) {
  await page.getByLabel(`type '${word}'`).fill(typed);
  await page.getByRole('button', { name: button, exact: true }).click();
}

async function screenshot(page, name) {
  const dir = process.env.SB_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

const accountsTable = (page, status = 'Active') => page.getByRole('table', { name: `${status} accounts` });
const usersTable = (page) => page.getByRole('table', { name: 'Users of this account' });
const rowLink = (table, name) => table.getByRole('link', { name, exact: true });

/**
 * The user flow both a partner and an Account Admin go through, on the
 * Users page of the account: add a user, find them by typing part of their
 * name, edit them, delete them. A decoy user shows the search filters.
 */
async function manageUsers(page, accountId) {
  const tag = uid();
  const decoy = await newUser(accountId, 'Decoy', `Person${tag}`);
  const last = `Lovelace${tag}`;
  const email = `ada.${tag}@browser.example.com`;

  await nav(page, 'Users').click();
  await heading(page, 'Users');
  await page.getByRole('link', { name: 'Add User' }).click();
  await heading(page, 'New User');
  await page.getByLabel('First Name').fill('Ada');
  await page.getByLabel('Last Name').fill(last);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Create' }).click();
  await flash(page, 'The user has been created.');
  await heading(page, `Ada ${last}`);

  // Live search: typing alone (no Enter) narrows the list.
  await nav(page, 'Users').click();
  await rowLink(usersTable(page), decoy.name).waitFor();
  await page.getByRole('searchbox', { name: 'Search users by name, email address or extension' })
    .pressSequentially(last.slice(0, 12));
  await rowLink(usersTable(page), decoy.name).waitFor({ state: 'detached' });
  await page.waitForURL((url) => url.searchParams.get('q') === last.slice(0, 12));
  assert.equal(await usersTable(page).getByRole('row').count(), 2, 'the header and one user');
  await rowLink(usersTable(page), `Ada ${last}`).click();

  await heading(page, `Ada ${last}`);
  await page.getByLabel('First Name').fill('Augusta Ada');
  await page.getByRole('button', { name: 'Save' }).click();
  await flash(page, 'The user has been saved.');
  await heading(page, `Augusta Ada ${last}`);
  assert.equal(await page.getByLabel('First Name').inputValue(), 'Augusta Ada');

  await page.getByRole('link', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete User' }).waitFor();
  await confirmWord(page, 'delete', 'Delete');
  await flash(page, 'The user has been deleted.');
  await heading(page, 'Users');
  await rowLink(usersTable(page), decoy.name).waitFor();
  assert.equal(await rowLink(usersTable(page), `Augusta Ada ${last}`).count(), 0);
  assert.equal(await scalar(`SELECT COUNT(*) FROM users WHERE email = ${lit(email)}`), '0');
}

describe('in the browser', () => {
  test('a partner adds an account, finds it, deactivates and reactivates it, and manages its users', async () => {
    const partner = await newPartner();
    const tag = uid();
    const decoy = await newCustomer(partner.id, `Decoy Holdings ${tag}`);
    const name = `Northwind Traders ${tag}`;
    const page = await newPage();
    try {
      await signIn(page, partner.email);
      await nav(page, 'Accounts').click();
      await heading(page, 'Accounts');
      await page.getByRole('link', { name: 'Add Account' }).click();
      await heading(page, 'Add Account');
      await page.getByLabel('Customer Name').fill(name);
      await page.getByLabel('Country').selectOption({ label: 'Canada' });
      await page.getByLabel('Province / State').fill('Ontario');
      await page.getByLabel('Address').fill('100 King Street West');
      await page.getByLabel('City / Town').fill('Toronto');
      await page.getByLabel('Postal / Zip Code').fill('M5X 1A9');
      await page.getByLabel('Default Language').selectOption({ label: 'English' });
      await page.getByLabel('Support Contacts').fill(`support-${tag}@northwind.example.com`);
      await page.getByRole('button', { name: 'Save' }).click();
      await flash(page, 'The account has been created.');
      await heading(page, 'Account Information');
      const id = /^\/a\/([0-9a-f-]{36})\/info$/.exec(new URL(page.url()).pathname)?.[1];
      assert.ok(id, `Add Account opens the new account's information: ${page.url()}`);
      assert.equal(await scalar(`SELECT name FROM accounts WHERE id = ${lit(id)} AND partner_id = ${lit(partner.id)}`), name);

      // Live search: both accounts are listed until the typing narrows it.
      await nav(page, 'Accounts').click();
      await rowLink(accountsTable(page), decoy.name).waitFor();
      await page.getByRole('searchbox', { name: 'Search accounts by name' }).pressSequentially('Northwind');
      await rowLink(accountsTable(page), decoy.name).waitFor({ state: 'detached' });
      await rowLink(accountsTable(page), name).waitFor();
      await page.waitForURL((url) => url.searchParams.get('q') === 'Northwind');
      await screenshot(page, 'accounts-search');
      await rowLink(accountsTable(page), name).click();

      // Opening an account shows its Account Information (guide §2.2, §2.3), which has Deactivate.
      await page.waitForURL(`/a/${id}/info`);
      await heading(page, 'Account Information');
      await page.getByRole('link', { name: 'Deactivate' }).click();
      await page.getByRole('dialog', { name: 'Deactivate Customer?' }).waitFor();
      await confirmWord(page, 'deactivate', 'Deactivate');
      await flash(page, 'The account has been deactivated.');
      assert.equal(await scalar(`SELECT status FROM accounts WHERE id = ${lit(id)}`), 'deactivated');

      // The Active / Deactivated selector.
      const statusTabs = page.getByRole('navigation', { name: 'Account status' });
      await statusTabs.getByRole('link', { name: 'Active' }).click();
      await rowLink(accountsTable(page), decoy.name).waitFor();
      assert.equal(await rowLink(accountsTable(page), name).count(), 0, 'not among the active accounts');
      await statusTabs.getByRole('link', { name: 'Deactivated' }).click();
      await rowLink(accountsTable(page, 'Deactivated'), name).click();
      await page.getByRole('dialog', { name: 'Reactivate Customer?' }).waitFor();
      await confirmWord(page, 'reactivate', 'Reactivate');
      await flash(page, 'The account has been reactivated.');
      await heading(page, 'Account Information');
      assert.equal(await scalar(`SELECT status FROM accounts WHERE id = ${lit(id)}`), 'active');

      await newUser(id, 'Grace', `Hopper${tag}`);
      await manageUsers(page, id);
      await nav(page, 'Users').click();
      await screenshot(page, 'users');
      await nav(page, 'Accounts').click();
      await rowLink(accountsTable(page), name).waitFor();
      await screenshot(page, 'accounts');
    } finally {
      await page.context().close();
    }
  });

  test('an Account Admin manages their own users and cannot reach another account', async () => {
    const partner = await newPartner();
    const tag = uid();
    const account = await newCustomer(partner.id, `Contoso ${tag}`);
    const other = await newCustomer(partner.id, `Fabrikam ${tag}`);
    const adminEmail = `admin-${tag}@browser.example.com`;

    // The partner makes the Account Admin through Add User.
    const partnerPage = await newPage();
    try {
      await signIn(partnerPage, partner.email);
      await partnerPage.goto(`/a/${account.id}/users/new`);
      await heading(partnerPage, 'New User');
      await partnerPage.getByLabel('First Name').fill('Alex');
      await partnerPage.getByLabel('Last Name').fill(`Admin${tag}`);
      await partnerPage.getByLabel('Email').fill(adminEmail);
      await partnerPage.getByRole('switch', { name: 'Account Admin' }).check();
      await partnerPage.getByRole('button', { name: 'Create' }).click();
      await flash(partnerPage, 'The user has been created.');
    } finally {
      await partnerPage.context().close();
    }
    assert.equal(await scalar(`SELECT role FROM users WHERE email = ${lit(adminEmail)}`), 'account_admin');
    // Registration by email is not part of this test: give the admin the partner's password.
    await sql(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = ${lit(partner.email)}),
                                registered = 1 WHERE email = ${lit(adminEmail)}`);

    const page = await newPage();
    try {
      await signIn(page, adminEmail);
      await page.getByRole('banner').getByText(account.name).waitFor();
      assert.equal(await nav(page, 'Accounts').count(), 0, 'no Accounts screen for an Account Admin');
      await manageUsers(page, account.id);

      for (const path of [`/a/${other.id}/users`, `/a/${other.id}/info`, `/a/${other.id}`, `/a/${partner.id}/users`, '/accounts']) {
        const res = await page.goto(path);
        assert.equal(res.status(), 404, path);
        await heading(page, 'Page not found');
        assert.equal(await page.getByText(other.name).count(), 0, `${path} does not show the other account`);
      }
    } finally {
      await page.context().close();
    }
  });

  test('typing a search after being signed out leads to the sign-in page', async () => {
    const partner = await newPartner();
    const page = await newPage();
    try {
      await signIn(page, partner.email);
      await nav(page, 'Accounts').click();
      await heading(page, 'Accounts');
      await sql(`DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ${lit(partner.email)}`);
      await page.getByRole('searchbox', { name: 'Search accounts by name' }).pressSequentially('North');
      await page.waitForURL((url) => url.pathname === '/login');
      await heading(page, 'Sign in to Administration');
    } finally {
      await page.context().close();
    }
  });

  test('without JavaScript, search submits the form and typed confirmations work', async () => {
    const partner = await newPartner();
    const tag = uid();
    const target = await newCustomer(partner.id, `Tailspin Toys ${tag}`);
    const decoy = await newCustomer(partner.id, `Decoy Holdings ${tag}`);
    const page = await newPage({ javaScriptEnabled: false });
    try {
      await signIn(page, partner.email);
      await nav(page, 'Accounts').click();
      await rowLink(accountsTable(page), decoy.name).waitFor();
      await page.getByRole('searchbox', { name: 'Search accounts by name' }).fill('Tailspin');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'Tailspin');
      await rowLink(accountsTable(page), target.name).waitFor();
      assert.equal(await rowLink(accountsTable(page), decoy.name).count(), 0);

      // The server checks the word: a wrong one is refused with a message.
      await page.goto(`/a/${target.id}/deactivate`);
      await confirmWord(page, 'deactivate', 'Deactivate', 'deactivat');
      await page.getByText('Type the word exactly as shown to continue.').waitFor();
      assert.equal(await scalar(`SELECT status FROM accounts WHERE id = ${lit(target.id)}`), 'active');
      await confirmWord(page, 'deactivate', 'Deactivate');
      await flash(page, 'The account has been deactivated.');
      await rowLink(accountsTable(page, 'Deactivated'), target.name).click();
      await confirmWord(page, 'reactivate', 'Reactivate');
      await flash(page, 'The account has been reactivated.');
      assert.equal(await scalar(`SELECT status FROM accounts WHERE id = ${lit(target.id)}`), 'active');

      // Users: search by submitting, then delete with the typed word.
      const user = await newUser(target.id, 'Margaret', `Hamilton${tag}`);
      const other = await newUser(target.id, 'Decoy', `Person${tag}`);
      await nav(page, 'Users').click();
      await rowLink(usersTable(page), other.name).waitFor();
      await page.getByRole('searchbox', { name: 'Search users by name, email address or extension' }).fill('Margaret');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'Margaret');
      assert.equal(await rowLink(usersTable(page), other.name).count(), 0);
      await rowLink(usersTable(page), user.name).click();
      await heading(page, user.name);
      await page.getByRole('link', { name: 'Delete', exact: true }).click();
      await confirmWord(page, 'delete', 'Delete');
      await flash(page, 'The user has been deleted.');
      assert.equal(await scalar(`SELECT COUNT(*) FROM users WHERE email = ${lit(user.email)}`), '0');
    } finally {
      await page.context().close();
    }
  });
});
