// MiTeam Meetings on the user form, in a real browser (guide §3.1.5.1): the
// partner opens a user from the Users page and switches MiTeam Meetings on
// with its toggle; with the account's only licence held, the next user's
// toggle is disabled and says Licenses not available; Mitel One's ⚙ in the
// Integrations panel opens Mitel One Settings (guide §3.1.4).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseURL, launchBrowser } from './lib/stack.js';
import { newCustomer, newPartner, newUser, scalar, signIn } from './lib/fixtures.js';
import { heading, signedIn } from './lib/browser.js';
import { billingFeed, publishOrder } from './lib/orders.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe('MiTeam Meetings in the browser', () => {
  test('the toggle hands out the pool\'s licence; the next user finds it disabled', async () => {
    const partner = await newPartner('Browser MiTeam');
    const account = await newCustomer(partner.id, 'Browser MiTeam');
    const number = await publishOrder(billingFeed(partner.id), { lines: [
      { product: 'MiTeam Meetings', plan: 'MiTeam Meetings Pack', planCode: '54011020', quantity: 1 }] });
    const first = await newUser(account.id, { first: 'Mia', last: 'Meetings' });
    const second = await newUser(account.id, { first: 'Nils', last: 'Nolicence' });
    // The order assigned and the integrations added through the console's own forms.
    const sP = await signIn(partner.email);
    const post = (path, fields) => sP.post(path, new URLSearchParams({ _csrf: sP.csrf, ...fields }));
    assert.equal((await post(`/orders/${number}`, { account: account.id })).status, 303);
    for (const kind of ['miteam', 'mitel_one']) assert.equal((await post(`/a/${account.id}/integrations/add`, { kind })).status, 303);
    const page = await signedIn(browser, partner.email);
    try {
      await page.goto(`${baseURL}/a/${account.id}/users`);
      await page.getByRole('link', { name: 'Mia Meetings' }).click();
      await heading(page, 'Mia Meetings');
      const toggle = page.getByRole('switch', { name: 'MiTeam Meetings' });
      assert.equal(await toggle.getAttribute('aria-checked'), 'false');
      await toggle.click();
      await page.getByText('The product has been added to the user.').waitFor();
      assert.equal(await page.getByRole('switch', { name: 'MiTeam Meetings' }).getAttribute('aria-checked'), 'true');
      assert.equal(Number(await scalar(`SELECT COUNT(*) FROM user_licenses WHERE user_id = ${first.id}`)), 1);

      await page.goto(`${baseURL}/a/${account.id}/users/${second.id}`);
      await page.getByText('Licenses not available').waitFor();
      assert.ok(await page.getByRole('switch', { name: 'MiTeam Meetings' }).isDisabled());

      // Mitel One's ⚙: Mitel One Settings, the avatar box cleared and saved.
      await page.goto(`${baseURL}/a/${account.id}/integrations`);
      await page.getByRole('link', { name: 'Settings for Mitel One' }).click();
      await heading(page, 'Mitel One Settings');
      const box = page.getByRole('checkbox', { name: 'Allow users to change their avatar' });
      assert.ok(await box.isChecked());
      await box.uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('The Mitel One settings have been saved.').waitFor();
      assert.equal(String(await scalar(`SELECT mitel_one_avatar_change FROM account_policy WHERE account_id = '${account.id}'`)), '0');
    } finally {
      await page.close();
    }
  });
});
