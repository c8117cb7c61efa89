// Helpers for the browser tests of the layout (tests/e2e/layout*): pages of
// a shared headless chromium, signed in through the form, and the frame's
// parts found the way a person finds them.

import { baseURL } from './stack.js';
import { PASSWORD } from './fixtures.js';

/** A phone's screen and a desktop's. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** A fresh context (cookies of its own) and a page in it. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

/** Signs in through the form and waits for the first page's heading. */
export async function signIn(page, email, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** A new signed-in page: signedIn(browser, email, { viewport: PHONE }). */
export async function signedIn(browser, email, options) {
  const page = await newPage(browser, options);
  await signIn(page, email);
  return page;
}

/** The left navigation. */
export const navigation = (page) => page.getByRole('navigation', { name: 'Main navigation' });
/** A link of the left navigation. */
export const navLink = (page, name) => navigation(page).getByRole('link', { name, exact: true });
/** The bell's drop-down. */
export const bellRegion = (page) => page.getByRole('region', { name: 'Notifications' });

/** The page's main heading. */
export function heading(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** How wide the document is: wider than the screen means the page scrolls sideways. */
export function pageWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
