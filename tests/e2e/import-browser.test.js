// Import Users in a real browser (issue 4 §5): a partner downloads the
// template, uploads a spreadsheet with three errors, corrects two in the
// preview (inline, with JavaScript), deletes the third, uploads, and finds
// the users in the Users list. Then the same corrections without JavaScript.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { baseURL, createPartner, launchBrowser, sql } from './lib/stack.js';

const PASSWORD = 'browser tests only';
const uid = () => randomBytes(4).toString('hex');
const lit = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A partner and one customer account of it. */
async function setup() {
  const tag = uid();
  const email = `partner-${tag}@import-browser.example.com`;
  const partnerId = await createPartner(`Partner ${tag}`, email, PASSWORD);
  const [[accountId]] = await sql('SELECT UUID()');
  await sql(`INSERT INTO accounts (id, partner_id, kind, name, country, city, default_language, status, created_at, updated_at)
             VALUES (${lit(accountId)}, ${lit(partnerId)}, 'customer', ${lit(`Customer ${tag}`)}, 'US', 'Springfield', 'en',
                     'active', UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
  return { email, accountId, tag };
}

async function signedInPage(email, options = {}) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

/** Three good rows and three with an error each: bad email, unknown role, no name. */
function spreadsheet(tag) {
  return [
    'FIRST NAME,LAST NAME,NAME,EMAIL,ROLE',
    `Grace,Hopper${tag},,grace.${tag}@example.com,User`,
    `Alan,Turing${tag},,alan.${tag}@example.com,Account Admin`,
    `Edsger,Dijkstra${tag},,edsger.${tag}@example.com,`,
    `Barbara,Liskov${tag},,barbara.${tag}-at-example.com,User`,
    `Donald,Knuth${tag},,donald.${tag}@example.com,Wizard`,
    `,,,nobody.${tag}@example.com,User`,
  ].join('\n') + '\n';
}

async function openImport(page, accountId) {
  await page.goto(`/a/${accountId}/users`);
  const entry = page.getByRole('link', { name: 'Import Users' });
  if (await entry.count()) await entry.first().click();
  else await page.goto(`/a/${accountId}/users/import`);
  await page.getByRole('heading', { level: 1, name: 'Import Users' }).waitFor();
}

async function uploadFile(page, name, content) {
  await page.getByLabel('Spreadsheet').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Import Users: Preview' }).waitFor();
}

const errorsLine = (page, n) => page.getByRole('status').filter({ hasText: `${n} ${n === 1 ? 'row has' : 'rows have'} errors` });

async function findInUsers(page, accountId, tag) {
  await page.goto(`/a/${accountId}/users?q=${encodeURIComponent('')}`);
  const table = page.getByRole('table', { name: 'Users of this account' });
  for (const name of [`Grace Hopper${tag}`, `Alan Turing${tag}`, `Edsger Dijkstra${tag}`, `Barbara Liskov${tag}`, `Donald Knuth${tag}`]) {
    await table.getByRole('link', { name, exact: true }).waitFor();
  }
  assert.equal(await table.getByText(`nobody.${tag}@example.com`).count(), 0, 'the deleted row was not added');
}

describe('Import Users in the browser', () => {
  test('template, upload with three errors, two corrected inline, one deleted, Upload, users listed', async () => {
    const { email, accountId, tag } = await setup();
    const page = await signedInPage(email);
    await openImport(page, accountId);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'spreadsheet template' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'users-template.xlsx');
    const template = readFileSync(await download.path());
    assert.equal(template.subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');

    await uploadFile(page, 'people.csv', spreadsheet(tag));
    await errorsLine(page, 3).waitFor();
    await page.getByText('Enter a valid email address.').waitFor();
    await page.getByText('The role must be User or Account Admin.').waitFor();
    await page.getByText('Enter a name in at least one of FIRST NAME, LAST NAME and NAME.').waitFor();

    // Row 5: the email, corrected in place; saved when the field is left.
    const bad = page.getByLabel('EMAIL, row 5');
    await bad.fill(`barbara.${tag}@example.com`);
    await bad.press('Tab');
    await errorsLine(page, 2).waitFor();
    // Row 6: the role, from the drop-down.
    await page.getByLabel('ROLE, row 6').selectOption({ label: 'Account Admin' });
    await errorsLine(page, 1).waitFor();
    // Row 7: deleted.
    await page.getByRole('button', { name: 'Delete row 7' }).click();
    await page.getByRole('status').filter({ hasText: 'No errors found' }).waitFor();

    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText('5 users were added to the account.').waitFor();
    await page.getByRole('button', { name: 'Send welcome emails' }).waitFor();
    await page.getByText('Every row has been added.').waitFor();

    await findInUsers(page, accountId, tag);
    const [[role]] = await sql(`SELECT role FROM users WHERE account_id = ${lit(accountId)} AND email = ${lit(`donald.${tag}@example.com`)}`);
    assert.equal(role, 'account_admin');
    await page.context().close();
  });

  test('without JavaScript: Save and Delete post the rows, Add Row adds one', async () => {
    const { email, accountId, tag } = await setup();
    const page = await signedInPage(email, { javaScriptEnabled: false });
    await openImport(page, accountId);
    await uploadFile(page, 'people.csv', spreadsheet(tag));
    await errorsLine(page, 3).waitFor();

    await page.getByLabel('EMAIL, row 5').fill(`barbara.${tag}@example.com`);
    await page.getByRole('button', { name: 'Save row 5' }).click();
    await errorsLine(page, 2).waitFor();
    await page.getByLabel('ROLE, row 6').selectOption({ label: 'User' });
    await page.getByRole('button', { name: 'Save row 6' }).click();
    await errorsLine(page, 1).waitFor();
    await page.getByRole('button', { name: 'Delete row 7' }).click();
    await page.getByRole('status').filter({ hasText: 'No errors found' }).waitFor();

    await page.getByLabel('FIRST NAME, new row').fill('Ada');
    await page.getByLabel('LAST NAME, new row').fill(`Lovelace${tag}`);
    await page.getByLabel('EMAIL, new row').fill(`ada.${tag}@example.com`);
    await page.getByRole('button', { name: 'Add Row' }).click();
    await page.getByLabel('EMAIL, row 8').waitFor();

    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByText('6 users were added to the account.').waitFor();
    await findInUsers(page, accountId, tag);
    await page.getByRole('table', { name: 'Users of this account' }).getByRole('link', { name: `Ada Lovelace${tag}` }).waitFor();
    await page.context().close();
  });
});
