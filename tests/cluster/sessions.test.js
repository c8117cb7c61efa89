// Nothing is kept on a console between requests (ARCHITECTURE §10): a
// session, its CSRF token, the sign-in throttle and a write just made work
// whichever console - and so whichever database node - serves the next
// request.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { console1URL, console2URL, sqlOn } from './lib/cluster.js';
import { PASSWORD, Session, newCustomer, newPartner, uid } from '../e2e/lib/fixtures.js';

/** A second client with the same cookies (the same browser) on another console. */
function sameBrowser(session, url) {
  const other = new Session(url);
  other.cookies = session.cookies;
  other.csrf = session.csrf;
  return other;
}

describe('a session from any console', () => {
  test('signed in through console 1, the session goes on through console 2', async () => {
    const partner = await newPartner('Roaming');
    const one = new Session(console1URL);
    const login = await one.login(partner.email, PASSWORD);
    assert.equal(login.status, 303);
    assert.ok(one.cookies.get('sb_sync'), 'a write marks the next pages for causal reads');
    const two = sameBrowser(one, console2URL);
    const home = await two.get('/accounts');
    assert.equal(home.status, 200, 'console 2 knows the session at once');
    assert.match(home.text, new RegExp(partner.email.replace(/[.]/g, '\\.')));
    // A form drawn by console 2 posts to console 1 with its CSRF token.
    await two.refreshCsrf();
    one.csrf = two.csrf;
    const account = await newCustomer(partner.id, 'Either');
    const res = await one.send(`/a/${account.id}/users/new`, {
      first_name: 'Ada', last_name: 'Roams', email: `ada-${uid()}@test.example.com`, mobile: '',
    });
    assert.equal(res.status, 303);
    // Signing out through console 2 ends the session for console 1 too.
    await two.send('/logout');
    const after = await one.get('/accounts');
    assert.equal(after.status, 303);
    assert.equal(after.location, '/login');
  });

  test('a write through console 1 is read at once through console 2 (the page after the redirect)', async () => {
    const partner = await newPartner('Causal');
    const one = new Session(console1URL);
    assert.equal((await one.login(partner.email, PASSWORD)).status, 303);
    await one.refreshCsrf();
    const account = await newCustomer(partner.id, 'Fresh');
    const two = sameBrowser(one, console2URL);
    for (let i = 0; i < 10; i++) {
      const name = `Fresh${uid()}`;
      const res = await one.send(`/a/${account.id}/users/new`, {
        first_name: 'Just', last_name: name, email: `${name.toLowerCase()}@test.example.com`, mobile: '',
      });
      assert.equal(res.status, 303);
      // The browser follows the redirect; here console 2 (another node) serves it.
      const page = await two.get(res.location);
      assert.equal(page.status, 200, `attempt ${i}: the new user's page through the other console`);
      assert.match(page.text, new RegExp(name));
    }
  });

  test('the sign-in throttle counts failures made through both consoles', async () => {
    const partner = await newPartner('Throttled');
    const max = 5; // Login.MaxFailures of the cluster's config
    for (let i = 0; i < max; i++) {
      const s = new Session(i % 2 ? console2URL : console1URL);
      const res = await s.login(partner.email, 'wrong password');
      assert.equal(res.status, 422, `failure ${i + 1} draws the form again`);
      assert.doesNotMatch(res.text, /Too many failed sign-in attempts/);
    }
    const [[failures]] = await sqlOn(3, `SELECT MAX(failures) FROM login_failures`, { causal: true });
    assert.ok(Number(failures) >= max, 'node 3 has every failure');
    for (const url of [console1URL, console2URL]) {
      const res = await new Session(url).login(partner.email, PASSWORD);
      assert.notEqual(res.status, 303, 'even the right password waits now');
      assert.match(res.text, /Too many failed sign-in attempts/);
    }
  });
});
