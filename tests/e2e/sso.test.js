// Single sign-on for a customer account (guide §1.2, §3.2.2; ch3 §6.3): the
// email-first sign-in, SP-initiated sign-in through the stack's test IdP,
// every bad Response refused with one page and an event, the replay cache
// shared by the workers, and who keeps a password.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  count, email, eventsOf, lastEventId, lit, newCustomer, newUser, partnerSession, PASSWORD, scalar, visibleText,
} from './lib/fixtures.js';
import { csrfFrom, sql } from './lib/stack.js';
import {
  configureSso, fromAddress, idpRespond, idpUser, postResponse, signedInBy, startSignIn,
} from './lib/sso.js';

/** Email first: Next with the password left empty. */
async function emailStep(client, userEmail, extra = {}) {
  const page = await client.get('/login');
  return client.post('/login', { email: userEmail, password: '', next: '1', _csrf: csrfFrom(page.text), ...extra });
}

async function passwordSignIn(client, userEmail, extra = {}) {
  const page = await client.get('/login');
  return client.post('/login', { email: userEmail, password: PASSWORD, next: '1', _csrf: csrfFrom(page.text), ...extra });
}

/** A customer account with single sign-on through the test IdP, its admin and a user known to the IdP. */
async function ssoAccount(sP, partnerId, label = 'SSO') {
  const account = await newCustomer(partnerId, label);
  const admin = await newUser(account.id, { role: 'account_admin' });
  const user = await newUser(account.id);
  await idpUser({ email: user.email, password: 'idp-secret', givenName: 'Sam', surname: 'Single' });
  await configureSso(sP, account.id);
  return { account, admin, user };
}

/** A Response of variant for a fresh AuthnRequest of accountId, posted by a client of its own. */
async function attempt(accountId, userEmail, variant, extra = {}) {
  const client = fromAddress();
  const { SAMLRequest } = await startSignIn(client, accountId);
  const response = await idpRespond({ SAMLRequest, email: userEmail, variant, ...extra });
  return { client, response, res: await postResponse(client, response) };
}

describe('single sign-on of a customer account', () => {
  let sP, partner, A, B;
  before(async () => {
    ({ session: sP, partner } = await partnerSession('SSO'));
    A = await ssoAccount(sP, partner.id, 'SSO A');
    B = await ssoAccount(sP, partner.id, 'SSO B');
  });

  test('our entity ID and ACS, in the dialog and in the metadata anyone may fetch', async () => {
    const page = await sP.get(`/a/${A.account.id}/integrations/sso`);
    assert.equal(page.status, 200);
    const text = visibleText(page.text);
    for (const label of ['Mitel Identifier (Entity ID)', 'Reply URL (Assertion Consumer Service URL)', 'Sign-in URL',
      'IDP Identifier (Entity ID)', 'Signing Certificate(s)', 'Enable Mitel Credentials (Optional)', 'Remove', 'Cancel', 'Save']) {
      assert.ok(text.includes(label), `the dialog shows ${label}`);
    }
    const entity = `${new URL(page.text.match(/value="(http[^"]*\/saml2\/[^"]*)"/)[1]).origin}/saml2/${A.account.id}`;
    assert.ok(page.text.includes(`value="${entity}"`));
    assert.ok(page.text.includes(`value="${entity}/acs"`));
    const meta = await fromAddress().get(`/saml2/${A.account.id}?download=1`);
    assert.equal(meta.status, 200);
    assert.match(meta.headers.get('content-type'), /samlmetadata\+xml/);
    assert.match(meta.headers.get('content-disposition'), /attachment/);
    assert.ok(meta.text.includes(`entityID="${entity}"`));
    assert.ok(meta.text.includes(`Location="${entity}/acs"`));
    assert.equal((await fromAddress().get(`/saml2/${partner.id}`)).status, 404, 'no SP of a partner account');
  });

  test('a user goes from the email to the identity provider and back, signed in (SP-initiated)', async () => {
    const client = fromAddress();
    const step = await emailStep(client, A.user.email);
    assert.equal(step.status, 200);
    assert.match(step.text, new RegExp(`http-equiv="refresh" content="0; url=/saml2/${A.account.id}/login"`));
    assert.ok(visibleText(step.text).includes('Sign in with Test IdP'));
    const { location, SAMLRequest } = await startSignIn(client, A.account.id);
    assert.equal(location.pathname, '/sso');
    assert.ok(SAMLRequest);
    const res = await postResponse(client, await idpRespond({ SAMLRequest, email: A.user.email, variant: 'good' }));
    assert.equal(res.status, 303, res.text.slice(0, 300));
    assert.equal(res.location, '/');
    assert.ok(signedInBy(res));
    const home = await client.get(`/a/${A.account.id}`);
    assert.equal(home.status, 200);
    assert.ok(visibleText(home.text).includes(A.user.name), 'signed in as the user the IdP named');
  });

  test('a Response signed on the Response, or on both, is taken too', async () => {
    for (const variant of ['response-signed', 'both-signed']) {
      const { res } = await attempt(A.account.id, A.user.email, variant);
      assert.equal(res.status, 303, variant);
      assert.ok(signedInBy(res), variant);
    }
  });

  // The reason each bad Response is refused for, as the event records it.
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
    unsolicited: 'unsolicited',
    'failed-status': 'not_success',
  };

  test('every bad Response is refused: the same page, nobody signed in, an event with the reason', async () => {
    const pages = new Set();
    for (const [variant, reason] of Object.entries(BAD)) {
      const sessions = await count('sessions');
      const since = await lastEventId();
      const { res } = await attempt(A.account.id, A.user.email, variant);
      assert.equal(res.status, 403, `${variant}: refused`);
      assert.ok(!signedInBy(res), `${variant}: no session`);
      assert.equal(await count('sessions'), sessions, `${variant}: no session stored`);
      const events = await eventsOf(A.account.id, `id > ${since}`);
      assert.equal(events.length, 1, `${variant}: one event`);
      assert.equal(events[0].action, 'sso.sign_in_refused');
      assert.equal(events[0].details.reason, reason, `${variant}: the reason is recorded`);
      pages.add(visibleText(res.text));
    }
    assert.equal(pages.size, 1, 'one page whatever went wrong');
    const [page] = pages;
    assert.ok(page.includes('We could not sign you in'));
    assert.doesNotMatch(page, /signature|audience|expired|assertion/i, 'the page gives no detail away');
  });

  test('a Response for one account is refused at another account\'s ACS', async () => {
    const client = fromAddress();
    const { SAMLRequest } = await startSignIn(client, A.account.id);
    const response = await idpRespond({ SAMLRequest, email: B.user.email, variant: 'good' });
    const res = await client.post(`/saml2/${B.account.id}/acs`, { SAMLResponse: response.SAMLResponse });
    assert.equal(res.status, 403);
    assert.ok(!signedInBy(res));
  });

  test('a replayed Response is refused by every worker; of two sent at once, one signs in', async () => {
    const first = await attempt(A.account.id, A.user.email, 'good');
    assert.equal(first.res.status, 303);
    const since = await lastEventId();
    // Sent at once, the replays reach both workers of the stack.
    const replays = await Promise.all(Array.from({ length: 6 }, () => postResponse(fromAddress(), first.response)));
    assert.deepEqual(replays.map((r) => r.status), Array(6).fill(403));
    assert.ok(replays.every((r) => !signedInBy(r)));
    const reasons = (await eventsOf(A.account.id, `id > ${since}`)).map((e) => e.details.reason);
    assert.deepEqual(reasons, Array(6).fill('replay'));
    // A fresh Response sent twice at the same moment: the database lets one through.
    const client = fromAddress();
    const { SAMLRequest } = await startSignIn(client, A.account.id);
    const response = await idpRespond({ SAMLRequest, email: A.user.email, variant: 'good' });
    const both = await Promise.all([postResponse(fromAddress(), response), postResponse(fromAddress(), response)]);
    assert.deepEqual(both.map((r) => r.status).sort(), [303, 403]);
  });

  test('nobody is created for a customer account: a NameID that is no active user of the account is refused', async () => {
    const stranger = email('stranger');
    const other = await newUser(B.account.id);
    const inactive = await newUser(A.account.id);
    await sql(`UPDATE users SET active = 0 WHERE id = ${inactive.id}`);
    for (const who of [stranger, other.email, inactive.email]) {
      const users = await count('users');
      const since = await lastEventId();
      const { res } = await attempt(A.account.id, who, 'good');
      assert.equal(res.status, 403, who);
      assert.equal(await count('users'), users, 'no user created');
      const [event] = await eventsOf(A.account.id, `id > ${since}`);
      assert.equal(event.details.reason, 'no_user');
      assert.equal(event.details.name_id, who, 'the event says whom the IdP named');
    }
  });

  test('users of an account with single sign-on go to the IdP even with a password; Account Admins keep theirs', async () => {
    const user = await passwordSignIn(fromAddress(), A.user.email);
    assert.equal(user.status, 200);
    assert.ok(!signedInBy(user), 'the password is not checked, nor enough');
    assert.match(user.text, /http-equiv="refresh"/);
    const admin = await passwordSignIn(fromAddress(), A.admin.email);
    assert.equal(admin.status, 303, 'an Account Admin signs in with the password');
    const choice = await emailStep(fromAddress(), A.admin.email);
    assert.ok(visibleText(choice.text).includes('Sign in with Test IdP'), 'and is offered the IdP too');
    assert.match(choice.text, /name="password" type="password"/);
  });

  test('with Mitel credentials enabled, every user may choose the password', async () => {
    const C = await ssoAccount(sP, partner.id, 'SSO Mitel');
    await configureSso(sP, C.account.id, { mitel_credentials: '1' });
    const step = await emailStep(fromAddress(), C.user.email);
    assert.equal(step.status, 200);
    assert.ok(visibleText(step.text).includes('Sign in with Test IdP'));
    assert.doesNotMatch(step.text, /http-equiv="refresh"/, 'a choice, not a redirect');
    assert.equal((await passwordSignIn(fromAddress(), C.user.email)).status, 303);
  });

  test('an email of several accounts asks which account, by its Account ID', async () => {
    const plain = await newCustomer(partner.id, 'Plain');
    const shared = email('shared');
    await newUser(A.account.id, { mail: shared });
    await newUser(plain.id, { mail: shared });
    const ask = await emailStep(fromAddress(), shared);
    assert.equal(ask.status, 200);
    assert.ok(visibleText(ask.text).includes('Account ID'));
    assert.match(ask.text, /name="account"/);
    const toIdp = await emailStep(fromAddress(), shared, { account: A.account.id });
    assert.match(toIdp.text, new RegExp(`/saml2/${A.account.id}/login`));
    const toPassword = await emailStep(fromAddress(), shared, { account: plain.id });
    assert.doesNotMatch(toPassword.text, /saml2/);
    assert.match(toPassword.text, /name="password" type="password"/);
    const signedIn = await passwordSignIn(fromAddress(), shared, { account: plain.id });
    assert.equal(signedIn.status, 303);
    assert.equal(await scalar(`SELECT u.account_id FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE u.email = ${lit(shared)} ORDER BY s.created_at DESC LIMIT 1`), plain.id);
  });

  test('an email nobody has gets the password step, like any password user', async () => {
    const unknown = await emailStep(fromAddress(), email('nobody'));
    const known = await emailStep(fromAddress(), (await newUser(A.account.id, { role: 'account_admin' })).email);
    assert.equal(unknown.status, 200);
    assert.match(unknown.text, /name="password" type="password"/);
    assert.doesNotMatch(unknown.text, /saml2/);
    assert.ok(known.status === 200);
  });

  test('Remove asks first; then the account\'s users sign in with passwords again', async () => {
    const R = await ssoAccount(sP, partner.id, 'SSO Remove');
    const ask = await sP.get(`/a/${R.account.id}/integrations/sso/remove`);
    assert.equal(ask.status, 200);
    assert.ok(visibleText(ask.text).includes('Remove Single Sign-On Integration'));
    assert.ok(visibleText(ask.text).includes('Remove integration'));
    const since = await lastEventId();
    const res = await sP.send(`/a/${R.account.id}/integrations/sso/remove`);
    assert.equal(res.status, 303);
    assert.deepEqual((await eventsOf(R.account.id, `id > ${since}`)).map((e) => e.action), ['sso.remove']);
    assert.equal((await fromAddress().get(`/saml2/${R.account.id}/login`)).status, 404);
    assert.equal((await passwordSignIn(fromAddress(), R.user.email)).status, 303);
    assert.equal((await sP.get(`/a/${R.account.id}/integrations/sso/remove`)).status, 404, 'nothing left to remove');
  });
});
