// The Single Sign-On dialog (guide §3.2.2.1; ch3 §6.1): each field's rules,
// the signing certificates checked with OpenSSL (a private key refused and
// never sent back), the identity provider's metadata file, several
// certificates at once and their renewal, and the status line's warning
// before a certificate expires.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminSession, eventsOf, fieldError, inputValue, lastEventId, newCustomer, newUser, partnerSession, stateOf,
  visibleText,
} from './lib/fixtures.js';
import {
  configureSso, fromAddress, idpCertificate, idpRespond, idpURL, idpUser, makeCertificate, postResponse,
  signedInBy, startSignIn, testIdpFields,
} from './lib/sso.js';

const STATE = ['SELECT account_id, idp_name, idp_entity_id, sign_in_url, certificates, mitel_credentials FROM sso_configs ORDER BY account_id'];

describe('the Single Sign-On dialog', () => {
  let sP, partner, account;
  before(async () => {
    ({ session: sP, partner } = await partnerSession('SSO dialog'));
    account = await newCustomer(partner.id, 'Dialog');
  });
  const path = () => `/a/${account.id}/integrations/sso`;

  /** Saves fields over the test IdP's; expects a refusal with message next to field. */
  async function refused(overrides, field, message) {
    const before = await stateOf(...STATE);
    const res = await sP.send(path(), await testIdpFields(overrides));
    assert.equal(res.status, 422, `${field}: ${res.status}`);
    const error = fieldError(res.text, field);
    assert.ok(error && error.includes(message), `${field}: "${error}" should say "${message}"`);
    assert.deepEqual(await stateOf(...STATE), before, 'nothing saved');
    return res;
  }

  test('the three values from the identity provider and its name are required', async () => {
    await refused({ idp_name: '' }, 'idp_name', 'required');
    await refused({ sign_in_url: '' }, 'sign_in_url', 'required');
    await refused({ idp_entity_id: '' }, 'idp_entity_id', 'required');
    await refused({ certificates: '' }, 'certificates', 'required');
  });

  test('the sign-in URL is https (http only to this machine), the entity ID one line of at most 1024', async () => {
    await refused({ sign_in_url: 'http://idp.example.com/sso' }, 'sign_in_url', 'https://');
    await refused({ sign_in_url: 'ftp://idp.example.com/sso' }, 'sign_in_url', 'https://');
    await refused({ sign_in_url: `https://idp.example.com/${'x'.repeat(1100)}` }, 'sign_in_url', '');
    await refused({ idp_entity_id: 'x'.repeat(1025) }, 'idp_entity_id', '');
  });

  test('a pasted private key is refused, says so, and is not sent back', async () => {
    const { key, cert } = makeCertificate();
    const res = await refused({ certificates: `${cert}\n${key}` }, 'certificates', 'This is a private key');
    assert.ok(!res.text.includes('PRIVATE KEY'), 'the key is not echoed into the form');
  });

  test('each PEM block must be a current X.509 certificate with an RSA 2048+ or EC key', async () => {
    await refused({ certificates: 'just some text' }, 'certificates', 'required');
    await refused({ certificates: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n' },
      'certificates', 'X.509');
    await refused({ certificates: makeCertificate({ key: 'rsa:1024' }).cert }, 'certificates', 'too weak');
    await refused({ certificates: makeCertificate({ from: -60, to: -1 }).cert }, 'certificates', 'expired');
    // One bad block among good ones is enough to refuse.
    await refused({ certificates: `${await idpCertificate()}${makeCertificate({ from: -60, to: -1 }).cert}` }, 'certificates', 'expired');
    const ec = await sP.send(path(), await testIdpFields({ certificates: makeCertificate({ key: 'ec' }).cert }));
    assert.equal(ec.status, 303, 'an EC certificate is taken');
  });

  test('saving writes the configuration and one event; the page shows it back with its certificates', async () => {
    const since = await lastEventId();
    await configureSso(sP, account.id, { idp_name: 'Contoso Entra' });
    const [event] = await eventsOf(account.id, `id > ${since}`);
    assert.ok(['sso.create', 'sso.update'].includes(event.action));
    assert.equal(event.details.property, 'integrations.sso');
    assert.equal(event.details.idp_name.to, 'Contoso Entra');
    const page = await sP.get(path());
    assert.equal(inputValue(page.text, 'idp_name'), 'Contoso Entra');
    assert.ok(visibleText(page.text).includes('Switchboard test IdP (idp)'), 'the certificate in use is listed');
    assert.match(visibleText(page.text), /valid until \d{4}-\d\d-\d\d/);
  });

  test('the identity provider\'s metadata file fills the three values (Read metadata), then Save keeps them', async () => {
    const metadata = await (await fetch(`${idpURL}/metadata`)).text();
    const other = await newCustomer(partner.id, 'Metadata');
    const form = (action) => {
      const body = new FormData();
      body.append('_csrf', sP.csrf);
      body.append('idp_name', 'From metadata');
      body.append('metadata', new Blob([metadata], { type: 'text/xml' }), 'idp-metadata.xml');
      body.append('action', action);
      return body;
    };
    const read = await sP.post(`/a/${other.id}/integrations/sso`, form('read'));
    assert.equal(read.status, 200);
    assert.equal(inputValue(read.text, 'idp_entity_id'), 'urn:switchboard:test-idp');
    assert.match(inputValue(read.text, 'sign_in_url'), /\/sso$/);
    assert.match(read.text, /BEGIN CERTIFICATE/);
    assert.equal(await stateOf(`SELECT COUNT(*) FROM sso_configs WHERE account_id = '${other.id}'`).then((r) => r.at(-1)[0]), '0',
      'Read metadata saves nothing');
    const saved = await sP.post(`/a/${other.id}/integrations/sso`, form('save'));
    assert.equal(saved.status, 303);
    const bad = new FormData();
    bad.append('_csrf', sP.csrf);
    bad.append('idp_name', 'Broken');
    bad.append('metadata', new Blob(['<not-metadata/>'], { type: 'text/xml' }), 'x.xml');
    const res = await sP.post(`/a/${other.id}/integrations/sso`, bad);
    assert.equal(res.status, 422);
    assert.ok(fieldError(res.text, 'metadata'));
  });

  test('with several certificates, a Response signed with any of them is taken (renewal)', async () => {
    const R = await newCustomer(partner.id, 'Renewal');
    const user = await newUser(R.id);
    await idpUser({ email: user.email, password: 'x' });
    const signInWith = async (variant) => {
      const client = fromAddress();
      const { SAMLRequest } = await startSignIn(client, R.id);
      return postResponse(client, await idpRespond({ SAMLRequest, email: user.email, variant }));
    };
    await configureSso(sP, R.id);
    assert.equal((await signInWith('good')).status, 303);
    assert.equal((await signInWith('next-key')).status, 403, 'the renewed key is not known yet');
    // The change-over: both certificates, one after the other.
    await configureSso(sP, R.id, { certificates: `${await idpCertificate('idp')}\n${await idpCertificate('idp-next')}` });
    const page = await sP.get(`/a/${R.id}/integrations/sso`);
    assert.ok(visibleText(page.text).includes('(idp-next)'), 'both are listed');
    for (const variant of ['good', 'next-key']) {
      const res = await signInWith(variant);
      assert.equal(res.status, 303, variant);
      assert.ok(signedInBy(res));
    }
    // Renewed: only the new one.
    await configureSso(sP, R.id, { certificates: await idpCertificate('idp-next') });
    assert.equal((await signInWith('next-key')).status, 303);
    assert.equal((await signInWith('good')).status, 403, 'the old key no longer signs anyone in');
  });

  test('the status line warns 30 days before the earliest certificate expires, and says when it has', async () => {
    const W = await newCustomer(partner.id, 'Expiring');
    const status = async () => visibleText((await sP.get(`/a/${W.id}/integrations/sso`)).text);
    assert.ok((await status()).includes('Complete setup'), 'not set up yet');
    await configureSso(sP, W.id, { certificates: `${await idpCertificate()}${makeCertificate({ to: 10 }).cert}` });
    assert.match(await status(), /expires in 1[01] days/);
    await configureSso(sP, W.id, { certificates: makeCertificate({ to: 45 }).cert });
    assert.doesNotMatch(await status(), /expires in/);
    assert.match(await status(), /valid until/);
  });

  test('an Account Admin sets it up for their own account; a user of the account cannot open it', async () => {
    const { account: own, session } = await adminSession(partner.id, 'Own SSO');
    await configureSso(session, own.id);
    assert.equal((await session.get(`/a/${account.id}/integrations/sso`)).status, 404, 'another account is out of reach');
    assert.equal((await sP.get(`/a/${partner.id}/integrations/sso`)).status, 404, 'not in the partner account');
  });
});
