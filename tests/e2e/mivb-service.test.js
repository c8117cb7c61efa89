// Products and licenses → MiVoice Business Service (guide §3.1.2.1, §3.1.3.1,
// §3.1.3.2): a user the PBX has shows MiVoice Business (no service assigned)
// with Complete setup; Choose service category lists the PBX's categories
// with Select; Apply writes the category, and a user template's settings
// and programmable keys, to the PBX, reads them back and records the
// console's copy with its MiVB event in one transaction; Upgrade Service
// changes it later; a PBX failing part-way through the write leaves both
// sides as they were.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldError, lastEventId, lit, newUser, partnerSession, scalar, visibleText } from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import { pbxFault } from './lib/pbx.js';
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
