// The console on a phone's screen (390 pixels wide) in a real browser: no
// page is wider than the screen — wide tables (the import preview, a job's
// summary, a role's permissions, unfinished imports, the users list) scroll
// inside their own box, and so do the search pages (support contacts) —
// and the bell's drop-down stays on the screen.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, scalar, uid } from './lib/fixtures.js';
import { bellRegion, heading, pageWidth, PHONE, signedIn } from './lib/browser.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A customer account whose lists are wide: long names and addresses, a job that skipped them. */
async function wideAccount(partner) {
  const account = await newCustomer(partner.id, 'Wide Customer With A Rather Long Name Incorporated');
  for (let i = 0; i < 3; i++) {
    await newUser(account.id, {
      first: 'Maximiliana', last: `Longsurname-Doublebarrel${uid()}`, signIn: false,
      mail: `maximiliana.longsurname.${uid()}@a-rather-long-domain-name.example.com`,
    });
  }
  await sql(`INSERT INTO jobs (account_id, kind, state, total, processed, skipped, created_by, created_by_name, run_after, created_at)
             VALUES (${lit(account.id)}, 'welcome', 'done', 3, 3, 3, ${partner.adminId}, 'Someone', UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  const jobId = await scalar(`SELECT MAX(id) FROM jobs WHERE account_id = ${lit(account.id)}`);
  await sql(`INSERT INTO job_items (job_id, account_id, user_id, outcome, reason)
             SELECT ${jobId}, account_id, id, 'skipped', 'registered' FROM users WHERE account_id = ${lit(account.id)}`);
  await sql(`INSERT INTO notifications (user_id, account_id, job_id, created_at)
             VALUES (${partner.adminId}, ${lit(account.id)}, ${jobId}, UTC_TIMESTAMP())`);
  return { account, jobId };
}

/** Uploads a spreadsheet with an error, so that the preview (and an unfinished import) stay. */
async function importPreview(page, accountId) {
  await page.goto(`/a/${accountId}/users/import`);
  const csv = 'FIRST NAME,LAST NAME,NAME,EMAIL,ROLE\n'
    + `Grace,Hopper,,grace.${uid()}@a-rather-long-domain-name.example.com,User\n`
    + 'Bad,Row,,not-an-address,Wizard\n';
  await page.getByLabel('Spreadsheet').setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await heading(page, 'Import Users: Preview');
  return new URL(page.url()).pathname;
}

describe('on a phone', () => {
  test('no page is wider than the screen', async () => {
    const partner = await newPartner();
    const { account, jobId } = await wideAccount(partner);
    const page = await signedIn(browser, partner.email, { viewport: PHONE });
    try {
      const preview = await importPreview(page, account.id);
      const pages = {
        [preview]: 'Import Users: Preview',
        [`/a/${account.id}/users/import`]: 'Import Users',            // with the unfinished import
        [`/a/${account.id}/jobs/${jobId}`]: 'Send welcome emails',    // with the users it skipped
        '/roles/new': 'New Role',                                      // the permissions table
        '/support-contacts?q=p': 'Partner users',
        [`/a/${account.id}/users`]: 'Users',
        '/accounts': 'Accounts',
        [`/a/${account.id}/info`]: 'Account Information',
        '/accounts/new': 'Add Account',
        '/': null,
      };
      for (const [path, title] of Object.entries(pages)) {
        await page.goto(path);
        if (title) await heading(page, title);
        assert.ok(await pageWidth(page) <= PHONE.width, `${path} is ${await pageWidth(page)}px wide`);
      }
      // The table itself still shows all of its columns, by scrolling its box.
      await page.goto(preview);
      await page.getByRole('table', { name: 'Rows of the import' }).getByRole('columnheader', { name: 'ROLE' }).scrollIntoViewIfNeeded();
    } finally {
      await page.context().close();
    }
  });

  test('the bell\'s drop-down stays on the screen', async () => {
    const partner = await newPartner();
    await wideAccount(partner);
    const page = await signedIn(browser, partner.email, { viewport: PHONE });
    try {
      await page.getByRole('banner').locator('details.bell > summary').click();
      const region = bellRegion(page);
      await region.getByText('Welcome emails').waitFor();
      const box = await region.boundingBox();
      assert.ok(box.x >= 0, `left edge at ${box.x}`);
      assert.ok(box.x + box.width <= PHONE.width, `right edge at ${box.x + box.width}`);
      assert.ok(await pageWidth(page) <= PHONE.width);
    } finally {
      await page.context().close();
    }
  });
});
