// A job's page in a real browser (headless Debian chromium, guide §1.3):
// while the bar moves, the state beside it moves with it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseURL, launchBrowser, sql } from './lib/stack.js';
import { PASSWORD, adminSession, lit, partnerSession, scalar } from './lib/fixtures.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the state label follows the progress bar', async () => {
  const { account, admin } = await adminSession((await partnerSession()).partner.id);
  // A job syncd leaves alone (due tomorrow): the test moves it.
  await sql(`INSERT INTO jobs (account_id, kind, state, total, processed, created_by, created_by_name, run_after, created_at)
             VALUES (${lit(account.id)}, 'welcome', 'queued', 10, 0, ${admin.id}, 'Starter',
                     UTC_TIMESTAMP() + INTERVAL 1 DAY, UTC_TIMESTAMP())`);
  const id = await scalar('SELECT MAX(id) FROM jobs');

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto('/login');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.goto(`/a/${account.id}/jobs/${id}`);
  const status = page.getByRole('status').filter({ hasText: 'of 10' });
  await status.filter({ hasText: 'Waiting to start: 0 of 10' }).waitFor();

  await sql(`UPDATE jobs SET state = 'running', processed = 4 WHERE id = ${id}`);
  // The poll brings the new count; the state comes with it.
  await status.filter({ hasText: '4 of 10' }).waitFor();
  assert.equal(await page.getByRole('progressbar', { name: 'Progress' }).getAttribute('value'), '40');
  assert.match(await status.textContent(), /^\s*In progress:\s*4 of 10\s*$/);
  await context.close();
});
