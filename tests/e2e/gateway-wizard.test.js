// The CloudLink Gateway wizard over HTTP (guide §3.1.1; ch3 §2.2, §2.3,
// §2.6): Add Gateway, the claim code, Gateway Information checked for real,
// Configure PBX with its sealed password, Connect with its counts and
// irregularity lists, the sync schedule and Sync Now, Deployment and
// Overview, the status line's overlays, and removing the integration.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './lib/mail.js';
import {
  adminSession, eventsOf, fieldError, inputValue, lastEventId, lit, newUser, partnerSession, scalar, signIn, uid,
  visibleText,
} from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import { gateway, gw, newGateway, newPbx, pbxFault, settled, status } from './lib/pbx.js';
import { gatewayAccount, wizard } from './lib/gateway.js';

const TABS = ['Gateway', 'PBX', 'Connect', 'Deployment', 'Advanced', 'Overview'];

/** The page's main content as a person reads it. */
const main = (html) => visibleText(html.slice(html.indexOf('<main'), html.indexOf('</main>')));
/** The status line's words. */
const statusLine = (html) => {
  const m = /<p class="status-line level-(\w*)" data-status-line>([\s\S]*?)<\/p>/.exec(html);
  return m ? { level: m[1], text: visibleText(m[2]).replace(/^ *Status: /, '').trim() } : null;
};

const siteFields = (overrides = {}) => ({
  site_name: 'Head Office', address: '1 Main Street', city: 'Ottawa', country: 'CA', province: 'Ontario',
  postal_code: 'K0A 2G0', eth_mode: 'static', ip_address: '192.168.1.20', subnet_mask: '255.255.255.0',
  default_gateway: '192.168.1.1', dns: '8.8.8.8, 1.1.1.1', ...overrides,
});
const pbxFields = (pbx, overrides = {}) => ({
  pbx_type: pbx.type, pbx_name: `PBX ${pbx.name}`, host: pbx.host, port: String(pbx.port), username: pbx.username,
  password: pbx.password, ...overrides,
});

describe('Add Gateway and the wizard', () => {
  test('Add Gateway starts the onboarding at No gateway detected; every tab returns to the account', async () => {
    const { partner, session } = await partnerSession('Wizard frame');
    const a = await gatewayAccount(session, partner.id, 'new');
    const before = await lastEventId();
    const entry = await session.get(wizard(a.id));
    assert.equal(entry.status, 200);
    assert.match(main(entry.text), /The CloudLink Gateway integration is not added to this account\./);
    assert.match(entry.text, /<button type="submit">Add Gateway<\/button>/);
    const res = await session.send(wizard(a.id));
    assert.equal(res.status, 303);
    assert.equal(res.location, wizard(a.id, 'site'));
    const events = await eventsOf(a.id, `id > ${before}`);
    assert.deepEqual(events.map((e) => [e.action, e.assetName]), [['integration.add', 'CloudLink Gateway']]);
    for (const tab of ['site', 'pbx', 'connect', 'deployment', 'advanced', 'overview']) {
      const page = await session.get(wizard(a.id, tab));
      assert.equal(page.status, 200, tab);
      assert.match(page.text, new RegExp(`<a href="/a/${a.id}/info">&lt; Return to ${a.name}</a>`), `${tab}: Return to <account>`);
      const tabs = [...page.text.matchAll(/<nav class="wizard-tabs"[\s\S]*?<\/nav>/g)][0][0];
      assert.deepEqual([...tabs.matchAll(/<a [^>]*>([^<]+)</g)].map((m) => m[1]), TABS, `${tab}: the six tabs`);
      assert.deepEqual(statusLine(page.text), { level: 'incomplete', text: 'No gateway detected' });
    }
    // Once added, the entry opens the step the onboarding is at.
    assert.equal((await session.get(wizard(a.id))).location, wizard(a.id, 'site'));
  });

  test('an Account Admin onboards their account; a user, a partner account and another tenant find nothing', async () => {
    const { partner, session } = await partnerSession('Wizard who');
    const { account, session: admin } = await adminSession(partner.id, 'Wizard admin');
    assert.equal((await admin.send(wizard(account.id))).status, 303);
    assert.equal((await admin.get(wizard(account.id, 'site'))).status, 200);
    const user = await newUser(account.id);
    const us = await signIn(user.email);
    assert.equal((await us.get(wizard(account.id, 'site'))).status, 404);
    assert.equal((await session.get(wizard(partner.id))).status, 404, 'a partner account has no integrations');
    const other = await partnerSession('Wizard stranger');
    assert.equal((await other.session.get(wizard(account.id, 'site'))).status, 404);
  });
});

describe('Gateway tab', () => {
  test('the claim code: malformed, taken by another account, and then the gateway joins through it', async () => {
    const { partner, session } = await partnerSession('Wizard claim');
    const a = await gatewayAccount(session, partner.id, 'added');
    const b = await gatewayAccount(session, partner.id, 'added');
    const page = await session.get(wizard(a.id, 'site'));
    assert.match(main(page.text), /Add Gateway .* enter the claim code it shows/);
    assert.ok(inputValue(page.text, 'code') !== null, 'a Claim code field');

    let res = await session.send(wizard(a.id, 'claim'), { code: 'AB-12' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'code'), 'Enter the code exactly as the gateway shows it: 8 letters and digits.');
    res = await session.send(wizard(a.id, 'claim'), { code: '' });
    assert.equal(fieldError(res.text, 'code'), 'This field is required.');

    // A code no gateway asks with, so that it stays pending for b.
    const code = `${uid()}${uid()}`.slice(0, 8).toUpperCase();
    res = await session.send(wizard(b.id, 'claim'), { code });
    assert.equal(res.status, 303, 'b enters it first');
    res = await session.send(wizard(a.id, 'claim'), { code: `${code.slice(0, 4)}-${code.slice(4).toLowerCase()}` });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'code'), 'This code is being claimed by another account.');

    const g2 = await newGateway({ kind: 'physical' });
    res = await session.send(wizard(a.id, 'claim'), { code: g2.code });
    assert.equal(res.status, 303);
    assert.equal(res.location, wizard(a.id, 'site'));
    await eventually('the gateway-sim redeems the code and reports', async () => (await status(a.id)).step === 'configure_gateway');
    const form = await session.get(wizard(a.id, 'site'));
    assert.match(main(form.text), /Gateway Information/);
    assert.deepEqual(statusLine(form.text).text.replace(/ Software update available$/, ''), 'Configure gateway');
    res = await session.send(wizard(a.id, 'claim'), { code: 'ABCD-EFGH' });
    assert.equal(fieldError(res.text, 'code'), 'This account has a gateway already.');
  });

  test('Gateway Information starts from the business address and checks the static settings for real', async () => {
    const { partner, session } = await partnerSession('Wizard site');
    const a = await gatewayAccount(session, partner.id, 'claimed');
    const page = await session.get(wizard(a.id, 'site'));
    assert.equal(inputValue(page.text, 'site_name'), a.name);
    assert.equal(inputValue(page.text, 'city'), 'Springfield');
    assert.match(page.text, /<option value="US" selected>/);
    assert.equal(inputValue(page.text, 'dns'), '8.8.8.8', 'DNS Servers default to 8.8.8.8');
    for (const label of ['Site Name', 'Address', 'City', 'Country', 'Province / State', 'Postal / Zip Code',
      'Appliance Ethernet Configuration', 'Port 1', 'DHCP', 'Static', 'IP Address', 'Subnet Mask', 'Default Gateway',
      'DNS Servers', 'Prerequisite checklist', '*required', 'Cancel', 'Next']) {
      assert.ok(main(page.text).includes(label), label);
    }
    for (const f of ['site_name', 'city', 'country', 'province', 'postal_code', 'ip_address', 'subnet_mask', 'default_gateway', 'dns']) {
      assert.match(page.text, new RegExp(`for="f-${f}">[^<]*<span class="req" aria-hidden="true">\\*</span>`), `${f} is marked required`);
    }
    const cases = [
      [{ site_name: '' }, 'site_name', 'This field is required.'],
      [{ city: '' }, 'city', 'This field is required.'],
      [{ country: 'XX' }, 'country', 'Choose one of the options offered.'],
      [{ ip_address: '' }, 'ip_address', 'This field is required.'],
      [{ ip_address: '192.168.1' }, 'ip_address', 'Enter a usable IPv4 address, such as 192.168.1.20.'],
      [{ ip_address: '192.168.1.256' }, 'ip_address', 'Enter a usable IPv4 address, such as 192.168.1.20.'],
      [{ ip_address: '192.168.1.0' }, 'ip_address', 'Enter a usable IPv4 address, such as 192.168.1.20.'],
      [{ subnet_mask: '255.0.255.0' }, 'subnet_mask', 'Enter a subnet mask such as 255.255.255.0: ones, then zeros.'],
      [{ subnet_mask: '255.255.255.255' }, 'subnet_mask', 'Enter a subnet mask such as 255.255.255.0: ones, then zeros.'],
      [{ default_gateway: 'router' }, 'default_gateway', 'Enter an IPv4 address, such as 192.168.1.1.'],
      [{ default_gateway: '192.168.2.1' }, 'default_gateway', 'The default gateway must be another address of the IP address\'s subnet.'],
      [{ default_gateway: '192.168.1.20' }, 'default_gateway', 'The default gateway must be another address of the IP address\'s subnet.'],
      [{ dns: '' }, 'dns', 'Add at least one DNS server.'],
      [{ dns: '8.8.8.8, dns.google' }, 'dns', 'Each DNS server must be an IPv4 address, such as 8.8.8.8.'],
      [{ dns: '8.8.8.8, 8.8.4.4, 1.1.1.1, 9.9.9.9' }, 'dns', 'Enter at most 3 DNS servers.'],
      [{ eth_mode: 'wifi' }, 'eth_mode', 'Choose one of the options offered.'],
    ];
    for (const [change, field, message] of cases) {
      const res = await session.send(wizard(a.id, 'site'), siteFields(change));
      assert.equal(res.status, 422, JSON.stringify(change));
      assert.equal(fieldError(res.text, field), message, JSON.stringify(change));
    }
    // A wider subnet: the gateway anywhere inside it.
    assert.equal((await session.send(wizard(a.id, 'site'), siteFields({ ip_address: '10.1.2.3', subnet_mask: '255.255.0.0',
      default_gateway: '10.1.255.254', dns: '10.1.0.53' }))).status, 303);
    assert.equal(await scalar(`SELECT JSON_EXTRACT(eth, '$.defaultGateway') FROM gateway_onboarding WHERE account_id = ${lit(a.id)}`),
      '"10.1.255.254"');
    // DHCP needs none of the static settings.
    assert.equal((await session.send(wizard(a.id, 'site'), siteFields({ eth_mode: 'dhcp', ip_address: 'x', dns: '' }))).status, 303);
  });

  test('Next saves the site for the gateway: Successfully updated site, then the PBX tab', async () => {
    const { partner, session } = await partnerSession('Wizard site saved');
    const a = await gatewayAccount(session, partner.id, 'claimed');
    const before = await lastEventId();
    const res = await session.send(wizard(a.id, 'site'), siteFields());
    assert.equal(res.status, 303);
    assert.equal(res.location, wizard(a.id, 'pbx'));
    const next = await session.get(res.location);
    assert.match(next.text, /<div class="flash" role="status">Successfully updated site<\/div>/);
    assert.equal(statusLine(next.text).text.replace(/ Software update available$/, ''), 'Add PBX');
    assert.deepEqual((await eventsOf(a.id, `id > ${before}`)).map((e) => e.action), ['gateway.site']);
    // The gateway takes its Port 1 settings at its next config poll.
    await eventually('the gateway-sim has the settings', async () =>
      (await gw('GET', `/sim/gateways/${a.gateway.id}`)).ethernet?.mode === 'static');
    const sent = await gw('GET', `/sim/gateways/${a.gateway.id}`);
    assert.deepEqual(sent.ethernet, { mode: 'static', ipAddress: '192.168.1.20', subnetMask: '255.255.255.0',
      defaultGateway: '192.168.1.1', dns: ['8.8.8.8', '1.1.1.1'] });
    assert.equal(sent.site.siteName, 'Head Office');
    const again = await session.get(wizard(a.id, 'site'));
    assert.equal(inputValue(again.text, 'site_name'), 'Head Office', 'what was saved, not the business address');
    assert.equal(inputValue(again.text, 'dns'), '8.8.8.8, 1.1.1.1');
    assert.match(again.text, /name="eth_mode" value="static" checked/);
    assert.match(again.text, /<li class="done"><a [^>]*>Gateway<span class="visually-hidden"> \(done\)/);
  });

  test('a virtual appliance has no Ethernet settings to give', async () => {
    const { partner, session } = await partnerSession('Wizard virtual');
    const a = await gatewayAccount(session, partner.id, 'claimed', { gateway: { kind: 'virtual' } });
    const page = await session.get(wizard(a.id, 'site'));
    assert.ok(!main(page.text).includes('Appliance Ethernet Configuration'));
    assert.match(main(page.text), /This is a virtual appliance/);
    const res = await session.send(wizard(a.id, 'site'), siteFields({ ip_address: 'nonsense' }));
    assert.equal(res.status, 303);
    assert.equal(await scalar(`SELECT JSON_EXTRACT(eth, '$.mode') FROM gateway_onboarding WHERE account_id = ${lit(a.id)}`), '"dhcp"');
  });
});

describe('PBX tab', () => {
  test('waits for the Gateway Information', async () => {
    const { partner, session } = await partnerSession('Wizard PBX early');
    const a = await gatewayAccount(session, partner.id, 'claimed');
    const page = await session.get(wizard(a.id, 'pbx'));
    assert.match(main(page.text), /Save the Gateway Information first\./);
    const res = await session.send(wizard(a.id, 'pbx'), { pbx_type: 'mxone', pbx_name: 'x', host: 'pbx.example.com', port: '1',
      username: 'u', password: 'p' });
    assert.equal(res.status, 422);
    assert.equal(await scalar(`SELECT COUNT(*) FROM pbx_links WHERE account_id = ${lit(a.id)}`), '0');
  });

  test('Configure PBX: each field checked, the MiVoice Business variant, and the PBX Types', async () => {
    const { partner, session } = await partnerSession('Wizard PBX fields');
    const a = await gatewayAccount(session, partner.id, 'site');
    const page = await session.get(wizard(a.id, 'pbx'));
    for (const label of ['Configure PBX', 'PBX Type', 'PBX Name', 'IP Address', 'Port', 'CloudLink System Username',
      'CloudLink System Password', '*required', 'Cancel', 'Next']) assert.ok(main(page.text).includes(label), label);
    const types = /<select id="f-pbx_type"[\s\S]*?<\/select>/.exec(page.text)[0];
    assert.deepEqual([...types.matchAll(/<option value="(\w+)"[^>]*>([^<]+)</g)].map((m) => m[2]),
      ['MiVoice Business', 'MiVoice Office 400', 'MiVoice 5000', 'MX-ONE', 'MiVoice Office 250']);
    const good = { pbx_type: 'mxone', pbx_name: 'Main PBX', host: 'pbx.example.com', port: '443', username: 'cloudlink', password: 'pw' };
    const cases = [
      [{ pbx_type: '' }, 'pbx_type', 'This field is required.'],
      [{ pbx_type: 'mivx' }, 'pbx_type', 'Choose one of the PBX types offered.'],
      [{ pbx_name: '' }, 'pbx_name', 'This field is required.'],
      [{ host: '' }, 'host', 'This field is required.'],
      [{ host: '10.0.0' }, 'host', 'Enter an IPv4 or IPv6 address, or a fully qualified domain name.'],
      [{ host: 'pbx..example.com' }, 'host', 'Enter an IPv4 or IPv6 address, or a fully qualified domain name.'],
      [{ host: 'fe80::1::2' }, 'host', 'Enter an IPv4 or IPv6 address, or a fully qualified domain name.'],
      [{ port: '0' }, 'port', 'Enter a port from 1 to 65535.'],
      [{ port: '65536' }, 'port', 'Enter a port from 1 to 65535.'],
      [{ port: '44x' }, 'port', 'Enter a port from 1 to 65535.'],
      [{ username: '' }, 'username', 'This field is required.'],
      [{ password: '' }, 'password', 'This field is required.'],
      [{ pbx_type: 'mivb', mbg_host: '', mbg_password: 'x' }, 'mbg_host', 'This field is required.'],
      [{ pbx_type: 'mivb', mbg_host: 'not a host', mbg_password: 'x' }, 'mbg_host', 'Enter an IPv4 or IPv6 address, or a fully qualified domain name.'],
      [{ pbx_type: 'mivb', mbg_host: 'mbg.example.com' }, 'mbg_password', 'This field is required.'],
      [{ pbx_type: 'mivb', mbg_host: 'mbg.example.com', mbg_password: 'x', micollab_host: 'mc_1' }, 'micollab_host',
        'Enter an IPv4 or IPv6 address, or a fully qualified domain name.'],
      [{ pbx_type: 'mivb', mbg_host: 'mbg.example.com', mbg_password: 'x', micollab_host: 'micollab.example.com' },
        'micollab_password', "Enter MiCollab's password with its address."],
    ];
    for (const [change, field, message] of cases) {
      const res = await session.send(wizard(a.id, 'pbx'), { ...good, ...change });
      assert.equal(res.status, 422, JSON.stringify(change));
      assert.equal(fieldError(res.text, field), message, JSON.stringify(change));
      assert.ok(!res.text.includes('value="pw"'), 'the password is never sent back');
    }
    const mivb = await session.send(wizard(a.id, 'pbx'), { ...good, pbx_type: 'mivb' });
    for (const label of ['Please ensure that you are using a Cloudlink gateway blade with the MIVB', 'PBX IP Address or FQDN',
      'MBG IP Address or FQDN', 'MBG Password', 'MiCollab IP Address or FQDN', 'MiCollab Password']) {
      assert.ok(main(mivb.text).includes(label), label);
    }
    assert.equal(await scalar(`SELECT COUNT(*) FROM pbx_links WHERE account_id = ${lit(a.id)}`), '0');
  });

  test('Next links the PBX with its password sealed: Successfully created PBX Link, never shown again', async () => {
    const { partner, session } = await partnerSession('Wizard PBX link');
    const a = await gatewayAccount(session, partner.id, 'site');
    const secret = `pw-${uid()}`;
    const before = await lastEventId();
    const res = await session.send(wizard(a.id, 'pbx'), { pbx_type: 'mivb', pbx_name: 'Main PBX', host: 'fd00::5', port: '443',
      username: 'cloudlink', password: secret, mbg_host: 'mbg.example.com', mbg_password: `${secret}-mbg`,
      micollab_host: '10.0.0.9', micollab_password: `${secret}-mc` });
    assert.equal(res.status, 303);
    assert.equal(res.location, wizard(a.id, 'connect'));
    const next = await session.get(res.location);
    assert.match(next.text, /<div class="flash" role="status">Successfully created PBX Link<\/div>/);
    assert.equal(statusLine(next.text).text.replace(/ Software update available$/, ''), 'Connect the PBX');
    const [[sealed, mbg, mc]] = await sql(`SELECT secret_sealed, mbg_secret_sealed, micollab_secret_sealed FROM pbx_links
      WHERE account_id = ${lit(a.id)}`);
    for (const s of [sealed, mbg, mc]) {
      assert.match(s, /^v1:/, 'sealed (AES-256-GCM)');
      assert.ok(!s.includes(secret));
    }
    const events = await eventsOf(a.id, `id > ${before}`);
    assert.deepEqual(events.map((e) => e.action), ['pbx.link_create']);
    assert.ok(!JSON.stringify(events).includes(secret), 'no secret in the event');
    const tab = await session.get(wizard(a.id, 'pbx'));
    assert.ok(!tab.text.includes(secret), 'the password is never shown again');
    const text = main(tab.text);
    assert.match(text, /CloudLink System Password ●●●●/);
    assert.match(text, /MBG Password ●●●●/);
    assert.match(text, /PBX IP Address or FQDN fd00::5/);
    const again = await session.send(wizard(a.id, 'pbx'), { pbx_type: 'mxone', pbx_name: 'Other', host: 'pbx.example.com', port: '1',
      username: 'u', password: 'p' });
    assert.equal(again.status, 422);
    assert.match(main(again.text), /This account's PBX is linked already\./);
    assert.equal(await scalar(`SELECT COUNT(*) FROM pbx_links WHERE account_id = ${lit(a.id)}`), '1');
  });
});

describe('Connect tab', () => {
  test('Connect verifies the link: PBX Connected, the counts, the DIDs and the email irregularities with their lists', async () => {
    const { partner, session } = await partnerSession('Wizard connect');
    const a = await gatewayAccount(session, partner.id, 'linked', { pbx: { type: 'mivo400', users: 30, noEmail: 2, dupEmail: 2 } });
    const start = await session.get(wizard(a.id, 'connect'));
    assert.match(main(start.text), /Start PBX Connection Verify and start your connection to the PBX Connect/);
    const res = await session.send(wizard(a.id, 'connect'), { action: 'connect' });
    assert.equal(res.status, 303);
    const link = await settled(a.id);
    assert.equal(link.connected, true, link.lastError);
    const page = await session.get(wizard(a.id, 'connect'));
    const text = main(page.text);
    assert.match(text, /PBX Connected Connection successful Number of users: 30 DDI \(DID\) number: \+\d+/);
    assert.match(text, /There are irregularities with email addresses on the PBX 2 users have no email address, and 2 users do not have a unique one\./);
    assert.equal(inputValue(page.text, 'minutes'), '20', 'PBX Sync Schedule (in minutes) is 20 by default');
    assert.match(text, /PBX Sync Schedule \(in minutes\)/);
    assert.match(page.text, /<button type="submit" form="sync-now-form" name="action" value="sync_now" class="secondary">/);
    for (const [state, label] of [['missing', 'view list of users without email addresses'],
      ['duplicate', 'view list of users that do not have a unique email address']]) {
      assert.match(page.text, new RegExp(`<a href="${wizard(a.id, 'irregular')}\\?state=${state}">${label}</a>`));
      const list = await session.get(`${wizard(a.id, 'irregular')}?state=${state}`);
      assert.equal(list.status, 200);
      const rows = [...list.text.matchAll(/<tr><td>/g)].length;
      assert.equal(rows, 2, `${state}: the two users`);
      const ids = (await sql(`SELECT pbx_id FROM pbx_users WHERE account_id = ${lit(a.id)} AND email_state = '${state}'`)).map((r) => r[0]);
      for (const id of ids) assert.ok(list.text.includes(`<code>${id}</code>`), id);
    }
    assert.equal(statusLine(page.text).text.replace(/ Software update available$/, ''),
      'Deployment There are irregularities with email addresses on the PBX');
  });

  test('Sync Now is disabled while a sync of the link runs, and refused', async () => {
    const { partner, session } = await partnerSession('Wizard sync now');
    const a = await gatewayAccount(session, partner.id, 'connected', { pbx: { type: 'mxone', users: 10 } });
    await pbxFault(a.pbx, 'hang', { count: 1 });
    const before = a.link.lastAttempt;
    await new Promise((r) => setTimeout(r, 1000));
    const res = await session.send(wizard(a.id, 'connect'), { action: 'sync_now' });
    assert.equal(res.status, 303);
    const busy = await session.get(wizard(a.id, 'connect'));
    assert.match(busy.text, /name="action" value="sync_now" class="secondary" disabled>/);
    assert.match(main(busy.text), /A sync of this PBX is queued or running\./);
    const again = await session.send(wizard(a.id, 'connect'), { action: 'sync_now' });
    assert.equal(again.status, 422);
    assert.match(main(again.text), /A sync of this PBX is already queued or running\./);
    await settled(a.id, before);
    await pbxFault(a.pbx, 'none');
    const idle = await session.get(wizard(a.id, 'connect'));
    assert.match(idle.text, /name="action" value="sync_now" class="secondary">/);
  });

  test('PBX Sync Schedule (in minutes): 1 to 10080, kept by Next', async () => {
    const { partner, session } = await partnerSession('Wizard schedule');
    const a = await gatewayAccount(session, partner.id, 'connected', { pbx: { type: 'mivo250', users: 5 } });
    for (const minutes of ['0', '10081', 'soon', '']) {
      const res = await session.send(wizard(a.id, 'connect'), { action: 'next', minutes });
      assert.equal(res.status, 422, minutes);
      assert.equal(fieldError(res.text, 'minutes'), minutes ? 'Enter a number of minutes from 1 to 10080.' : 'This field is required.');
    }
    assert.equal(await scalar(`SELECT sync_minutes FROM pbx_links WHERE account_id = ${lit(a.id)}`), '20');
    const res = await session.send(wizard(a.id, 'connect'), { action: 'next', minutes: '45' });
    assert.equal(res.status, 303);
    assert.equal(res.location, wizard(a.id, 'deployment'));
    assert.equal(await scalar(`SELECT sync_minutes FROM pbx_links WHERE account_id = ${lit(a.id)}`), '45');
    assert.equal(inputValue((await session.get(wizard(a.id, 'connect'))).text, 'minutes'), '45');
  });

  test('a PBX that refuses: the error in words, Connect again, and the status line in red', async () => {
    const { partner, session } = await partnerSession('Wizard connect fails');
    const a = await gatewayAccount(session, partner.id, 'linked', { pbx: { type: 'mxone', users: 5 } });
    await pbxFault(a.pbx, 'auth');
    await session.send(wizard(a.id, 'connect'), { action: 'connect' });
    const link = await settled(a.id);
    assert.equal(link.connected, false);
    const page = await session.get(wizard(a.id, 'connect'));
    assert.match(main(page.text), /The PBX could not be reached .*refused the CloudLink system username or password.* Connect/);
    const line = statusLine(page.text);
    assert.equal(line.level, 'error');
    assert.match(line.text, /^PBX sync failing: the PBX refused the CloudLink system username or password/);
    await pbxFault(a.pbx, 'none');
    assert.equal((await session.send(wizard(a.id, 'connect'), { action: 'connect' })).status, 303);
    assert.equal((await settled(a.id, link.lastAttempt)).connected, true);
    assert.equal(statusLine((await session.get(wizard(a.id, 'connect'))).text).level, 'incomplete');
  });
});

describe('an SMBC blade', () => {
  test('Sync PBX Data instead of Configure PBX, then PBX Synced on a fixed schedule', async () => {
    const { partner, session } = await partnerSession('Wizard SMBC');
    const a = await gatewayAccount(session, partner.id, 'site', { gateway: { platform: 'smbc', kind: 'virtual' } });
    const pbxTab = await session.get(wizard(a.id, 'pbx'));
    assert.equal(statusLine(pbxTab.text).text.replace(/ Software update available$/, ''), 'Sync PBX');
    assert.match(main(pbxTab.text), /Sync PBX Data/);
    assert.ok(!main(pbxTab.text).includes('Configure PBX'));
    const pbx = await newPbx('mivo250', 4);
    assert.equal((await session.send(wizard(a.id, 'pbx'), pbxFields(pbx))).status, 303);
    await session.send(wizard(a.id, 'connect'), { action: 'connect' });
    assert.equal((await settled(a.id)).connected, true);
    const page = await session.get(wizard(a.id, 'connect'));
    assert.match(main(page.text), /PBX Synced Connection successful Number of users: 4/);
    assert.match(main(page.text), /PBX Sync Schedule \(in minutes\) 20 An SMBC blade syncs on a fixed schedule\./);
    assert.equal(inputValue(page.text, 'minutes'), null, 'not editable');
    const res = await session.send(wizard(a.id, 'connect'), { action: 'next', minutes: '5' });
    assert.equal(res.location, wizard(a.id, 'deployment'));
    assert.equal(await scalar(`SELECT sync_minutes FROM pbx_links WHERE account_id = ${lit(a.id)}`), '20');
  });
});

describe('Deployment and Overview', () => {
  test('Complete ends the onboarding; PBX Type shows on Account Information only then', async () => {
    const { partner, session } = await partnerSession('Wizard deploy');
    const a = await gatewayAccount(session, partner.id, 'linked', { pbx: { type: 'mivo400', users: 6 } });
    const early = await session.get(wizard(a.id, 'deployment'));
    assert.match(main(early.text), /Connect the PBX first\./);
    assert.equal((await session.send(wizard(a.id, 'deployment'), {})).status, 422);
    await gateway('connect', a.id);
    await settled(a.id);
    const info = await session.get(`/a/${a.id}/info`);
    assert.ok(!main(info.text).includes('PBX Type'), 'not before the onboarding is complete');
    const page = await session.get(wizard(a.id, 'deployment'));
    assert.match(main(page.text), /Select the check box to go to the Users List page after you press the Complete button/);
    assert.match(main(page.text), /Mitel Office/, 'the PBX type\'s app');
    const before = await lastEventId();
    const res = await session.send(wizard(a.id, 'deployment'), {});
    assert.equal(res.status, 303);
    assert.equal(res.location, `/a/${a.id}/info`);
    const done = await session.get(res.location);
    assert.match(done.text, /<div class="flash" role="status">Onboarding Complete<\/div>/);
    assert.match(main(done.text), /PBX Type MiVoice Office 400/);
    assert.deepEqual((await eventsOf(a.id, `id > ${before}`)).map((e) => e.action), ['gateway.onboarding_complete']);
    const overview = await session.get(wizard(a.id));
    assert.equal(overview.location, wizard(a.id, 'overview'), 'a complete onboarding opens on its Overview');
    // The check box leads to the Users list.
    const b = await gatewayAccount(session, partner.id, 'connected', { pbx: { type: 'mxone', users: 3 } });
    assert.equal((await session.send(wizard(b.id, 'deployment'), { to_users: '1' })).location, `/a/${b.id}/users`);
  });

  test('Overview sums it up, read-only: site, gateway version, link, last sync, counts and warnings', async () => {
    const { partner, session } = await partnerSession('Wizard overview');
    const a = await gatewayAccount(session, partner.id, 'complete', { pbx: { type: 'mivo400', users: 15, noEmail: 1 } });
    const page = await session.get(wizard(a.id, 'overview'));
    assert.ok(!/<input(?! type="hidden")/.test(page.text.slice(page.text.indexOf('<main'))), 'nothing to edit');
    const text = main(page.text);
    for (const part of ['Site Name HQ', 'City Ottawa', 'Country Canada', 'Mode DHCP', `Serial number ${a.gateway.serial}`,
      'Software version 2.4.1', 'Available version 2.5.0', 'PBX Type MiVoice Office 400', `PBX Name PBX ${a.pbx.name}`,
      'CloudLink System Password ●●●●', 'PBX Sync Schedule (in minutes) 20', 'Users 15', 'Users without an email address 1',
      'There are irregularities with email addresses on the PBX', 'Software update available', 'Onboarding Complete']) {
      assert.ok(text.includes(part), part);
    }
    assert.match(text, /Last successful sync \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    assert.match(text, /Changes 15 added, 0 changed, 0 removed, 14 logins added/);
    assert.ok(!text.includes(`Password ${a.pbx.password}`), 'no password');
  });
});

describe('the status line', () => {
  test('a gateway that stops reporting is unreachable, in red, with its last report; it recovers when back', async () => {
    const { partner, session } = await partnerSession('Wizard offline');
    const a = await gatewayAccount(session, partner.id, 'site');
    await gw('POST', `/sim/gateways/${a.gateway.id}/offline`, { seconds: 600 });
    // Past Gateway.OfflineSeconds without a report.
    await sql(`UPDATE gateways SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE account_id = ${lit(a.id)}`);
    const page = await session.get(wizard(a.id, 'pbx'));
    const line = statusLine(page.text);
    assert.equal(line.level, 'error');
    assert.match(line.text, /^Gateway unreachable \(no report since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)/);
    await gw('POST', `/sim/gateways/${a.gateway.id}/online`);
    await eventually('it reports again', async () => statusLine((await session.get(wizard(a.id, 'pbx'))).text).level === 'incomplete');
  });
});

describe('removing the integration', () => {
  test('a physical appliance: Revert To Factory Default? with the typed word; the gateway is reset and PBX users unlinked', async () => {
    const { partner, session } = await partnerSession('Wizard revert');
    const a = await gatewayAccount(session, partner.id, 'complete', { pbx: { type: 'mivo400', users: 12 } });
    const page = await session.get(wizard(a.id, 'overview'));
    assert.match(page.text, new RegExp(`<form method="get" action="${wizard(a.id, 'revert')}" class="switch-form">\\s*<button type="submit" class="switch" role="switch" aria-checked="true"`),
      'complete: the toggle');
    const panel = await session.get(wizard(a.id, 'revert'));
    assert.match(main(panel.text), new RegExp(`Revert To Factory Default\\? Customer name: ${a.name} IP address: 192\\.0\\.2\\.\\d+ Type revert in the box below to continue\\. Cancel Confirm`));
    const users = Number(await scalar(`SELECT COUNT(*) FROM users WHERE account_id = ${lit(a.id)} AND pbx_user = 1`));
    assert.ok(users > 5, 'enough PBX users for syncd to do the job');
    const wrong = await session.send(wizard(a.id, 'revert'), { confirm: 'Revert' });
    assert.equal(wrong.status, 422);
    assert.equal(fieldError(wrong.text, 'confirm'), 'Type the word exactly as shown to continue.');
    assert.equal(await scalar(`SELECT COUNT(*) FROM gateway_onboarding WHERE account_id = ${lit(a.id)}`), '1');
    const res = await session.send(wizard(a.id, 'revert'), { confirm: 'revert' });
    assert.equal(res.status, 303);
    const job = /\/jobs\/(\d+)$/.exec(res.location)[1];
    const progress = await session.get(res.location);
    assert.match(main(progress.text), /Remove CloudLink Gateway/);
    await eventually('the job ends', async () => (await scalar(`SELECT state FROM jobs WHERE id = ${job}`)) === 'done');
    assert.equal(await scalar(`SELECT CONCAT(total, '/', processed, '/', skipped) FROM jobs WHERE id = ${job}`), `${users}/${users}/0`);
    assert.deepEqual(await sql(`SELECT (SELECT COUNT(*) FROM pbx_links WHERE account_id = ${lit(a.id)}),
      (SELECT COUNT(*) FROM gateway_onboarding WHERE account_id = ${lit(a.id)}),
      (SELECT COUNT(*) FROM users WHERE account_id = ${lit(a.id)} AND pbx_user = 1),
      (SELECT COUNT(*) FROM users WHERE account_id = ${lit(a.id)} AND source = 'PBX'),
      (SELECT pbx_type FROM accounts WHERE id = ${lit(a.id)})`), [['0', '0', '0', String(users), '']]);
    await eventually('the gateway was reset and is unclaimed again', async () => {
      const g = await gw('GET', `/sim/gateways/${a.gateway.id}`);
      return !g.claimed && !!g.code;
    });
    assert.equal(await scalar(`SELECT COUNT(*) FROM gateways WHERE account_id = ${lit(a.id)}`), '0');
    const close = await session.get(`/a/${a.id}/jobs/${job}`);
    assert.match(close.text, new RegExp(`<a class="button" href="${wizard(a.id)}">Close</a>`));
    assert.match(main((await session.get(wizard(a.id))).text), /The CloudLink Gateway integration is not added to this account\./);
    assert.ok(!main((await session.get(`/a/${a.id}/info`)).text).includes('PBX Type'));
  });

  test('while incomplete the trash removes it; no typed word without a physical appliance', async () => {
    const { partner, session } = await partnerSession('Wizard remove');
    const a = await gatewayAccount(session, partner.id, 'site', { gateway: { kind: 'virtual' } });
    const page = await session.get(wizard(a.id, 'pbx'));
    assert.match(page.text, new RegExp(`<a class="trash" href="${wizard(a.id, 'remove')}" aria-label="Remove the CloudLink Gateway integration"`));
    assert.equal((await session.get(wizard(a.id, 'revert'))).location, wizard(a.id, 'remove'));
    const panel = await session.get(wizard(a.id, 'remove'));
    assert.match(main(panel.text), /Remove CloudLink Gateway Integration .* Cancel Remove integration/);
    const res = await session.send(wizard(a.id, 'remove'), {});
    assert.equal(res.status, 303);
    assert.match(res.location, /\/jobs\/\d+$/);
    assert.equal(await scalar(`SELECT COUNT(*) FROM gateway_onboarding WHERE account_id = ${lit(a.id)}`), '0', 'done at once: no PBX users');
    // A physical one is never reset without its word.
    const b = await gatewayAccount(session, partner.id, 'claimed');
    const sneaky = await session.send(wizard(b.id, 'remove'), {});
    assert.equal(sneaky.location, wizard(b.id, 'revert'));
    assert.equal(await scalar(`SELECT COUNT(*) FROM gateway_onboarding WHERE account_id = ${lit(b.id)}`), '1');
  });
});
