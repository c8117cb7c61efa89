// The header's menus in a real browser: the bell (guide §1.3), the avatar
// menu and "+ Add Filter" of the Users list (guide §2.4). Dismiss All hides
// the notifications shown; a menu closes on Escape and on a click outside
// it, and opening one closes the others.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, sql } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, scalar } from './lib/fixtures.js';
import { bellRegion, signedIn } from './lib/browser.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** An Account Admin with one finished job's notification. */
async function adminWithNotification() {
  const partner = await newPartner();
  const account = await newCustomer(partner.id);
  const admin = await newUser(account.id, { role: 'account_admin' });
  await sql(`INSERT INTO jobs (account_id, kind, state, total, processed, created_by, created_by_name, run_after, created_at)
             VALUES (${lit(account.id)}, 'welcome', 'done', 2, 2, ${admin.id}, ${lit(admin.name)}, UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  const jobId = await scalar(`SELECT MAX(id) FROM jobs WHERE account_id = ${lit(account.id)}`);
  await sql(`INSERT INTO notifications (user_id, account_id, job_id, created_at)
             VALUES (${admin.id}, ${lit(account.id)}, ${jobId}, UTC_TIMESTAMP())`);
  return { account, admin };
}

const bellButton = (page) => page.getByRole('banner').locator('details.bell > summary');
const avatarButton = (page) => page.getByRole('banner').getByLabel('Account menu');

describe('the header menus', () => {
  test('Dismiss All hides the notifications that were shown', async () => {
    const { admin } = await adminWithNotification();
    const page = await signedIn(browser, admin.email);
    try {
      await bellButton(page).click();
      const region = bellRegion(page);
      const item = region.getByText('Welcome emails');
      await item.waitFor();
      await region.getByRole('button', { name: 'Dismiss All' }).click();
      await region.getByText('No notifications.').waitFor();
      assert.equal(await item.isVisible(), false, 'the dismissed notification is not shown above the message');
      assert.equal(await region.getByRole('button', { name: 'Delete this notification' }).isVisible(), false);
    } finally {
      await page.context().close();
    }
  });

  test('Escape and a click outside close a menu; only one is open at a time', async () => {
    const { account, admin } = await adminWithNotification();
    const page = await signedIn(browser, admin.email);
    try {
      await page.goto(`/a/${account.id}/users`);
      const region = bellRegion(page);
      const password = page.getByRole('link', { name: 'Change your password' });
      const property = page.getByLabel('Property');

      // Escape closes the bell and gives the focus back to it.
      await bellButton(page).click();
      await region.waitFor();
      await page.keyboard.press('Escape');
      await region.waitFor({ state: 'hidden' });
      assert.equal(await bellButton(page).evaluate((el) => el === document.activeElement), true);

      // Opening the avatar menu closes the bell, and the other way round.
      await bellButton(page).click();
      await region.waitFor();
      await avatarButton(page).click();
      await password.waitFor();
      assert.equal(await region.isVisible(), false, 'the bell closed when the avatar menu opened');
      await bellButton(page).click();
      await region.waitFor();
      assert.equal(await password.isVisible(), false, 'the avatar menu closed when the bell opened');

      // A click outside closes it.
      await page.getByRole('heading', { level: 1, name: 'Users' }).click();
      await region.waitFor({ state: 'hidden' });

      // + Add Filter is a menu too: working in it keeps it open.
      await page.getByText('+ Add Filter').click();
      await property.selectOption({ label: 'Unregistered' });
      assert.equal(await property.isVisible(), true);
      await avatarButton(page).click();
      await password.waitFor();
      assert.equal(await property.isVisible(), false, 'Add Filter closed when the avatar menu opened');
      await page.keyboard.press('Escape');
      await password.waitFor({ state: 'hidden' });
      await page.getByText('+ Add Filter').click();
      await property.waitFor();
      await page.keyboard.press('Escape');
      await property.waitFor({ state: 'hidden' });
    } finally {
      await page.context().close();
    }
  });
});
