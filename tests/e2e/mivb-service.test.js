// Products and licenses → MiVoice Business Service (guide §3.1.2.1, §3.1.3.1,
// §3.1.3.2): a user the PBX has shows MiVoice Business (no service assigned)
// with Complete setup; Choose service category lists the PBX's categories
// with Select; Apply writes the category, and a user template's settings
// and programmable keys, to the PBX, reads them back and records the
// console's copy with its MiVB event in one transaction; Upgrade Service
// changes it later; a PBX failing part-way through the write leaves both
// sides as they were. For a user the PBX does not have, + Add Product →
// MiVoice Business Service creates the user on the PBX with the next free
// DN of the extension ranges, links it and goes on to Complete setup;
// Remove deletes the user's services on the PBX, confirmed.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldError, lastEventId, lit, newUser, partnerSession, scalar, signIn, visibleText } from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import { pbxFault, sim } from './lib/pbx.js';
import { mivbAccount, pbxServices, pbxState } from './lib/mivb.js';

/** The MiVB events after id `from`: action, event type, asset, properties changed. */
async function mivbEvents(accountId, from) {
  const rows = await sql(`SELECT action, event_type, asset_type, asset_id, properties_changed FROM events
    WHERE account_id = ${lit(accountId)} AND id > ${from} ORDER BY id`);
  return rows.map(([action, type, assetType, assetId, props]) => ({ action, type, assetType, assetId, props: JSON.parse(props) }));
}

const consoleCopy = async (accountId, pbxId) => (await sql(`SELECT service_category, department, location, extensions
  FROM pbx_users WHERE account_id = ${lit(accountId)} AND pbx_id = ${lit(pbxId)}`))[0];

describe('MiVoice Business Service: Complete setup and Upgrade Service', () => {
  let s, a, user, pbxId, userPath, servicePath;
  before(async () => {
    const { partner, session } = await partnerSession('MiVB service');
    s = session;
    a = await mivbAccount(s, partner.id, { users: 8, step: 'connected' });
    const [[uid, pid]] = await sql(`SELECT user_id, pbx_id FROM pbx_users WHERE account_id = ${lit(a.id)}
      AND user_id IS NOT NULL ORDER BY pbx_id LIMIT 1`);
    user = uid; pbxId = pid;
    userPath = `/a/${a.id}/users/${user}`;
    servicePath = `${userPath}/mivb/service`;
  });

  test('Products and licenses shows MiVoice Business (no service assigned) with Complete setup, only for a user the PBX has', async () => {
    const page = await s.get(userPath);
    assert.equal(page.status, 200);
    assert.match(visibleText(page.text), /Products and licenses.*MiVoice Business Service: MiVoice Business \(no service assigned\) Complete setup/);
    assert.match(page.text, new RegExp(`href="${servicePath}">Complete setup<`));
    const other = await newUser(a.id, { signIn: false });
    assert.doesNotMatch(visibleText((await s.get(`/a/${a.id}/users/${other.id}`)).text), /no service assigned/);
    assert.equal((await s.get(`/a/${a.id}/users/${other.id}/mivb/service`)).status, 404);
  });

  test('Choose service category lists the PBX\'s categories with Select; Select marks one without writing', async () => {
    let page = await s.get(servicePath);
    assert.equal(page.status, 200);
    const text = visibleText(page.text);
    assert.match(text, /Choose service category/);
    for (const c of ['Basic', 'Standard', 'Premium']) assert.match(page.text, new RegExp(`aria-label="Select ${c}"`), c);
    page = await s.send(servicePath, { action: 'select', category: 'Standard' });
    assert.equal(page.status, 200);
    assert.match(page.text, /<input type="hidden" name="category" value="Standard">/);
    assert.doesNotMatch(page.text, /aria-label="Select Standard"/, 'the chosen one is Selected');
    assert.equal((await pbxServices(a.pbx, pbxId)).category, null, 'nothing written');
  });

  test('Apply without a category asks for one; a category the PBX does not have is refused; nothing changes', async () => {
    const from = await lastEventId();
    let res = await s.send(servicePath, { action: 'apply', category: '' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'category'), 'Select a service category.');
    res = await s.send(servicePath, { action: 'apply', category: 'Platinum' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'category'), 'There is no service category Platinum.');
    assert.equal((await pbxServices(a.pbx, pbxId)).category, null);
    assert.deepEqual(await mivbEvents(a.id, from), []);
  });

  test('Apply with a template: the category, the template\'s defaults and programmable keys land on the PBX; the console records them with one MiVB event', async () => {
    let res = await s.send(`/a/${a.id}/user-templates/new`, { name: 'Agents', mivb: '1', category: 'Standard', department: 'Agent desks',
      phone_type: 'desk', model: '6940', k1_button: '3', k1_function: 'do_not_disturb', k1_label: 'DND',
      k2_button: '5', k2_function: 'auto_answer', k2_label: 'Answer' });
    assert.equal(res.status, 303);
    const tpl = await scalar(`SELECT id FROM user_templates WHERE account_id = ${lit(a.id)} AND name = 'Agents'`);
    const page = await s.send(servicePath, { action: 'select', category: 'Standard', filter: '1' });
    assert.match(page.text, new RegExp(`<option value="${tpl}">Agents</option>`), 'the template of the category is offered');
    const from = await lastEventId();
    res = await s.send(servicePath, { action: 'apply', category: 'Standard', template: tpl, filter: '1' });
    assert.equal(res.status, 303, visibleText(res.text ?? '').slice(-300));
    const v = await pbxServices(a.pbx, pbxId);
    assert.equal(v.category, 'Standard');
    assert.equal(v.department, 'Agent desks');
    assert.equal(v.phones[0].model, '6940');
    assert.deepEqual(v.phones[0].keys.map((k) => [k.button, k.function, k.label]), [[3, 'do_not_disturb', 'DND'], [5, 'auto_answer', 'Answer']]);
    const [category, department] = await consoleCopy(a.id, pbxId);
    assert.deepEqual([category, department], ['Standard', 'Agent desks']);
    const evs = await mivbEvents(a.id, from);
    assert.equal(evs.length, 1);
    assert.equal(evs[0].action, 'pbx_user_profile.update');
    assert.equal(evs[0].type, 'mivb');
    assert.equal(evs[0].assetId, pbxId);
    assert.ok(evs[0].props.includes('category') && evs[0].props.includes('department'), JSON.stringify(evs[0].props));
    const userPage = visibleText((await s.get(userPath)).text);
    assert.match(userPage, /MiVoice Business Service: MiVoice Business - Standard Upgrade Service/);
  });

  test('Upgrade Service changes the category and keeps the rest', async () => {
    const keys = (await pbxServices(a.pbx, pbxId)).phones[0].keys;
    const page = await s.get(servicePath);
    assert.match(visibleText(page.text), /Upgrade Service.*Standard \(current\)/);
    const res = await s.send(servicePath, { action: 'apply', category: 'Premium' });
    assert.equal(res.status, 303);
    const v = await pbxServices(a.pbx, pbxId);
    assert.equal(v.category, 'Premium');
    assert.deepEqual(v.phones[0].keys, keys);
    assert.equal((await consoleCopy(a.id, pbxId))[0], 'Premium');
  });

  test('a PBX failing part-way through the write leaves the PBX and the console as they were', async () => {
    const pbxBefore = await pbxServices(a.pbx, pbxId);
    const copyBefore = await consoleCopy(a.id, pbxId);
    const aborted = (await pbxState(a.pbx)).abortedWrites;
    const from = await lastEventId();
    await pbxFault(a.pbx, 'write-midway', { count: 1 });
    const res = await s.send(servicePath, { action: 'apply', category: 'Basic' });
    await pbxFault(a.pbx, 'none');
    assert.equal(res.status, 422);
    assert.equal((await pbxState(a.pbx)).abortedWrites, aborted + 1, 'the write itself reached the PBX and failed');
    assert.match(visibleText(res.text), /failed after 1 object/);
    assert.deepEqual(await pbxServices(a.pbx, pbxId), pbxBefore);
    assert.deepEqual(await consoleCopy(a.id, pbxId), copyBefore);
    assert.deepEqual(await mivbEvents(a.id, from), []);
  });
});

/** The message next to a field of the products dialog or a confirmation. */
const errorOf = (html, field) => {
  const m = new RegExp(`<p class="error" id="e-${field}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return m ? visibleText(m[1]).trim() : null;
};

describe('+ Add Product → MiVoice Business Service for a user the PBX does not have', () => {
  let s, a;
  const pbxUsers = async () => (await sim('GET', `/sim/pbxs/${a.pbx.name}`)).users;
  const linkOf = async (userId) => (await sql(`SELECT pbx_id, extensions, service_category FROM pbx_users
    WHERE account_id = ${lit(a.id)} AND user_id = ${Number(userId)}`))[0];
  const add = (who, userId, fields = {}) => who.send(`/a/${a.id}/users/${userId}/products`,
    { product: 'MiVoice Business Service', action: 'add', ...fields });
  /** Neither side changed since `was` (PBX user count) and event `from`. */
  async function unchanged(userId, was, from) {
    assert.equal(await pbxUsers(), was, 'no user created on the PBX');
    assert.equal(await linkOf(userId), undefined, 'no link in the console');
    assert.deepEqual((await mivbEvents(a.id, from)).filter((e) => e.action.startsWith('pbx_user')), []);
  }

  before(async () => {
    const { partner, session } = await partnerSession('MiVB add service');
    s = session;
    a = await mivbAccount(s, partner.id, { users: 8, step: 'connected' });
  });

  test('the products dialog offers MiVoice Business Service with Add', async () => {
    const u = await newUser(a.id, { signIn: false });
    const page = await s.get(`/a/${a.id}/users/${u.id}/products`);
    assert.equal(page.status, 200);
    assert.match(page.text, /aria-label="Add MiVoice Business Service"/);
  });

  test('no free directory number in the extension ranges: said next to the product, nothing created', async () => {
    const u = await newUser(a.id, { signIn: false });
    const was = await pbxUsers();
    const from = await lastEventId();
    let res = await add(s, u.id);
    assert.equal(res.status, 422, 'no ranges at all');
    assert.match(errorOf(res.text, 'product'), /No directory number is free/);
    // the PBX's users hold 1000-1007
    assert.equal((await s.send(`/a/${a.id}/mivb/ranges/new`, { start: '1000', end: '1007' })).status, 303);
    res = await add(s, u.id);
    assert.equal(res.status, 422, 'every DN of the range taken');
    assert.match(errorOf(res.text, 'product'), /No directory number is free/);
    await unchanged(u.id, was, from);
  });

  test('Add creates the user on the PBX with the next free DN, links it with one MiVB event, then Complete setup', async () => {
    assert.equal((await s.send(`/a/${a.id}/mivb/ranges/new`, { start: '1010', end: '1019' })).status, 303);
    const u = await newUser(a.id, { signIn: false, first: 'Grace', last: `Hopper${Date.now() % 100000}` });
    const was = await pbxUsers();
    const from = await lastEventId();
    const res = await add(s, u.id);
    assert.equal(res.status, 303, errorOf(res.text ?? '', 'product') ?? '');
    assert.equal(res.location, `/a/${a.id}/users/${u.id}/mivb/service`);
    assert.equal(await pbxUsers(), was + 1);
    const [pbxId, extensions, category] = await linkOf(u.id);
    assert.equal(extensions, '1010');
    assert.equal(category, '');
    const v = await pbxServices(a.pbx, pbxId);
    assert.deepEqual(v.phones.map((ph) => ph.dn), ['1010'], 'the user is on the PBX with the DN');
    const evs = await mivbEvents(a.id, from);
    assert.equal(evs.length, 1);
    assert.deepEqual([evs[0].action, evs[0].type, evs[0].assetId], ['pbx_user.create', 'mivb', pbxId]);
    // Complete setup follows: the user's row, the categories, Apply
    assert.match(visibleText((await s.get(`/a/${a.id}/users/${u.id}`)).text), /MiVoice Business \(no service assigned\) Complete setup/);
    assert.match((await s.get(res.location)).text, /aria-label="Select Basic"/);
    assert.equal((await s.send(res.location, { action: 'apply', category: 'Basic' })).status, 303);
    assert.equal((await pbxServices(a.pbx, pbxId)).category, 'Basic');
    // added once: the dialog says Added, a second Add is refused
    assert.doesNotMatch((await s.get(`/a/${a.id}/users/${u.id}/products`)).text, /aria-label="Add MiVoice Business Service"/);
    const again = await add(s, u.id);
    assert.equal(again.status, 422);
    assert.equal(errorOf(again.text, 'product'), 'The user already has this product.');
    assert.equal(await pbxUsers(), was + 1);
    // the next free DN moves on
    const other = await newUser(a.id, { signIn: false });
    assert.equal((await add(s, other.id)).status, 303);
    assert.equal((await linkOf(other.id))[1], '1011');
  });

  test('the PBX refuses a user whose name another user has: its message next to the product, nothing changed', async () => {
    const [[first, last]] = await sql(`SELECT first_name, last_name FROM pbx_users WHERE account_id = ${lit(a.id)}
      ORDER BY pbx_id LIMIT 1`);
    const u = await newUser(a.id, { signIn: false, first, last });
    const was = await pbxUsers();
    const from = await lastEventId();
    const res = await add(s, u.id);
    assert.equal(res.status, 422);
    assert.equal(errorOf(res.text, 'product'), `A user named ${first} ${last} already exists.`);
    await unchanged(u.id, was, from);
  });

  test('a PBX that does not answer: said so, nothing changed on either side', async () => {
    const u = await newUser(a.id, { signIn: false });
    const was = await pbxUsers();
    const from = await lastEventId();
    await pbxFault(a.pbx, 'down');
    let res;
    try {
      res = await add(s, u.id);
    } finally {
      await pbxFault(a.pbx, 'none');
    }
    assert.equal(res.status, 422);
    assert.match(errorOf(res.text, 'pbx'), /could not be reached|not reach|unreachable/i);
    await unchanged(u.id, was, from);
  });

  test('without the CSRF token, from another partner, or without MiVoice Business View: refused, nothing changed', async () => {
    const u = await newUser(a.id, { signIn: false });
    const was = await pbxUsers();
    const from = await lastEventId();
    const path = `/a/${a.id}/users/${u.id}/products`;
    assert.equal((await s.post(path, { product: 'MiVoice Business Service', action: 'add', _csrf: '0'.repeat(64) })).status, 403);
    const stranger = (await partnerSession('MiVB add stranger')).session;
    assert.ok([403, 404].includes((await add(stranger, u.id)).status), 'cross-tenant');
    // an Account Admin whose role has Users View and Edit but not MiVoice Business View
    const role = await s.send('/roles/new', { name: `No MiVB ${Date.now()}`, base: 'admin', admin_account_view: '1',
      admin_users_view: '1', admin_users_edit: '1' });
    assert.equal(role.status, 303);
    const roleId = /^\/roles\/(\d+)/.exec(role.location)[1];
    assert.equal((await s.send(`/roles/${roleId}/accounts`, { action: 'assign', accounts: a.id })).status, 303);
    const admin = await newUser(a.id, { role: 'account_admin' });
    await sql(`UPDATE users SET custom_role_id = ${roleId} WHERE id = ${admin.id}`);
    const limited = await signIn(admin.email);
    const dialog = await limited.get(path);
    assert.equal(dialog.status, 200);
    assert.doesNotMatch(dialog.text, /MiVoice Business Service/);
    assert.equal((await add(limited, u.id)).status, 404);
    // a plain user manages no products
    const plain = await newUser(a.id);
    assert.ok([403, 404].includes((await add(await signIn(plain.email), u.id)).status));
    await unchanged(u.id, was, from);
  });

  test('Remove, confirmed, deletes the user\'s services on the PBX and keeps the user linked with no service', async () => {
    const u = await newUser(a.id, { signIn: false });
    assert.equal((await add(s, u.id)).status, 303);
    const [pbxId, dn] = await linkOf(u.id);
    const userPage = await s.get(`/a/${a.id}/users/${u.id}`);
    const removePath = `/a/${a.id}/users/${u.id}/mivb/remove`;
    assert.match(userPage.text, new RegExp(`href="${removePath}"`));
    const confirm = await s.get(removePath);
    assert.equal(confirm.status, 200);
    assert.match(visibleText(confirm.text), /Remove MiVoice Business Service\?/);
    assert.equal((await s.post(removePath, { _csrf: '0'.repeat(64) })).status, 403);
    assert.deepEqual((await pbxServices(a.pbx, pbxId)).phones.map((ph) => ph.dn), [dn], 'nothing removed without the token');
    const from = await lastEventId();
    const res = await s.send(removePath);
    assert.equal(res.status, 303, errorOf(res.text ?? '', 'pbx') ?? '');
    const v = await pbxServices(a.pbx, pbxId);
    assert.deepEqual([v.category, v.phones], [null, []]);
    assert.deepEqual(await linkOf(u.id), [pbxId, '', '']);
    const evs = await mivbEvents(a.id, from);
    assert.equal(evs.length, 1);
    assert.deepEqual([evs[0].action, evs[0].assetId], ['pbx_user_profile.update', pbxId]);
    assert.match(visibleText((await s.get(`/a/${a.id}/users/${u.id}`)).text), /no service assigned/);
    // the freed DN is offered again
    const next = await newUser(a.id, { signIn: false });
    assert.equal((await add(s, next.id)).status, 303);
    assert.equal((await linkOf(next.id))[1], dn);
    // a user the PBX does not have has nothing to remove
    const none = await newUser(a.id, { signIn: false });
    assert.equal((await s.get(`/a/${a.id}/users/${none.id}/mivb/remove`)).status, 404);
  });
});
