// Mitel One Settings (guide §3.1.4; spec ch3 §4.2): the ⚙ of the Mitel One
// integration. Allow users to change their avatar is on until cleared; Save
// writes it with its event and the account policy API tells the apps;
// Remove leads to removing the integration; Cancel goes back.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, config, consoleBin } from './lib/stack.js';
import { lit, newCustomer, newPartner, newUser, scalar, signIn, visibleText } from './lib/fixtures.js';

const send = (who, path, fields) => who.post(path, new URLSearchParams({ _csrf: who.csrf, ...fields }));

async function customer(label) {
  const p = await newPartner(label);
  const sP = await signIn(p.email);
  const a = await newCustomer(p.id);
  return { p, sP, a, path: `/a/${a.id}/integrations/mitel_one` };
}

const stored = async (w) => String(await scalar(`SELECT mitel_one_avatar_change FROM account_policy WHERE account_id = ${lit(w.a.id)}`) ?? 'none');

describe('Mitel One Settings', () => {
  test('not there before Mitel One is added; then the ⚙ of its row opens it, checked by default', async () => {
    const w = await customer('Mitel One settings');
    assert.equal((await w.sP.get(w.path)).status, 404);
    assert.equal((await send(w.sP, w.path, { allow_avatar: '1' })).status, 404);
    assert.equal((await send(w.sP, `/a/${w.a.id}/integrations/add`, { kind: 'mitel_one' })).status, 303);
    const panel = await w.sP.get(`/a/${w.a.id}/integrations`);
    assert.match(panel.text, new RegExp(`href="${w.path}\\?from=integrations"[^>]*aria-label="Settings for Mitel One"`));
    const page = await w.sP.get(`${w.path}?from=integrations`);
    assert.equal(page.status, 200);
    const text = visibleText(page.text);
    for (const words of ['Mitel One Settings', 'Allow users to change their avatar', 'Remove', 'Cancel', 'Save']) {
      assert.ok(text.includes(words), words);
    }
    assert.match(page.text, /id="f-allow_avatar" name="allow_avatar" value="1" checked/);
    assert.match(page.text, new RegExp(`href="/a/${w.a.id}/integrations/remove\\?kind=mitel_one&amp;from=integrations"`));
    assert.match(page.text, new RegExp(`class="button secondary" href="/a/${w.a.id}/integrations"`));
  });

  test('Save clears and sets it, one event each; the policy API follows; the same value writes nothing', async () => {
    const w = await customer('Mitel One avatar');
    assert.equal((await send(w.sP, `/a/${w.a.id}/integrations/add`, { kind: 'mitel_one' })).status, 303);
    const cleared = await send(w.sP, w.path, { from: 'info' });
    assert.equal(cleared.status, 303);
    assert.equal(cleared.headers.get('location'), `/a/${w.a.id}/info`);
    assert.equal(await stored(w), '0');
    const ev = JSON.parse(await scalar(`SELECT details FROM events WHERE account_id = ${lit(w.a.id)} AND action = 'integration.update' ORDER BY id DESC LIMIT 1`));
    assert.deepEqual(ev['mitelOne.allowAvatarChange'], { from: 'on', to: 'off' });
    assert.equal(ev.integration, 'Mitel One');
    assert.doesNotMatch((await w.sP.get(w.path)).text, /name="allow_avatar" value="1" checked/);

    const events = async () => Number(await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(w.a.id)} AND action = 'integration.update'`));
    const n = await events();
    assert.equal((await send(w.sP, w.path, {})).status, 303);
    assert.equal(await events(), n, 'unchanged: no event');

    // The apps read it from the account policy API.
    const token = execFileSync(consoleBin, ['-c', config, 'issue-credential', '--partner', w.p.id, '--kind', 'app',
      '--label', 'Mitel One settings test'], { encoding: 'utf8' }).trim();
    const policy = async () => JSON.parse((await new Client().get(`/api/v1/accounts/${w.a.id}/policy`, { headers: { authorization: `Bearer ${token}` } })).text);
    assert.deepEqual((await policy()).mitelOne, { allowAvatarChange: false });
    assert.equal((await send(w.sP, w.path, { allow_avatar: '1' })).status, 303);
    assert.equal(await stored(w), '1');
    assert.deepEqual((await policy()).mitelOne, { allowAvatarChange: true });
  });

  test('bad input, no CSRF token, another partner and a plain user are refused, writing nothing', async () => {
    const w = await customer('Mitel One guard');
    assert.equal((await send(w.sP, `/a/${w.a.id}/integrations/add`, { kind: 'mitel_one' })).status, 303);
    const updates = async () => Number(await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(w.a.id)} AND action = 'integration.update'`));
    // Each refused request clears the box: any write would show.
    const bad = await send(w.sP, w.path, { from: 'the Info page!' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /name="allow_avatar"/, 'the form again, with the message');
    assert.equal(await stored(w), '1');
    assert.equal((await w.sP.post(w.path, new URLSearchParams({}))).status, 403);
    const other = await signIn((await newPartner('Mitel One other')).email);
    assert.equal((await other.get(w.path)).status, 404);
    assert.equal((await send(other, w.path, {})).status, 404);
    const plain = await signIn((await newUser(w.a.id)).email);
    assert.equal((await send(plain, w.path, {})).status, 404, 'not his to see');
    assert.equal(await stored(w), '1');
    assert.equal(await updates(), 0);
  });
});
