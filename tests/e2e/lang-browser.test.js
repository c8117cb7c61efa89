// The console in French and German in a real browser: a partner
// administrator switches language with the footer's picker (found by its
// label, in the language of the moment), keeps the page's search, and walks
// the main screens. On each, html lang is the language's, and no text the
// language translates is left in English: a string of en.hdf shown on the
// English page whose key the language words differently must not appear
// on the language's page. With the real translations every key counts;
// with the tests' stand-ins (lib/lang.js) the keys they have.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './lib/stack.js';
import { newCustomer, newPartner } from './lib/fixtures.js';
import { signedIn } from './lib/browser.js';
import { english, ensureLanguages, languageText, removeStandIns } from './lib/lang.js';

let browser;
let standIns = [];
before(async () => {
  standIns = ensureLanguages();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  removeStandIns(standIns);
});

/** Every piece of text a person reads or hears on the page. */
function textsOf(page) {
  return page.evaluate(() => {
    const out = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // The picker names each language in its own words, in every language.
      if (n.parentElement?.closest('script, style, #language')) continue;
      const t = n.textContent.replace(/\s+/g, ' ').trim();
      if (t) out.add(t);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], [alt], input[type=submit][value]')) {
      for (const a of ['placeholder', 'aria-label', 'title', 'alt', 'value']) {
        const v = el.getAttribute(a);
        if (v && (a !== 'value' || el.type === 'submit')) out.add(v.trim());
      }
    }
    out.add(document.title.trim());
    return [...out];
  });
}

/**
 * The English strings a language words differently (or lacks): a string is
 * counted when none of the keys that hold it in English is the same in the
 * language (some words are, "Email" perhaps) and the language does not use
 * it for a key of its own. With a stand-in, only strings whose every key it
 * has.
 */
function untranslated(code) {
  const en = english();
  const other = languageText(code);
  const standIn = standIns.includes(code);
  const ownValues = new Set(other.values());
  const keysOf = new Map();
  for (const [key, value] of en) keysOf.set(value, [...(keysOf.get(value) ?? []), key]);
  const words = new Set();
  for (const [value, keys] of keysOf) {
    if (value.includes('{') || ownValues.has(value)) continue;
    if (standIn && keys.some((k) => !other.has(k))) continue;
    if (keys.some((k) => other.get(k) === value)) continue;
    words.add(value);
  }
  return words;
}

async function choose(page, labelNow, applyNow, languageName) {
  await page.getByLabel(labelNow, { exact: true }).selectOption({ label: languageName });
  await page.getByRole('button', { name: applyNow, exact: true }).click();
}

test('French and German: the picker switches, keeps the search, and the main screens read in the language', async () => {
  const partner = await newPartner('Languages');
  const account = await newCustomer(partner.id, 'Langues');
  const page = await signedIn(browser, partner.email);
  const screens = ['/', '/accounts', '/accounts/new', `/a/${account.id}/info`, `/a/${account.id}/users`,
    `/a/${account.id}/users/new`, '/roles', '/account-managers', `/a/${account.id}/events`,
    `/a/${account.id}/integrations`, '/password'];

  const englishTexts = new Map();
  for (const path of screens) {
    await page.goto(path);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', path);
    englishTexts.set(path, new Set(await textsOf(page)));
  }

  const en = english();
  let label = en.get('layout.language');
  let apply = en.get('layout.apply');
  for (const code of ['fr', 'de']) {
    const words = languageText(code);
    await page.goto(`/a/${account.id}/users?q=te`);
    await choose(page, label, apply, words.get(`accounts.account_form.languages.${code}`));
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
    const url = new URL(page.url());
    assert.equal(url.pathname, `/a/${account.id}/users`);
    assert.equal(url.searchParams.get('q'), 'te', 'Apply keeps the page\'s search');

    const english = untranslated(code);
    const left = [];
    for (const path of screens) {
      await page.goto(path);
      assert.equal(await page.getAttribute('html', 'lang'), code, `${path} in ${code}`);
      const shownInEnglish = englishTexts.get(path);
      for (const t of await textsOf(page)) {
        if (english.has(t) && shownInEnglish.has(t)) left.push(`${path}: "${t}"`);
      }
    }
    assert.deepEqual(left, [], `English left on the ${code} pages`);
    label = words.get('layout.language');
    apply = words.get('layout.apply');
  }

  // Back to English with the German picker, where English is named in English.
  await choose(page, label, apply, en.get('accounts.account_form.languages.en'));
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.context().close();
});
