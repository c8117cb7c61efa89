// From a purchase to a user's licence, in a real browser (guide §2.6, §2.7,
// §3.1.4.1): billing-sim publishes the partner's orders through the API; the
// partner finds one under Billing → Orders (search as you type), assigns it
// to a customer through Company, follows the success dialog; Add Order of
// the account's Subscriptions panel leads back with Company filled in; the
// licence then goes to a user through Products and licenses and shows in the
// users list and the panel's count.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './lib/stack.js';
import { newCustomer, newPartner, newUser } from './lib/fixtures.js';
import { heading, navLink, signedIn } from './lib/browser.js';
import { billingFeed, billingSim, publishOrder } from './lib/orders.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe('Orders in the browser', () => {
  test('a simulated purchase assigned to a customer, and its licence handed to a user', async () => {
    const partner = await newPartner('Browser orders');
    const feed = billingFeed(partner.id);
    const published = await billingSim('POST', '/publish', { token: feed.token, partnerBillingId: feed.billingId, count: 12, seed: 3 });
    assert.equal(published.status, 200);
    const mine = await publishOrder(feed, { lines: [{ product: 'Zoom Hybrid', plan: 'hMitel Indirect', planCode: '5401484', quantity: 2 }] });
    const second = await publishOrder(feed, { lines: [{ product: 'Zoom Hybrid', plan: 'hMitel Indirect', planCode: '5401484', quantity: 1 }] });
    const account = await newCustomer(partner.id, 'Browser Globex');
    const user = await newUser(account.id, { first: 'Ada', last: 'Licence' });
    const page = await signedIn(browser, partner.email);
    try {
      // Billing → Orders: the title counts them; the search narrows as it is typed.
      await navLink(page, 'Orders').click();
      await heading(page, 'Orders');
      await page.getByText('All (14)').waitFor();
      await page.getByRole('searchbox', { name: /Search orders/ }).fill(mine);
      await page.getByRole('row').filter({ hasText: mine }).waitFor();
      await page.getByRole('row').filter({ hasText: second }).waitFor({ state: 'hidden' });

      // The order's dialog: Company search, choose, Assign, the success dialog.
      await page.getByRole('link', { name: mine, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(mine) }).waitFor();
      await page.getByRole('searchbox', { name: /Search the customer accounts/ }).fill('Browser Glo');
      await page.getByRole('radio', { name: account.name }).check();
      await page.getByRole('button', { name: 'Assign' }).click();
      await page.getByText(`Order ${mine} assigned to ${account.name}.`).waitFor();
      await page.getByRole('link', { name: 'Go to account integrations' }).click();
      await heading(page, 'Account Information');
      await page.getByText('Zoom Hybrid - hMitel Indirect - 0 assigned of 2 license(s)').waitFor();

      // Add Order: the unassigned orders with this account filled in; back to its Subscriptions.
      await page.getByRole('link', { name: 'Add Order' }).click();
      await heading(page, 'Orders');
      await page.getByRole('link', { name: second, exact: true }).click();
      assert.equal(await page.getByRole('radio', { name: account.name }).isChecked(), true);
      await page.getByRole('button', { name: 'Assign' }).click();
      await page.getByText('Zoom Hybrid - hMitel Indirect - 0 assigned of 3 license(s)').waitFor();

      // The licence to a user: + Add Product → Add.
      await page.goto(`/a/${account.id}/users/${user.id}`);
      await page.getByText('No Licenses').waitFor();
      await page.getByRole('link', { name: '+ Add Product' }).click();
      await heading(page, 'Products and licenses');
      await page.getByRole('button', { name: 'Add Zoom Hybrid' }).click();
      await page.getByText('The product has been added to the user.').waitFor();
      await page.goto(`/a/${account.id}/users`);
      await page.getByRole('row').filter({ hasText: 'Ada Licence' }).filter({ hasText: 'Zoom Hybrid' }).waitFor();
      await page.goto(`/a/${account.id}/subscriptions`);
      await page.getByText('Zoom Hybrid - hMitel Indirect - 1 assigned of 3 license(s)').waitFor();
    } finally {
      await page.context().close();
    }
  });
});
