// The console in French and German in a real browser: a partner
// administrator switches language with the footer's picker (found by its
// label, in the language of the moment), keeps the page's search, and walks
// the main screens, then the screens that show dates, times and counts
// (Developer, SCIM sources, Azure AD Sync, Support → Gateway, Support Logs),
// where no date is left in the database's ISO form. On each, html lang is the language's, and no text the
// language translates is left in English: a string of en.hdf shown on the
// English page whose key the language words differently must not appear
// on the language's page. With the real translations every key counts;
// with the tests' stand-ins (lib/lang.js) the keys they have.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './lib/stack.js';
import { lit, newCustomer, newPartner, scalar, uid } from './lib/fixtures.js';
import { signedIn } from './lib/browser.js';
import { gatewayAccount } from './lib/gateway.js';
import { generateKeys } from './lib/scim.js';
import { reportedLog, supportWorld } from './lib/support.js';
import { sql } from './lib/stack.js';
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
      // The picker names each language in its own words, in every language;
      // translate="no" marks words that are not the console's (an app's report).
      if (n.parentElement?.closest('script, style, #language, [translate="no"]')) continue;
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

/**
 * Text that shows a date as the database writes it ("2026-03-05"), left
 * unformatted; what a gateway or an app sent (logs in pre or code) is theirs.
 */
function isoDatesOf(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('script, style, pre, code, textarea')) continue;
      const t = n.textContent.replace(/\s+/g, ' ').trim();
      if (/\b\d{4}-\d{2}-\d{2}\b/.test(t)) out.push(t);
    }
    return out;
  });
}

/**
 * Walks screens in English, then in French and German chosen with the
 * picker (from first, which keeps its search): html lang is the language's,
 * no text the language words differently is left in English, and, with
 * datesToo, no date is left in ISO form. Back to English at the end.
 */
async function walk(page, screens, first, { datesToo = false } = {}) {
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
    await page.goto(first);
    await choose(page, label, apply, words.get(`accounts.account_form.languages.${code}`));
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
    const url = new URL(page.url());
    const asked = new URL(first, url);
    assert.equal(url.pathname, asked.pathname);
    for (const [k, v] of asked.searchParams) assert.equal(url.searchParams.get(k), v, 'Apply keeps the page\'s search');

    const english = untranslated(code);
    const left = [];
    const raw = [];
    for (const path of screens) {
      await page.goto(path);
      assert.equal(await page.getAttribute('html', 'lang'), code, `${path} in ${code}`);
      const shownInEnglish = englishTexts.get(path);
      for (const t of await textsOf(page)) {
        if (english.has(t) && shownInEnglish.has(t)) left.push(`${path}: "${t}"`);
      }
      if (datesToo) raw.push(...(await isoDatesOf(page)).map((t) => `${path}: "${t}"`));
    }
    assert.deepEqual(left, [], `English left on the ${code} pages`);
    assert.deepEqual(raw, [], `dates left in ISO form on the ${code} pages`);
    label = words.get('layout.language');
    apply = words.get('layout.apply');
  }

  // Back to English with the German picker, where English is named in English.
  await choose(page, label, apply, en.get('accounts.account_form.languages.en'));
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

test('French and German: the picker switches, keeps the search, and the main screens read in the language', async () => {
  const partner = await newPartner('Languages');
  const account = await newCustomer(partner.id, 'Langues');
  const page = await signedIn(browser, partner.email);
  const screens = ['/', '/accounts', '/accounts/new', `/a/${account.id}/info`, `/a/${account.id}/users`,
    `/a/${account.id}/users/new`, '/roles', '/account-managers', `/a/${account.id}/events`,
    `/a/${account.id}/integrations`, '/password'];
  await walk(page, screens, `/a/${account.id}/users?q=te`);
  await page.context().close();
});

test('French and German: Developer, SCIM sources, Azure AD Sync, Support → Gateway and Support Logs, dates and counts too', async () => {
  const { partner, account, admin, sP } = await supportWorld('Dates');
  const log = await reportedLog(admin);
  // An application, its secret dated.
  const app = await sP.send('/developer/new', { name: `App ${uid()}`, description: 'Dates', redirect_uris: 'https://app.example.com/cb' });
  assert.equal(app.status, 200, `register (${app.status})`);
  const appId = await scalar(`SELECT id FROM applications WHERE partner_id = ${lit(partner.id)}`);
  // Azure AD Sync set up, with a day of activity in thousands.
  await generateKeys(sP, account.id);
  await sql(`INSERT INTO scim_activity (account_id, hour, created, updated, deactivated, deleted, failed)
    VALUES (${lit(account.id)}, DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:00:00'), 1234, 5678, 1, 2, 3)`);
  // A SCIM source whose pulls have dates.
  const source = await sP.send(`/a/${account.id}/integrations/scim-sources/new`, {
    name: 'Annuaire', base_url: 'http://127.0.0.1:9/scim/v2', token: 'x', interval_minutes: '60', filter: '',
  });
  assert.equal(source.status, 303, `Add SCIM Source (${source.status})`);
  const sourceId = /scim-sources\/(\d+)$/.exec(source.location)[1];
  // Its first pull fails (nothing listens there); then its error is one whose
  // English words are the language file's, and the next pull a day away.
  for (let i = 0; i < 300 && await scalar(`SELECT last_error = '' OR lease_owner IS NOT NULL FROM scim_sources
    WHERE id = ${sourceId}`) === '1'; i++) await new Promise((r) => setTimeout(r, 200));
  await sql(`UPDATE scim_sources SET last_attempt_at = '2026-03-05 14:07:00', last_success_at = '2026-03-04 09:30:00',
    last_error = ${lit(english().get('scim.errors.not_list_response'))}, last_error_key = 'not_list_response',
    last_error_args = '[]', due_at = UTC_TIMESTAMP() + INTERVAL 1 DAY WHERE id = ${sourceId}`);
  // A gateway with a command sent to it.
  const gateway = await gatewayAccount(sP, partner.id, 'claimed');
  const sent = await sP.send(`/a/${gateway.id}/support/gateway`, { action: 'update_now', from: 'support' });
  assert.equal(sent.status, 303);

  const page = await signedIn(browser, partner.email);
  const screens = ['/developer', `/developer/${appId}`, `/a/${account.id}/integrations/azure-ad-sync`,
    `/a/${account.id}/integrations/scim-sources`, `/a/${account.id}/integrations/scim-sources/${sourceId}`,
    `/a/${gateway.id}/support/gateway`, `/a/${account.id}/support-logs`, `/a/${account.id}/support-logs/${log}`];
  await walk(page, screens, '/developer', { datesToo: true });

  // The counts in thousands, the language's way.
  await choose(page, english().get('layout.language'), english().get('layout.apply'), languageText('de').get('accounts.account_form.languages.de'));
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await page.goto(`/a/${account.id}/integrations/azure-ad-sync`);
  const counts = await page.locator('table.counts td').allTextContents();
  assert.deepEqual(counts.slice(0, 2), ['1.234', '5.678']);
  await page.context().close();
});
