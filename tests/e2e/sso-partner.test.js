// Partner sign-in through the partner identity provider (guide §1.2, §1.3):
// the first sign-in makes the partner account and its partner administrator
// from the assertion, once, even when two first sign-ins race; later ones
// land there; sign-ins the provider starts itself are taken for it alone,
// with the same checks; and no password of ours is offered for change. A
// refused sign-in leaves its event in the partner account it was for (its
// own Event History), as a customer account's refusal does in that account.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, email, eventsOf, lastEventId, lit, scalar, uid, visibleText } from './lib/fixtures.js';
import { sql } from './lib/stack.js';
import {
  fromAddress, idpRespond, idpUser, postResponse, signedInBy, startSignIn, baseURL,
} from './lib/sso.js';

/** A person of the partner IdP, in an organisation. */
async function partnerPerson(org = { name: `Org ${uid()}`, id: `org-${uid()}` }, label = 'partner') {
  const person = {
    email: email(label), password: 'miaccess', givenName: 'Pat', surname: `Partner${uid()}`,
    organization: org.name, organizationId: org.id,
  };
  await idpUser(person);
  return { ...person, org };
}

/** An SP-initiated sign-in at the partner ACS: the console's response. */
async function signIn(person, variant = 'good', client = fromAddress()) {
  const { SAMLRequest } = await startSignIn(client, 'partner');
  const res = await postResponse(client, await idpRespond({ SAMLRequest, email: person.email, variant }));
  return { client, res };
}

const accountsOf = (orgId) => sql(`SELECT a.id, a.name, a.kind FROM partner_idp_accounts p JOIN accounts a ON a.id = p.account_id
  WHERE p.org_key = ${lit(orgId)}`);

describe('the partner identity provider', () => {
  test('the sign-in page offers it (MiAccess) and its metadata is ours', async () => {
    const page = await fromAddress().get('/login');
    assert.ok(visibleText(page.text).includes('MiAccess'));
    assert.match(page.text, /href="\/saml2\/partner\/login"/);
    const meta = await fromAddress().get('/saml2/partner');
    assert.equal(meta.status, 200);
    assert.ok(meta.text.includes(`entityID="${baseURL}/saml2/partner"`));
  });

  test('a first sign-in makes the partner account and its administrator from the assertion; later ones land there', async () => {
    const person = await partnerPerson();
    const accounts = await count('accounts');
    const { client, res } = await signIn(person);
    assert.equal(res.status, 303, res.text.slice(0, 300));
    assert.ok(signedInBy(res));
    assert.equal(await count('accounts'), accounts + 1);
    const [[accountId, name, kind]] = await accountsOf(person.org.id);
    assert.equal(name, person.org.name);
    assert.equal(kind, 'partner');
    const [[role, first, last, registered]] = await sql(`SELECT role, first_name, last_name, registered FROM users
      WHERE account_id = ${lit(accountId)} AND email = ${lit(person.email)}`);
    assert.deepEqual([role, first, last, registered], ['partner_admin', person.givenName, person.surname, '1']);
    const home = await client.get('/');
    assert.equal(home.status, 200);
    assert.ok(visibleText(home.text).includes(`${person.givenName} ${person.surname}`));
    // Signed in through the provider: no password of ours to change (guide §1.3).
    assert.doesNotMatch(home.text, /href="\/password"/);
    assert.equal((await client.get('/password')).status, 404);
    const again = await signIn(person);
    assert.equal(again.res.status, 303);
    assert.equal(await count('accounts'), accounts + 1, 'no second account');
    assert.equal(await scalar(`SELECT u.account_id FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE u.email = ${lit(person.email)} ORDER BY s.created_at DESC LIMIT 1`), accountId);
  });

  test('a second person of the organisation joins its partner account', async () => {
    const first = await partnerPerson();
    await signIn(first);
    const second = await partnerPerson(first.org, 'colleague');
    const { res } = await signIn(second);
    assert.equal(res.status, 303);
    const [[accountId]] = await accountsOf(first.org.id);
    assert.equal(await count('users', `account_id = ${lit(accountId)}`), 2);
  });

  test('two first sign-ins at once make one account: the same person twice, and two colleagues', async () => {
    const person = await partnerPerson();
    const [a, b] = await Promise.all([signIn(person), signIn(person)]);
    assert.deepEqual([a.res.status, b.res.status], [303, 303], 'both sign in');
    assert.equal((await accountsOf(person.org.id)).length, 1);
    const [[accountId]] = await accountsOf(person.org.id);
    assert.equal(await count('users', `account_id = ${lit(accountId)}`), 1);
    assert.equal(await count('accounts', `name = ${lit(person.org.name)}`), 1, 'the loser\'s account was rolled back');

    const org = { name: `Org ${uid()}`, id: `org-${uid()}` };
    const people = await Promise.all([partnerPerson(org, 'one'), partnerPerson(org, 'two'), partnerPerson(org, 'three')]);
    const results = await Promise.all(people.map((p) => signIn(p)));
    assert.deepEqual(results.map((r) => r.res.status), [303, 303, 303]);
    assert.equal((await accountsOf(org.id)).length, 1);
    const [[orgAccount]] = await accountsOf(org.id);
    assert.equal(await count('users', `account_id = ${lit(orgAccount)}`), 3);
  });

  test('a sign-in started at the provider\'s portal is taken, once', async () => {
    const person = await partnerPerson();
    const sp = `${baseURL}/saml2/partner`;
    const response = await idpRespond({ acs: `${sp}/acs`, audience: sp, email: person.email, variant: 'unsolicited' });
    const res = await postResponse(fromAddress(), response);
    assert.equal(res.status, 303);
    assert.ok(signedInBy(res));
    const replay = await postResponse(fromAddress(), response);
    assert.equal(replay.status, 403, 'the same Response again is a replay');
    assert.ok(!signedInBy(replay));
  });

  test('bad Responses are refused at the partner ACS too, and make no account', async () => {
    const person = await partnerPerson();
    const accounts = await count('accounts');
    for (const variant of ['unsigned', 'other-key', 'wrong-audience', 'expired', 'wrapped', 'second-assertion', 'wrong-issuer']) {
      const { res } = await signIn(person, variant);
      assert.equal(res.status, 403, variant);
      assert.ok(!signedInBy(res), variant);
    }
    assert.equal(await count('accounts'), accounts);
    // A customer account's Response is no partner sign-in.
    const sp = `${baseURL}/saml2/${person.org.id}`;
    const res = await postResponse(fromAddress(), await idpRespond({ acs: `${baseURL}/saml2/partner/acs`, audience: sp,
      email: person.email, variant: 'unsolicited' }));
    assert.equal(res.status, 403);
  });

  // The reason each bad Response is refused for at the partner ACS, as its
  // event records it (sso.test.js has the same at a customer account's ACS;
  // an unsolicited Response is taken here, from the provider's portal).
  const BAD = {
    unsigned: 'signature',
    'other-key': 'signature',
    'next-key': 'signature',
    'wrong-audience': 'audience',
    'wrong-destination': 'destination',
    'wrong-recipient': 'subject',
    'wrong-issuer': 'issuer',
    expired: 'time',
    'not-yet-valid': 'time',
    wrapped: 'assertion_count',
    'wrapped-copy': 'signature',
    'second-assertion': 'assertion_count',
    'other-in-response-to': 'unknown_request',
    'mismatched-in-response-to': 'in_response_to',
    'missing-in-response-to': 'in_response_to',
    'failed-status': 'not_success',
  };

  /** A person whose organisation signed in once already: its partner account's id. */
  async function known() {
    const person = await partnerPerson();
    const { res } = await signIn(person);
    assert.equal(res.status, 303);
    const [[accountId]] = await accountsOf(person.org.id);
    return { person, accountId };
  }

  /** Asserts res was refused with one event of reason in the partner account, and nothing else happened. */
  async function assertRefused(what, res, accountId, reason, since, before) {
    assert.equal(res.status, 403, `${what}: refused`);
    assert.ok(!signedInBy(res), `${what}: no session`);
    assert.equal(await count('sessions'), before.sessions, `${what}: no session stored`);
    assert.equal(await count('accounts'), before.accounts, `${what}: no account made`);
    const events = await eventsOf(accountId, `id > ${since}`);
    assert.equal(events.length, 1, `${what}: one event in the partner account's history`);
    assert.equal(events[0].action, 'sso.sign_in_refused', what);
    assert.equal(events[0].details.reason, reason, `${what}: the reason is recorded`);
    assert.equal(await count('events', `id > ${since} AND action = 'sso.sign_in_refused'`), 1, `${what}: no event anywhere else`);
  }

  test('every bad Response is refused with an event in the partner account\'s own history', async () => {
    const { person, accountId } = await known();
    const pages = new Set();
    for (const [variant, reason] of Object.entries(BAD)) {
      const before = { sessions: await count('sessions'), accounts: await count('accounts') };
      const since = await lastEventId();
      const { res } = await signIn(person, variant);
      await assertRefused(variant, res, accountId, reason, since, before);
      pages.add(visibleText(res.text));
    }
    assert.equal(pages.size, 1, 'one page whatever went wrong');
  });

  test('a replayed Response, and a second answer to a request already answered, are refused with their events', async () => {
    const { person, accountId } = await known();
    const client = fromAddress();
    const { SAMLRequest } = await startSignIn(client, 'partner');
    const good = await idpRespond({ SAMLRequest, email: person.email, variant: 'good' });
    assert.equal((await postResponse(client, good)).status, 303);
    let before = { sessions: await count('sessions'), accounts: await count('accounts') };
    let since = await lastEventId();
    await assertRefused('replay', await postResponse(fromAddress(), good), accountId, 'replay', since, before);
    // Another assertion for the same request: the request was taken by the first.
    const again = await idpRespond({ SAMLRequest, email: person.email, variant: 'good' });
    before = { sessions: await count('sessions'), accounts: await count('accounts') };
    since = await lastEventId();
    await assertRefused('request answered', await postResponse(fromAddress(), again), accountId, 'unknown_request', since,
      before);
  });

  test('a refusal for an organisation with no partner account yet makes none, and is only logged', async () => {
    const person = await partnerPerson();
    const accounts = await count('accounts');
    const since = await lastEventId();
    for (const variant of ['wrong-destination', 'failed-status', 'other-in-response-to']) {
      const { res } = await signIn(person, variant);
      assert.equal(res.status, 403, variant);
    }
    assert.equal(await count('accounts'), accounts);
    assert.equal(await count('events', `id > ${since} AND action = 'sso.sign_in_refused'`), 0, 'no history to write to');
    assert.deepEqual(await accountsOf(person.org.id), []);
  });
});
