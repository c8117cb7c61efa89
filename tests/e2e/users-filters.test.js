// Filter Users (guide §2.4; issue 3 §5): "+ Add Filter" by Property, Product
// or SMS Number; filters combine with the search, sort and paging, show as
// removable chips and live in the URL; SMS Number drops Property and search.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { adminSession, listRows, lit, newPartner, newUser, uid, visibleText } from './lib/fixtures.js';

const idsIn = (html) => new Set(listRows(html).map((href) => /\/users\/(\d+)$/.exec(href)[1]));

async function setup() {
  const { account, admin, session } = await adminSession((await newPartner()).id);
  const tag = uid();
  const u = {
    admin,
    registered: await newUser(account.id, { first: 'Reg', last: `Istered${tag}` }),
    unregistered: await newUser(account.id, { first: 'Un', last: `Registered${tag}`, signIn: false }),
    pbx: await newUser(account.id, { first: 'Pbx', last: `Person${tag}`, signIn: false }),
    micloud: await newUser(account.id, { first: 'Mi', last: `Cloud${tag}` }),
    iot: await newUser(account.id, { first: 'Io', last: `Thing${tag}` }),
    inactive: await newUser(account.id, { first: 'In', last: `Active${tag}` }),
  };
  await sql(`UPDATE users SET pbx_user = 1 WHERE id = ${u.pbx.id};
             UPDATE users SET micloud_connected = 1 WHERE id = ${u.micloud.id};
             UPDATE users SET iot_connected = 1 WHERE id = ${u.iot.id};
             UPDATE users SET active = 0 WHERE id = ${u.inactive.id};
             UPDATE users SET sms_number = '+15550001111' WHERE id = ${u.pbx.id};
             INSERT INTO user_licenses (account_id, user_id, product) VALUES
               (${lit(account.id)}, ${u.micloud.id}, 'Mitel One'), (${lit(account.id)}, ${u.iot.id}, 'Mitel One'),
               (${lit(account.id)}, ${u.iot.id}, 'MiTeam Meetings')`);
  return { account, session, u, tag, base: `/a/${account.id}/users` };
}

describe('Filter Users', () => {
  test('each Property shows exactly its users', async () => {
    const { session, u, base } = await setup();
    const expect = {
      admins: [u.admin], users: [u.registered, u.unregistered, u.pbx, u.micloud, u.iot, u.inactive],
      registered: [u.admin, u.registered, u.micloud, u.iot, u.inactive], unregistered: [u.unregistered, u.pbx],
      pbx: [u.pbx], micloud: [u.micloud], iot: [u.iot], inactive: [u.inactive],
    };
    for (const [property, users] of Object.entries(expect)) {
      const res = await session.get(`${base}?property=${property}`);
      assert.equal(res.status, 200, property);
      assert.deepEqual(idsIn(res.text), new Set(users.map((x) => x.id)), property);
    }
    // Unknown values are ignored: the whole list.
    assert.equal(idsIn((await session.get(`${base}?property=bogus`)).text).size, 7);
  });

  test('Product lists the licensed products and filters by one', async () => {
    const { session, u, base } = await setup();
    const page = await session.get(base);
    const text = visibleText(page.text);
    assert.match(text, /\+ Add Filter/);
    assert.match(page.text, /<option value="Mitel One">Mitel One<\/option>/);
    assert.match(page.text, /<option value="MiTeam Meetings">MiTeam Meetings<\/option>/);
    assert.deepEqual(idsIn((await session.get(`${base}?product=Mitel+One`)).text), new Set([u.micloud.id, u.iot.id]));
    assert.deepEqual(idsIn((await session.get(`${base}?product=MiTeam+Meetings`)).text), new Set([u.iot.id]));
    // Combined with a property.
    assert.deepEqual(idsIn((await session.get(`${base}?product=Mitel+One&property=iot`)).text), new Set([u.iot.id]));
  });

  test('SMS Number is exact, and drops the Property filter and the search', async () => {
    const { session, u, base } = await setup();
    assert.deepEqual(idsIn((await session.get(`${base}?sms=%2B15550001111`)).text), new Set([u.pbx.id]));
    assert.deepEqual(idsIn((await session.get(`${base}?sms=%2B1555000111`)).text), new Set());
    const res = await session.get(`${base}?sms=%2B15550001111&property=registered&q=Reg`);
    assert.deepEqual(idsIn(res.text), new Set([u.pbx.id]), 'property and search ignored');
    const text = visibleText(res.text);
    assert.match(text, /The SMS Number filter cannot be combined with a Property filter or the search\./);
    assert.match(res.text, /<input type="search"[^>]*disabled/);
  });

  test('filters combine with search, sort and paging, show as chips and stay in the links', async () => {
    const { session, u, base, tag } = await setup();
    let res = await session.get(`${base}?property=registered&q=In`);
    assert.deepEqual(idsIn(res.text), new Set([u.inactive.id]));
    res = await session.get(`${base}?property=registered&sort=email&dir=desc&per_page=10`);
    const text = visibleText(res.text);
    assert.match(text, /Property: Registered/);
    // The chip removes its filter and keeps the rest.
    const remove = /<a class="chip-remove" href="\?([^"]*)"[^>]*aria-label="Remove filter Property: Registered"/.exec(res.text);
    assert.ok(remove, 'a remove link on the chip');
    assert.doesNotMatch(remove[1], /property=/);
    assert.match(remove[1], /sort=email/);
    // Sorting links keep the filter.
    assert.match(res.text, /href="\?[^"]*property=registered[^"]*sort=name/);
    // A bookmark of a filtered, searched list shows the same users.
    const again = await session.get(`${base}?property=registered&q=Is`);
    assert.deepEqual(idsIn(again.text), new Set([u.registered.id]));
    assert.ok(tag);
  });

  test('a filter with a word search: few matches and many give the same answers', async () => {
    const { account, session, u, tag, base } = await setup();
    // 5,100 users whose later name word is Crowd<tag> (more matches than a filter reads one by one); every other one holds Mitel One and is registered.
    await sql(`INSERT INTO users (account_id, first_name, last_name, display_name, email, role, registered, created_at, updated_at)
               SELECT ${lit(account.id)}, CONCAT('Member', seq), 'Crowd${tag}', CONCAT('Member', LPAD(seq, 4, '0'), ' Crowd${tag}'),
                      CONCAT('m', seq, '-${tag}@crowd.example.com'), 'user', seq % 2, UTC_TIMESTAMP(), UTC_TIMESTAMP()
               FROM seq_1_to_5100;
               INSERT INTO user_licenses (account_id, user_id, product)
               SELECT account_id, id, 'Mitel One' FROM users WHERE account_id = ${lit(account.id)} AND last_name = 'Crowd${tag}'
                 AND registered = 1`);
    const total = async (query) => visibleText((await session.get(`${base}?${query}`)).text);
    assert.match(await total(`q=crowd${tag}&product=Mitel+One`), /1–50 of 2,550\b|1–50 of 2550\b/, 'many matches, a product');
    assert.match(await total(`q=crowd${tag}&property=unregistered`), /1–50 of 2,550\b|1–50 of 2550\b/, 'many matches, a property');
    assert.deepEqual(idsIn((await session.get(`${base}?q=cloud${tag}&product=Mitel+One`)).text), new Set([u.micloud.id]),
      'few matches, a product');
    assert.deepEqual(idsIn((await session.get(`${base}?q=${encodeURIComponent(`member0008 crowd${tag}`)}&property=unregistered`)).text).size, 1,
      'few matches, a property');
    assert.match(await total(`q=member00&property=registered&per_page=10&page=2`), /11–20 of 50\b/, 'paged');
  });

  test('"Manage all" acts on the filtered users only', async () => {
    const { session, base, u } = await setup();
    const res = await session.get(`${base}/manage?property=unregistered`);
    assert.match(visibleText(res.text), /Manage all \(2 users\)/);
    const list = await session.get(`${base}?property=unregistered`);
    assert.match(list.text, /<input type="hidden" name="property" value="unregistered">/);
    assert.match(list.text, new RegExp(`name="ids" value="${u.pbx.id}"`));
  });
});
