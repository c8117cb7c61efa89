// The account policy API (ch2 §2.6): GET /api/v1/accounts/{id}/policy gives
// a customer account's integrations, privileges, Bandwidth Optimization and
// chat policy to the apps that obey them — CloudLink apps and gateways of
// its partner, and the access tokens of applications assigned to it — and
// nothing to anyone else.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, config, consoleBin } from './lib/stack.js';
import { newCustomer, partnerSession } from './lib/fixtures.js';

function issue(partnerId, kind, account) {
  const args = ['-c', config, 'issue-credential', '--partner', partnerId, '--kind', kind, '--label', 'policy test'];
  if (account) args.push('--account', account);
  return execFileSync(consoleBin, args, { encoding: 'utf8' }).trim();
}

async function policy(accountId, token, headers) {
  const res = await new Client().get(`/api/v1/accounts/${accountId}/policy`, {
    headers: headers ?? (token ? { authorization: `Bearer ${token}` } : {}),
  });
  return { status: res.status, body: JSON.parse(res.text), headers: res.headers };
}

describe('the account policy API', () => {
  test('says what the console set: integrations, privileges, Bandwidth Optimization, chat', async () => {
    const { partner, session } = await partnerSession('Policy');
    const { id: a } = await newCustomer(partner.id);
    const token = issue(partner.id, 'app');
    let res = await policy(a, token);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(res.body, {
      accountId: a,
      integrations: [{ kind: 'chat', name: 'Chat', state: 'enabled', enabled: true }],
      privileges: { delegatedAuthentication: false, allowGuestAccess: false },
      bandwidthOptimization: false,
      chat: { allowEditDelete: true },
      mitelOne: { allowAvatarChange: true },
    });

    for (const kind of ['micollab', 'zoom', 'workflow_studio']) {
      assert.equal((await session.send(`/a/${a}/integrations/add`, { kind })).status, 303);
    }
    assert.equal((await session.send(`/a/${a}/call-services`, { bandwidth_optimization: '1' })).status, 303);
    assert.equal((await session.send(`/a/${a}/integrations/chat`, {})).status, 303);
    assert.equal((await session.send(`/a/${a}/privileges`, { privilege: 'guest_access', on: '1' })).status, 303);
    res = await policy(a, token);
    assert.deepEqual(res.body.integrations, [
      { kind: 'micollab', name: 'MiCollab', state: 'enabled', enabled: true },
      { kind: 'workflow_studio', name: 'Mitel Workflow Studio', state: 'added', enabled: false },
      { kind: 'zoom', name: 'Zoom', state: 'incomplete', enabled: false },
      { kind: 'chat', name: 'Chat', state: 'enabled', enabled: true },
    ]);
    assert.deepEqual(res.body.privileges, { delegatedAuthentication: true, allowGuestAccess: true });
    assert.equal(res.body.bandwidthOptimization, true);
    assert.deepEqual(res.body.chat, { allowEditDelete: false });

    // A gateway's credential bound to the account reads it too.
    assert.equal((await policy(a, issue(partner.id, 'gateway', a))).status, 200);
  });

  test('missing, wrong and revoked credentials are 401; a kind that may not read it is 403', async () => {
    const { partner } = await partnerSession('Policy tokens');
    const { id: a } = await newCustomer(partner.id);
    assert.equal((await policy(a)).status, 401, 'missing');
    assert.equal((await policy(a, '0'.repeat(64))).status, 401, 'wrong');
    assert.equal((await policy(a, 'not-a-token')).status, 401, 'malformed');
    assert.equal((await policy(a, null, { authorization: 'Basic YTpi' })).status, 401, 'not a bearer credential');
    const token = issue(partner.id, 'app');
    assert.equal((await policy(a, token)).status, 200);
    // Revoked by the operator with the id the credential reports of itself.
    const { id } = JSON.parse((await new Client().get('/api/v1/credential', { headers: { authorization: `Bearer ${token}` } })).text);
    const { partner: other } = await partnerSession('Other');
    assert.throws(() => execFileSync(consoleBin, ['-c', config, 'revoke-credential', '--partner', other.id, '--id', String(id)],
      { stdio: 'pipe' }), 'another partner cannot revoke it');
    assert.equal((await policy(a, token)).status, 200);
    execFileSync(consoleBin, ['-c', config, 'revoke-credential', '--partner', partner.id, '--id', String(id)]);
    const revoked = await policy(a, token);
    assert.equal(revoked.status, 401, 'revoked');
    assert.equal(revoked.body.status, 401);
    assert.equal((await policy(a, issue(partner.id, 'billing-feed'))).status, 403, 'an ordering feed reads no policy');
  });

  test('a credential of one partner reaches nothing of another', async () => {
    const { partner: p1 } = await partnerSession('Policy one');
    const { partner: p2 } = await partnerSession('Policy two');
    const mine = await newCustomer(p1.id);
    const theirs = await newCustomer(p2.id);
    const token = issue(p1.id, 'app');
    assert.equal((await policy(mine.id, token)).status, 200);
    const foreign = await policy(theirs.id, token);
    assert.equal(foreign.status, 404);
    assert.deepEqual(foreign.body, { status: 404, code: 'not_found', error: 'not found' });
    // Nor a partner account (it has no integrations), its own or another's.
    assert.equal((await policy(p1.id, token)).status, 404);
    assert.equal((await policy(p2.id, token)).status, 404);
    assert.equal((await policy('00000000-0000-4000-8000-000000000000', token)).status, 404);
    // A credential bound to one account reaches that account only.
    const bound = issue(p1.id, 'app', mine.id);
    const sibling = await newCustomer(p1.id);
    assert.equal((await policy(mine.id, bound)).status, 200);
    assert.equal((await policy(sibling.id, bound)).status, 404);
  });
});
