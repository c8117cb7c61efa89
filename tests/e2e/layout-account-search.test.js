// The header's account search over HTTP (guide §1.3, §2.15.1): a partner
// user finds customer accounts by any word of their name; exactly one match
// goes straight to its Account Information, several are listed, and the
// same page answers ?format=json for the suggestions typed in the header.
// An account manager finds only their assigned accounts; another partner's
// accounts, deactivated accounts and the partner account never appear.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { adminSession, lit, newCustomer, newPartner, newUser, partnerSession, signIn, uid, visibleText } from './lib/fixtures.js';

const search = (session, q) => session.get(`/accounts/search?q=${encodeURIComponent(q)}`);

async function found(session, q) {
  const res = await session.get(`/accounts/search?q=${encodeURIComponent(q)}&format=json`);
  assert.equal(res.status, 200, `search for ${q}`);
  assert.match(res.headers.get('content-type'), /^application\/json/);
  return JSON.parse(res.text);
}

const names = (list) => list.map((a) => a.name).sort();

describe('the header account search', () => {
  test('finds a customer account by any word of its name, the start of a word only', async () => {
    const { partner, session } = await partnerSession();
    const tag = uid();
    const northwind = await newCustomer(partner.id, `Northwind Traders ${tag}`);
    const great = await newCustomer(partner.id, `Great-North Holdings ${tag}`);
    await newCustomer(partner.id, `Contoso ${tag}`);

    assert.deepEqual(names(await found(session, 'north')), [great.name, northwind.name].sort());
    assert.deepEqual(names(await found(session, 'trad')), [northwind.name]);
    assert.deepEqual(names(await found(session, `traders ${tag}`)), [northwind.name]);
    assert.deepEqual(await found(session, `wind traders ${tag}`), [], 'not the middle of a word');
    assert.deepEqual(await found(session, `${tag.slice(0, 4)}%`), [], 'a % is a character, not a wildcard');
    assert.deepEqual(await found(session, '%'), []);
    const [hit] = await found(session, `holdings ${tag}`);
    assert.deepEqual(hit, { id: great.id, name: great.name, href: `/a/${great.id}/info` });
  });

  test('one match goes to its Account Information; several are listed; none says so', async () => {
    const { partner, session } = await partnerSession();
    const tag = uid();
    const one = await newCustomer(partner.id, `Tailspin ${tag} Toys`);
    const other = await newCustomer(partner.id, `Tailspin ${tag} Travel`);

    let res = await search(session, `${tag} toys`);
    assert.equal(res.status, 303, 'exactly one match');
    assert.equal(res.location, `/a/${one.id}/info`);

    res = await search(session, `tailspin ${tag}`);
    assert.equal(res.status, 200);
    assert.match(res.text, new RegExp(`<a href="/a/${one.id}/info">${one.name}</a>`));
    assert.match(res.text, new RegExp(`<a href="/a/${other.id}/info">${other.name}</a>`));

    res = await search(session, `nothing-${tag}`);
    assert.equal(res.status, 200);
    assert.match(visibleText(res.text), /No customer account name has a word starting with that\./);
    assert.match(res.text, new RegExp(`<input type="search" id="account-search" name="q" value="nothing-${tag}"`), 'the header keeps the text');
  });

  test('at most ten matches', async () => {
    const { partner, session } = await partnerSession();
    const tag = uid();
    for (let i = 0; i < 12; i++) await newCustomer(partner.id, `Fabrikam${tag} ${i}`);
    assert.equal((await found(session, `fabrikam${tag}`)).length, 10);
  });

  test('another partner\'s accounts, deactivated accounts and the partner account itself never appear', async () => {
    const { partner, session } = await partnerSession(`Litware${uid()}`);
    const tag = uid();
    const mine = await newCustomer(partner.id, `Shared${tag} Mine`);
    const other = await newPartner(`Shared${tag} Partner`);
    await newCustomer(other.id, `Shared${tag} Theirs`);
    const gone = await newCustomer(partner.id, `Shared${tag} Gone`);
    await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(gone.id)}`);
    assert.deepEqual(names(await found(session, `shared${tag}`)), [mine.name]);
    assert.deepEqual(await found(session, partner.name.split(' ')[0]), [], 'the partner account is not a customer');
    const res = await search(session, `shared${tag}`);
    assert.equal(res.location, `/a/${mine.id}/info`);
  });

  test('an account manager finds only the accounts assigned to them', async () => {
    const partner = await newPartner();
    const tag = uid();
    const assigned = await newCustomer(partner.id, `Adatum${tag} Assigned`);
    const unassigned = await newCustomer(partner.id, `Adatum${tag} Unassigned`);
    const manager = await newUser(partner.id, { role: 'account_manager' });
    await sql(`INSERT INTO account_manager_accounts (user_id, account_id) VALUES (${manager.id}, ${lit(assigned.id)})`);
    const session = await signIn(manager.email);

    assert.deepEqual(names(await found(session, `adatum${tag}`)), [assigned.name]);
    assert.deepEqual(await found(session, `adatum${tag} unassigned`), []);
    let res = await search(session, `adatum${tag}`);
    assert.equal(res.location, `/a/${assigned.id}/info`, 'their one match');
    res = await search(session, `adatum${tag} unassigned`);
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, new RegExp(unassigned.id));
    assert.doesNotMatch(res.text, /Unassigned/);

    // Their partner administrator finds both.
    const admin = await signIn(partner.email);
    assert.deepEqual(names(await found(admin, `adatum${tag}`)), [assigned.name, unassigned.name].sort());
  });

  test('a renamed account is found by its new name only', async () => {
    const { partner, session } = await partnerSession();
    const tag = uid();
    const account = await newCustomer(partner.id, `Oldname${tag} Ltd`);
    await sql(`UPDATE accounts SET name = ${lit(`Newname${tag} Ltd`)} WHERE id = ${lit(account.id)}`);
    assert.deepEqual(await found(session, `oldname${tag}`), []);
    assert.deepEqual((await found(session, `newname${tag}`)).map((a) => a.id), [account.id]);
  });

  test('customer users have no account search', async () => {
    const partner = await newPartner();
    const { session } = await adminSession(partner.id);
    const res = await search(session, 'a');
    assert.equal(res.status, 404);
    const home = await session.get('/');
    assert.doesNotMatch(home.text, /action="\/accounts\/search"/);
  });
});
