// Helpers of the SCIM tests: an account with Azure AD Sync set up through
// its page (Generate keys), and a client of its SCIM service.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { baseURL, config } from './stack.js';
import { newCustomer, partnerSession } from './fixtures.js';

/** The Secret Token shown on the page Generate keys answers. */
export function tokenIn(html) {
  const m = /id="secret-token">([0-9a-f]{64})</.exec(html);
  return m ? m[1] : null;
}

/** Generate keys on the account's Azure AD Sync page; resolves with the new token. */
export async function generateKeys(session, accountId) {
  const res = await session.send(`/a/${accountId}/integrations/azure-ad-sync/keys`, {});
  assert.equal(res.status, 200, `Generate keys (${res.status})`);
  const token = tokenIn(res.text);
  assert.ok(token, 'Generate keys shows the Secret Token');
  return token;
}

/** A partner, a customer account of it with Azure AD Sync set up, and a SCIM client of that account. */
export async function scimAccount(label = 'SCIM') {
  const { partner, session } = await partnerSession(label);
  const account = await newCustomer(partner.id, `${label} customer`);
  const token = await generateKeys(session, account.id);
  return { partner, session, account, token, client: new ScimClient(account.id, token) };
}

/** A value of the stack's config (switchboard.hdf), e.g. ScimPeer.URL. */
export function configValue(key) {
  const line = readFileSync(config, 'utf8').split('\n').find((l) => l.startsWith(`${key} =`));
  return line ? line.slice(key.length + 2).trim() : null;
}

/** A client of one account's SCIM service (/scim/v2/<account>). */
export class ScimClient {
  constructor(accountId, token) {
    this.accountId = accountId;
    this.token = token;
    this.base = `${baseURL}/scim/v2/${accountId}`;
  }

  /** Resolves with { status, headers, json, text }; body: an object (sent as scim+json) or a string. */
  async request(method, path, body, headers = {}) {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, json, text };
  }

  get(path, headers) { return this.request('GET', path, undefined, headers); }

  post(path, body, headers) { return this.request('POST', path, body, headers); }

  put(path, body, headers) { return this.request('PUT', path, body, headers); }

  patch(path, operations, headers) {
    return this.request('PATCH', path, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations }, headers);
  }

  delete(path, headers) { return this.request('DELETE', path, undefined, headers); }

  /** Users matching a filter: the ListResponse. */
  async find(filter, extra = '') {
    const res = await this.get(`/Users?filter=${encodeURIComponent(filter)}${extra}`);
    assert.equal(res.status, 200, `filter ${filter}: ${res.text}`);
    return res.json;
  }
}

/** A User document as Entra creates it, with overrides. */
export function scimUser(userName, overrides = {}) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    name: { givenName: 'Given', familyName: 'Family' },
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
    ...overrides,
  };
}
