// A user's MiVoice Business User Configuration (guide §3.1.2.2): Service
// Programming, Phones and Programmable Keys read from the simulated PBX and
// saved back in one request; the console's rules and the PBX's refusals next
// to the field at fault; a change on the PBX meanwhile asks for a reload; a
// failed save leaves the PBX and the console as they were.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, fieldError, lastEventId, lit, newUser, partnerSession, visibleText } from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import { pbxFault } from './lib/pbx.js';
import { changeServicesOnPbx, mivbAccount, pbxServices, pbxState } from './lib/mivb.js';

async function sendForm(session, path, fields) {
  const body = new URLSearchParams({ _csrf: session.csrf });
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, String(v));
  return session.post(path, body);
}

/** The form's fields as the page drew them (inputs, checked boxes, selected options). */
function formFields(html) {
  const out = {};
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || name === '_csrf') continue;
    if (/type="checkbox"/.test(tag) && !/ checked/.test(tag)) continue;
    out[name] = (/value="([^"]*)"/.exec(tag)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  for (const [, name, body] of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const sel = /<option value="([^"]*)"[^>]* selected/.exec(body);
    if (sel) out[name] = sel[1];
  }
  return out;
}

describe('MiVoice Business: User Configuration', () => {
  let s, a, user, pbxId, path, own;
  before(async () => {
    const { partner, session } = await partnerSession('MiVB users');
    s = session;
    a = await mivbAccount(s, partner.id, { users: 12, step: 'connected' });
    const [[uid, pid]] = await sql(`SELECT user_id, pbx_id FROM pbx_users WHERE account_id = ${lit(a.id)}
      AND user_id IS NOT NULL AND pbx_id = 'MIVB-7-2'`);
    user = uid; pbxId = pid;
    path = `/a/${a.id}/users/${user}/mivb`;
    own = (await pbxServices(a.pbx, pbxId)).phones[0].dn;
  });

  test('the page shows Service Programming, the phone and its keys with the catalogue, incompatible functions marked', async () => {
    const page = await s.get(path);
    assert.equal(page.status, 200);
    const text = visibleText(page.text);
    for (const label of ['Service Programming', 'User pin', 'Auto-generate', 'Location', 'Department', 'Phones', 'Desk Phone',
      'Programmable Keys', 'Edit key for button number: 7', 'Reset All', '+ Add Phone']) {
      assert.ok(text.includes(label), label);
    }
    assert.match(page.text, /<option value="acd" disabled>ACD Not compatible with this device<\/option>/);
    assert.match((await s.get(`/a/${a.id}/users/${user}`)).text, new RegExp(`href="${path}"`), 'linked from the user');
  });

  test('Save sends keys, PIN and location to the PBX in one request, with an event', async () => {
    const fields = formFields((await s.get(path)).text);
    const from = await lastEventId();
    const res = await sendForm(s, path, { ...fields, action: 'save', pin: '482913', location: 'Warehouse', department: 'Ops',
      p0_k1_function: 'auto_answer', p0_k1_label: 'Answer', p0_k7_function: 'single_line', p0_k7_ring: 'ring', p0_k7_ext: own,
      p0_k7_float: '1' });
    assert.equal(res.status, 303, fieldError(res.text, 'pin') ?? visibleText(res.text).slice(-400));
    const v = await pbxServices(a.pbx, pbxId);
    assert.equal(v.pin, '482913');
    assert.equal(v.location, 'Warehouse');
    assert.deepEqual(v.phones[0].keys.map((k) => [k.button, k.function, k.label, k.ringType, k.extension, k.float]),
      [[1, 'auto_answer', 'Answer', '', '', false], [7, 'single_line', '', 'ring', own, true]]);
    const [ev] = await eventsOf(a.id, `id > ${from}`);
    assert.equal(ev.action, 'pbx_user_profile.update');
    assert.doesNotMatch(JSON.stringify(ev), /482913/, 'the PIN itself is never in the history');
  });

  test('the console\'s rules: PIN requirements, what a function takes, float keys; nothing is sent', async () => {
    const fields = formFields((await s.get(path)).text);
    const before = await pbxServices(a.pbx, pbxId);
    const res = await sendForm(s, path, { ...fields, action: 'save', pin: '1234',
      p0_k3_function: 'call_forward_busy_external', p0_k3_ext: '1001', p0_k4_function: 'speed_call',
      p0_k5_function: 'single_line', p0_k5_ext: own, p0_k5_float: '1', p0_k6_function: 'acd' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'pin'), 'The user pin may not be a run of digits such as 1234 or 9876.');
    assert.equal(fieldError(res.text, 'p0_k3_ext'), 'Extension cannot be defined for this function.');
    assert.equal(fieldError(res.text, 'p0_k4_ext'), 'This function needs an extension.');
    assert.equal(fieldError(res.text, 'p0_k6_function'), 'This function is not compatible with this device.');
    assert.deepEqual(await pbxServices(a.pbx, pbxId), before, 'the PBX saw nothing');
  });

  test('a PBX refusal comes back next to the key at fault, and nothing of the save is applied', async () => {
    const fields = formFields((await s.get(path)).text);
    const before = await pbxServices(a.pbx, pbxId);
    const res = await sendForm(s, path, { ...fields, action: 'save', pin: '739164',
      p0_k8_function: 'single_line', p0_k8_ring: 'ring', p0_k8_ext: '1005' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'p0_k8_ext'), 'The line 1005 is another user\'s prime line.');
    assert.deepEqual(await pbxServices(a.pbx, pbxId), before, 'the PIN did not change either');
  });

  test('a change made on the PBX since the page was read asks for a reload and is not overwritten', async () => {
    const fields = formFields((await s.get(path)).text);
    await changeServicesOnPbx(a.pbx, pbxId, 'Changed on the PBX');
    const res = await sendForm(s, path, { ...fields, action: 'save', department: 'Mine' });
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text), /changed on the MiVoice Business after you opened it\. Reload/);
    assert.equal((await pbxServices(a.pbx, pbxId)).department, 'Changed on the PBX');
  });

  test('a PBX failing part-way through the save leaves both sides as they were', async () => {
    const fields = formFields((await s.get(path)).text);
    const before = await pbxServices(a.pbx, pbxId);
    const copy = `SELECT department, location, extensions, service_category FROM pbx_users WHERE account_id = ${lit(a.id)} AND pbx_id = ${lit(pbxId)}`;
    const consoleBefore = await sql(copy);
    const aborted = (await pbxState(a.pbx)).abortedWrites;
    const from = await lastEventId();
    // the PBX's transaction fails after the profile, before the phones
    await pbxFault(a.pbx, 'write-midway', { count: 1 });
    const res = await sendForm(s, path, { ...fields, action: 'save', department: 'Never', p0_k2_function: 'auto_answer' });
    await pbxFault(a.pbx, 'none');
    assert.equal(res.status, 422);
    assert.equal((await pbxState(a.pbx)).abortedWrites, aborted + 1, 'the write itself failed, not the read before it');
    assert.deepEqual(await pbxServices(a.pbx, pbxId), before);
    assert.deepEqual(await sql(copy), consoleBefore);
    assert.deepEqual(await eventsOf(a.id, `id > ${from}`), []);
  });

  test('a save the PBX took is recorded with the console\'s copy of the user and one MiVB event, in one transaction', async () => {
    const fields = formFields((await s.get(path)).text);
    const from = await lastEventId();
    const res = await sendForm(s, path, { ...fields, action: 'save', department: 'Logistics' });
    assert.equal(res.status, 303);
    const [[department]] = await sql(`SELECT department FROM pbx_users WHERE account_id = ${lit(a.id)} AND pbx_id = ${lit(pbxId)}`);
    assert.equal(department, 'Logistics');
    const rows = await sql(`SELECT event_type, asset_type, asset_id, properties_changed FROM events WHERE account_id = ${lit(a.id)} AND id > ${from}`);
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0][0], rows[0][2]], ['mivb', pbxId]);
    assert.ok(JSON.parse(rows[0][3]).includes('department'));
  });

  test('when the console cannot record a change the PBX took, the page says so and no event is written without its state', async () => {
    const fields = formFields((await s.get(path)).text);
    const from = await lastEventId();
    // the console's copy of the user refuses this department: its transaction fails after the PBX took the save
    await sql("ALTER TABLE pbx_users ADD CONSTRAINT test_unrecordable CHECK (department <> 'Unrecordable')");
    let res;
    try {
      res = await sendForm(s, path, { ...fields, action: 'save', department: 'Unrecordable' });
    } finally {
      await sql('ALTER TABLE pbx_users DROP CONSTRAINT test_unrecordable');
    }
    assert.equal(res.status, 500);
    assert.match(visibleText(res.text), /The MiVoice Business made the change, but the console could not record it/);
    assert.equal((await pbxServices(a.pbx, pbxId)).department, 'Unrecordable', 'the PBX has it');
    assert.deepEqual(await eventsOf(a.id, `id > ${from}`), [], 'the event went with the state');
  });

  test('Auto-generate, + Add Phone (Hot Desk with its options) and Reset All redraw the form without saving', async () => {
    const fields = formFields((await s.get(path)).text);
    let res = await sendForm(s, path, { ...fields, action: 'autogen' });
    assert.equal(res.status, 200);
    const pin = formFields(res.text).pin;
    assert.match(pin, /^\d{6}$/);
    res = await sendForm(s, path, { ...fields, action: 'add_phone', new_phone: 'hotdesk' });
    assert.match(visibleText(res.text), /Hot Desk .*Additional options ACD Agent External Phone/);
    res = await sendForm(s, path, { ...fields, action: 'reset_0' });
    assert.doesNotMatch(res.text, /name="p0_k7_function"[^>]*>[\s\S]*?<option value="single_line" selected/);
  });

  test('a template applied (Apply Changes) gives its category, defaults and keys; Save puts them on the PBX', async () => {
    let res = await s.send(`/a/${a.id}/user-templates/new`, { name: 'Front desk', mivb: '1', category: 'Premium',
      department: 'Reception', phone_type: 'desk', model: '6940', k1_button: '2', k1_function: 'do_not_disturb', k1_label: 'DND' });
    assert.equal(res.status, 303);
    const tpl = /name="template"[\s\S]*?<option value="(\d+)">Front desk<\/option>/.exec((await s.get(path)).text)[1];
    const fields = formFields((await s.get(path)).text);
    res = await sendForm(s, path, { ...fields, action: 'apply_template', template: tpl, filter: '1' });
    assert.equal(res.status, 200);
    const applied = formFields(res.text);
    assert.equal(applied.department, 'Reception');
    assert.equal(applied.p0_model, '6940');
    assert.equal(applied.p0_k2_function, 'do_not_disturb');
    res = await sendForm(s, path, { ...applied, action: 'save' });
    assert.equal(res.status, 303, visibleText(res.text ?? '').slice(-300));
    const v = await pbxServices(a.pbx, pbxId);
    assert.equal(v.category, 'Premium');
    assert.equal(v.phones[0].model, '6940');
    assert.deepEqual(v.phones[0].keys.map((k) => [k.button, k.function, k.label]), [[2, 'do_not_disturb', 'DND']]);
    // with the user now in Premium, the filter hides templates of other categories
    await s.send(`/a/${a.id}/user-templates/new`, { name: 'Basic desk', mivb: '1', category: 'Basic' });
    const page = await s.get(path);
    assert.match(page.text, />Front desk</);
    assert.doesNotMatch(page.text, />Basic desk</);
  });

  test('the service category is chosen from the PBX\'s categories; one it does not have is refused next to the field', async () => {
    const page = await s.get(path);
    assert.match(page.text, /<option value="Standard"[^>]*>Standard<\/option>/);
    const fields = formFields(page.text);
    let res = await sendForm(s, path, { ...fields, action: 'save', category: 'Platinum' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'category'), 'There is no service category Platinum.');
    res = await sendForm(s, path, { ...fields, action: 'save', category: 'Standard' });
    assert.equal(res.status, 303);
    assert.equal((await pbxServices(a.pbx, pbxId)).category, 'Standard');
  });

  test('a user the PBX does not have has no User Configuration', async () => {
    const other = await newUser(a.id, { signIn: false });
    assert.equal((await s.get(`/a/${a.id}/users/${other.id}/mivb`)).status, 404);
  });
});
