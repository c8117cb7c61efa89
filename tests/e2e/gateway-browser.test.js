// The whole CloudLink Gateway onboarding in a real browser (guide §3.1.1),
// against the stack's gateway-sim and pbx-sim: from the partner dashboard,
// Add Gateway, the claim code read off the gateway's own page, Gateway
// Information with static settings and DNS chips, Configure PBX, Connect
// until the users are there, and Complete.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './lib/stack.js';
import { newCustomer, partnerSession, scalar, lit } from './lib/fixtures.js';
import { signedIn } from './lib/browser.js';
import { gatewaySim, newGateway, newPbx, sim } from './lib/pbx.js';
import { gatewayAccount } from './lib/gateway.js';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The flash message shown once after a change. */
const toast = (page, text) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

describe('onboarding in a browser', () => {
  test('claim code → site → PBX → Connect → the users are there → Complete', async () => {
    const { partner } = await partnerSession('Browser onboarding');
    const customer = await newCustomer(partner.id, 'Browser Customer');
    const g = await newGateway({ kind: 'physical' });
    const pbx = await newPbx('mivo400', 12, { noEmail: 1 });
    const page = await signedIn(browser, partner.email);
    page.setDefaultTimeout(30000);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Gateway Portal' }).click();
    const row = page.getByRole('row').filter({ hasText: customer.name });
    await row.getByRole('link', { name: 'Add Gateway' }).click();
    await page.getByRole('button', { name: 'Add Gateway' }).click();

    // The gateway shows its claim code on its own local page.
    const local = await page.context().newPage();
    await local.goto(`${gatewaySim()}/gw/${g.id}/`);
    const code = (await local.locator('.code').textContent()).trim();
    await local.close();
    await page.getByLabel('Claim code').fill(code);
    await page.getByRole('button', { name: 'Next' }).click();
    await toast(page, 'The code has been entered');
    // The page follows the gateway until it has joined and reported.
    await page.getByRole('group', { name: 'Gateway Information' }).waitFor();

    await page.getByLabel('Site Name').fill('Browser HQ');
    await page.getByLabel('City').fill('Ottawa');
    await page.getByLabel('Country').selectOption('CA');
    await page.getByLabel('Province / State').fill('Ontario');
    await page.getByLabel('Postal / Zip Code').fill('K0A 2G0');
    assert.equal(await page.getByLabel('IP Address').isVisible(), false, 'DHCP: no static settings');
    await page.getByRole('radio', { name: 'Static' }).check();
    await page.getByLabel('IP Address').fill('192.168.10.20');
    await page.getByLabel('Subnet Mask').fill('255.255.255.0');
    await page.getByLabel('Default Gateway').fill('192.168.10.1');
    // DNS Servers: chips, with Add DNS.
    await page.getByRole('button', { name: 'Remove 8.8.8.8' }).waitFor();
    await page.getByLabel('DNS Servers').fill('1.1.1.1');
    await page.getByRole('button', { name: 'Add DNS' }).click();
    await page.getByRole('button', { name: 'Remove 1.1.1.1' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await toast(page, 'Successfully updated site');
    assert.equal(await scalar(`SELECT JSON_EXTRACT(eth, '$.dns') FROM gateway_onboarding WHERE account_id = ${lit(customer.id)}`),
      '["8.8.8.8", "1.1.1.1"]');

    // Configure PBX.
    await page.getByLabel('PBX Type').selectOption({ label: 'MiVoice Office 400' });
    assert.equal(await page.getByLabel('MBG IP Address or FQDN').isVisible(), false, 'MiVoice Business only');
    await page.getByLabel('PBX Name').fill('Browser PBX');
    await page.getByRole('textbox', { name: 'IP Address', exact: true }).fill(pbx.host);
    await page.getByLabel('Port').fill(String(pbx.port));
    await page.getByLabel('CloudLink System Username').fill(pbx.username);
    await page.getByLabel('CloudLink System Password').fill(pbx.password);
    await page.getByRole('button', { name: 'Next' }).click();
    await toast(page, 'Successfully created PBX Link');

    // Connect, and watch the first sync come through.
    await page.getByText('Verify and start your connection to the PBX').waitFor();
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('heading', { name: 'PBX Connected' }).waitFor();
    await page.getByText('Connection successful').waitFor();
    await page.getByText('Number of users: 12').waitFor();
    await page.getByRole('heading', { name: 'There are irregularities with email addresses on the PBX' }).waitFor();
    assert.equal(await page.getByLabel('PBX Sync Schedule (in minutes)').inputValue(), '20');

    // The users are there.
    const one = await sim('GET', `/sim/pbxs/${pbx.name}/users/U7-3`);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByText(one.emailAddress).waitFor();
    await page.goBack();

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Complete' }).click();
    await toast(page, 'Onboarding Complete');
    await page.getByText('PBX Type').waitFor();
    await page.getByText('MiVoice Office 400').first().waitFor();
    assert.equal(await scalar(`SELECT step FROM gateway_onboarding WHERE account_id = ${lit(customer.id)}`), 'complete');
    await page.context().close();
  });

  test('Configure PBX turns into its MiVoice Business variant for a MiVoice Business', async () => {
    const { partner, session } = await partnerSession('Browser MiVB');
    const a = await gatewayAccount(session, partner.id, 'site');
    const page = await signedIn(browser, partner.email);
    await page.goto(`/a/${a.id}/integrations/gateway/pbx`);
    await page.getByRole('textbox', { name: 'IP Address', exact: true }).waitFor();
    assert.equal(await page.getByText('Please ensure that you are using a Cloudlink gateway blade with the MIVB').isVisible(), false);
    await page.getByLabel('PBX Type').selectOption({ label: 'MiVoice Business' });
    await page.getByText('Please ensure that you are using a Cloudlink gateway blade with the MIVB').waitFor();
    await page.getByLabel('PBX IP Address or FQDN').waitFor();
    for (const label of ['MBG IP Address or FQDN', 'MBG Password', 'MiCollab IP Address or FQDN', 'MiCollab Password']) {
      assert.equal(await page.getByLabel(label).isVisible(), true, label);
    }
    await page.getByRole('button', { name: 'Next' }).click();
    // The server's messages next to the fields, the variant kept.
    await page.getByLabel('PBX IP Address or FQDN').waitFor();
    assert.equal(await page.locator('#e-mbg_host').textContent(), 'This field is required.');
    await page.context().close();
  });
});
