// The Users screens and SCIM provisioning (guide §2.4 notes, §3.2.6; ch3 §8):
// the fields Azure AD Sync owns are read-only in Edit User, with a note
// naming it, and a save keeps them as provisioned.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, fieldError, inputValue, lastEventId, newUser, uid, visibleText } from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import { scimAccount, scimUser } from './lib/scim.js';

const OWNED = ['first_name', 'last_name', 'name', 'email', 'mobile'];

/** A user Azure AD Sync provisions: its console id and the document's values. */
async function provisioned(s, label = 'owned') {
  const userName = `${label}-${uid()}@contoso.example.com`;
  const res = await s.client.post('/Users', scimUser(userName, {
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    displayName: 'Ada L.',
    phoneNumbers: [{ value: `+1415555${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`, type: 'mobile' }],
  }));
  assert.equal(res.status, 201, res.text);
  return { id: res.json.id, userName };
}

async function stored(id) {
  const [row] = await sql(`SELECT first_name, last_name, name, email, mobile FROM users WHERE id = ${Number(id)}`);
  return row;
}

describe('users provisioned by Azure AD Sync in the console', () => {
  let s;
  before(async () => { s = await scimAccount('Users SCIM'); });

  test('Edit User shows the fields Azure AD Sync owns read-only, with a note naming it', async () => {
    const u = await provisioned(s);
    const page = await s.session.get(`/a/${s.account.id}/users/${u.id}`);
    assert.equal(page.status, 200);
    for (const f of OWNED) {
      assert.match(page.text, new RegExp(`<input type="hidden" name="${f}"`), `${f}: not editable`);
      assert.ok(!new RegExp(`<input id="f-${f}"`).test(page.text), `${f}: no input`);
    }
    assert.equal((visibleText(page.text).match(/Provisioned by Azure AD Sync: change it there\./g) ?? []).length, OWNED.length);
    assert.equal(inputValue(page.text, 'email'), u.userName);
  });

  test('a save cannot change them: the stored values stay, the role still changes', async () => {
    const u = await provisioned(s, 'kept');
    const before = await stored(u.id);
    const since = await lastEventId();
    const res = await s.session.send(`/a/${s.account.id}/users/${u.id}`, {
      first_name: 'Changed', last_name: 'Here', name: 'Nickname', email: `changed-${uid()}@example.com`,
      mobile: '+14155550199', role: 'account_admin',
    });
    assert.equal(res.status, 303, fieldError(res.text, 'email') ?? res.text.slice(0, 300));
    assert.deepEqual(await stored(u.id), before, 'every source-owned field as provisioned');
    assert.equal((await sql(`SELECT role FROM users WHERE id = ${u.id}`))[0][0], 'account_admin');
    const events = await eventsOf(s.account.id, `id > ${since}`);
    assert.equal(events.length, 1);
    assert.equal(events[0].action, 'user.update');
    assert.ok(!JSON.stringify(events[0]).includes('Nickname'), 'the event lists no owned field as changed');
    // A value the form's own checks would refuse is no error either: nothing of it is used.
    const bad = await s.session.send(`/a/${s.account.id}/users/${u.id}`, { first_name: 'x', last_name: '', name: '',
      email: 'not an email', mobile: 'nope', role: 'account_admin' });
    assert.equal(bad.status, 303, fieldError(bad.text, 'email') ?? fieldError(bad.text, 'mobile') ?? '');
    assert.deepEqual(await stored(u.id), before);
  });

  test('a console user of the same account stays editable', async () => {
    const mine = await newUser(s.account.id);
    const page = await s.session.get(`/a/${s.account.id}/users/${mine.id}`);
    for (const f of OWNED) assert.match(page.text, new RegExp(`<input id="f-${f}"`), `${f}: editable`);
    assert.ok(!visibleText(page.text).includes('Provisioned by'));
    const res = await s.session.send(`/a/${s.account.id}/users/${mine.id}`, {
      first_name: 'Re', last_name: 'Named', name: '', email: mine.email, mobile: '', role: 'user',
    });
    assert.equal(res.status, 303);
    assert.equal((await stored(mine.id))[0], 'Re');
  });
});
