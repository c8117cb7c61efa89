// Microsoft Entra ID's provisioning, replayed (tests/fixtures/entra-replay.js)
// against an account set up through its Azure AD Sync page (guide §3.2.6):
// Test Connection, the initial cycle (lookup by userName, then create or
// adopt), incremental changes, deactivation, deletion and group
// membership — in the default dialect and in the one the tenant URL's
// aadOptscim062020 flag selects. Not one request may fail.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { count, lit, newUser, uid } from './lib/fixtures.js';
import { scimAccount } from './lib/scim.js';
import { EntraClient, demoPopulation } from '../fixtures/entra-replay.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function assertNoFailures(client) {
  assert.deepEqual(client.failures().map((f) => `${f.method} ${f.path} → ${f.status} ${JSON.stringify(f.response)}`), []);
}

for (const dialect of ['default', 'compliant']) {
  describe(`Entra provisioning, ${dialect} dialect`, () => {
    test('a full cycle: connect, provision, adopt, change, deactivate, delete, groups', async () => {
      const s = await scimAccount(`Entra ${dialect}`);
      const domain = `${uid()}.example.com`;
      const population = demoPopulation(domain, 14255000000 + Math.floor(Math.random() * 900000) * 100);
      // A console user Entra's directory also has: adopted on the first cycle.
      const existing = population.users[2];
      const consoleUser = await newUser(s.account.id, { mail: existing.userName, first: 'Old', last: 'Name' });

      const entra = new EntraClient(s.client.base, s.token, { dialect });
      assert.equal(await entra.testConnection(), true, 'Test Connection succeeds');
      const { ids } = await entra.initialCycle(population);
      assertNoFailures(entra);
      assert.equal(ids.size, population.users.length);
      assert.equal(ids.get(existing.userName), consoleUser.id, 'the console user was adopted');
      assert.equal(await count('users', `account_id = ${lit(s.account.id)}`), population.users.length);
      assert.equal(await count('users', `account_id = ${lit(s.account.id)} AND source = 'SCIM'`), population.users.length);
      assert.ok(entra.transcript.every((e) => e.status === 204 || /^application\/scim\+json/.test(e.contentType)),
        'every answer with a body is application/scim+json');

      // A second cycle finds everyone and changes nothing.
      const before = await count('events', `account_id = ${lit(s.account.id)}`);
      const again = new EntraClient(s.client.base, s.token, { dialect });
      await again.initialCycle(population);
      assertNoFailures(again);
      assert.equal(again.transcript.filter((e) => e.method === 'POST').length, 0, 'nobody is created twice');
      assert.equal(await count('events', `account_id = ${lit(s.account.id)}`), before, 'an unchanged directory writes nothing');

      // Incremental changes of several attributes at once.
      const megan = ids.get(population.users[0].userName);
      const changes = dialect === 'compliant'
        ? { displayName: 'Megan B.', 'name.givenName': 'Meg', [`${ENTERPRISE}:department`]: 'Brand' }
        : { displayName: 'Megan B.', 'name.givenName': 'Meg', 'emails[type eq "work"].value': `megan.b@${domain}` };
      const updated = await entra.update(megan, changes);
      assert.equal(updated.status, 200, JSON.stringify(updated.response));
      assert.equal(updated.response.displayName, 'Megan B.');
      const [row] = await sql(`SELECT first_name, name, email FROM users WHERE id = ${Number(megan)}`);
      assert.equal(row[0], 'Meg');
      assert.equal(row[1], 'Megan B.');
      if (dialect === 'default') assert.equal(row[2], `megan.b@${domain}`);
      else assert.equal(updated.response[ENTERPRISE].department, 'Brand');

      // Groups: the Marketing group holds its members; one leaves.
      const groups = await entra.request('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Marketing"')}`);
      const group = groups.response.Resources[0];
      assert.equal(group.members.length, 2);
      const removed = await entra.removeMembers(group.id, [megan]);
      assert.equal(removed.status, 204);
      assert.equal(await count('user_group_members', `group_id = ${Number(group.id)}`), 1);

      // Deprovisioning: first the soft delete (active false), then DELETE.
      const alex = ids.get(population.users[1].userName);
      const off = await entra.deactivate(alex);
      assert.equal(off.status, 200);
      assert.equal(off.response.active, false);
      assert.equal(Number(await sql(`SELECT active FROM users WHERE id = ${Number(alex)}`).then((r) => r[0][0])), 0);
      const gone = await entra.remove(alex);
      assert.equal(gone.status, 204);
      assert.equal(await count('users', `id = ${Number(alex)}`), 0);
      assertNoFailures(entra);

      // Every change is an event whose actor is SCIM.
      const actors = await sql(`SELECT DISTINCT actor_name FROM events WHERE account_id = ${lit(s.account.id)}
        AND (asset_type IN ('user', 'group'))`);
      assert.deepEqual(actors.map((a) => a[0]), ['SCIM']);
    });
  });
}

describe('Entra and a conflict', () => {
  test('a phone number another user holds is 409 uniqueness, and the Phone Number Conflict Search finds the holder', async () => {
    const s = await scimAccount('Entra conflict');
    const number = `+4930${String(Date.now()).slice(-8)}`;
    const holder = await newUser(s.account.id);
    await sql(`UPDATE users SET mobile = ${lit(number)} WHERE id = ${holder.id}`);
    const entra = new EntraClient(s.client.base, s.token);
    const population = demoPopulation(`${uid()}.example.com`);
    population.users[0].phoneNumbers = [{ type: 'mobile', value: number }];
    await entra.provision(population.users[0]);
    const [failure] = entra.failures();
    assert.equal(failure.status, 409);
    assert.equal(failure.response.scimType, 'uniqueness');
    assert.match(failure.response.detail, /phoneNumbers/);
    const page = await s.session.get(`/a/${s.account.id}/users/phone-conflicts?phone=${encodeURIComponent(number)}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Phone Number Conflict Search/);
    assert.match(page.text, new RegExp(holder.email.replace(/[.+]/g, '\\$&')));
    assert.match(page.text, /Status: ACTIVE/);
    assert.match(page.text, new RegExp(`/a/${s.account.id}/users/${holder.id}/delete`));
    // once the holder is gone, the next cycle provisions the user
    await sql(`DELETE FROM users WHERE id = ${holder.id}`);
    const retry = new EntraClient(s.client.base, s.token);
    assert.ok(await retry.provision(population.users[0]));
    assertNoFailures(retry);
  });
});
