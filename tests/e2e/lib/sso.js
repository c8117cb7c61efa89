// Helpers for the single sign-on tests (tests/e2e/sso*.test.js): the stack's
// test identity provider (tests/fixtures/saml-idp.js) and its control API, a
// customer account with single sign-on set up through the dialog, and clients
// that come from loopback addresses of their own (the ACS is a public POST:
// nginx counts those per address).

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Client, config } from './stack.js';

const hdf = readFileSync(config, 'utf8');
/** The test IdP's control API (and, from here, its pages). */
export const idpURL = /^TestIdP\.URL = (\S+)/m.exec(hdf)[1];
export const IDP_ENTITY_ID = 'urn:switchboard:test-idp';
/** Where browsers meet the test IdP: another site than the console. */
export const idpPublicURL = idpURL.replace('127.0.0.1', 'localhost');
export const baseURL = /^Site\.BaseURL = (\S+)/m.exec(hdf)[1];

async function idp(path, body) {
  const res = await fetch(`${idpURL}${path}`, body ? { method: 'POST', body: JSON.stringify(body) } : {});
  assert.equal(res.status, 200, `test IdP ${path}`);
  return path.startsWith('/control/certificate') ? res.text() : res.json();
}

/** A user of the test IdP: { email, password, givenName, surname, organization, organizationId }. */
export function idpUser(user) {
  return idp('/control/users', user);
}

/** A Response of the test IdP (variant: see saml-idp.js): { acs, SAMLResponse, xml }. */
export function idpRespond(body) {
  return idp('/control/respond', body);
}

/** One of the test IdP's certificates: idp, idp-next or other. */
export function idpCertificate(key = 'idp') {
  return idp(`/control/certificate?key=${key}`);
}

/** A loopback address of its own (127.x.y.z). */
export function newAddress() {
  const [a, b, c] = randomBytes(3);
  return `127.${a}.${b}.${(c % 250) + 2}`;
}

/** A client whose requests come from its own loopback address (node:http; fetch cannot choose). */
export function fromAddress(address = newAddress(), base) {
  const c = new Client(base);
  c.address = address;
  c.request = (method, path, { body, headers = {} } = {}) => new Promise((resolve, reject) => {
    const url = new URL(path, c.base);
    const data = body ? Buffer.from(String(body instanceof URLSearchParams || typeof body === 'string' ? body
      : new URLSearchParams(body))) : null;
    const cookie = c.cookieHeader();
    const req = httpRequest({
      host: url.hostname, port: url.port, path: url.pathname + url.search, method, localAddress: address,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(data ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': data.length } : {}),
        ...headers,
      },
    }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => {
        const h = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of [value].flat()) h.append(name, v);
        }
        c.storeCookies(h);
        resolve({ status: res.statusCode, headers: h, text: Buffer.concat(chunks).toString('utf8'), location: h.get('location') });
      });
    });
    req.on('error', reject);
    req.end(data ?? undefined);
  });
  return c;
}

/** The dialog's fields for the test IdP (certificates: PEM text). */
export async function testIdpFields(overrides = {}) {
  return {
    idp_name: 'Test IdP',
    sign_in_url: `${idpPublicURL}/sso`,
    idp_entity_id: IDP_ENTITY_ID,
    certificates: await idpCertificate('idp'),
    ...overrides,
  };
}

/** Saves the Single Sign-On dialog of accountId as session (a Session of fixtures.js). */
export async function configureSso(session, accountId, overrides = {}) {
  const res = await session.send(`/a/${accountId}/integrations/sso`, await testIdpFields(overrides));
  assert.equal(res.status, 303, `Single Sign-On saved (${res.status}): ${res.text.slice(0, 400)}`);
  return res;
}

/** Starts an SP-initiated sign-in as client: the AuthnRequest the console sends to the IdP. */
export async function startSignIn(client, accountId) {
  const res = await client.get(accountId === 'partner' ? '/saml2/partner/login' : `/saml2/${accountId}/login`);
  assert.equal(res.status, 303, `AuthnRequest (${res.status})`);
  const location = new URL(res.location);
  return { location, SAMLRequest: location.searchParams.get('SAMLRequest') };
}

/** Posts a Response to its ACS as client. */
export function postResponse(client, response) {
  return client.post(new URL(response.acs).pathname, { SAMLResponse: response.SAMLResponse });
}

/** Whether a response signed its client in: a session cookie was set. */
export function signedInBy(res) {
  return res.headers.getSetCookie().some((c) => c.startsWith('sb_session=') && !/^sb_session=;/.test(c));
}

/** A PEM certificate made by openssl (and its key), valid for days (negative: expired). */
export { makeCertificate } from './certs.js';
