// System Inventory in a real browser (guide §2.17): the partner finds a
// platform by its SWA status, opens it, and Launch opens the platform's
// administration console through the daemon's tunnel.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './lib/stack.js';
import { newCustomer, partnerSession } from './lib/fixtures.js';
import { newPage, signIn } from './lib/browser.js';
import { linkSite } from './lib/inventory.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('filter Platforms by SWA Status, open one, Launch its console', async () => {
  const { partner, session } = await partnerSession('Inventory browser');
  const account = await newCustomer(partner.id, 'Inventory browser');
  const expiring = await linkSite(session, account.id, 'mbg');
  await linkSite(session, account.id, 'mivb');
  const page = await newPage(browser);
  await signIn(page, partner.email);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Platforms' }).click();
  await page.getByRole('heading', { name: 'Platforms', level: 1 }).waitFor();
  await page.getByText('Add filter').click();
  await page.getByLabel('Accounts', { exact: true }).selectOption({ label: account.name });
  await page.getByLabel('SWA Status').selectOption({ label: 'Expiring soon' });
  await page.getByRole('button', { name: 'Apply filter' }).click();
  const rows = page.getByRole('table', { name: 'Platforms' }).locator('tbody tr');
  await page.waitForURL(/swa=expiring_soon/);
  assert.equal(await rows.count(), 1);
  await rows.first().getByRole('link', { name: expiring.host }).click();
  await page.getByRole('heading', { name: expiring.host, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Launch' }).first().click();
  await page.getByRole('heading', { name: 'Launch' }).waitFor();
  await page.getByRole('link', { name: 'Open the administration console' }).click();
  await page.getByRole('heading', { name: `MSL Server Manager — ${expiring.host}` }).waitFor();
  await page.context().close();
});
