// From a report of the simulated apps (tests/fixtures/app-sim.js) to
// Resolved with notes, in a real browser (guide §2.10): the partner finds
// the log in Support → Support Logs by searching as they type, reads its
// tabs, enlarges a screenshot, sets the status and notes; the Account Admin
// then reads them; the support contacts' mail shows each step.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, sql } from './lib/stack.js';
import { PASSWORD } from './lib/fixtures.js';
import { mailsTo } from './lib/mail.js';
import { navLink, signedIn } from './lib/browser.js';
import { appSim, mailAbout, NEW_LOG, STATUS, supportWorld } from './lib/support.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a simulated app report, found, read and resolved', async () => {
  const w = await supportWorld('Browser');
  const results = await appSim({ users: [{ email: w.admin.email, password: PASSWORD }], count: 6, seed: 5 });
  assert.deepEqual(results.map((r) => r.status), [201, 201, 201, 201, 201, 201]);
  // Each report reached the support contacts.
  await mailAbout(w.contact, NEW_LOG, 6);
  // The one to follow: a Mitel One Mobile report with a screenshot.
  const [[id, title]] = await sql(`SELECT l.id, l.title FROM support_logs l
    WHERE l.account_id = '${w.account.id}' AND l.product = 'Mitel One Mobile'
    AND EXISTS (SELECT 1 FROM support_log_files f WHERE f.log_id = l.id AND f.mime LIKE 'image/%') ORDER BY l.id LIMIT 1`);

  const page = await signedIn(browser, w.partner.email);
  await page.goto(`/a/${w.account.id}/info`);
  await navLink(page, 'Support Logs').click();
  await page.getByRole('heading', { level: 1, name: 'Support Logs' }).waitFor();
  const rows = page.getByRole('table', { name: 'Support logs' }).locator('tbody tr');
  assert.equal(await rows.count(), 6);

  // Search as you type: the list follows without a submit.
  await page.getByRole('searchbox', { name: 'Search by LOG TITLE' }).pressSequentially(title.slice(0, 12), { delay: 20 });
  await page.waitForFunction((t) => [...document.querySelectorAll('#list-results tbody tr')]
    .every((tr) => tr.textContent.includes(t)), title.slice(0, 12));
  await page.locator(`a[href$="/support-logs/${id}"]`).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();

  // The tabs of Report Details: one panel at a time.
  const tablist = page.getByRole('tablist', { name: 'Report Details tabs' });
  await tablist.getByRole('tab', { name: 'Device and Apps' }).click();
  await page.getByRole('tabpanel', { name: 'Device and Apps' }).getByText('Device model').waitFor();
  assert.equal(await page.getByRole('tabpanel', { name: 'User Details' }).isVisible(), false);
  await tablist.getByRole('tab', { name: 'Device and Apps' }).press('ArrowRight');
  const next = await page.evaluate(() => document.activeElement.textContent);
  assert.match(next, /Filtered Signal Strength Logs|Error Information/);

  // Click To Enlarge opens the image over the page; ✕ closes it.
  const thumb = page.getByRole('link', { name: /^Click To Enlarge/ }).first();
  await thumb.hover();
  await page.getByText('Click To Enlarge').first().waitFor({ state: 'visible' });
  await thumb.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.ok(await dialog.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the screenshot decodes');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });

  // Partner Support: Resolved, with notes.
  await page.getByLabel('Status').selectOption({ label: 'Resolved' });
  await page.getByLabel('Notes').fill('Ticket: #1920\nFixed by the 4.2 update.');
  await page.getByRole('button', { name: 'Save Notes and Status' }).click();
  await page.getByRole('status').filter({ hasText: 'The notes and status have been saved.' }).waitFor();
  assert.equal(await page.getByLabel('Status').inputValue(), 'resolved');

  // The support contacts' mail: six reports, then the change of status.
  const mail = await mailAbout(w.contact, STATUS);
  assert.match(mail.text, /Status: Resolved/);
  assert.match(mail.text, new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(mailsTo(w.contact).length, 7);

  // The Account Admin reads the outcome.
  const admin = await signedIn(browser, w.admin.email);
  await admin.goto(`/a/${w.account.id}/support-logs/${id}`);
  const box = admin.getByRole('region', { name: 'Partner Support' });
  await box.getByText('Resolved').waitFor();
  await box.getByText('Fixed by the 4.2 update.').waitFor();
  assert.equal(await admin.getByLabel('Status').count(), 0, 'no control for the Account Admin');
  await page.context().close();
  await admin.context().close();
});
