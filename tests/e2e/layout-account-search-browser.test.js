// The header's account search in a real browser (guide §1.3): a partner
// types part of a customer's name, picks it from the suggestions (by mouse
// or keyboard) and lands on its Account Information; without JavaScript
// the same box submits to a page listing the matches.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './lib/stack.js';
import { newCustomer, newPartner, uid } from './lib/fixtures.js';
import { heading, signedIn } from './lib/browser.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const searchBox = (page) => page.getByRole('banner').getByRole('combobox', { name: 'Find a customer account' });
const suggestions = (page) => page.getByRole('listbox', { name: 'Matching accounts' });

async function partnerWithAccounts() {
  const partner = await newPartner();
  const tag = uid();
  return {
    partner,
    northwind: await newCustomer(partner.id, `Northwind Traders ${tag}`),
    great: await newCustomer(partner.id, `Great North Holdings ${tag}`),
    decoy: await newCustomer(partner.id, `Contoso ${tag}`),
  };
}

describe('the header account search in the browser', () => {
  test('typing part of a name offers the accounts; picking one opens its Account Information', async () => {
    const { partner, northwind, great, decoy } = await partnerWithAccounts();
    const page = await signedIn(browser, partner.email);
    try {
      await searchBox(page).pressSequentially('nor');
      const list = suggestions(page);
      await list.getByRole('option', { name: northwind.name }).waitFor();
      await list.getByRole('option', { name: great.name }).waitFor();
      assert.equal(await list.getByRole('option', { name: decoy.name }).count(), 0);

      // A later word of the name narrows it to one.
      await searchBox(page).fill('');
      await searchBox(page).pressSequentially('trad');
      await list.getByRole('option', { name: great.name }).waitFor({ state: 'detached' });
      await list.getByRole('option', { name: northwind.name }).click();
      await page.waitForURL(`/a/${northwind.id}/info`);
      await heading(page, 'Account Information');
      await page.getByRole('banner').getByText(northwind.name).waitFor();

      // From inside an account too, by keyboard; Escape closes the list.
      await searchBox(page).pressSequentially('great');
      await list.getByRole('option', { name: great.name }).waitFor();
      await searchBox(page).press('Escape');
      await list.waitFor({ state: 'hidden' });
      await searchBox(page).pressSequentially(' n');
      await list.getByRole('option', { name: great.name }).waitFor();
      await searchBox(page).press('ArrowDown');
      assert.equal(await list.getByRole('option', { name: great.name }).getAttribute('aria-selected'), 'true');
      await searchBox(page).press('Enter');
      await page.waitForURL(`/a/${great.id}/info`);
      await heading(page, 'Account Information');
    } finally {
      await page.context().close();
    }
  });

  test('without JavaScript, the search lists the matches, and one match opens directly', async () => {
    const { partner, northwind, great, decoy } = await partnerWithAccounts();
    const page = await signedIn(browser, partner.email, { javaScriptEnabled: false });
    try {
      const box = page.getByRole('banner').getByRole('searchbox', { name: 'Find a customer account' });
      await box.fill('north');
      await page.getByRole('banner').getByRole('button', { name: 'Go' }).click();
      await heading(page, 'Find a customer account');
      const results = page.getByRole('list', { name: 'Matching accounts' });
      await results.getByRole('link', { name: great.name }).waitFor();
      assert.equal(await results.getByRole('link', { name: decoy.name }).count(), 0);
      await results.getByRole('link', { name: northwind.name }).click();
      await heading(page, 'Account Information');
      assert.equal(new URL(page.url()).pathname, `/a/${northwind.id}/info`);

      await box.fill('contoso');
      await box.press('Enter');
      await page.waitForURL(`/a/${decoy.id}/info`);
      await heading(page, 'Account Information');
    } finally {
      await page.context().close();
    }
  });
});
