// System Inventory (guide §2.17; ch2 §9): CloudLink Daemons linked with a
// single-use code from the console report through the API front with
// their own credential; Platforms and Applications show what they
// reported (partner view and customer view), with the guide's columns,
// filters and SWA statuses; Launch opens a single-use link the daemon's
// tunnel checks. The daemons are the stack's daemon-sim peer.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { Client, config, consoleBin, sql } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import {
  adminSession, lit, newCustomer, newUser, partnerSession, scalar, signIn, uid, visibleText,
} from './lib/fixtures.js';
import { api, linkCode, linkSite, report, sim, tableRows } from './lib/inventory.js';

const platforms = (html) => tableRows(html, 'platform-rows');
const applications = (html) => tableRows(html, 'application-rows');
const hosts = (rows) => rows.map((r) => r.HOST.replace(/ Stale$/, '')).sort();

describe('System Inventory', () => {
  test('a link code links one daemon, once, within minutes; the daemon gets its own credential', async () => {
    const { partner, session } = await partnerSession('Inventory link');
    const account = await newCustomer(partner.id, 'Inventory link');
    const code = await linkCode(session, account.id);
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(await scalar(`SELECT COUNT(*) FROM inventory_link_codes WHERE code_hash = ${lit(code)}`), '0', 'only a hash is kept');
    const platformId = `PLT-${uid()}`;
    const typed = code.toLowerCase().replace('-', ' ');
    const linked = await api('POST', '/api/v1/daemons/link', { body: { code: typed, host: 'mivb-link', platformId } });
    assert.equal(linked.status, 201, JSON.stringify(linked.json));
    assert.match(linked.json.token, /^[0-9a-f]{64}$/);
    assert.equal(linked.json.accountId, account.id);
    const [cred] = await sql(`SELECT kind, account_id, partner_id FROM machine_credentials
                              WHERE token_hash = ${lit(createHash('sha256').update(linked.json.token).digest('hex'))}`);
    assert.deepEqual(cred, ['inventory-daemon', account.id, partner.id]);
    const me = await api('GET', '/api/v1/credential', { token: linked.json.token });
    assert.equal(me.json.kind, 'inventory-daemon');

    const again = await api('POST', '/api/v1/daemons/link', { body: { code, host: 'other', platformId: 'PLT-2' } });
    assert.equal(again.status, 422);
    assert.match(again.json.fields.code, /not valid/);
    const late = await linkCode(session, account.id);
    await sql(`UPDATE inventory_link_codes SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE account_id = ${lit(account.id)} AND used_at IS NULL`);
    assert.equal((await api('POST', '/api/v1/daemons/link', { body: { code: late, host: 'late', platformId: 'PLT-3' } })).status, 422);
    const missing = await api('POST', '/api/v1/daemons/link', { body: { code: 'ABCD-EFGH' } });
    assert.deepEqual(Object.keys(missing.json.fields).sort(), ['host', 'platformId']);

    const page = visibleText((await session.get(`/a/${account.id}/inventory/daemons`)).text);
    assert.match(page, /mivb-link .* Waiting for a report/);
    const events = await sql(`SELECT actor_name, act FROM events WHERE account_id = ${lit(account.id)} AND asset_type = 'daemon' ORDER BY id`);
    assert.deepEqual(events.map((e) => e[1]), ['link_code', 'link', 'link_code']);
    assert.ok(events.every((e) => e[0] === (partner.name)), 'the code\'s maker is the actor');
  });

  test('daemon-sim sites report through the API; Platforms lists them, partner view and customer view', async () => {
    const { partner, session } = await partnerSession('Inventory views');
    const a = await adminSession(partner.id, 'Inventory A');
    const b = await newCustomer(partner.id, 'Inventory B');
    const mivb = await linkSite(a.session, a.account.id, 'mivb');
    const micc = await linkSite(a.session, a.account.id, 'micc');
    const mbg = await linkSite(session, b.id, 'mbg');

    const all = platforms((await session.get('/inventory/platforms')).text);
    assert.deepEqual(hosts(all), [mivb.host, micc.host, mbg.host].sort());
    assert.deepEqual(Object.keys(all[0]).slice(1), ['ACCOUNT', 'HOST', 'PLATFORM TYPE', 'PLATFORM NAME', 'APPLICATION TYPES',
      'LICENCE', 'VERSION', 'SWA STATUS', 'PORTAL']);
    const row = all.find((r) => r.HOST === mivb.host);
    assert.equal(row.ACCOUNT, a.account.name);
    assert.equal(row['PLATFORM TYPE'], 'msl');
    assert.equal(row['APPLICATION TYPES'], 'cloudlink-daemon, cloudlink-gateway, mivoice-business');
    assert.equal(row.VERSION, '11.0.110.0');
    assert.equal(row.PORTAL, 'Launch');
    assert.equal(all.find((r) => r.HOST === micc.host).VERSION, '10.0.17763 Build 17763');

    const onlyB = platforms((await session.get(`/inventory/platforms?account=${b.id}`)).text);
    assert.deepEqual(hosts(onlyB), [mbg.host], 'the Accounts filter');
    const accounts = (await session.get('/inventory/platforms')).text;
    assert.match(accounts, new RegExp(`<option value="${b.id}"[^>]*>${b.name}</option>`));

    const customer = platforms((await a.session.get(`/a/${a.account.id}/inventory/platforms`)).text);
    assert.deepEqual(hosts(customer), [mivb.host, micc.host].sort());
    assert.ok(!('ACCOUNT' in customer[0]), 'no ACCOUNT column inside an account');
    assert.equal((await a.session.get('/inventory/platforms')).status, 404, 'the partner view is for partners');
    assert.equal((await a.session.get(`/a/${b.id}/inventory/platforms`)).status, 404);
  });

  test('every SWA status of the guide, derived from the licence and today; each filter and the search', async () => {
    const { partner, session } = await partnerSession('Inventory SWA');
    const account = await newCustomer(partner.id, 'Inventory SWA');
    const presets = { mivb: 'active', mbg: 'expiring_soon', micollab: 'expired', micc: 'inactive', 'mivb-perpetual': 'active',
      unlicensed: 'not_indicated', 'no-expiry': 'not_indicated' };
    const sites = {};
    for (const preset of Object.keys(presets)) sites[preset] = await linkSite(session, account.id, preset);
    const base = `/a/${account.id}/inventory/platforms`;
    const list = async (query) => {
      const res = await session.get(`${base}?${query}`);
      assert.equal(res.status, 200, query);
      return platforms(res.text);
    };
    const labels = { active: 'Active', expiring_soon: 'Expiring soon', expired: 'Expired', inactive: 'Inactive', not_indicated: 'Not Indicated' };
    const everything = await list('');
    for (const [preset, status] of Object.entries(presets)) {
      assert.equal(everything.find((r) => r.HOST === sites[preset].host)['SWA STATUS'], labels[status], preset);
    }
    for (const status of Object.keys(labels)) {
      const expected = Object.entries(presets).filter(([, s]) => s === status).map(([p]) => sites[p].host).sort();
      assert.deepEqual(hosts(await list(`swa=${status}`)), expected, `SWA Status ${labels[status]}`);
    }
    assert.deepEqual(hosts(await list('licence=perpetual')), [sites.mbg.host, sites.micollab.host, sites['mivb-perpetual'].host].sort());
    assert.deepEqual(hosts(await list('licence=unlicensed')), [sites.unlicensed.host]);
    assert.deepEqual(hosts(await list('type=windows')), [sites.micc.host]);
    assert.deepEqual(hosts(await list('family=windows')), [sites.micc.host]);
    assert.equal((await list('family=linux')).length, 6);
    assert.deepEqual(hosts(await list('app=micollab')), [sites.micollab.host]);
    assert.deepEqual(hosts(await list('app=mitel-border-gateway&licence=perpetual&swa=expired')), [sites.micollab.host]);
    assert.deepEqual(hosts(await list(`q=${sites.mbg.host}`)), [sites.mbg.host], 'search by host');
    assert.deepEqual(hosts(await list(`q=${sites.micc.platformId}`)), [sites.micc.host], 'by platform id');
    const licence = await scalar(`SELECT licence_id FROM inventory_platforms WHERE platform_uid = ${lit(sites.mivb.platformId)}`);
    assert.deepEqual(hosts(await list(`q=${licence}`)), [sites.mivb.host], 'by licence');
    assert.equal((await list(`q=${encodeURIComponent(account.name)}`)).length, 7, 'by account name');
    const none = await session.get(`${base}?q=nothing-is-called-this`);
    assert.match(none.text, /No platforms match these filters\./);
  });

  test('the same report again writes nothing; a newer version is an Edit with the properties that changed', async () => {
    const { partner, session } = await partnerSession('Inventory edit');
    const account = await newCustomer(partner.id, 'Inventory edit');
    const site = await linkSite(session, account.id, 'mivb');
    const countEvents = () => scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(account.id)}`);
    const created = await sql(`SELECT asset_type, act, asset_name FROM events WHERE account_id = ${lit(account.id)}
                               AND asset_type IN ('platform', 'application') ORDER BY id`);
    assert.deepEqual(created.map((e) => `${e[0]} ${e[1]}`), ['platform create', 'application create', 'application create', 'application create']);
    const before = await countEvents();
    const same = await sim('POST', `/sites/${site.host}/report`);
    assert.equal(same.status, 200);
    assert.equal(same.json.report.changes, 0);
    assert.equal(await countEvents(), before, 'an unchanged report writes no event');
    assert.equal(await scalar(`SELECT COUNT(*) FROM inventory_platforms WHERE account_id = ${lit(account.id)}`), '1');

    const upgraded = await sim('POST', `/sites/${site.host}/upgrade`);
    assert.equal(upgraded.json.report.changes, 2);
    const edits = await sql(`SELECT asset_type, act, properties_changed, actor_name, actor_ref FROM events
                             WHERE account_id = ${lit(account.id)} AND act = 'edit' ORDER BY id`);
    assert.deepEqual(edits.map((e) => [e[0], JSON.parse(e[2])]), [['platform', ['version']], ['application', ['version']]]);
    assert.equal(edits[0][3], `CloudLink Daemon (${site.host})`);
    assert.equal(edits[0][4], `daemon:${site.daemonId}`);
    const history = visibleText((await session.get(`/a/${account.id}/events?asset=platform`)).text);
    assert.match(history, /Edit Platform .*\["version"\]/);
  });

  test('a platform\'s details: every field, its applications, an application\'s own details', async () => {
    const { partner, session } = await partnerSession('Inventory details');
    const account = await newCustomer(partner.id, 'Inventory details');
    const site = await linkSite(session, account.id, 'mivb');
    const id = await scalar(`SELECT id FROM inventory_platforms WHERE platform_uid = ${lit(site.platformId)}`);
    const page = await session.get(`/a/${account.id}/inventory/platforms/${id}?app=mivoice-business`);
    assert.equal(page.status, 200);
    const text = visibleText(page.text);
    for (const field of ['ACCOUNT', 'HOST', 'PLATFORM TYPE', 'PLATFORM NAME', 'APPLICATION TYPES', 'SYSTEM FAMILY Linux',
      'LICENCE', 'VERSION', 'SWA STATUS Active', 'SWA EXPIRY', `PLATFORM ID ${site.platformId}`, 'Last inventory report']) {
      assert.ok(text.includes(field), field);
    }
    assert.match(text, /mivoice-business Name MiVoice Business Version 10\.0\.1\.18 Tunnels admin-web: started/);
    assert.equal((await session.get(`/a/${account.id}/inventory/platforms/99999999`)).status, 404);
  });

  test('Applications: one row per application, the Application Type filter and the search', async () => {
    const { partner, session } = await partnerSession('Inventory apps');
    const account = await newCustomer(partner.id, 'Inventory apps');
    const mivb = await linkSite(session, account.id, 'mivb');
    const micollab = await linkSite(session, account.id, 'micollab');
    const base = `/a/${account.id}/inventory/applications`;
    const rows = applications((await session.get(base)).text);
    assert.equal(rows.length, 6);
    assert.deepEqual(Object.keys(rows[0]).slice(1), ['NAME', 'APPLICATION TYPE', 'VERSION', 'PORTAL']);
    const mivbRow = rows.find((r) => r['APPLICATION TYPE'] === 'mivoice-business');
    assert.deepEqual([mivbRow.NAME, mivbRow.VERSION, mivbRow.PORTAL], [mivb.host, '10.0.1.18', 'Launch']);
    assert.equal(rows.find((r) => r['APPLICATION TYPE'] === 'cloudlink-gateway').PORTAL, '', 'no console to launch');
    assert.deepEqual(applications((await session.get(`${base}?app=mitel-border-gateway`)).text).map((r) => r.NAME), [micollab.host]);
    assert.equal(applications((await session.get(`${base}?q=${micollab.host}`)).text).length, 3);
    const partnerView = applications((await session.get(`/inventory/applications?account=${account.id}`)).text);
    assert.equal(partnerView.length, 6);
    assert.equal(partnerView[0].ACCOUNT, account.name);
  });

  test('Launch: a link for one use that the daemon\'s tunnel honours; refused while the tunnel is stopped', async () => {
    const { partner, session } = await partnerSession('Inventory launch');
    const account = await newCustomer(partner.id, 'Inventory launch');
    const site = await linkSite(session, account.id, 'mivb');
    const id = await scalar(`SELECT id FROM inventory_platforms WHERE platform_uid = ${lit(site.platformId)}`);
    const launch = (app) => session.send(`/a/${account.id}/inventory/platforms/${id}/launch`, app ? { app } : {});
    const linkOf = (html) => /href="(http:[^"]+)"[^>]*data-launch-link/.exec(html)[1].replace(/&amp;/g, '&');

    const res = await launch('');
    assert.equal(res.status, 200);
    const url = linkOf(res.text);
    assert.match(url, /\/launch\/PLT-[^?]+\?app=&token=[0-9a-f]{64}$/);
    const opened = await fetch(url);
    assert.equal(opened.status, 200);
    assert.match(await opened.text(), new RegExp(`MSL Server Manager — ${site.host}`));
    assert.equal((await fetch(url)).status, 403, 'used once');
    const app = await fetch(linkOf((await launch('mivoice-business')).text));
    assert.match(await app.text(), /MiVoice Business System Administration/);
    assert.match(visibleText((await session.get(`/a/${account.id}/events?action=launch`)).text), /Launch Application .*Launch Platform/s);

    await sim('POST', `/sites/${site.host}/tunnels`, { state: 'stopped' });
    const tokens = await scalar('SELECT COUNT(*) FROM inventory_launches');
    const refused = await launch('');
    assert.equal(refused.status, 409);
    assert.match(visibleText(refused.text), /The tunnel is stopped on the CloudLink Daemon/);
    assert.equal(await scalar('SELECT COUNT(*) FROM inventory_launches'), tokens, 'no link made');
    await sim('POST', `/sites/${site.host}/tunnels`, { state: 'started' });
    const expired = linkOf((await launch('')).text);
    await sql(`UPDATE inventory_launches SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE platform_id = ${id}`);
    assert.equal((await fetch(expired)).status, 403, 'a minute, no more');
  });

  test('a platform that stops reporting shows as stale after three missed reports, and stays', async () => {
    const { partner, session } = await partnerSession('Inventory stale');
    const account = await newCustomer(partner.id, 'Inventory stale');
    const site = await linkSite(session, account.id, 'mbg', { interval: 1 });
    await sim('POST', `/sites/${site.host}/pause`);
    const list = `/a/${account.id}/inventory/platforms`;
    await eventually('the platform is stale', async () => /Stale/.test(platforms((await session.get(list)).text)[0]?.HOST ?? ''),
      { timeout: 15000, interval: 500 });
    assert.match(visibleText((await session.get(`/a/${account.id}/inventory/daemons`)).text), /Stale/);
    await sim('POST', `/sites/${site.host}/resume`);
    await sim('POST', `/sites/${site.host}/report`);
    assert.doesNotMatch(platforms((await session.get(list)).text)[0].HOST, /Stale/);
  });

  test('Unlink: the daemon\'s credential stops working at once; what it reported stays', async () => {
    const { partner } = await partnerSession('Inventory unlink');
    const a = await adminSession(partner.id, 'Inventory unlink');
    const site = await linkSite(a.session, a.account.id, 'micollab');
    const confirm = await a.session.get(`/a/${a.account.id}/inventory/daemons/${site.daemonId}/unlink`);
    assert.match(visibleText(confirm.text), /Unlink CloudLink Daemon/);
    assert.equal((await a.session.send(`/a/${a.account.id}/inventory/daemons/${site.daemonId}/unlink`, { confirm: 'unlink' })).status, 303);
    const after = await sim('POST', `/sites/${site.host}/report`);
    assert.equal(after.status, 401);
    assert.deepEqual(hosts(platforms((await a.session.get(`/a/${a.account.id}/inventory/platforms`)).text)), [site.host]);
    assert.match(visibleText((await a.session.get(`/a/${a.account.id}/inventory/daemons`)).text), /Unlinked/);
    assert.equal(await scalar(`SELECT act FROM events WHERE account_id = ${lit(a.account.id)} ORDER BY id DESC LIMIT 1`), 'unlink');
  });

  test('the report API checks what it is sent, and who sends it', async () => {
    const { partner, session } = await partnerSession('Inventory API');
    const account = await newCustomer(partner.id, 'Inventory API');
    const platformId = `PLT-${uid()}`;
    const { json: { token } } = await api('POST', '/api/v1/daemons/link', { body: { code: await linkCode(session, account.id), host: 'api', platformId } });
    assert.equal((await api('PUT', '/api/v1/inventory/report', { body: report(platformId) })).status, 401);
    const app = execFileSync(consoleBin, ['-c', config, 'issue-credential', '--partner', partner.id, '--kind', 'app'], { encoding: 'utf8' }).trim();
    assert.equal((await api('PUT', '/api/v1/inventory/report', { token: app, body: report(platformId) })).status, 403);
    const raw = await new Client().request('PUT', '/api/v1/inventory/report', {
      body: '{"platform":', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    assert.equal(raw.status, 400);
    const bad = await api('PUT', '/api/v1/inventory/report', {
      token,
      body: { platform: { type: 'MSL!', platformId, licence: { type: 'lifetime', swaExpiry: '2024-13-01' } }, applications: [{ version: 1 }], intervalSeconds: 0 },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(bad.json.fields).sort(), ['applications[0].type', 'applications[0].version', 'intervalSeconds',
      'platform.host', 'platform.licence.swaExpiry', 'platform.licence.type', 'platform.systemFamily', 'platform.type']);
    const other = await api('PUT', '/api/v1/inventory/report', { token, body: report('PLT-someone-else') });
    assert.equal(other.status, 422);
    assert.ok(other.json.fields['platform.platformId']);
    assert.equal(await scalar(`SELECT COUNT(*) FROM inventory_platforms WHERE account_id = ${lit(account.id)}`), '0');
    const ok = await api('PUT', '/api/v1/inventory/report', { token, body: report(platformId) });
    assert.equal(ok.status, 200);
  });

  test('an account manager sees the platforms of the accounts assigned to them only', async () => {
    const { partner, session } = await partnerSession('Inventory manager');
    const mine = await newCustomer(partner.id, 'Inventory mine');
    const theirs = await newCustomer(partner.id, 'Inventory theirs');
    const m = await linkSite(session, mine.id, 'mbg');
    await linkSite(session, theirs.id, 'micc');
    const manager = await newUser(partner.id, { role: 'account_manager' });
    await sql(`INSERT INTO account_manager_accounts (user_id, account_id) VALUES (${manager.id}, ${lit(mine.id)})`);
    const s = await signIn(manager.email);
    assert.deepEqual(hosts(platforms((await s.get('/inventory/platforms')).text)), [m.host]);
    assert.equal(platforms((await s.get(`/inventory/platforms?account=${theirs.id}`)).text).length, 0);
    assert.equal((await s.get(`/a/${theirs.id}/inventory/platforms`)).status, 404);
    assert.equal(applications((await s.get('/inventory/applications')).text).length, 2);
  });

  test('the partner view\'s filters: every kind of platform that matches, merged in HOST order, page after page', async () => {
    const { partner, session } = await partnerSession('Inventory kinds');
    const a = await newCustomer(partner.id, 'Inventory kinds A');
    const b = await newCustomer(partner.id, 'Inventory kinds B');
    // 90 platforms of 24 kinds (type and family, licence, application types), interleaved in HOST order.
    await sql(`INSERT INTO inventory_platforms (partner_id, account_id, daemon_id, platform_uid, host, platform_type,
                 system_family, license_type, app_types, first_seen_at, reported_at)
               SELECT ${lit(partner.id)}, IF(seq % 2 = 0, ${lit(a.id)}, ${lit(b.id)}), 0, CONCAT('PLT-', seq),
                 CONCAT('kind', LPAD(seq, 3, '0')), IF(seq % 3 = 0, 'windows', 'msl'), IF(seq % 3 = 0, 'windows', 'linux'),
                 ELT(1 + seq % 2, 'subscription', 'perpetual'), ELT(1 + seq % 4, 'micollab', 'micollab,mivoice-business',
                 'mivoice-business', ''), UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_90`);
    const seqs = Array.from({ length: 90 }, (_, i) => i + 1);
    const host = (n) => `kind${String(n).padStart(3, '0')}`;
    const apps = (n) => ['micollab', 'micollab,mivoice-business', 'mivoice-business', ''][n % 4].split(',');
    const all = async (query, who = session) => {
      const seen = [];
      let next = query;
      for (;;) {
        const page = await who.get(`/inventory/platforms?${next}`);
        assert.equal(page.status, 200, next);
        seen.push(...hosts(platforms(page.text)).sort());
        const link = /rel="next" href="\?([^"]+)"/.exec(page.text);
        if (!link) return seen;
        next = link[1].replace(/&amp;/g, '&');
      }
    };
    const msl = seqs.filter((n) => n % 3 !== 0).map(host);
    const firstPage = platforms((await session.get('/inventory/platforms?type=msl')).text);
    assert.deepEqual(firstPage.map((r) => r.HOST), msl.slice(0, 50), 'the first page, in HOST order across kinds');
    assert.deepEqual(await all('type=msl'), msl, 'then the rest');
    assert.deepEqual(await all('app=mivoice-business&licence=perpetual'),
      seqs.filter((n) => apps(n).includes('mivoice-business') && n % 2 === 1).map(host));
    assert.deepEqual(await all('family=windows&app=micollab'),
      seqs.filter((n) => n % 3 === 0 && apps(n).includes('micollab')).map(host));
    assert.deepEqual(await all('type=msl&family=windows'), [], 'no kind matches');
    // A platform whose report changes its kind is found by its new kind.
    await sql(`UPDATE inventory_platforms SET app_types = 'micc-business' WHERE partner_id = ${lit(partner.id)} AND host = 'kind004'`);
    assert.deepEqual(await all('app=micc-business'), ['kind004']);
    assert.ok(!(await all('app=micollab')).includes('kind004'));
    // An account manager's filters keep to the accounts assigned to them.
    const manager = await newUser(partner.id, { role: 'account_manager' });
    await sql(`INSERT INTO account_manager_accounts (user_id, account_id) VALUES (${manager.id}, ${lit(a.id)})`);
    assert.deepEqual(await all('type=windows', await signIn(manager.email)), seqs.filter((n) => n % 6 === 0).map(host));
  });

  test('pages of platforms follow one another from a position', async () => {
    const { partner, session } = await partnerSession('Inventory pages');
    const account = await newCustomer(partner.id, 'Inventory pages');
    await sql(`INSERT INTO inventory_platforms (partner_id, account_id, daemon_id, platform_uid, host, platform_type, app_types,
                 first_seen_at, reported_at)
               SELECT ${lit(partner.id)}, ${lit(account.id)}, 0, CONCAT('PLT-', seq), CONCAT('host', LPAD(seq, 3, '0')), 'msl', '',
                 UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_60`);
    const first = await session.get('/inventory/platforms');
    const one = platforms(first.text);
    assert.equal(one.length, 50);
    assert.equal(one[0].HOST, 'host001');
    const next = /rel="next" href="\?([^"]+)"/.exec(first.text)[1].replace(/&amp;/g, '&');
    const second = await session.get(`/inventory/platforms?${next}`);
    assert.deepEqual(platforms(second.text).map((r) => r.HOST), Array.from({ length: 10 }, (_, i) => `host0${51 + i}`));
    assert.match(second.text, /All platforms are shown\./);
  });
});
