// An accessibility sanity check of the frame every signed-in page shares
// (layout.cs), on a desktop's and a phone's screen: one banner, one main
// region, one footer, the named navigation (and the account search for
// partner users); every control of the frame has a name; each one the Tab
// key reaches shows where the focus is, starting with "Skip to content".

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './lib/stack.js';
import { newCustomer, newPartner, newUser } from './lib/fixtures.js';
import { DESKTOP, PHONE, signedIn } from './lib/browser.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const CONTROLS = 'link|button|combobox|searchbox|textbox|checkbox|radio|switch|listbox|menuitem';

/** The frame's controls that have no accessible name, as the accessibility snapshot lists them. */
async function unnamedControls(page) {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot.split('\n').filter((line) => new RegExp(`^\\s*- (${CONTROLS})(:|$| \\[)`).test(line));
}

/** Tabs through the frame up to the main content: what each stop is and whether its focus shows. */
async function tabStops(page) {
  const stops = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el.closest('main')) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        what: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)}`,
        outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        onScreen: box.width > 0 && box.height > 0 && box.left >= 0 && box.right <= window.innerWidth,
      };
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

async function checkFrame(page, { partner }) {
  for (const [role, name] of [['banner'], ['main'], ['contentinfo'], ['navigation', 'Main navigation']]) {
    assert.equal(await page.getByRole(role, name ? { name } : {}).count(), 1, `one ${role}`);
  }
  assert.equal(await page.getByRole('search', { name: 'Find a customer account' }).count(), partner ? 1 : 0, 'the account search');
  assert.deepEqual(await unnamedControls(page), [], 'every control has a name');

  await page.locator('body').focus();
  const stops = await tabStops(page);
  assert.match(stops[0]?.what ?? '', /^a Skip to content/, 'the first stop skips to the content');
  assert.ok(stops.length >= 5, `the frame's controls are reached: ${stops.map((s) => s.what).join(', ')}`);
  for (const stop of stops) {
    assert.ok(stop.outlined, `the focus shows on ${stop.what}`);
    assert.ok(stop.onScreen, `${stop.what} is on the screen when focused`);
  }
}

describe('the frame\'s accessibility', () => {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`a partner's pages, on a ${label}`, async () => {
      const partner = await newPartner();
      const customer = await newCustomer(partner.id);
      const page = await signedIn(browser, partner.email, { viewport });
      try {
        await checkFrame(page, { partner: true });
        await page.goto(`/a/${customer.id}/users`);
        await checkFrame(page, { partner: true });
      } finally {
        await page.context().close();
      }
    });

    test(`an Account Admin's pages, on a ${label}`, async () => {
      const account = await newCustomer((await newPartner()).id);
      const admin = await newUser(account.id, { role: 'account_admin' });
      const page = await signedIn(browser, admin.email, { viewport });
      try {
        await checkFrame(page, { partner: false });
        await page.goto(`/a/${account.id}/users`);
        await checkFrame(page, { partner: false });
      } finally {
        await page.context().close();
      }
    });
  }
});
