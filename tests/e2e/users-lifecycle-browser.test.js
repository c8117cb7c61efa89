// User lifecycle by email in a real browser (issue 3): a new user signs up
// from the welcome email's link; "Send welcome emails to all" from the
// Manage panel runs as a job whose progress bar reaches 100% without a
// reload; the bell shows the job's notification, Dismiss All hides it until
// the next reload, and the delete icon removes it for good. Selecting rows
// makes the Manage button count them; "+ Add Filter" adds a removable chip.
// Without JavaScript the job page says to refresh.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseURL, launchBrowser, sql } from './lib/stack.js';
import { adminSession, lit, newCustomer, newPartner, newUser, PASSWORD, scalar, uid } from './lib/fixtures.js';
import { linkIn, waitForMail } from './lib/mail.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function newPage(options = {}) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return page;
}

async function signIn(page, email, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

describe('User lifecycle in the browser', () => {
  test('Add User → welcome email → Finish building your account → Complete → sign in', async () => {
    const partner = await newPartner();
    const account = await newCustomer(partner.id);
    const admin = await newUser(account.id, { role: 'account_admin' });
    const page = await newPage();
    await signIn(page, admin.email);
    await page.goto(`/a/${account.id}/users/new`);
    const email = `ada-${uid()}@browser.example.com`;
    await page.getByLabel('First Name').fill('Ada');
    await page.getByLabel('Last Name').fill('Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('button', { name: 'Resend the welcome email' }).waitFor();

    const link = linkIn(await waitForMail(email));
    const invitee = await newPage();
    await invitee.goto(link.pathname + link.search);
    await invitee.getByRole('heading', { name: 'Finish building your account' }).waitFor();
    await invitee.getByLabel('New password').fill('short');
    await invitee.getByLabel('Confirm password').fill('short');
    await invitee.getByRole('button', { name: 'Complete' }).click();
    await invitee.getByText('The password must have at least 8 characters.').waitFor();
    await invitee.getByLabel('New password').fill('ada lovelace 1815');
    await invitee.getByLabel('Confirm password').fill('ada lovelace 1815');
    await invitee.getByRole('button', { name: 'Complete' }).click();
    await invitee.getByText('Your registration is complete. You can now sign in.').waitFor();
    await invitee.getByRole('link', { name: 'Sign in' }).click();
    await signIn(invitee, email, 'ada lovelace 1815');
    assert.notEqual(new URL(invitee.url()).pathname, '/login');
    await invitee.context().close();
    await page.context().close();
  });

  test('Send welcome emails to all: the progress bar reaches 100%, then the bell tells', async () => {
    const { account, admin } = await adminSession((await newPartner()).id);
    const tag = uid();
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered, created_at, updated_at)
               SELECT ${lit(account.id)}, 'Many', CONCAT('User', seq), CONCAT('Many User', seq),
                      CONCAT('many', seq, '-${tag}@browser.example.com'), 'user', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP()
               FROM seq_1_to_1000`);
    const page = await newPage();
    await signIn(page, admin.email);
    await page.goto(`/a/${account.id}/users/manage?property=unregistered`);
    await page.getByRole('heading', { name: 'Manage all (1,000 users)' }).waitFor();
    await page.getByRole('button', { name: 'Send welcome emails to all' }).click();
    await page.getByRole('heading', { name: 'Send welcome emails', level: 1 }).waitFor();
    // The bar advances by polling; the page reloads with the summary at the end.
    await page.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 60000 });
    assert.equal(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('value'), '100');
    assert.equal(await page.locator('[data-summary="done"]').textContent(), '1000');

    const bell = page.locator('details.bell');
    await bell.locator('summary').click();
    const region = page.getByRole('region', { name: 'Notifications' });
    await region.getByText('Welcome emails').waitFor();
    await region.getByText('Completed').waitFor();
    assert.equal(await bell.locator('[data-bell-badge]').textContent(), '1');
    await region.getByRole('button', { name: 'Dismiss All' }).click();
    await region.getByText('No notifications.').waitFor();
    assert.equal(await bell.locator('[data-bell-badge]').count(), 0, 'the badge is gone');
    // A reload shows them again (seen now, so no badge); the delete icon removes one for good.
    await page.reload();
    await bell.locator('summary').click();
    await region.getByText('Welcome emails').waitFor();
    assert.equal(await bell.locator('[data-bell-badge]').count(), 0);
    await region.getByRole('button', { name: 'Delete this notification' }).click();
    await region.getByText('No notifications.').waitFor();
    await page.reload();
    await bell.locator('summary').click();
    await region.getByText('No notifications.').waitFor();
    assert.equal(Number(await scalar(`SELECT COUNT(*) FROM notifications WHERE user_id = ${admin.id}`)), 0);
    await page.context().close();
  });

  test('ticking rows wakes "Manage Selected (2)"; + Add Filter adds a removable chip', async () => {
    const { account, admin } = await adminSession((await newPartner()).id);
    const a = await newUser(account.id, { first: 'Sel', last: `One${uid()}`, signIn: false });
    const b = await newUser(account.id, { first: 'Sel', last: `Two${uid()}`, signIn: false });
    const page = await newPage();
    await signIn(page, admin.email);
    await page.goto(`/a/${account.id}/users`);
    await page.getByRole('button', { name: 'Manage all' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Manage Selected', exact: true }).isDisabled(), 'nothing ticked yet');
    await page.getByRole('checkbox', { name: `Select ${a.name}` }).check();
    await page.getByRole('checkbox', { name: `Select ${b.name}` }).check();
    await page.getByRole('button', { name: 'Manage Selected (2)' }).click();
    await page.getByRole('heading', { name: 'Manage (2 selected)' }).waitFor();
    await page.getByRole('button', { name: 'Send welcome emails' }).click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    await waitForMail(a.email);
    await waitForMail(b.email);

    await page.goto(`/a/${account.id}/users`);
    await page.getByRole('checkbox', { name: 'Select all users on this page' }).check();
    await page.getByRole('button', { name: 'Manage Selected (3)' }).waitFor();
    await page.getByRole('checkbox', { name: 'Select all users on this page' }).uncheck();
    assert.ok(await page.getByRole('button', { name: 'Manage Selected', exact: true }).isDisabled(), 'nothing ticked again');
    assert.ok(await page.getByRole('button', { name: 'Manage all' }).isEnabled());

    await page.getByText('+ Add Filter').click();
    await page.getByLabel('Property').selectOption({ label: 'Unregistered' });
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await page.getByText('Property: Unregistered').waitFor();
    assert.match(page.url(), /property=unregistered/);
    const table = page.getByRole('table', { name: 'Users of this account' });
    await table.getByRole('link', { name: a.name }).waitFor();
    assert.equal(await table.getByRole('link', { name: admin.name }).count(), 0);
    await page.getByRole('link', { name: 'Remove filter Property: Unregistered' }).click();
    await table.getByRole('link', { name: admin.name }).waitFor();
    await page.context().close();
  });

  test('nothing to act on: Manage Selected and Manage all are disabled, with and without JavaScript', async () => {
    const { account, admin } = await adminSession((await newPartner()).id);
    for (const javaScriptEnabled of [false, true]) {
      const page = await newPage({ javaScriptEnabled });
      await signIn(page, admin.email);
      // A search nobody matches: an empty list.
      await page.goto(`/a/${account.id}/users?q=zz-nobody-${uid()}`);
      await page.getByText("No user's name, email address or extension has a word that starts with that.").waitFor();
      assert.ok(await page.getByRole('button', { name: 'Manage all' }).isDisabled(), `Manage all, script ${javaScriptEnabled}`);
      assert.ok(await page.getByRole('button', { name: 'Manage Selected', exact: true }).isDisabled(),
        `Manage Selected, script ${javaScriptEnabled}`);
      // The list itself (the admin is in it): Manage all is offered; Manage Selected
      // waits for a tick where script runs.
      await page.goto(`/a/${account.id}/users`);
      assert.ok(await page.getByRole('button', { name: 'Manage all' }).isEnabled());
      assert.equal(await page.getByRole('button', { name: 'Manage Selected', exact: true }).isDisabled(), javaScriptEnabled);
      await page.context().close();
    }
  });

  test('without JavaScript, a running job\'s page says to refresh', async () => {
    const { account, admin } = await adminSession((await newPartner()).id);
    // Not due for an hour: it stays queued while the page is looked at.
    await sql(`INSERT INTO jobs (account_id, kind, state, total, created_by, created_by_name, run_after, created_at)
               VALUES (${lit(account.id)}, 'reset', 'queued', 10, ${admin.id}, 'Someone', UTC_TIMESTAMP() + INTERVAL 1 HOUR,
                       UTC_TIMESTAMP())`);
    const jobId = await scalar(`SELECT MAX(id) FROM jobs WHERE account_id = ${lit(account.id)}`);
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, admin.email);
    await page.goto(`/a/${account.id}/jobs/${jobId}`);
    await page.getByText('This runs in the background. Refresh the page to see progress.').waitFor();
    await page.getByRole('link', { name: 'Refresh' }).waitFor();
    assert.equal(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('value'), '0');
    await sql(`DELETE FROM jobs WHERE id = ${jobId}`);
    await page.context().close();
  });
});
