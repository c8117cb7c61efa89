// Programming a phone's keys in a real browser (guide §3.1.2.2.2.1-2): from
// the user's page to MiVoice Business Service settings, Edit key for button
// number: N with the function catalogue, a float key, Save, and the keys read
// back from the simulated PBX.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, sql } from './lib/stack.js';
import { lit, partnerSession } from './lib/fixtures.js';
import { signedIn } from './lib/browser.js';
import { mivbAccount, pbxServices, pbxState } from './lib/mivb.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a 6930\'s keys programmed in the browser are on the PBX', async () => {
  const { partner, session } = await partnerSession('MiVB keys browser');
  const a = await mivbAccount(session, partner.id, { users: 8, step: 'connected' });
  const [[userId, pbxId]] = await sql(`SELECT user_id, pbx_id FROM pbx_users WHERE account_id = ${lit(a.id)}
    AND user_id IS NOT NULL AND pbx_id = 'MIVB-7-4'`);
  const dn = (await pbxServices(a.pbx, pbxId)).phones[0].dn;
  const page = await signedIn(browser, partner.email);
  page.setDefaultTimeout(30000);
  await page.goto(`/a/${a.id}/users/${userId}`);
  await page.getByRole('link', { name: 'MiVoice Business Service settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'User Configuration' }).waitFor();

  // button 3: Call Forward Busy External, a label
  await page.locator('summary').filter({ hasText: /^3:/ }).click();
  const fn3 = page.getByLabel('Function').nth(2);
  assert.equal(await fn3.locator('option[value="acd"]').isDisabled(), true, 'ACD is not compatible with the 6930');
  await fn3.selectOption({ label: 'Call Forward Busy External' });
  await page.getByLabel('Label').nth(2).fill('Busy Call Forward');
  // button 7: a Single Line float key on the user's own DN
  await page.locator('summary').filter({ hasText: /^7:/ }).click();
  await page.getByLabel('Function').nth(6).selectOption({ label: 'Single Line' });
  await page.getByLabel('Ring Type').nth(6).selectOption({ label: 'Ring' });
  await page.getByLabel('Extension').nth(6).fill(dn);
  await page.getByLabel('Float').nth(0).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'configuration was saved' }).first().waitFor();

  const keys = (await pbxServices(a.pbx, pbxId)).phones[0].keys;
  assert.deepEqual(keys.map((k) => [k.button, k.function, k.label, k.ringType, k.extension, k.float]), [
    [3, 'call_forward_busy_external', 'Busy Call Forward', 'none', '', false],
    [7, 'single_line', '', 'ring', dn, true],
  ]);
});

test('Add Locations takes several names as chips, Enter after each', async () => {
  const { partner, session } = await partnerSession('MiVB chips browser');
  const a = await mivbAccount(session, partner.id, { users: 4 });
  const page = await signedIn(browser, partner.email);
  await page.goto(`/a/${a.id}/mivb/locations`);
  await page.getByRole('link', { name: 'Add Locations' }).click();
  const names = page.getByLabel('Location names');
  for (const name of ['Lab', 'Annex', 'Depot']) {
    await names.fill(name);
    await names.press('Enter');
  }
  await page.getByRole('button', { name: 'Remove Annex' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Locations added successfully.' }).first().waitFor();
  const added = (await pbxState(a.pbx)).locations.slice(-2).map((l) => l.name);
  assert.deepEqual(added, ['Lab', 'Depot']);
});
