// Integrations & Apps over HTTP (guide §2.3, §2.12, §2.14.6, §3.1; ch2 §2,
// ch3 §1): the panel on Account Information and its own page, the catalogue
// without script, adding, switching and removing (one transaction and one
// event each), reference-counted privileges, Chat Service Settings, Call
// Services, the subscription warning and the permission matrix's row.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { config, consoleBin, routes, sql } from './lib/stack.js';
import {
  adminSession, eventsOf, lastEventId, lit, newCustomer, newUser, partnerSession, scalar, signIn, uid, visibleText,
} from './lib/fixtures.js';
import { configureSso } from './lib/sso.js';
import { generateKeys, ScimClient } from './lib/scim.js';

/** The rows of the Integrations panel in a page: { kind: { name, status, on, switchable, links } }. */
function rows(html) {
  const out = {};
  for (const [, kind, body] of html.matchAll(/<li class="integration" data-kind="([a-z0-9_]+)">([\s\S]*?)<\/li>/g)) {
    const sw = /<button[^>]*role="switch" aria-checked="(true|false)"[^>]*>/.exec(body);
    out[kind] = {
      name: visibleText(/<span class="name"[^>]*>([^<]*)</.exec(body)[1]).trim(),
      status: visibleText(/<span class="status-text">([^<]*)</.exec(body)?.[1] ?? '').trim(),
      on: sw ? sw[1] === 'true' : null,
      switchable: sw ? !/disabled/.test(sw[0]) : false,
      links: [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')),
    };
  }
  return out;
}

/** The Privileges' switches: { delegated: bool, guest: bool, editable }. */
function privileges(html) {
  const state = (label) => {
    const m = new RegExp(`<button[^>]*aria-checked="(true|false)"\\s+aria-label="${label}"([^>]*)>`).exec(html);
    return m ? { on: m[1] === 'true', editable: !/disabled/.test(m[2]) } : null;
  };
  const d = state('Delegated Authentication');
  const g = state('Allow Guest Access');
  return d && g ? { delegated: d.on, guest: g.on, editable: d.editable && g.editable } : null;
}

async function info(session, accountId) {
  const res = await session.get(`/a/${accountId}/info`);
  assert.equal(res.status, 200);
  return res.text;
}

async function send(session, path, fields, status = 303) {
  const res = await session.send(path, fields);
  assert.equal(res.status, status, `POST ${path} ${JSON.stringify(fields)} → ${res.status}`);
  return res;
}

const add = (s, a, kind) => send(s, `/a/${a}/integrations/add`, { kind, tab: 'mitel', from: 'info' });
const turn = (s, a, kind, on) => send(s, `/a/${a}/integrations/switch`, { kind, from: 'info', ...(on ? { on: '1' } : {}) });
const remove = (s, a, kind) => send(s, `/a/${a}/integrations/remove`, { kind, from: 'info' });
const setPrivilege = (s, a, privilege, on) => send(s, `/a/${a}/privileges`, { privilege, from: 'info', ...(on ? { on: '1' } : {}) });

function addSubscription(partnerId, accountId, product, extra = []) {
  return execFileSync(consoleBin, ['-c', config, 'add-subscription', '--partner', partnerId, '--account', accountId,
    '--number', `S-${uid()}`, '--product', product, ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

describe('the Integrations panel', () => {
  test('a partner account has none: no panel, and its integration routes are 404', async () => {
    const { partner, session } = await partnerSession('No integrations');
    const html = await info(session, partner.id);
    assert.doesNotMatch(html, /integrations-panel/);
    assert.doesNotMatch(html, /Call Services/);
    for (const path of ['integrations', 'integrations/add', 'integrations/chat']) {
      assert.equal((await session.get(`/a/${partner.id}/${path}`)).status, 404, path);
    }
    assert.equal((await session.send(`/a/${partner.id}/integrations/add`, { kind: 'micc' })).status, 404);
    assert.equal(await scalar(`SELECT COUNT(*) FROM account_integrations WHERE account_id = ${lit(partner.id)}`), '0');
  });

  test('Chat is always there and cannot be removed; its ⚙ opens Chat Service Settings, allowed by default', async () => {
    const { partner, session } = await partnerSession('Chat');
    const account = await newCustomer(partner.id);
    const html = await info(session, account.id);
    const chat = rows(html).chat;
    assert.equal(chat.name, 'Chat');
    assert.equal(chat.on, true);
    assert.equal(chat.switchable, false, 'no switching Chat off');
    const settings = chat.links.find((l) => l.includes('/integrations/chat'));
    assert.ok(settings, 'the ⚙ of Chat');
    const page = await session.get(settings);
    assert.equal(page.status, 200);
    assert.match(visibleText(page.text), /Chat Service Settings/);
    assert.match(page.text, /name="allow_edit_delete" value="1" checked/);
    assert.match(visibleText(page.text), /Allow editing and deleting of messages .*Cancel Save/);

    const since = await lastEventId();
    await send(session, `/a/${account.id}/integrations/chat`, { from: 'info' });
    assert.doesNotMatch((await session.get(settings)).text, /name="allow_edit_delete" value="1" checked/);
    const [ev] = await eventsOf(account.id, `id > ${since}`);
    assert.equal(ev.action, 'integration.update');
    assert.deepEqual(ev.details['chat.allowEditDelete'], { from: 'on', to: 'off' });
    assert.equal(ev.details.integration, 'Chat');
    // Saving the same again changes nothing and writes nothing.
    await send(session, `/a/${account.id}/integrations/chat`, { from: 'info' });
    assert.equal((await eventsOf(account.id, `id > ${since}`)).length, 1);

    // Not in the catalogue, and neither added nor removed by hand.
    assert.doesNotMatch((await session.get(`/a/${account.id}/integrations/add?tab=mitel`)).text, /value="chat"/);
    assert.equal((await session.send(`/a/${account.id}/integrations/add`, { kind: 'chat' })).status, 422);
    assert.equal((await session.get(`/a/${account.id}/integrations/remove?kind=chat`)).status, 404);
    assert.notEqual((await session.send(`/a/${account.id}/integrations/remove`, { kind: 'chat' })).status, 303);
    assert.equal(rows(await info(session, account.id)).chat.on, true);
  });

  test('adding, switching and removing: one event each; privileges follow, counted per integration (guide §3.1)', async () => {
    const { partner, session } = await partnerSession('Privileges');
    const account = await newCustomer(partner.id);
    const a = account.id;
    assert.deepEqual(privileges(await info(session, a)), { delegated: false, guest: false, editable: true });

    let since = await lastEventId();
    await add(session, a, 'micc');
    let events = await eventsOf(a, `id > ${since}`);
    assert.equal(events.length, 1);
    assert.equal(events[0].action, 'integration.add');
    assert.equal(events[0].assetType, 'account');
    assert.deepEqual(events[0].details['integrations.micc'], { from: 'none', to: 'enabled' });
    assert.deepEqual(events[0].details['privileges.delegated_authentication'], { from: 'off', to: 'on' });
    assert.deepEqual(events[0].details['privileges.guest_access'], { from: 'off', to: 'on' });
    let html = await info(session, a);
    assert.equal(rows(html).micc.on, true);
    assert.deepEqual(privileges(html), { delegated: true, guest: true, editable: true });

    await add(session, a, 'micollab');
    // MiCC switched off: MiCollab still needs Delegated Authentication; nothing needs Guest Access.
    since = await lastEventId();
    await turn(session, a, 'micc', false);
    events = await eventsOf(a, `id > ${since}`);
    assert.equal(events.length, 1);
    assert.equal(events[0].action, 'integration.disable');
    assert.deepEqual(events[0].details['integrations.micc'], { from: 'enabled', to: 'added' });
    assert.equal(events[0].details['privileges.delegated_authentication'], undefined);
    html = await info(session, a);
    assert.equal(rows(html).micc.on, false);
    assert.equal(rows(html).micc.status, 'Switched off');
    assert.deepEqual(privileges(html), { delegated: true, guest: false, editable: true });

    since = await lastEventId();
    await remove(session, a, 'micollab');
    events = await eventsOf(a, `id > ${since}`);
    assert.equal(events[0].action, 'integration.remove');
    assert.deepEqual(events[0].details['integrations.micollab'], { from: 'enabled', to: 'none' });
    assert.deepEqual(privileges(await info(session, a)), { delegated: false, guest: false, editable: true });
    assert.equal(rows(await info(session, a)).micollab, undefined);

    since = await lastEventId();
    await turn(session, a, 'micc', true);
    assert.equal((await eventsOf(a, `id > ${since}`))[0].action, 'integration.enable');
    assert.deepEqual(privileges(await info(session, a)), { delegated: true, guest: true, editable: true });
    // Adding what is there already changes nothing.
    since = await lastEventId();
    await add(session, a, 'micc');
    assert.equal((await eventsOf(a, `id > ${since}`)).length, 0);
    assert.equal(await scalar(`SELECT COUNT(*) FROM account_integrations WHERE account_id = ${lit(a)}`), '1');
  });

  test('a privilege set by hand stays so until an integration that implies it is added or switched on', async () => {
    const { partner, session } = await partnerSession('Manual privileges');
    const { id: a } = await newCustomer(partner.id);
    const since = await lastEventId();
    await setPrivilege(session, a, 'guest_access', true);
    const [ev] = await eventsOf(a, `id > ${since}`);
    assert.equal(ev.action, 'privilege.update');
    assert.deepEqual(ev.details['privileges.guest_access'], { from: 'off', to: 'on' });
    await add(session, a, 'zoom');
    assert.equal(privileges(await info(session, a)).guest, true, 'an unrelated integration leaves it');
    // Mitel One implies it; removing Mitel One, the last to imply it, turns it off (guide §3.1).
    await add(session, a, 'mitel_one');
    await remove(session, a, 'mitel_one');
    assert.equal(privileges(await info(session, a)).guest, false);

    // Off by hand while MiCC implies it; switching MiCC on again enables it.
    await add(session, a, 'micc');
    await setPrivilege(session, a, 'delegated_authentication', false);
    assert.deepEqual(privileges(await info(session, a)), { delegated: false, guest: true, editable: true });
    await turn(session, a, 'micc', false);
    await turn(session, a, 'micc', true);
    assert.deepEqual(privileges(await info(session, a)), { delegated: true, guest: true, editable: true });
    // With every privilege off, the integrations stay (guide §3.1).
    await setPrivilege(session, a, 'delegated_authentication', false);
    await setPrivilege(session, a, 'guest_access', false);
    assert.equal(rows(await info(session, a)).micc.on, true);
    assert.equal((await session.send(`/a/${a}/privileges`, { privilege: 'superpowers', on: '1' })).status, 422);
  });

  test('an integration whose setup is not finished says so, and never links where nothing is', async () => {
    const { partner, session } = await partnerSession('Setup');
    const { id: a } = await newCustomer(partner.id);
    const setupPath = (kind) => (kind === 'azure_ad_sync' ? 'azure-ad-sync' : kind);
    const needsSetup = ['gateway', 'voice_assist', 'unify', 'sso', 'azure_ad_sync', 'o365', 'teams', 'zoom', 'twilio', 'cmcom'];
    for (const kind of needsSetup) await add(session, a, kind);
    const table = new Set(routes().filter((r) => r.method === 'GET').map((r) => r.pattern));
    const html = await info(session, a);
    const panel = rows(html);
    for (const kind of needsSetup) {
      const row = panel[kind];
      assert.ok(row, kind);
      assert.equal(row.on, null, `${kind}: no toggle while incomplete`);
      assert.ok(row.links.some((l) => l.includes(`/integrations/remove?kind=${kind}`)), `${kind}: its trash icon`);
      if (kind === 'gateway') {
        assert.equal(row.status, 'No gateway detected', 'its driver tells the onboarding step');
      } else if (table.has(`/a/:acct/integrations/${setupPath(kind)}`)) {
        assert.match(row.status, /not finished/, kind);
        assert.ok(row.links.includes(`/a/${a}/integrations/${setupPath(kind)}`), `${kind}: Complete setup`);
      } else {
        assert.equal(row.status, 'Setup is not finished, and its setup screen is not available in this console yet.', kind);
      }
    }
    // Every link of the panel answers.
    const links = new Set([...html.slice(html.indexOf('integrations-panel')).matchAll(/href="(\/a\/[^"]+)"/g)]
      .map((m) => m[1].replace(/&amp;/g, '&')));
    for (const link of links) {
      // A setup screen may send on to its first step (the gateway's wizard).
      let res = await session.get(link);
      if (res.status === 303 && res.location.startsWith(`/a/${a}/`)) res = await session.get(res.location);
      assert.equal(res.status, 200, link);
    }
    assert.equal(await scalar(`SELECT GROUP_CONCAT(DISTINCT state) FROM account_integrations WHERE account_id = ${lit(a)}`), 'incomplete');
  });

  test('the CloudLink Gateway\'s driver: adding starts its onboarding, removing ends it', async () => {
    const { partner, session } = await partnerSession('Gateway driver');
    const { id: a } = await newCustomer(partner.id);
    await add(session, a, 'gateway');
    assert.equal(await scalar(`SELECT step FROM gateway_onboarding WHERE account_id = ${lit(a)}`), 'no_gateway');
    assert.equal(rows(await info(session, a)).gateway.status, 'No gateway detected');
    await remove(session, a, 'gateway');
    assert.equal(await scalar(`SELECT COUNT(*) FROM gateway_onboarding WHERE account_id = ${lit(a)}`), '0');
    assert.equal(rows(await info(session, a)).gateway, undefined);
  });

  test('the catalogue works without script: tabs, search, Add, Added with its Remove, Done', async () => {
    const { partner, session } = await partnerSession('Catalogue');
    const { id: a } = await newCustomer(partner.id);
    const names = (html) => [...html.matchAll(/<li class="integration-card"[\s\S]*?<span class="name">([^<]+)</g)].map((m) => m[1]);
    const mitel = (await session.get(`/a/${a}/integrations/add?tab=mitel&from=info`)).text;
    assert.match(visibleText(mitel), /Integrations .*Mitel 3rd party/);
    assert.match(mitel, /placeholder="Search integrations"/);
    assert.deepEqual(names(mitel), ['MiCC', 'MiCollab', 'CloudLink Gateway', 'Mitel One', 'Mitel Voice Assist', 'MiVoice Business',
      'MiTeam Meetings', 'Unify Phone', 'Mitel Workflow Studio', 'Mitel One Workgroups', 'Mitel CX']);
    assert.match(visibleText(mitel), /MiCC Transform Customer Journey into omnichannel experiences Add/);
    const third = (await session.get(`/a/${a}/integrations/add?tab=third_party&from=info`)).text;
    assert.deepEqual(names(third).map((n) => n.replace('&amp;', '&')), ['Single Sign-On', 'Azure AD Sync', 'Microsoft Office 365', 'Microsoft Teams', 'Zoom', 'Twilio', 'CM.com']);
    assert.deepEqual(names((await session.get(`/a/${a}/integrations/add?tab=third_party&q=zo`)).text), ['Zoom']);
    assert.deepEqual(names((await session.get(`/a/${a}/integrations/add?tab=mitel&q=OMNICHANNEL`)).text), ['MiCC']);
    assert.match(visibleText((await session.get(`/a/${a}/integrations/add?tab=mitel&q=nothing-like-it`)).text), /No integration matches your search/);

    const added = await session.send(`/a/${a}/integrations/add`, { kind: 'zoom', tab: 'third_party', q: 'zo', from: 'info' });
    assert.equal(added.status, 303);
    assert.equal(added.location, `/a/${a}/integrations/add?tab=third_party&q=zo&from=info`, 'back to the same tab and search');
    const after = (await session.get(added.location)).text;
    assert.match(visibleText(after), /Zoom .* Added ▾ Remove/);
    const removeLink = /href="([^"]+remove\?kind=zoom[^"]*)"/.exec(after)[1].replace(/&amp;/g, '&');
    const confirm = await session.get(removeLink);
    assert.equal(confirm.status, 200);
    assert.match(visibleText(confirm.text), /Remove Zoom Integration .*Cancel Remove integration/);
    assert.match(after, new RegExp(`<a class="button" href="/a/${a}/info">Done</a>`));
    assert.equal((await session.send(`/a/${a}/integrations/add`, { kind: 'skype' })).status, 422);
  });

  test('Account Admins manage their own account\'s integrations, on the Integrations & Apps page too', async () => {
    const { partner } = await partnerSession('Admin integrations');
    const { account, session } = await adminSession(partner.id, 'Own');
    const home = (await session.get(`/a/${account.id}`)).text;
    assert.match(home, new RegExp(`href="/a/${account.id}/integrations"[^>]*>Integrations &amp; Apps<`));
    const page = await session.get(`/a/${account.id}/integrations`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Integrations &amp; Apps<\/h1>/);
    assert.match(page.text, /\+ Add new/);
    await send(session, `/a/${account.id}/integrations/add`, { kind: 'micollab', from: 'integrations' });
    const res = await session.send(`/a/${account.id}/integrations/switch`, { kind: 'micollab', from: 'integrations' });
    assert.equal(res.location, `/a/${account.id}/integrations`);
    assert.equal(rows((await session.get(`/a/${account.id}/integrations`)).text).micollab.on, false);
    // Another account is not theirs.
    const other = await newCustomer(partner.id);
    assert.equal((await session.send(`/a/${other.id}/integrations/add`, { kind: 'micc' })).status, 404);
  });
});

describe('Call Services', () => {
  test('Bandwidth Optimization is off until switched on; an account setting (Account Edit)', async () => {
    const { partner, session } = await partnerSession('Bandwidth');
    const { id: a } = await newCustomer(partner.id);
    assert.match(await info(session, a), /aria-checked="false"\s+aria-label="Bandwidth Optimization"/);
    const since = await lastEventId();
    await send(session, `/a/${a}/call-services`, { bandwidth_optimization: '1', from: 'info' });
    assert.match(await info(session, a), /aria-checked="true"\s+aria-label="Bandwidth Optimization"/);
    const [ev] = await eventsOf(a, `id > ${since}`);
    assert.equal(ev.action, 'call_services.update');
    assert.deepEqual(ev.details['callServices.bandwidthOptimization'], { from: 'off', to: 'on' });
  });
});

describe('the subscription warning (guide §2.3)', () => {
  test('a subscription whose integration is not enabled warns on Account Information until it is', async () => {
    const { partner, session } = await partnerSession('Warning');
    const { id: a } = await newCustomer(partner.id);
    const warnings = async () => [...(await info(session, a)).matchAll(/<div class="banner warn" role="alert">\s*<p>([^<]+)<\/p>/g)]
      .map((m) => visibleText(m[1]).trim());
    assert.deepEqual(await warnings(), []);
    const since = await lastEventId();
    assert.match(addSubscription(partner.id, a, 'Zoom Hybrid', ['--plan', 'hMitel Indirect', '--quantity', '2']), /^\d+$/);
    assert.equal((await eventsOf(a, `id > ${since}`))[0].action, 'subscription.add');
    assert.deepEqual(await warnings(), [
      "There is a Zoom Hybrid subscription assigned to this account but the integration is not enabled. Add the 'Zoom' integration to ensure functionality.",
    ]);
    assert.match(await info(session, a), /<input type="checkbox" class="dismiss-toggle"[^>]*aria-label="Close this message">/);
    // Added but not set up is not enabled yet.
    await add(session, a, 'zoom');
    assert.equal((await warnings()).length, 1);

    addSubscription(partner.id, a, 'MiTeam Meetings');
    addSubscription(partner.id, a, 'MiTeam Meetings');
    assert.equal((await warnings()).length, 2, 'once per product');
    await add(session, a, 'miteam');
    assert.equal((await warnings()).length, 1);
    await turn(session, a, 'miteam', false);
    assert.equal((await warnings()).length, 2, 'switched off counts as not enabled');
    // On the Integrations & Apps page too; an expired subscription does not warn.
    assert.match((await session.get(`/a/${a}/integrations`)).text, /There is a MiTeam Meetings subscription/);
    const { id: b } = await newCustomer(partner.id);
    addSubscription(partner.id, b, 'Zoom Hybrid', ['--start', '2020-01-01', '--expiry', '2021-01-01']);
    assert.doesNotMatch(await info(session, b), /banner warn/);
  });

  test('Mitel One says it needs a subscription until the account has one', async () => {
    const { partner, session } = await partnerSession('Mitel One');
    const { id: a } = await newCustomer(partner.id);
    await add(session, a, 'mitel_one');
    assert.equal(rows(await info(session, a)).mitel_one.status, 'Requires a Mitel One subscription to use this feature.');
    addSubscription(partner.id, a, 'Mitel One', ['--plan', 'Premier']);
    assert.equal(rows(await info(session, a)).mitel_one.status, '');
  });

  test('add-subscription writes only to a customer account of the partner', async () => {
    const { partner } = await partnerSession('Sub owner');
    const { partner: other } = await partnerSession('Sub other');
    const foreign = await newCustomer(other.id);
    assert.throws(() => addSubscription(partner.id, foreign.id, 'Zoom Hybrid'));
    assert.throws(() => addSubscription(partner.id, partner.id, 'Zoom Hybrid'));
    const own = await newCustomer(partner.id);
    assert.throws(() => addSubscription(partner.id, own.id, 'Zoom', ['--start', '2025-02-30']));
    assert.equal(await scalar(`SELECT COUNT(*) FROM subscriptions WHERE partner_id = ${lit(partner.id)}`), '0');
  });
});

describe('the permission row of Integrations & Apps (guide §2.14.6)', () => {
  const ALL_ADMIN = ['admin_account_edit', 'admin_users_view', 'admin_users_add', 'admin_users_edit', 'admin_users_delete',
    'admin_user_templates_view', 'admin_user_templates_add', 'admin_user_templates_edit', 'admin_user_templates_delete',
    'admin_roles_view', 'admin_roles_assign', 'admin_integrations_view', 'admin_integrations_add', 'admin_integrations_edit',
    'admin_integrations_delete', 'admin_subscriptions_view', 'admin_support_view', 'admin_mivb_view', 'admin_customer_care_view'];

  test('each cleared cell takes its controls away, and the server refuses what they did', async () => {
    const { partner, session: owner } = await partnerSession('Integration cells');
    const { account, admin, session } = await adminSession(partner.id, 'Cells');
    const a = account.id;
    await add(owner, a, 'micollab');
    await add(owner, a, 'zoom');
    // A custom role with every cell of the admin table but the cleared ones, given to the admin.
    const withRole = async (...cleared) => {
      const fields = { name: `Without ${cleared.join(' ')} ${uid()}`, base: 'admin' };
      for (const c of ALL_ADMIN) if (!cleared.includes(c)) fields[c] = '1';
      const made = await owner.send('/roles/new', fields);
      assert.equal(made.status, 303);
      const role = made.location.split('/')[2];
      await send(owner, `/roles/${role}/accounts`, { action: 'assign', accounts: a });
      await sql(`UPDATE users SET custom_role_id = ${role} WHERE id = ${admin.id}`);
    };

    await withRole('admin_integrations_add');
    let html = await info(session, a);
    assert.doesNotMatch(html, /\+ Add new/);
    assert.equal(privileges(html).editable, false, 'the Privileges are disabled without Add');
    assert.equal(rows(html).micollab.switchable, true, 'Edit still switches');
    assert.equal((await session.send(`/a/${a}/privileges`, { privilege: 'guest_access', on: '1' })).status, 404);

    await withRole('admin_integrations_edit');
    html = await info(session, a);
    assert.equal(rows(html).micollab.switchable, false, 'no toggle without Edit');
    assert.equal(rows(html).chat.links.length, 1, 'Add alone still opens a setup (⚙)');
    assert.equal((await session.send(`/a/${a}/integrations/switch`, { kind: 'micollab' })).status, 404);
    assert.doesNotMatch((await session.get(`/a/${a}/integrations/chat`)).text, /<button type="submit">Save</);
    assert.equal((await session.send(`/a/${a}/integrations/chat`, {})).status, 404);

    await withRole('admin_integrations_add', 'admin_integrations_edit');
    html = await info(session, a);
    assert.deepEqual(rows(html).chat.links, [], 'without Add and Edit nothing is configured');
    assert.equal(privileges(html).editable, false);

    await withRole('admin_integrations_delete');
    html = await info(session, a);
    assert.ok(!rows(html).zoom.links.some((l) => l.includes('/remove')), 'no trash icon without Delete');
    assert.doesNotMatch((await session.get(`/a/${a}/integrations/add?tab=mitel`)).text, /\/remove\?kind=/);
    assert.equal((await session.send(`/a/${a}/integrations/remove`, { kind: 'zoom' })).status, 404);

    await withRole('admin_integrations_view');
    html = await info(session, a);
    assert.doesNotMatch(html, /integrations-panel/, 'no panel without View');
    assert.doesNotMatch(html, /banner warn/);
    assert.doesNotMatch(html, new RegExp(`href="/a/${a}/integrations"`), 'no menu entry');
    assert.match(html, /Bandwidth Optimization/, 'Call Services is an account setting');
    assert.equal((await session.get(`/a/${a}/integrations`)).status, 404);

    await withRole('admin_account_edit');
    html = await info(session, a);
    assert.match(html, /aria-label="Bandwidth Optimization" disabled/);
    assert.equal((await session.send(`/a/${a}/call-services`, { bandwidth_optimization: '1' })).status, 404);
    assert.equal(await scalar(`SELECT COUNT(*) FROM account_integrations WHERE account_id = ${lit(a)}`), '2');
  });
});

describe('setup screens finish their integrations', () => {
  test('Single Sign-On: saving the dialog sets the row up, its status follows the certificate, removing it from the panel forgets the identity provider', async () => {
    const { partner, session } = await partnerSession('SSO row');
    const { id: a } = await newCustomer(partner.id);
    await add(session, a, 'sso');
    assert.match(rows(await info(session, a)).sso.status, /not finished/);
    assert.ok(rows(await info(session, a)).sso.links.includes(`/a/${a}/integrations/sso`), 'Complete setup');
    await configureSso(session, a);
    const row = rows(await info(session, a)).sso;
    assert.equal(row.on, true, 'set up, it is switched on');
    assert.match(row.status, /valid until/, 'the certificate line of the dialog');
    assert.equal(await scalar(`SELECT state FROM account_integrations WHERE account_id = ${lit(a)} AND kind = 'sso'`), 'enabled');
    await remove(session, a, 'sso');
    assert.equal(rows(await info(session, a)).sso, undefined);
    assert.equal(await scalar(`SELECT COUNT(*) FROM sso_configs WHERE account_id = ${lit(a)}`), '0', 'users sign in with passwords again');
  });

  test('Single Sign-On saved by its address adds the row; the dialog\'s Remove takes it away', async () => {
    const { partner, session } = await partnerSession('SSO direct');
    const { id: a } = await newCustomer(partner.id);
    await configureSso(session, a);
    assert.equal(rows(await info(session, a)).sso.on, true);
    await send(session, `/a/${a}/integrations/sso/remove`, {});
    assert.equal(rows(await info(session, a)).sso, undefined);
    assert.equal(await scalar(`SELECT COUNT(*) FROM account_integrations WHERE account_id = ${lit(a)} AND kind = 'sso'`), '0');
  });

  test('Azure AD Sync: Generate keys sets the row up; removing it from the panel revokes the Secret Token', async () => {
    const { partner, session } = await partnerSession('Azure row');
    const { id: a } = await newCustomer(partner.id);
    await add(session, a, 'azure_ad_sync');
    assert.ok(rows(await info(session, a)).azure_ad_sync.links.includes(`/a/${a}/integrations/azure-ad-sync`), 'Complete setup');
    const token = await generateKeys(session, a);
    assert.match(rows(await info(session, a)).azure_ad_sync.status, /waiting for Microsoft Entra ID/);
    const client = new ScimClient(a, token);
    assert.equal((await client.get('/Users')).status, 200);
    assert.match(rows(await info(session, a)).azure_ad_sync.status, /Provisioning users/);
    const since = await lastEventId(a);
    await remove(session, a, 'azure_ad_sync');
    assert.equal((await client.get('/Users')).status, 401, 'the token no longer reaches the service');
    assert.deepEqual((await eventsOf(a, `id > ${since}`)).map((e) => e.action), ['integration.remove']);
    assert.equal(await scalar(`SELECT COUNT(*) FROM azure_ad_sync WHERE account_id = ${lit(a)}`), '0');
  });
});
