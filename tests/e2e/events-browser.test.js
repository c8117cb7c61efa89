// Event History in a real browser (guide §2.16): filtering with the smart
// filters, exporting the ticked rows and reading the CSV file, more events
// as the list scrolls (and the banner when a load fails), Event Details'
// Copy, and columns dragged into order.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser } from './lib/stack.js';
import { newCustomer, partnerSession } from './lib/fixtures.js';
import { newPage, signIn } from './lib/browser.js';
import { seedEvents } from './lib/inventory.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const table = (page) => page.getByRole('table', { name: 'Events' });
const bodyRows = (page) => table(page).locator('tbody tr');

describe('Event History in the browser', () => {
  test('filter with the smart filters, tick rows, Export, and read the CSV', async () => {
    const { partner } = await partnerSession('Events browser');
    const account = await newCustomer(partner.id, 'Events browser');
    await seedEvents(account.id, 30, { kinds: [['mivb', 'phone', 'edit'], ['admin', 'account', 'edit'], ['service_delivery', 'tenant', 'edit']] });
    const page = await newPage(browser, { acceptDownloads: true });
    await signIn(page, partner.email);
    await page.goto(`/a/${account.id}/users`);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Event History' }).click();
    await page.getByRole('heading', { name: 'Event History', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Add Filter' }).click();
    await page.getByRole('heading', { name: 'Create/Edit Filters' }).waitFor();
    const eventType = page.getByLabel('Event Type');
    assert.deepEqual(await eventType.locator('option').allTextContents(), ['Select...', 'Admin', 'MiVB', 'Service Delivery']);
    await page.getByLabel('Asset').selectOption({ label: 'Phone' });
    // Smart filter (guide §2.16): Phone leaves only MiVB.
    await page.waitForFunction(() => document.querySelectorAll('#f-type option').length === 2);
    assert.deepEqual(await eventType.locator('option').allTextContents(), ['Select...', 'MiVB']);
    assert.equal(await page.getByRole('button', { name: 'Update options' }).isVisible(), false, 'the script updates the options itself');
    await page.getByRole('button', { name: 'OK' }).click();

    await page.getByRole('heading', { name: 'Active Filter Details' }).waitFor();
    assert.equal(await bodyRows(page).count(), 10);
    assert.deepEqual([...new Set(await table(page).locator('tbody td:nth-child(4)').allTextContents())], ['Phone']);

    const exportButton = page.getByRole('button', { name: /^Export( selected| \(\d+\))$/ });
    assert.equal(await exportButton.count(), 0, 'the Export button appears once rows are ticked');
    const boxes = table(page).getByRole('checkbox', { name: /^Select event/ });
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    assert.equal(await exportButton.textContent(), 'Export (2)', 'showing how many');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    assert.equal(download.suggestedFilename(), 'events.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^EVENT ID,ACTOR NAME,ACTOR ID,ACTION,EVENT TYPE,ASSET,EVENT DATE,/);
    assert.ok(lines.slice(1).every((l) => /,Edit,MiVB,Phone,/.test(l)), lines.join('\n'));

    // Remove all filters: every event again.
    await page.getByRole('link', { name: 'Remove all filters' }).click();
    await page.getByRole('link', { name: 'Add Filter' }).waitFor();
    assert.equal(await bodyRows(page).count(), 30);
    await page.context().close();
  });

  test('more events load as the list scrolls, to the end; a load that fails says to refresh', async () => {
    const { partner } = await partnerSession('Events scroll');
    const account = await newCustomer(partner.id, 'Events scroll');
    await seedEvents(account.id, 120);
    const page = await newPage(browser);
    await signIn(page, partner.email);
    await page.goto(`/a/${account.id}/events`);
    assert.equal(await bodyRows(page).count(), 50);
    await page.getByRole('link', { name: 'More events' }).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#event-rows tr').length === 100);
    await page.getByRole('link', { name: 'More events' }).scrollIntoViewIfNeeded();
    await page.getByText('All events are shown.').waitFor();
    assert.equal(await bodyRows(page).count(), 120);

    await page.goto(`/a/${account.id}/events`);
    await page.route(/cursor=/, (route) => route.abort());
    await page.getByRole('link', { name: 'More events' }).scrollIntoViewIfNeeded();
    await page.getByRole('alert').filter({ hasText: 'Could not load events. Refresh the page to try again.' }).waitFor();
    assert.equal(await bodyRows(page).count(), 50);
    await page.context().close();
  });

  test('a row opens Event Details; Copy puts the tab shown on the clipboard', async () => {
    const { partner } = await partnerSession('Events copy');
    const account = await newCustomer(partner.id, 'Events copy');
    await seedEvents(account.id, 1);
    const page = await newPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, partner.email);
    await page.goto(`/a/${account.id}/events`);
    await bodyRows(page).first().locator('td').nth(2).click();
    await page.getByRole('heading', { name: 'Event Details' }).waitFor();
    await page.getByRole('tab', { name: 'Core Details' }).click();
    await page.getByRole('tab', { name: 'Core Details', selected: true }).waitFor();
    const shown = await page.locator('.tab-panel pre').textContent();
    await page.getByRole('button', { name: 'Copy' }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
    assert.match(shown, /"seq": 1/);
    await page.context().close();
  });

  test('Show/hide columns: a column dragged into place and ticked shows there', async () => {
    const { partner } = await partnerSession('Events drag');
    const account = await newCustomer(partner.id, 'Events drag');
    await seedEvents(account.id, 2);
    const page = await newPage(browser);
    await signIn(page, partner.email);
    await page.goto(`/a/${account.id}/events`);
    await page.getByLabel('Table options').click();
    await page.getByRole('link', { name: 'Show/hide columns' }).click();
    const item = (name) => page.locator('.column-list li').filter({ hasText: name });
    await item('LOG TAGS').dragTo(item('ACTOR NAME'), { targetPosition: { x: 10, y: 2 } });
    await page.getByRole('checkbox', { name: 'LOG TAGS' }).check();
    await page.getByRole('checkbox', { name: 'CORE DETAILS' }).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Event History', level: 1 }).waitFor();
    const headers = (await table(page).locator('thead th').allTextContents()).map((h) => h.replace(/[↓↑]/g, '').trim()).filter(Boolean);
    assert.deepEqual(headers, ['LOG TAGS', 'ACTOR NAME', 'ACTION', 'ASSET', 'EVENT DATE', 'PROPERTIES CHANGED']);
    await page.context().close();
  });
});
