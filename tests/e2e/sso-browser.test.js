// Single sign-on in a browser (guide §1.2, §3.2.2): SP-initiated sign-in of a
// customer account's user against the stack's test IdP and against Debian's
// SimpleSAMLphp (set up from the Single Sign-On dialog with its metadata
// file, as a newcomer would), and a partner's first sign-in through the
// partner identity provider. The identity providers live on another site
// (localhost) than the console (127.0.0.1), as real ones do.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, config } from './lib/stack.js';
import { newPage, signIn as browserSignIn } from './lib/browser.js';
import { email, lit, newCustomer, newUser, partnerSession, scalar, uid } from './lib/fixtures.js';
import { baseURL, configureSso, idpUser } from './lib/sso.js';

const hdf = readFileSync(config, 'utf8');
const simpleSaml = {
  url: /^SimpleSAMLphp\.URL = (\S+)/m.exec(hdf)[1],
  dir: /^SimpleSAMLphp\.Dir = (\S+)/m.exec(hdf)[1],
};

/** SimpleSAMLphp trusts the account's entity id, and knows the user (email:password → attributes). */
function simpleSamlKnows(accountId, user, password) {
  const sps = JSON.parse(readFileSync(join(simpleSaml.dir, 'sps.json'), 'utf8'));
  sps.push(`${baseURL}/saml2/${accountId}`);
  writeFileSync(join(simpleSaml.dir, 'sps.json'), JSON.stringify(sps));
  const users = JSON.parse(readFileSync(join(simpleSaml.dir, 'users.json'), 'utf8'));
  users[`${user.email}:${password}`] = { email: [user.email], givenName: ['Ada'], sn: ['Lovelace'] };
  writeFileSync(join(simpleSaml.dir, 'users.json'), JSON.stringify(users));
}

/** Email first, then Next: the way to the identity provider. */
async function enterEmail(page, userEmail) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(userEmail);
  await page.getByRole('button', { name: 'Next' }).click();
}

describe('single sign-on in the browser', () => {
  let browser, sP, partner;
  before(async () => {
    browser = await launchBrowser();
    ({ session: sP, partner } = await partnerSession('SSO browser'));
  });
  after(() => browser?.close());

  test('a user signs in through the test IdP: email, Next, the IdP\'s form, back signed in', async () => {
    const account = await newCustomer(partner.id, 'Browser SSO');
    const user = await newUser(account.id, { first: 'Grace', last: `Hopper${uid()}` });
    await idpUser({ email: user.email, password: 'idp-password' });
    await configureSso(sP, account.id);
    const page = await newPage(browser);
    await enterEmail(page, user.email);
    await page.waitForURL((url) => url.hostname === 'localhost' && url.pathname === '/sso');
    await page.getByLabel('Username').fill(user.email);
    await page.getByLabel('Password').fill('idp-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === baseURL && url.pathname === `/a/${account.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.ok((await page.content()).includes(user.name), 'signed in as the user');
    await page.context().close();
  });

  test('an administrator sets up SimpleSAMLphp from its metadata in the dialog; a user signs in through it', async () => {
    const account = await newCustomer(partner.id, 'SimpleSAMLphp');
    const admin = await newUser(account.id, { role: 'account_admin' });
    const user = await newUser(account.id, { first: 'Ada', last: `Lovelace${uid()}`, mail: email('ada') });
    simpleSamlKnows(account.id, user, 'analytical-engine');
    const metadata = await (await fetch(`${simpleSaml.url.replace('localhost', '127.0.0.1')}/saml2/idp/metadata.php`)).text();
    const file = join(process.env.SB_STACK_DIR, `simplesamlphp-${uid()}.xml`);
    writeFileSync(file, metadata);

    // The Account Admin: the dialog, its metadata file, Read metadata, Save.
    const adminPage = await newPage(browser);
    await browserSignIn(adminPage, admin.email);
    await adminPage.goto(`/a/${account.id}/integrations/sso`);
    await adminPage.getByRole('heading', { name: 'Single Sign-On' }).waitFor();
    await adminPage.getByLabel('Identity provider name').fill('SimpleSAMLphp');
    await adminPage.getByLabel('Identity provider metadata (XML)').setInputFiles(file);
    await adminPage.getByRole('button', { name: 'Read metadata' }).click();
    await adminPage.getByLabel('IDP Identifier (Entity ID)').waitFor();
    assert.match(await adminPage.getByLabel('IDP Identifier (Entity ID)').inputValue(), /simplesaml\/saml2\/idp\/metadata\.php$/);
    await adminPage.getByRole('button', { name: 'Save' }).click();
    await adminPage.getByText('Single Sign-On has been saved.').waitFor();
    await adminPage.context().close();

    const page = await newPage(browser);
    await enterEmail(page, user.email);
    await page.waitForURL((url) => url.hostname === 'localhost' && url.pathname.startsWith('/simplesaml/'));
    await page.getByLabel('Username').fill(user.email);
    await page.getByLabel('Password').fill('analytical-engine');
    await page.getByRole('button', { name: /Login/i }).click();
    await page.waitForURL((url) => url.origin === baseURL && url.pathname === `/a/${account.id}`, { timeout: 30000 });
    assert.ok((await page.content()).includes(user.name), 'signed in through SimpleSAMLphp');
    await page.context().close();
  });

  test('a partner signs in for the first time through MiAccess and lands in their new partner account', async () => {
    const person = {
      email: email('miaccess'), password: 'partner-portal', givenName: 'Paula', surname: `Partner${uid()}`,
      organization: `Channel Partner ${uid()}`, organizationId: `org-${uid()}`,
    };
    await idpUser(person);
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByRole('link', { name: 'MiAccess' }).click();
    await page.waitForURL((url) => url.hostname === 'localhost' && url.pathname === '/sso');
    await page.getByLabel('Username').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === baseURL && url.pathname === '/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const html = await page.content();
    assert.ok(html.includes(`${person.givenName} ${person.surname}`), 'signed in as the new partner administrator');
    assert.ok(!html.includes('href="/password"'), 'no password of ours to change');
    // The partner account made for the organisation is theirs: its information carries the name.
    const accountId = await scalar(`SELECT account_id FROM partner_idp_accounts WHERE org_key = ${lit(person.organizationId)}`);
    await page.goto(`/a/${accountId}/info`);
    assert.equal(await page.getByLabel('Customer Name').inputValue(), person.organization);
    await page.context().close();
  });
});
