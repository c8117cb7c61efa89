// A second service provider as a cross-check (ch3 §6.4): @node-saml/node-saml,
// set up for the same account, identity provider and certificates, is fed
// every Response the test IdP makes - good ones and each bad variant - and
// must accept exactly those ours accepts.
//
// node-saml leaves four rules of SAML core to its caller for Responses, so
// the oracle here is node-saml plus those four, checked on the XML below:
// the Response's Destination is our ACS, the bearer confirmation's Recipient
// too, the Response and its Assertion come from the identity provider
// (node-saml's idpIssuer is checked on logout messages only), and its status
// is Success (node-saml reads the status only of a Response without an
// assertion).

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { SAML } from '@node-saml/node-saml';
import { newCustomer, newUser, partnerSession } from './lib/fixtures.js';
import {
  baseURL, configureSso, fromAddress, IDP_ENTITY_ID, idpCertificate, idpPublicURL, idpRespond, idpUser,
  postResponse, signedInBy, startSignIn,
} from './lib/sso.js';

/** A cache of request ids node-saml checks InResponseTo against; taking one removes it, as ours does. */
function requestCache() {
  const open = new Map();
  return {
    open,
    saveAsync: async (key, value) => { open.set(key, value); return value; },
    getAsync: async (key) => open.get(key) ?? null,
    removeAsync: async (key) => { const had = open.get(key) ?? null; open.delete(key); return had; },
  };
}

function otherRules(xml, acs) {
  const destination = /<samlp:Response\b[^>]*\bDestination="([^"]*)"/.exec(xml);
  const recipients = [...xml.matchAll(/<saml:SubjectConfirmationData\b[^>]*\bRecipient="([^"]*)"/g)].map((m) => m[1]);
  const issuers = [...xml.matchAll(/<saml:Issuer>([^<]*)<\/saml:Issuer>/g)].map((m) => m[1]);
  const status = /<samlp:Status><samlp:StatusCode Value="([^"]*)"/.exec(xml);
  return destination && destination[1] === acs && recipients.length > 0 && recipients.every((r) => r === acs) &&
    issuers.length > 0 && issuers.every((i) => i === IDP_ENTITY_ID) &&
    status && status[1] === 'urn:oasis:names:tc:SAML:2.0:status:Success';
}

describe('a second service provider (node-saml) accepts exactly what ours accepts', () => {
  let account, user, sp, cache;
  before(async () => {
    const { session, partner } = await partnerSession('Cross-check');
    account = await newCustomer(partner.id, 'Cross-check');
    user = await newUser(account.id);
    await idpUser({ email: user.email, password: 'x' });
    await configureSso(session, account.id);
    const entity = `${baseURL}/saml2/${account.id}`;
    cache = requestCache();
    sp = new SAML({
      callbackUrl: `${entity}/acs`,
      entryPoint: `${idpPublicURL}/sso`,
      issuer: entity,
      audience: entity,
      idpIssuer: IDP_ENTITY_ID,
      idpCert: [await idpCertificate('idp')],
      wantAssertionsSigned: false,
      wantAuthnResponseSigned: false,
      validateInResponseTo: 'always',
      requestIdExpirationPeriodMs: 10 * 60000,
      acceptedClockSkewMs: 180000,
      cacheProvider: cache,
    });
  });

  /** node-saml's verdict on a Response (plus the two rules it leaves out). */
  async function theirs(response) {
    try {
      // A Response that is no sign-in (a failed status) comes back without a profile.
      const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: response.SAMLResponse });
      if (!profile) return false;
    } catch {
      return false;
    }
    return otherRules(response.xml, response.acs);
  }

  const VARIANTS = ['good', 'response-signed', 'both-signed', 'next-key', 'unsigned', 'other-key', 'wrong-audience',
    'wrong-destination', 'wrong-recipient', 'wrong-issuer', 'expired', 'not-yet-valid', 'wrapped', 'wrapped-copy',
    'second-assertion', 'other-in-response-to', 'mismatched-in-response-to', 'unsolicited', 'failed-status'];

  for (const variant of VARIANTS) {
    test(variant, async () => {
      const client = fromAddress();
      const { SAMLRequest } = await startSignIn(client, account.id);
      const response = await idpRespond({ SAMLRequest, email: user.email, variant });
      // The request both were sent: node-saml learns its id as ours stored it.
      const id = /\bID="([^"]+)"/.exec(requestXml(SAMLRequest))[1];
      await cache.saveAsync(id, new Date().toISOString());
      const node = await theirs(response);
      const res = await postResponse(client, response);
      const ours = res.status === 303 && signedInBy(res);
      assert.equal(ours, node, `${variant}: ours ${ours ? 'accepts' : 'refuses'}, node-saml ${node ? 'accepts' : 'refuses'}`);
      assert.equal(ours, ['good', 'response-signed', 'both-signed'].includes(variant), `${variant}: the expected verdict`);
      // The same Response again: both refuse it (our replay cache, node-saml's request ids used up).
      if (ours) {
        assert.equal(await theirs(response), false, `${variant} replayed: node-saml`);
        assert.equal((await postResponse(fromAddress(), response)).status, 403, `${variant} replayed: ours`);
      }
    });
  }
});

/** The AuthnRequest's XML (HTTP-Redirect: deflated, then base64). */
function requestXml(SAMLRequest) {
  return inflateRawSync(Buffer.from(SAMLRequest, 'base64')).toString('utf8');
}
