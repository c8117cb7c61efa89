// The gateway portal's Partner Dashboard (seed 001; ch2 §10): who is signed
// in, Create Customer, and the Customer List — Customer Name, Account ID,
// Registered Users, Status — with each customer's onboarding step as a link,
// Overview once deployed and problems in red; filters by status and name.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { adminSession, lit, newCustomer, newUser, partnerSession, signIn, visibleText } from './lib/fixtures.js';
import { pbxFault, settled, gateway } from './lib/pbx.js';
import { gatewayAccount, wizard } from './lib/gateway.js';

/** The Customer List's rows: { name, id, registered, registeredHref, status, level, href, text }. */
function rows(html) {
  return [...html.matchAll(/<tr data-href="([^"]+)">([\s\S]*?)<\/tr>/g)].map(([, href, row]) => {
    const cells = [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]);
    return {
      href, name: visibleText(cells[0]).trim(), id: visibleText(cells[1]).trim(), registered: visibleText(cells[2]).trim(),
      registeredHref: /href="([^"]+)"/.exec(cells[2])[1], level: /level-(\w+)/.exec(row)[1],
      status: visibleText(/<a [^>]*>([\s\S]*?)<\/a>/.exec(cells[3])[1]).trim(), text: visibleText(cells[3]).trim(),
    };
  });
}
const byName = (list) => Object.fromEntries(list.map((r) => [r.name, r]));

describe('Partner Dashboard', () => {
  test('the first time: who is signed in, Create Customer and Welcome to CloudLink; in the menu as Gateway Portal', async () => {
    const { partner, session } = await partnerSession('Portal first');
    const res = await session.get('/gateway-portal');
    assert.equal(res.status, 200);
    const text = visibleText(res.text);
    assert.match(text, /Partner Dashboard CloudLink Gateway Portal Mitel MiAccess Identity [^]*? Mitel MiAccess Organization Name Portal first/);
    assert.match(text, /You signed in to this console directly/);
    assert.match(res.text, /<a class="button" href="\/accounts\/new">Create Customer<\/a>/);
    assert.match(text, /Welcome to CloudLink/);
    assert.match(res.text, /<a href="\/gateway-portal" aria-current="page">Gateway Portal<\/a>/);
    const { account, session: admin } = await adminSession(partner.id, 'Portal admin');
    assert.equal((await admin.get('/gateway-portal')).status, 404, 'partners only');
    assert.ok(!(await admin.get(`/a/${account.id}/users`)).text.includes('Gateway Portal'));
  });

  test('each customer with its onboarding status, linked to its step; Overview when deployed; problems in red', async () => {
    const { partner, session } = await partnerSession('Portal statuses');
    const fresh = await gatewayAccount(session, partner.id, 'new');
    const claimed = await gatewayAccount(session, partner.id, 'claimed');
    const done = await gatewayAccount(session, partner.id, 'complete', { pbx: { type: 'mivo400', users: 8, noEmail: 1 } });
    const failing = await gatewayAccount(session, partner.id, 'connected', { pbx: { type: 'mxone', users: 4 } });
    await pbxFault(failing.pbx, 'down');
    await gateway('sync-now', failing.id);
    await settled(failing.id, failing.link.lastAttempt);
    await newUser(done.id, { role: 'account_admin' });

    const res = await session.get('/gateway-portal');
    assert.match(res.text, /<th scope="col">Customer Name<\/th><th scope="col">Account ID<\/th>\s*<th scope="col">Registered Users<\/th><th scope="col">Status<\/th>/);
    const list = byName(rows(res.text));
    assert.deepEqual(Object.keys(list), [fresh, claimed, done, failing].map((a) => a.name).sort((x, y) => x.localeCompare(y)).sort(),
      'every active customer, by name');
    assert.deepEqual(list[fresh.name], { ...list[fresh.name], id: fresh.id, status: 'Add Gateway', level: 'none', href: wizard(fresh.id) });
    assert.equal(list[claimed.name].status, 'Configure gateway');
    assert.equal(list[claimed.name].href, wizard(claimed.id, 'site'));
    assert.equal(list[done.name].status, 'Overview');
    assert.equal(list[done.name].href, wizard(done.id, 'overview'));
    assert.match(list[done.name].text, /There are irregularities with email addresses on the PBX/);
    assert.equal(list[done.name].registered, '1', 'the registered users');
    assert.equal(list[done.name].registeredHref, `/a/${done.id}/users?property=registered`);
    assert.equal(list[failing.name].level, 'error', 'in red');
    assert.match(list[failing.name].status, /^PBX sync failing: PBX unreachable from the gateway/);
    assert.equal(list[failing.name].href, wizard(failing.id, 'connect'));
    await pbxFault(failing.pbx, 'none');

    const only = async (status) => rows((await session.get(`/gateway-portal?status=${status}`)).text).map((r) => r.name).sort();
    assert.deepEqual(await only('complete'), [done.name]);
    assert.deepEqual(await only('attention'), [failing.name]);
    assert.deepEqual(await only('not_started'), [fresh.name]);
    assert.deepEqual(await only('in_progress'), [claimed.name, failing.name].sort());
    assert.deepEqual(await only('nonsense'), [fresh, claimed, done, failing].map((a) => a.name).sort(), 'an unknown filter is all');
  });

  test('the name filter, account managers\' own customers, and no deactivated customer', async () => {
    const { partner, session } = await partnerSession('Portal scope');
    const zeta = await newCustomer(partner.id, 'Zeta 100%_Labs');
    const other = await newCustomer(partner.id, 'Omega Works');
    const gone = await newCustomer(partner.id, 'Zeta Closed');
    await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(gone.id)}`);
    const names = async (who, q) => rows((await who.get(`/gateway-portal?q=${encodeURIComponent(q)}`)).text).map((r) => r.name);
    assert.deepEqual(await names(session, 'zeta'), [zeta.name]);
    assert.deepEqual(await names(session, 'Zeta 100%_'), [zeta.name], 'typed characters are literal');
    assert.deepEqual(await names(session, 'Zeta 1000'), []);
    assert.deepEqual((await names(session, '')).sort(), [zeta.name, other.name].sort());
    const manager = await newUser(partner.id, { role: 'account_manager' });
    await sql(`INSERT INTO account_manager_accounts (user_id, account_id) VALUES (${manager.id}, ${lit(other.id)})`);
    assert.deepEqual(await names(await signIn(manager.email), ''), [other.name]);
  });

  test('Registered Users follows sign-ups, deletions and a PBX user\'s removed login', async () => {
    const { partner, session } = await partnerSession('Portal registered');
    const a = await gatewayAccount(session, partner.id, 'connected', { pbx: { type: 'mxone', users: 3 } });
    const count = async () => byName(rows((await session.get('/gateway-portal')).text))[a.name].registered;
    assert.equal(await count(), '0');
    const u1 = await newUser(a.id);
    await newUser(a.id);
    await newUser(a.id, { signIn: false });
    assert.equal(await count(), '2');
    const pbxUser = (await sql(`SELECT id FROM users WHERE account_id = ${lit(a.id)} AND pbx_user = 1 LIMIT 1`))[0][0];
    await sql(`UPDATE users SET registered = 1, password_hash = 'x' WHERE id = ${pbxUser}`);
    assert.equal(await count(), '3');
    assert.equal((await session.send(`/a/${a.id}/users/${pbxUser}/delete`, { confirm: 'delete' })).status, 303);
    assert.equal(await count(), '2', 'its login went');
    assert.equal((await session.send(`/a/${a.id}/users/${u1.id}/delete`, { confirm: 'delete' })).status, 303);
    assert.equal(await count(), '1');
  });
});
