// What may be used once stays used once across the cluster (ARCHITECTURE
// §10): each single-use code or id is kept in the database, never in a
// console, so one consumed through console 1 (node 1) is refused through
// console 2 (node 2), and the other way round; of two uses sent at once, one
// through each console, one wins. SAML assertion ids (a Response replayed,
// guide §3.2.2), gateway claim codes (guide §2.16), CloudLink Daemon link
// codes and System Inventory's Launch links (guide §2.17; ch2 §9.5); app
// tokens are no single-use code, but their sign-in throttle counts the
// failures made through both consoles.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { before, describe, test } from 'node:test';
import { console1URL, console2URL, repo, scalarOn, sqlOn } from './lib/cluster.js';
import {
  PASSWORD, Session, lit, newCustomer, newPartner, newUser, uid,
} from '../e2e/lib/fixtures.js';
import { config } from '../e2e/lib/stack.js';
import { linkCode, api as machineApi, report } from '../e2e/lib/inventory.js';
import { configureSso, fromAddress, idpRespond, idpUser, postResponse, signedInBy, startSignIn } from '../e2e/lib/sso.js';

const run = promisify(execFile);
const CONSOLES = [console1URL, console2URL];

/** A partner administrator signed in through one console. */
async function signedIn(url, partner) {
  const s = new Session(url);
  assert.equal((await s.login(partner.email, PASSWORD)).status, 303);
  await s.refreshCsrf();
  return s;
}

/** A call of the machine API through one console: { status, json }. */
const api = (url, method, path, options) => machineApi(method, path, { ...options, base: url });

/** The statuses of two uses sent at the same moment, one through each console, sorted. */
async function bothAtOnce(use) {
  return (await Promise.all(CONSOLES.map((url) => use(url)))).map((r) => r.status).sort();
}

describe('single-use codes and ids across both consoles', () => {
  let partner, one, two;
  before(async () => {
    partner = await newPartner('Replay');
    [one, two] = await Promise.all(CONSOLES.map((url) => signedIn(url, partner)));
  });

  test('a SAML Response accepted through one console is a replay through the other', async () => {
    const account = await newCustomer(partner.id, 'Replay SSO');
    const user = await newUser(account.id);
    await idpUser({ email: user.email, password: 'idp-secret', givenName: 'Sam', surname: 'Single' });
    await configureSso(one, account.id);
    const respond = async (startAt) => {
      const { SAMLRequest } = await startSignIn(fromAddress(undefined, startAt), account.id);
      return idpRespond({ SAMLRequest, email: user.email, variant: 'good' });
    };
    for (const [first, second] of [[console1URL, console2URL], [console2URL, console1URL]]) {
      // The request made through the second console, answered through the
      // first: the request ids are shared too.
      const response = await respond(second);
      const accepted = await postResponse(fromAddress(undefined, first), response);
      assert.equal(accepted.status, 303, `accepted through ${first}`);
      assert.ok(signedInBy(accepted));
      const replayed = await postResponse(fromAddress(undefined, second), response);
      assert.equal(replayed.status, 403, `replayed through ${second}`);
      assert.ok(!signedInBy(replayed));
    }
    const response = await respond(console1URL);
    assert.deepEqual(await bothAtOnce((url) => postResponse(fromAddress(undefined, url), response)), [303, 403],
      'sent through both at once: one signs in');
    assert.equal(await scalarOn(3, `SELECT COUNT(*) FROM events WHERE account_id = ${lit(account.id)}
      AND action = 'sso.sign_in_refused' AND details LIKE '%"replay"%'`, { causal: true }), '3', 'each replay has its event');
  });

  test('at the partner identity provider too, where nothing is read before the Response', async () => {
    const person = {
      email: `pat-${uid()}@test.example.com`, password: 'miaccess', givenName: 'Pat', surname: `Partner${uid()}`,
      organization: `Org ${uid()}`, organizationId: `org-${uid()}`,
    };
    await idpUser(person);
    for (const [first, second] of [[console1URL, console2URL], [console2URL, console1URL]]) {
      const { SAMLRequest } = await startSignIn(fromAddress(undefined, first), 'partner');
      const response = await idpRespond({ SAMLRequest, email: person.email, variant: 'good' });
      const accepted = await postResponse(fromAddress(undefined, second), response);
      assert.equal(accepted.status, 303, `the request made through ${first} is known through ${second}`);
      assert.ok(signedInBy(accepted));
      const replayed = await postResponse(fromAddress(undefined, first), response);
      assert.equal(replayed.status, 403, `replayed through ${first}`);
      assert.ok(!signedInBy(replayed));
    }
  });

  test('a gateway claim code redeemed through one console is used up for the other', async () => {
    const claim = (url, code) => api(url, 'POST', '/api/v1/gateways/claim', { body: { code, serial: 'CLUSTER', kind: 'virtual' } });
    const newCode = async () => {
      const account = await newCustomer(partner.id, 'Replay gateway');
      const code = `${uid()}${uid()}`.slice(0, 10).toUpperCase();
      await run(`${repo}/bin/console`, ['-c', config, 'gateway', 'claim', '--account', account.id, '--code', code]);
      return { account, code };
    };
    for (const [first, second] of [[console1URL, console2URL], [console2URL, console1URL]]) {
      const { account, code } = await newCode();
      const redeemed = await claim(first, code);
      assert.equal(redeemed.status, 200, JSON.stringify(redeemed.json));
      assert.equal(redeemed.json.accountId, account.id);
      assert.equal((await claim(second, code)).status, 410, 'single use, whichever console');
    }
    const { account, code } = await newCode();
    assert.deepEqual(await bothAtOnce((url) => claim(url, code)), [200, 410]);
    assert.equal(await scalarOn(3, `SELECT COUNT(*) FROM gateways WHERE account_id = ${lit(account.id)}`, { causal: true }), '1',
      'one gateway claimed');
    assert.equal(await scalarOn(3, `SELECT COUNT(*) FROM machine_credentials WHERE kind = 'gateway'
      AND account_id = ${lit(account.id)}`, { causal: true }), '1', 'one credential issued');
  });

  test('a CloudLink Daemon link code used through one console is refused through the other', async () => {
    const link = (url, code) => api(url, 'POST', '/api/v1/daemons/link', { body: { code, host: `replay-${uid()}`, platformId: `PLT-${uid()}` } });
    const newCode = async (session) => {
      const account = await newCustomer(partner.id, 'Replay daemon');
      return { account, code: await linkCode(session, account.id) };
    };
    for (const [first, second, maker] of [[console1URL, console2URL, two], [console2URL, console1URL, one]]) {
      const { account, code } = await newCode(maker);
      const linked = await link(first, code);
      assert.equal(linked.status, 201, JSON.stringify(linked.json));
      assert.equal(linked.json.accountId, account.id);
      const again = await link(second, code);
      assert.equal(again.status, 422, 'single use, whichever console');
      assert.match(again.json.fields.code, /not valid/);
    }
    const { account, code } = await newCode(one);
    assert.deepEqual(await bothAtOnce((url) => link(url, code)), [201, 422]);
    assert.equal(await scalarOn(3, `SELECT COUNT(*) FROM inventory_daemons WHERE account_id = ${lit(account.id)}`, { causal: true }),
      '1', 'one daemon linked');
  });

  test('a Launch link verified through one console is refused through the other', async () => {
    const account = await newCustomer(partner.id, 'Replay launch');
    const code = await linkCode(one, account.id);
    const platformId = `PLT-${uid()}`;
    const { json: { token } } = await api(console2URL, 'POST', '/api/v1/daemons/link', { body: { code, host: 'launch', platformId } });
    assert.equal((await api(console1URL, 'PUT', '/api/v1/inventory/report', { token, body: report(platformId) })).status, 200);
    const id = await scalarOn(2, `SELECT id FROM inventory_platforms WHERE platform_uid = ${lit(platformId)}`, { causal: true });
    /** A Launch link made through one console: its token. */
    const launch = async (session) => {
      const res = await session.send(`/a/${account.id}/inventory/platforms/${id}/launch`, {});
      assert.equal(res.status, 200);
      return /href="[^"]*token=([0-9a-f]{64})"[^>]*data-launch-link/.exec(res.text)[1];
    };
    const verify = (url, launchToken) => api(url, 'POST', '/api/v1/launch/verify', { token, body: { token: launchToken } });
    for (const [maker, first, second] of [[one, console2URL, console1URL], [two, console1URL, console2URL]]) {
      const link = await launch(maker);
      const opened = await verify(first, link);
      assert.equal(opened.status, 200, JSON.stringify(opened.json));
      assert.equal(opened.json.platformId, platformId);
      assert.equal((await verify(second, link)).status, 404, 'used once, whichever console');
    }
    const link = await launch(one);
    assert.deepEqual(await bothAtOnce((url) => verify(url, link)), [200, 404]);
  });

  test('app-token failures through both consoles are throttled together; a token works through either', async () => {
    const account = await newCustomer(partner.id, 'Replay app');
    const admin = await newUser(account.id, { role: 'account_admin' });
    const appToken = (url, password) => api(url, 'POST', '/api/v1/app-token', { body: { email: admin.email, password } });
    const issued = await appToken(console1URL, PASSWORD);
    assert.equal(issued.status, 200);
    assert.equal((await api(console2URL, 'GET', '/api/v1/credential', { token: issued.json.token })).json.kind, 'app-report',
      'issued through console 1, good through console 2');
    const max = 5; // Login.MaxFailures of the cluster's config
    for (let i = 0; i < max; i++) {
      assert.equal((await appToken(CONSOLES[i % 2], 'not the password')).status, 401, `failure ${i + 1}`);
    }
    for (const url of CONSOLES) {
      const throttled = await appToken(url, PASSWORD);
      assert.equal(throttled.status, 429, `even the right password waits, through ${url}`);
      assert.ok(throttled.json.retryAfterSeconds >= 1);
    }
    // The address's failures would count against the next tests' sign-ins.
    await sqlOn(2, "DELETE FROM login_failures WHERE scope = 'addr'");
  });
});
