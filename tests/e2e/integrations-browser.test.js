// Integrations & Apps in a real browser (guide §2.3, §2.12, §3.1): a partner
// adds an integration from the catalogue, sees the privileges it implies
// switch on, configures Chat, switches the integration off and removes it,
// and the privileges follow; with script the catalogue filters as the search
// is typed, and without it every step works the same through forms and links.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { config, consoleBin, launchBrowser } from './lib/stack.js';
import { newCustomer, newPartner, uid } from './lib/fixtures.js';
import { heading, signedIn } from './lib/browser.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const switchOf = (page, name) => page.getByRole('switch', { name, exact: true });
const checked = async (page, name) => (await switchOf(page, name).getAttribute('aria-checked')) === 'true';

describe('Integrations & Apps in the browser', () => {
  test('add from the catalogue, configure Chat, switch off and remove: the privileges follow', async () => {
    const partner = await newPartner('Browser integrations');
    const account = await newCustomer(partner.id);
    execFileSync(consoleBin, ['-c', config, 'add-subscription', '--partner', partner.id, '--account', account.id,
      '--number', `S-${uid()}`, '--product', 'Zoom Hybrid'], { encoding: 'utf8' });
    const page = await signedIn(browser, partner.email);
    try {
      await page.goto(`/a/${account.id}/info`);
      await heading(page, 'Account Information');
      // The warning for the Zoom Hybrid subscription closes for this page view.
      const warning = page.getByRole('alert').filter({ hasText: 'There is a Zoom Hybrid subscription' });
      await warning.waitFor();
      await page.getByRole('checkbox', { name: 'Close this message' }).check({ force: true });
      await warning.waitFor({ state: 'hidden' });
      assert.equal(await checked(page, 'Delegated Authentication'), false);
      assert.equal(await checked(page, 'Allow Guest Access'), false);

      // + Add new: the catalogue; the cards filter as the search is typed.
      await page.getByRole('link', { name: '+ Add new' }).click();
      await heading(page, 'Integrations');
      const search = page.getByRole('searchbox', { name: 'Search integrations' });
      await search.fill('collab');
      await page.getByText('MiCC', { exact: true }).waitFor({ state: 'hidden' });
      await page.getByText('MiCollab', { exact: true }).waitFor();
      await search.fill('');
      await page.getByRole('button', { name: 'Add MiCC' }).click();
      await page.getByText('The integration has been added.').waitFor();
      await page.getByText('Added ▾').waitFor();
      await page.getByRole('link', { name: '3rd party' }).click();
      await page.getByRole('button', { name: 'Add Zoom' }).waitFor();
      await page.getByRole('link', { name: 'Done' }).click();

      // Back on Account Information: MiCC is on, and so are its privileges.
      await heading(page, 'Account Information');
      assert.equal(await checked(page, 'MiCC'), true);
      assert.equal(await checked(page, 'Delegated Authentication'), true);
      assert.equal(await checked(page, 'Allow Guest Access'), true);

      // Chat's ⚙: Chat Service Settings.
      await page.getByRole('link', { name: 'Settings for Chat' }).click();
      await heading(page, 'Chat Service Settings');
      const allow = page.getByRole('checkbox', { name: 'Allow editing and deleting of messages' });
      assert.equal(await allow.isChecked(), true, 'on by default');
      await allow.uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('The Chat Service Settings have been saved.').waitFor();
      await page.getByRole('link', { name: 'Settings for Chat' }).click();
      assert.equal(await page.getByRole('checkbox', { name: 'Allow editing and deleting of messages' }).isChecked(), false);
      await page.getByRole('link', { name: 'Cancel' }).click();

      // Switched off, MiCC no longer implies its privileges.
      await switchOf(page, 'MiCC').click();
      await page.getByText('The integration has been switched off.').waitFor();
      assert.equal(await checked(page, 'MiCC'), false);
      assert.equal(await checked(page, 'Delegated Authentication'), false);
      // A privilege by hand.
      await switchOf(page, 'Allow Guest Access').click();
      await page.getByText('The privilege has been changed.').waitFor();
      assert.equal(await checked(page, 'Allow Guest Access'), true);
      await switchOf(page, 'MiCC').click();
      await page.getByText('The integration has been switched on.').waitFor();
      assert.equal(await checked(page, 'Delegated Authentication'), true);

      // Removed from the catalogue: Added ▾ → Remove → Remove integration.
      await page.getByRole('link', { name: '+ Add new' }).click();
      await page.getByText('Added ▾').click();
      await page.getByRole('link', { name: 'Remove' }).click();
      await heading(page, 'Remove MiCC Integration');
      await page.getByRole('button', { name: 'Remove integration' }).click();
      await page.getByText('The integration has been removed.').waitFor();
      assert.equal(await switchOf(page, 'MiCC').count(), 0);
      assert.equal(await checked(page, 'Delegated Authentication'), false);
      assert.equal(await checked(page, 'Allow Guest Access'), false);
      // Call Services.
      await switchOf(page, 'Bandwidth Optimization').click();
      await page.getByText('The Call Services setting has been saved.').waitFor();
      assert.equal(await checked(page, 'Bandwidth Optimization'), true);
    } finally {
      await page.context().close();
    }
  });

  test('without JavaScript the catalogue searches, adds and goes back the same', async () => {
    const partner = await newPartner('No script integrations');
    const account = await newCustomer(partner.id);
    const page = await signedIn(browser, partner.email, { javaScriptEnabled: false });
    try {
      await page.goto(`/a/${account.id}/integrations`);
      await heading(page, 'Integrations & Apps');
      await page.getByRole('link', { name: '+ Add new' }).click();
      await page.getByRole('link', { name: '3rd party' }).click();
      await page.getByRole('searchbox', { name: 'Search integrations' }).fill('teams');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('button', { name: 'Add Microsoft Teams' }).click();
      await page.getByText('The integration has been added.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Add Zoom' }).count(), 0, 'the search is kept');
      await page.getByRole('link', { name: 'Done' }).click();
      await heading(page, 'Integrations & Apps');
      await page.getByText('Setup is not finished, and its setup screen is not available in this console yet.').waitFor();
      assert.equal(await switchOf(page, 'Microsoft Teams').count(), 0, 'no toggle before its setup');
      await page.getByRole('link', { name: 'Remove Microsoft Teams' }).click();
      await page.getByRole('button', { name: 'Remove integration' }).click();
      await heading(page, 'Integrations & Apps');
      assert.equal(await page.getByText('Microsoft Teams').count(), 0);
    } finally {
      await page.context().close();
    }
  });
});
