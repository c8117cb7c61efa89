// The SCIM 2.0 service of a customer account (RFC 7643/7644; guide §3.2.6;
// ch3 §8): discovery, Users and Groups with every method, lists (filter,
// paging, sorting, projection), versions and If-Match, the error messages
// and their scimType, uniqueness within the account, adoption of console
// users, deactivation versus deletion, and the Secret Token's reach.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { Client } from './lib/stack.js';
import { count, email, lit, newUser, partnerSession, PASSWORD, scalar, signIn, uid } from './lib/fixtures.js';
import { generateKeys, scimAccount, ScimClient, scimUser } from './lib/scim.js';

const SCIM_JSON = /^application\/scim\+json/;

function assertError(res, status, scimType) {
  assert.equal(res.status, status, res.text);
  assert.match(res.headers.get('content-type'), SCIM_JSON);
  assert.deepEqual(res.json.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
  assert.equal(res.json.status, String(status));
  assert.ok(res.json.detail, 'an error says what went wrong');
  if (scimType) assert.equal(res.json.scimType, scimType, res.text);
}

/** Everything of the account a refused request must leave as it was. */
async function stateOf(accountId) {
  return sql(`SELECT (SELECT COUNT(*) FROM users WHERE account_id = ${lit(accountId)}),
    (SELECT COUNT(*) FROM events WHERE account_id = ${lit(accountId)}),
    (SELECT COUNT(*) FROM scim_users WHERE account_id = ${lit(accountId)}),
    (SELECT COUNT(*) FROM user_groups WHERE account_id = ${lit(accountId)}),
    (SELECT COALESCE(MAX(updated_at), '') FROM users WHERE account_id = ${lit(accountId)})`);
}

describe('SCIM discovery', () => {
  let s;
  before(async () => { s = await scimAccount('Discovery'); });

  test('ServiceProviderConfig says what the service supports', async () => {
    const res = await s.client.get('/ServiceProviderConfig');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), SCIM_JSON);
    assert.equal(res.json.patch.supported, true);
    assert.equal(res.json.filter.supported, true);
    assert.equal(res.json.sort.supported, true);
    assert.equal(res.json.etag.supported, true);
    assert.equal(res.json.bulk.supported, false);
    assert.equal(res.json.authenticationSchemes[0].type, 'oauthbearertoken');
  });

  test('ResourceTypes lists Users (with the enterprise extension) and Groups', async () => {
    const all = await s.client.get('/ResourceTypes');
    assert.equal(all.json.totalResults, 2);
    assert.deepEqual(all.json.Resources.map((r) => r.endpoint), ['/Users', '/Groups']);
    const user = await s.client.get('/ResourceTypes/User');
    assert.equal(user.json.schemaExtensions[0].schema, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User');
    assert.equal((await s.client.get('/ResourceTypes/Group')).json.schema, 'urn:ietf:params:scim:schemas:core:2.0:Group');
  });

  test('Schemas lists the three schemas, each also at its own URN', async () => {
    const all = await s.client.get('/Schemas');
    assert.equal(all.json.totalResults, 3);
    for (const urn of ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:core:2.0:Group',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']) {
      const one = await s.client.get(`/Schemas/${urn}`);
      assert.equal(one.status, 200);
      assert.equal(one.json.id, urn);
      assert.ok(one.json.attributes.length > 0);
    }
    const userName = (await s.client.get('/Schemas/urn:ietf:params:scim:schemas:core:2.0:User')).json.attributes
      .find((a) => a.name === 'userName');
    assert.equal(userName.caseExact, false);
    assert.equal(userName.uniqueness, 'server');
  });
});

describe('SCIM Users', () => {
  let s;
  before(async () => { s = await scimAccount('Users'); });

  test('POST creates a source-owned user: 201, Location, ETag, an event by SCIM', async () => {
    const name = email('created');
    const res = await s.client.post('/Users', scimUser(name, {
      externalId: `ext-${uid()}`, title: 'Engineer', phoneNumbers: [{ type: 'mobile', value: `+1 425 555 ${String(Date.now()).slice(-4)}` }],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'R&D' },
    }));
    assert.equal(res.status, 201, res.text);
    assert.match(res.headers.get('content-type'), SCIM_JSON);
    assert.equal(res.headers.get('location'), res.json.meta.location);
    assert.equal(res.headers.get('etag'), res.json.meta.version);
    assert.match(res.json.meta.location, new RegExp(`/scim/v2/${s.account.id}/Users/${res.json.id}$`));
    assert.equal(res.json.userName, name);
    assert.equal(res.json.title, 'Engineer', 'what was provisioned comes back');
    assert.equal(res.json['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].department, 'R&D');
    const [row] = await sql(`SELECT source, email, first_name, last_name, mobile, active FROM users WHERE id = ${Number(res.json.id)}`);
    assert.deepEqual(row.slice(0, 4), ['SCIM', name, 'Given', 'Family']);
    assert.match(row[4], /^\+1425555\d{4}$/, 'the mobile number is stored in E.164');
    const [ev] = await sql(`SELECT actor_name, action FROM events WHERE account_id = ${lit(s.account.id)} AND asset_id = ${lit(res.json.id)}`);
    assert.deepEqual(ev, ['SCIM', 'user.create']);
  });

  test('GET reads a user with its version; If-None-Match with it answers 304', async () => {
    const made = await s.client.post('/Users', scimUser(email('read')));
    const res = await s.client.get(`/Users/${made.json.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), made.json.meta.version);
    const again = await s.client.get(`/Users/${made.json.id}`, { 'if-none-match': made.json.meta.version });
    assert.equal(again.status, 304);
  });

  test('a user that is not there is a 404 SCIM error; a lookup that finds none is an empty list', async () => {
    assertError(await s.client.get('/Users/999999999'), 404);
    assertError(await s.client.get('/Users/not-a-number'), 404);
    const none = await s.client.find(`userName eq "${uid()}@nowhere.example.com"`);
    assert.equal(none.totalResults, 0);
    assert.deepEqual(none.Resources, []);
  });

  test('filters Entra sends find users by userName (any case), externalId and work email', async () => {
    const name = email('lookup');
    const ext = `ext-${uid()}`;
    const made = await s.client.post('/Users', scimUser(name, { externalId: ext }));
    for (const f of [`userName eq "${name.toUpperCase()}"`, `externalId eq "${ext}"`, `emails[type eq "work"].value eq "${name}"`,
      `userName eq "${name}" and active eq true`, `id eq "${made.json.id}"`]) {
      const list = await s.client.find(f, '&aadOptscim062020');
      assert.equal(list.totalResults, 1, f);
      assert.equal(list.Resources[0].id, made.json.id, f);
    }
    assert.equal((await s.client.find(`externalId eq "${ext.toUpperCase()}"`)).totalResults, 0, 'externalId is case-exact');
  });

  test('lists page, sort and project', async () => {
    const stem = `page-${uid()}`;
    for (const n of ['c', 'a', 'b']) await s.client.post('/Users', scimUser(`${stem}-${n}@example.com`));
    const f = encodeURIComponent(`userName sw "${stem}"`);
    const asc = await s.client.get(`/Users?filter=${f}&sortBy=userName&startIndex=2&count=1`);
    assert.equal(asc.json.totalResults, 3);
    assert.equal(asc.json.startIndex, 2);
    assert.equal(asc.json.itemsPerPage, 1);
    assert.equal(asc.json.Resources[0].userName, `${stem}-b@example.com`);
    const desc = await s.client.get(`/Users?filter=${f}&sortBy=userName&sortOrder=descending`);
    assert.deepEqual(desc.json.Resources.map((r) => r.userName[stem.length + 1]), ['c', 'b', 'a']);
    const only = await s.client.get(`/Users?filter=${f}&attributes=userName`);
    assert.deepEqual(Object.keys(only.json.Resources[0]).sort(), ['id', 'schemas', 'userName']);
    const without = await s.client.get(`/Users?filter=${f}&excludedAttributes=emails,meta`);
    assert.equal(without.json.Resources[0].emails, undefined);
    assert.equal(without.json.Resources[0].meta, undefined);
    assert.ok(without.json.Resources[0].userName);
    const zero = await s.client.get(`/Users?filter=${f}&count=0`);
    assert.equal(zero.json.totalResults, 3);
    assert.deepEqual(zero.json.Resources, []);
  });

  test('POST .search takes the list parameters in a SearchRequest', async () => {
    const name = email('search');
    await s.client.post('/Users', scimUser(name));
    const res = await s.client.post('/Users/.search', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: `userName eq "${name}"`, attributes: ['userName'],
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.totalResults, 1);
    assert.deepEqual(Object.keys(res.json.Resources[0]).sort(), ['id', 'schemas', 'userName']);
  });

  test('bad list parameters are 400 with their scimType', async () => {
    assertError(await s.client.get(`/Users?filter=${encodeURIComponent('userName xx "a"')}`), 400, 'invalidFilter');
    assertError(await s.client.get(`/Users?filter=${encodeURIComponent('active gt true')}`), 400, 'invalidFilter');
    assertError(await s.client.get('/Users?count=many'), 400, 'invalidValue');
    assertError(await s.client.get('/Users?sortOrder=sideways'), 400, 'invalidValue');
  });

  test('PUT replaces the whole user; If-Match with an old version is 412 and changes nothing', async () => {
    const name = email('put');
    const made = await s.client.post('/Users', scimUser(name, { title: 'Old title' }));
    const path = `/Users/${made.json.id}`;
    const replaced = await s.client.put(path, scimUser(name, { id: 'ignored', name: { givenName: 'New', familyName: 'Name' } }),
      { 'if-match': made.json.meta.version });
    assert.equal(replaced.status, 200, replaced.text);
    assert.equal(replaced.json.id, made.json.id, 'id is read-only');
    assert.equal(replaced.json.title, undefined, 'an attribute the PUT left out is gone');
    assert.equal(replaced.json.name.givenName, 'New');
    assert.notEqual(replaced.json.meta.version, made.json.meta.version);
    const before = await stateOf(s.account.id);
    const stale = await s.client.put(path, scimUser(name, { title: 'Lost update' }), { 'if-match': made.json.meta.version });
    assertError(stale, 412);
    assert.deepEqual(await stateOf(s.account.id), before);
    const stalePatch = await s.client.patch(path, [{ op: 'replace', path: 'title', value: 'x' }], { 'if-match': made.json.meta.version });
    assertError(stalePatch, 412);
    const star = await s.client.patch(path, [{ op: 'replace', path: 'title', value: 'Star' }], { 'if-match': '*' });
    assert.equal(star.status, 200);
  });

  test('PATCH in the RFC form and in Entra\'s', async () => {
    const name = email('patch');
    const made = await s.client.post('/Users', scimUser(name, { externalId: `e-${uid()}` }));
    const path = `/Users/${made.json.id}`;
    const newMail = email('patched');
    let res = await s.client.patch(path, [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: newMail },
      { op: 'Replace', path: 'name.familyName', value: 'Updated' },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: `+4930${Date.now() % 100000000}` },
    ]);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.emails.find((e) => e.type === 'work').value, newMail);
    assert.equal(await scalar(`SELECT email FROM users WHERE id = ${Number(made.json.id)}`), newMail);
    res = await s.client.patch(path, [{ op: 'replace', value: {
      displayName: 'Shown Name', 'name.givenName': 'Dotted',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber': '42',
    } }]);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.displayName, 'Shown Name');
    assert.equal(res.json.name.givenName, 'Dotted');
    assert.equal(res.json['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].employeeNumber, '42');
    assert.equal(await scalar(`SELECT first_name FROM users WHERE id = ${Number(made.json.id)}`), 'Dotted');
    res = await s.client.patch(path, [{ op: 'add', path: 'roles[primary eq "True"].value', value: 'Agent' }, { op: 'remove', path: 'title' }]);
    assert.equal(res.status, 200, res.text);
    assertError(await s.client.patch(path, [{ op: 'remove' }]), 400, 'noTarget');
    assertError(await s.client.patch(path, [{ op: 'replace', path: 'id', value: '1' }]), 400, 'mutability');
    assertError(await s.client.patch(path, [{ op: 'move', path: 'title' }]), 400, 'invalidSyntax');
    assertError(await s.client.patch(path, [{ op: 'replace', path: 'emails[type eq].value', value: 'x' }]), 400, 'invalidPath');
    assertError(await s.client.patch(path, [{ op: 'replace', path: 'userName', value: null }]), 400, 'invalidValue');
    assertError(await s.client.patch(path, [{ op: 'replace', path: 'phoneNumbers[type eq "mobile"].value', value: '12ab' }]), 400, 'invalidValue');
  });

  test('an unchanged PATCH writes nothing', async () => {
    const name = email('same');
    const made = await s.client.post('/Users', scimUser(name));
    const before = await stateOf(s.account.id);
    const res = await s.client.patch(`/Users/${made.json.id}`, [{ op: 'replace', path: 'userName', value: name }]);
    assert.equal(res.status, 200);
    assert.deepEqual(await stateOf(s.account.id), before);
  });

  test('uniqueness within the account: 409 naming the attribute, nothing written', async () => {
    const name = email('unique');
    const mobile = `+4420${Date.now() % 100000000}`;
    await s.client.post('/Users', scimUser(name, { phoneNumbers: [{ type: 'mobile', value: mobile }] }));
    const before = await stateOf(s.account.id);
    let res = await s.client.post('/Users', scimUser(name.toUpperCase(), { emails: [{ type: 'work', value: email('other') }] }));
    assertError(res, 409, 'uniqueness');
    assert.match(res.json.detail, /userName/);
    res = await s.client.post('/Users', scimUser(email('second'), { emails: [{ type: 'work', value: name }] }));
    assertError(res, 409, 'uniqueness');
    assert.match(res.json.detail, /emails/);
    res = await s.client.post('/Users', scimUser(email('third'), { phoneNumbers: [{ type: 'work', value: mobile }] }));
    assertError(res, 409, 'uniqueness');
    assert.match(res.json.detail, /phoneNumbers/);
    assert.deepEqual(await stateOf(s.account.id), before);
  });

  test('a console user whose email is the userName is adopted, not duplicated', async () => {
    const u = await newUser(s.account.id);
    const users = await count('users', `account_id = ${lit(s.account.id)}`);
    const found = await s.client.find(`userName eq "${u.email}"`);
    assert.equal(found.totalResults, 1, 'Entra\'s lookup finds the console user');
    assert.equal(found.Resources[0].id, u.id);
    const res = await s.client.post('/Users', scimUser(u.email, { externalId: 'adopted-1', name: { givenName: 'Ada', familyName: 'Adopted' } }));
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.id, u.id);
    assert.equal(await count('users', `account_id = ${lit(s.account.id)}`), users);
    assert.equal(await scalar(`SELECT source FROM users WHERE id = ${u.id}`), 'SCIM');
    const [details] = (await sql(`SELECT details FROM events WHERE asset_id = ${lit(u.id)} AND actor_name = 'SCIM' ORDER BY id DESC LIMIT 1`))[0];
    assert.equal(JSON.parse(details).adopted.to, 'SCIM');
  });

  test('Edit User of a provisioned user shows its SCIM data read-only, escaped, to who may see the user only', async () => {
    const name = email('advanced');
    const res = await s.client.post('/Users', scimUser(name, {
      title: '<script>alert(1)</script> & Co', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'R&D' },
    }));
    assert.equal(res.status, 201, res.text);
    const path = `/a/${s.account.id}/users/${res.json.id}`;
    const page = await s.session.get(path);
    assert.equal(page.status, 200);
    const section = /<section class="card" aria-labelledby="advanced-heading">([\s\S]*?)<\/section>/.exec(page.text);
    assert.ok(section, 'an Advanced section');
    assert.match(section[1], />Advanced</);
    const pre = /<pre class="scim-data"[^>]*>([\s\S]*?)<\/pre>/.exec(section[1]);
    assert.ok(pre, 'the SCIM data, as text');
    assert.ok(!pre[1].includes('<script>'), 'escaped');
    const decoded = pre[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const doc = JSON.parse(decoded);
    assert.equal(doc.userName, name);
    assert.equal(doc.title, '<script>alert(1)</script> & Co');
    assert.equal(doc['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].department, 'R&D');
    // a console user has no SCIM data to show
    const plain = await newUser(s.account.id);
    const other = await s.session.get(`/a/${s.account.id}/users/${plain.id}`);
    assert.equal(other.status, 200);
    assert.ok(!other.text.includes('advanced-heading'));
    // another partner reaches neither the page nor the data
    const stranger = await partnerSession('Stranger');
    const refused = await stranger.session.get(path);
    assert.equal(refused.status, 404);
    assert.ok(!refused.text.includes(name));
  });

  test('active false deactivates: sessions end, sign-in is refused, GET still answers; true restores', async () => {
    const u = await newUser(s.account.id);
    const session = await signIn(u.email);
    await s.client.post('/Users', scimUser(u.email));
    const res = await s.client.patch(`/Users/${u.id}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.active, false);
    assert.equal(await count('sessions', `user_id = ${u.id}`), 0, 'the user\'s sessions ended');
    assert.equal((await session.get('/password')).status, 303, 'the old session no longer works');
    const refused = await new Client().login(u.email, PASSWORD);
    assert.notEqual(refused.status, 303, 'a deactivated user cannot sign in');
    assert.equal((await s.client.get(`/Users/${u.id}`)).json.active, false);
    const [ev] = (await sql(`SELECT action FROM events WHERE asset_id = ${lit(u.id)} ORDER BY id DESC LIMIT 1`))[0];
    assert.equal(ev, 'user.deactivate');
    await s.client.patch(`/Users/${u.id}`, [{ op: 'replace', path: 'active', value: true }]);
    assert.equal((await new Client().login(u.email, PASSWORD)).status, 303, 'reactivated, the user signs in');
  });

  test('DELETE removes the user and writes its event; a second DELETE is 404', async () => {
    const made = await s.client.post('/Users', scimUser(email('gone')));
    const res = await s.client.delete(`/Users/${made.json.id}`);
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal(await count('users', `id = ${Number(made.json.id)}`), 0);
    assert.equal(await scalar(`SELECT action FROM events WHERE asset_id = ${lit(made.json.id)} ORDER BY id DESC LIMIT 1`), 'user.delete');
    assertError(await s.client.delete(`/Users/${made.json.id}`), 404);
  });

  test('a body that is not a User is refused with nothing written', async () => {
    const before = await stateOf(s.account.id);
    assertError(await s.client.post('/Users', '{"userName": "broken"'), 400, 'invalidSyntax');
    assertError(await s.client.post('/Users', '[1, 2]'), 400, 'invalidSyntax');
    assertError(await s.client.post('/Users', { userName: 7 }), 400, 'invalidValue');
    assertError(await s.client.post('/Users', { name: { givenName: 'No' } }), 400, 'invalidValue');
    const huge = JSON.stringify(scimUser(email('huge'), { title: 'x'.repeat(1100 * 1024) }));
    assertError(await s.client.post('/Users', huge), 413);
    assert.deepEqual(await stateOf(s.account.id), before);
  });
});

describe('the Secret Token', () => {
  let a, b;
  before(async () => {
    a = await scimAccount('Token A');
    b = await scimAccount('Token B');
  });

  test('no token or a wrong one is 401 with a SCIM error', async () => {
    const res = await new ScimClient(a.account.id, null).get('/Users');
    assertError(res, 401);
    assert.match(res.headers.get('www-authenticate'), /Bearer/);
    assertError(await new ScimClient(a.account.id, 'f'.repeat(64)).get('/Users'), 401);
  });

  test('a token of one account reaches nothing of another', async () => {
    const made = await a.client.post('/Users', scimUser(email('mine')));
    const intruder = new ScimClient(a.account.id, b.token);
    const before = await stateOf(a.account.id);
    assertError(await intruder.get('/Users'), 404);
    assertError(await intruder.get(`/Users/${made.json.id}`), 404);
    assertError(await intruder.post('/Users', scimUser(email('intruder'))), 404);
    assertError(await intruder.patch(`/Users/${made.json.id}`, [{ op: 'replace', path: 'title', value: 'x' }]), 404);
    assertError(await intruder.delete(`/Users/${made.json.id}`), 404);
    assert.deepEqual(await stateOf(a.account.id), before);
    // and B's own service does not see A's users
    assert.equal((await b.client.get(`/Users/${made.json.id}`)).status, 404);
  });

  test('Generate keys again revokes the old token; Remove revokes the new', async () => {
    const s = await scimAccount('Token rotation');
    assert.equal((await s.client.get('/Users')).status, 200);
    const fresh = await generateKeys(s.session, s.account.id);
    assertError(await s.client.get('/Users'), 401);
    const client = new ScimClient(s.account.id, fresh);
    assert.equal((await client.get('/Users')).status, 200);
    const page = await s.session.get(`/a/${s.account.id}/integrations/azure-ad-sync`);
    assert.doesNotMatch(page.text, new RegExp(fresh), 'the token is never shown again');
    assert.match(page.text, /Generated on/);
    const removed = await s.session.send(`/a/${s.account.id}/integrations/azure-ad-sync/remove`, {});
    assert.equal(removed.status, 303);
    assertError(await client.get('/Users'), 401);
  });
});

describe('SCIM lists of a large account', () => {
  let s;
  before(async () => {
    s = await scimAccount('Large');
    // more users than a filter may be evaluated over
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, created_at, updated_at)
      SELECT ${lit(s.account.id)}, 'Bulk', CONCAT('User ', seq), CONCAT('Bulk User ', seq), CONCAT('bulk', seq, '@large.example.com'),
             'user', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_1005`);
  });

  test('an indexed filter answers; one no index serves is tooMany', async () => {
    const hit = await s.client.find('userName eq "bulk77@large.example.com"');
    assert.equal(hit.totalResults, 1);
    assert.equal((await s.client.find('name.familyName eq "User 12"')).totalResults, 1);
    assertError(await s.client.get(`/Users?filter=${encodeURIComponent('title eq "Boss"')}`), 400, 'tooMany');
    assertError(await s.client.get(`/Users?filter=${encodeURIComponent('userName sw "bulk"')}`), 400, 'tooMany');
  });

  test('the whole account pages by an index, and an unindexed sort is tooMany', async () => {
    const page = await s.client.get('/Users?startIndex=1000&count=10&sortBy=displayName');
    assert.equal(page.status, 200, page.text);
    assert.equal(page.json.totalResults, 1005);
    assert.equal(page.json.Resources.length, 6);
    assertError(await s.client.get('/Users?sortBy=title'), 400, 'tooMany');
  });
});

describe('SCIM Groups', () => {
  let s, u1, u2;
  before(async () => {
    s = await scimAccount('Groups');
    u1 = (await s.client.post('/Users', scimUser(email('member1')))).json;
    u2 = (await s.client.post('/Users', scimUser(email('member2')))).json;
  });

  test('a group is created with members, shown on its users, found by displayName', async () => {
    const name = `Sales ${uid()}`;
    const res = await s.client.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: name,
      externalId: `g-${uid()}`, members: [{ value: u1.id }] });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers.get('location'), res.json.meta.location);
    assert.deepEqual(res.json.members.map((m) => m.value), [u1.id]);
    const user = await s.client.get(`/Users/${u1.id}`);
    assert.deepEqual(user.json.groups.map((g) => g.display), [name]);
    const found = await s.client.get(`/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name}"`)}`);
    assert.equal(found.json.totalResults, 1);
    assert.equal(found.json.Resources[0].members, undefined);
    const byMember = await s.client.get(`/Groups?filter=${encodeURIComponent(`members[value eq "${u1.id}"]`)}`);
    assert.equal(byMember.json.totalResults, 1);
    assert.equal((await s.client.find(`groups eq "${res.json.id}"`)).totalResults, 1, 'users filter by group');
  });

  test('members are added and removed by PATCH in both of Entra\'s forms, and by PUT', async () => {
    const made = await s.client.post('/Groups', { displayName: `Team ${uid()}` });
    const path = `/Groups/${made.json.id}`;
    let res = await s.client.patch(path, [{ op: 'Add', path: 'members', value: [{ $ref: null, value: u1.id }, { value: u2.id }] }]);
    assert.equal(res.status, 204, res.text);
    assert.equal((await s.client.get(path)).json.members.length, 2);
    res = await s.client.patch(path, [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: u1.id }] }]);
    assert.equal(res.status, 204);
    assert.deepEqual((await s.client.get(path)).json.members.map((m) => m.value), [u2.id]);
    res = await s.client.patch(path, [{ op: 'remove', path: `members[value eq "${u2.id}"]` }]);
    assert.equal(res.status, 204);
    assert.deepEqual((await s.client.get(path)).json.members, []);
    res = await s.client.put(path, { displayName: 'Renamed', members: [{ value: u1.id }] });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.displayName, 'Renamed');
    assert.deepEqual(res.json.members.map((m) => m.value), [u1.id]);
    const events = await sql(`SELECT action FROM events WHERE asset_type = 'group' AND asset_id = ${lit(made.json.id)} AND actor_name = 'SCIM'`);
    assert.ok(events.length >= 4, 'every change an event');
  });

  test('a member that is no user of the account is refused; DELETE keeps the users', async () => {
    const other = await scimAccount('Groups other');
    const stranger = (await other.client.post('/Users', scimUser(email('stranger')))).json;
    const made = await s.client.post('/Groups', { displayName: `Closed ${uid()}`, members: [{ value: u1.id }] });
    const before = await stateOf(s.account.id);
    assertError(await s.client.patch(`/Groups/${made.json.id}`, [{ op: 'add', path: 'members', value: [{ value: stranger.id }] }]),
      400, 'invalidValue');
    assert.deepEqual(await stateOf(s.account.id), before);
    assert.equal((await s.client.delete(`/Groups/${made.json.id}`)).status, 204);
    assert.equal((await s.client.get(`/Users/${u1.id}`)).status, 200);
    assertError(await s.client.get(`/Groups/${made.json.id}`), 404);
  });
});

describe('Provisioning activity', () => {
  test('the Azure AD Sync page counts changes and shows the last errors', async () => {
    const s = await scimAccount('Activity');
    await s.client.post('/Users', scimUser(email('counted')));
    await s.client.get(`/Users?filter=${encodeURIComponent('nonsense here')}`);
    const page = await s.session.get(`/a/${s.account.id}/integrations/azure-ad-sync`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Provisioning activity/);
    assert.match(page.text, /Created<\/th><td>1</);
    assert.match(page.text, /Failed<\/th><td>1</);
    assert.match(page.text, /GET \/scim\/v2\/[0-9a-f-]+\/Users/);
    assert.match(page.text, /invalidFilter/);
  });
});
