// User Management → User Templates (guide §3.1.3.2; permissions §2.14.4):
// the list with its PRODUCTS, Create Template with MiVoice Business defaults
// and keys checked against the catalogues, edit, Save as new, and delete with
// the typed word.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, fieldError, lastEventId, lit, partnerSession, scalar, visibleText } from './lib/fixtures.js';
import { newCustomer } from './lib/fixtures.js';

describe('User Templates', () => {
  test('create, list with PRODUCTS, edit, Save as new, delete with the typed word', async () => {
    const { partner, session: s } = await partnerSession('Templates');
    const a = await newCustomer(partner.id, 'Templates customer');
    const base = `/a/${a.id}/user-templates`;
    let page = await s.get(base);
    assert.equal(page.status, 200);
    assert.match(visibleText(page.text), /User Templates.*Create Template/);
    assert.match(page.text, new RegExp(`href="${base}"`), 'in the menu');
    const from = await lastEventId();
    let res = await s.send(`${base}/new`, { name: 'Sales desk', description: 'Sales people', mivb: '1', category: 'Premium',
      location: 'Head Office', department: 'Sales', phone_type: 'desk', model: '6930',
      k1_button: '7', k1_function: 'single_line', k1_ring: 'ring', k1_ext: '1000', k1_float: '1',
      k2_button: '1', k2_function: 'auto_answer', k2_label: 'Answer' });
    assert.equal(res.status, 303, visibleText(res.text ?? '').slice(-300));
    const id = await scalar(`SELECT id FROM user_templates WHERE account_id = ${lit(a.id)} AND name = 'Sales desk'`);
    const mivb = JSON.parse(await scalar(`SELECT mivb FROM user_templates WHERE id = ${id}`));
    assert.equal(mivb.phone.model, '6930');
    assert.deepEqual(mivb.phone.keys.map((k) => [k.button, k.function, k.float]), [[7, 'single_line', true], [1, 'auto_answer', false]]);
    page = await s.get(base);
    assert.match(visibleText(page.text), /NAME DESCRIPTION PRODUCTS.*Sales desk Sales people/);
    assert.match(page.text, /alt="MiVoice Business"/);

    // the key rules of the chosen set, next to the row at fault
    res = await s.send(`${base}/new`, { name: 'Bad keys', mivb: '1', phone_type: 'desk', model: '6920',
      k1_button: '7', k1_function: 'single_line', k1_ring: 'ring', k1_ext: '1000', k1_float: '1', k2_button: '2', k2_function: 'acd' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'k1_float'), 'This phone has no float keys.');
    assert.equal(fieldError(res.text, 'k2_function'), 'This function is not compatible with this device.');
    res = await s.send(`${base}/new`, { name: 'Sales desk' });
    assert.equal(fieldError(res.text, 'name'), 'Another template has this name.');

    // edit, then Save as new keeps the original
    res = await s.send(`${base}/${id}`, { name: 'Sales desk', description: 'Changed', mivb: '1', phone_type: 'sip', action: 'save' });
    assert.equal(res.status, 303);
    assert.equal(await scalar(`SELECT description FROM user_templates WHERE id = ${id}`), 'Changed');
    res = await s.send(`${base}/${id}`, { name: 'Support desk', description: 'Copy', action: 'save_as_new' });
    assert.equal(res.status, 303);
    assert.equal(await scalar(`SELECT COUNT(*) FROM user_templates WHERE account_id = ${lit(a.id)}`), '2');
    assert.equal(await scalar(`SELECT name FROM user_templates WHERE id = ${id}`), 'Sales desk');

    // Delete Template? asks for the word
    page = await s.get(`${base}/${id}/delete`);
    assert.match(visibleText(page.text), /Delete Template\? Sales desk/);
    res = await s.send(`${base}/${id}/delete`, { confirm: 'remove' });
    assert.equal(res.status, 422);
    res = await s.send(`${base}/${id}/delete`, { confirm: 'delete' });
    assert.equal(res.status, 303);
    assert.equal(await scalar(`SELECT COUNT(*) FROM user_templates WHERE id = ${id}`), '0');
    const actions = (await eventsOf(a.id, `id > ${from}`)).map((e) => e.action);
    assert.deepEqual(actions, ['user_template.create', 'user_template.update', 'user_template.create', 'user_template.delete']);
  });
});
