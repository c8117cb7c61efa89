// The left navigation in a real browser (guide §1.3, §2.4): a partner user
// reaches the partner account's own Users page from User Management, and
// inside a customer account its Users page; on a phone's screen the
// navigation folds behind a Menu button, which works without JavaScript too.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './lib/stack.js';
import { newCustomer, newPartner, newUser } from './lib/fixtures.js';
import { heading, navigation, navLink, PHONE, signedIn } from './lib/browser.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const usersTable = (page) => page.getByRole('table', { name: 'Users of this account' });

describe('the navigation', () => {
  test('a partner administrator opens the partner account\'s Users from User Management', async () => {
    const partner = await newPartner();
    const colleague = await newUser(partner.id, { role: 'partner_admin', first: 'Pat', signIn: false });
    const customer = await newCustomer(partner.id);
    const page = await signedIn(browser, partner.email);
    try {
      await navLink(page, 'Users').click();
      await heading(page, 'Users');
      assert.equal(new URL(page.url()).pathname, `/a/${partner.id}/users`);
      await usersTable(page).getByRole('link', { name: colleague.name }).waitFor();
      assert.equal(await navLink(page, 'Users').getAttribute('aria-current'), 'page');
      // The partner's other User Management pages are still there.
      await navLink(page, 'Roles and Permissions').waitFor();
      await navLink(page, 'Account Managers').waitFor();

      // Inside a customer account, Users is that account's.
      await page.goto(`/a/${customer.id}`);
      await navLink(page, 'Users').click();
      await heading(page, 'Users');
      assert.equal(new URL(page.url()).pathname, `/a/${customer.id}/users`);
    } finally {
      await page.context().close();
    }
  });

  test('an account manager reaches the partner account\'s Users too', async () => {
    const partner = await newPartner();
    const manager = await newUser(partner.id, { role: 'account_manager' });
    const page = await signedIn(browser, manager.email);
    try {
      await navLink(page, 'Users').click();
      await heading(page, 'Users');
      assert.equal(new URL(page.url()).pathname, `/a/${partner.id}/users`);
      await usersTable(page).getByRole('link', { name: manager.name }).waitFor();
    } finally {
      await page.context().close();
    }
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`on a phone the navigation opens from the Menu button (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const partner = await newPartner();
      const page = await signedIn(browser, partner.email, { viewport: PHONE, javaScriptEnabled });
      try {
        const accounts = navLink(page, 'Accounts');
        assert.equal(await accounts.isVisible(), false, 'folded away at first');
        await navigation(page).getByText('Menu').click();
        await accounts.waitFor();
        const box = await accounts.boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, 'on the screen');
        await accounts.click();
        await heading(page, 'Accounts');
        assert.equal(await navLink(page, 'Accounts').isVisible(), false, 'folded again on the next page');
      } finally {
        await page.context().close();
      }
    });
  }
});
