// Customer accounts (guide §2.2, §2.3): the Accounts list, Add
// Account, Account Information, deactivate / reactivate / delete with the
// typed word checked on the server, and the events each change writes.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, sql } from './lib/stack.js';
import {
  PASSWORD, accountFields, addAccountViaUI, adminSession, count, eventsOf, fieldError, inputValue, lastEventId, listRows, lit,
  newCustomer, newPartner, newUser, partnerSession, scalar, signIn, assertToLogin, tableCounts, uid, visibleText,
} from './lib/fixtures.js';

const REQUIRED = 'This field is required.';
const TYPED_WORD = 'Type the word exactly as shown to continue.';

/** The account ids a list page links to, in order. */
function listedIds(html) {
  return listRows(html).map((href) => /\/a\/([0-9a-f-]{36})/.exec(href)[1]);
}

async function status(id) {
  return scalar(`SELECT status FROM accounts WHERE id = ${lit(id)}`);
}

describe('Accounts list', () => {
  test('shows the partner\'s active customer accounts only: not the partner account, not another partner\'s', async () => {
    const { partner, session } = await partnerSession();
    const other = await newPartner();
    const mine = await newCustomer(partner.id, 'Mine');
    const theirs = await newCustomer(other.id, 'Theirs');
    const res = await session.get('/accounts');
    assert.equal(res.status, 200);
    const ids = listedIds(res.text);
    assert.deepEqual(ids, [mine.id]);
    assert.ok(!ids.includes(partner.id) && !ids.includes(theirs.id));
    const text = visibleText(res.text);
    assert.ok(text.includes(mine.name));
    assert.ok(!text.includes(theirs.name));
    for (const col of ['NAME', 'COUNTRY', 'CITY / TOWN', 'CREATED ON']) assert.ok(text.includes(col), `column ${col}`);
    assert.ok(text.includes('United States'), 'the country is shown by name');
    assert.match(res.text, /href="\/accounts\/new"/, 'an Add Account button');
    // Clicking an account opens its Account Information (guide §2.2 Edit an Account, §2.3).
    assert.deepEqual(listRows(res.text), [`/a/${mine.id}/info`]);
    assert.match(res.text, new RegExp(`<a href="/a/${mine.id}/info">`));
    const info = await session.get(listRows(res.text)[0]);
    assert.equal(info.status, 200);
    assert.match(visibleText(info.text), /Account Information/);
  });

  test('a partner with no customers sees an empty list with a way to add one', async () => {
    const { session } = await partnerSession();
    const res = await session.get('/accounts');
    assert.equal(res.status, 200);
    assert.deepEqual(listRows(res.text), []);
    assert.ok(visibleText(res.text).includes('There are no active customer accounts yet.'));
  });

  test('search by the start of the name or of any word in it, case-insensitive; wildcards are literal', async () => {
    const { partner, session } = await partnerSession();
    const tag = uid();
    const alpha = await newCustomer(partner.id, `Alpha${tag}`);
    const alps = await newCustomer(partner.id, `Alps${tag}`);
    const beta = await newCustomer(partner.id, `Beta${tag}`);
    const percent = await newCustomer(partner.id, `100% Pure${tag}`);
    const alpine = await newCustomer(partner.id, `Northern Alpine-Rescue ${tag}`);

    let res = await session.get(`/accounts?q=${encodeURIComponent(`alp`)}`);
    assert.equal(res.status, 200);
    assert.deepEqual(new Set(listedIds(res.text)), new Set([alpha.id, alps.id, alpine.id]), 'a word in the middle counts');
    assert.equal(inputValue(res.text, 'q'), 'alp', 'the search box keeps the text');

    res = await session.get(`/accounts?q=${encodeURIComponent(`Beta${tag}`)}`);
    assert.deepEqual(listedIds(res.text), [beta.id]);
    res = await session.get(`/accounts?q=${encodeURIComponent('RESCUE')}`);
    assert.deepEqual(listedIds(res.text), [alpine.id], 'a word after a hyphen, in any case');
    res = await session.get(`/accounts?q=${encodeURIComponent('alpine-rescue ')}`);
    assert.deepEqual(listedIds(res.text), [alpine.id], 'several words in a row');
    res = await session.get(`/accounts?q=${encodeURIComponent(`Pure${tag}`)}`);
    assert.deepEqual(listedIds(res.text), [percent.id]);
    res = await session.get(`/accounts?q=${encodeURIComponent('orthern')}`);
    assert.deepEqual(listedIds(res.text), [], 'the middle of a word is not the start of one');
    assert.match(visibleText(res.text), /No account name matches your search\./);

    res = await session.get(`/accounts?q=${encodeURIComponent('%')}`);
    assert.deepEqual(listedIds(res.text), [], '% matches only a literal %');
    res = await session.get(`/accounts?q=${encodeURIComponent('100%')}`);
    assert.deepEqual(listedIds(res.text), [percent.id]);
    res = await session.get(`/accounts?q=${encodeURIComponent('_')}`);
    assert.deepEqual(listedIds(res.text), [], '_ matches only a literal _');

    res = await session.get('/accounts?q=zzz-nothing');
    assert.deepEqual(listedIds(res.text), []);
    assert.ok(visibleText(res.text).includes('No account name matches your search.'));
  });

  test('a search follows renames, the status selector, and another partner\'s accounts stay out', async () => {
    const { partner, session } = await partnerSession();
    const other = await newPartner();
    const tag = uid();
    const mine = await newCustomer(partner.id, `Old Name ${tag}`);
    const theirs = await newCustomer(other.id, `Shared Word ${tag}`);
    await sql(`UPDATE accounts SET name = ${lit(`Shared Word ${tag}`)} WHERE id = ${lit(mine.id)}`);
    const search = async (q, status = 'active') =>
      listedIds((await session.get(`/accounts?status=${status}&q=${encodeURIComponent(q)}`)).text);
    assert.deepEqual(await search(`word ${tag}`), [mine.id], 'found by its new name, not the other partner\'s');
    assert.deepEqual(await search(`name ${tag}`), [], 'the old name is forgotten');
    await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(mine.id)}`);
    assert.deepEqual(await search(`word ${tag}`), []);
    assert.deepEqual(await search(`word ${tag}`, 'deactivated'), [mine.id]);
    assert.ok(!(await search(`word ${tag}`, 'deactivated')).includes(theirs.id));
  });

  test('the Active / Deactivated selector', async () => {
    const { partner, session } = await partnerSession();
    const live = await newCustomer(partner.id, 'Live');
    const gone = await newCustomer(partner.id, 'Dormant');
    await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(gone.id)}`);
    const active = await session.get('/accounts?status=active');
    assert.deepEqual(listedIds(active.text), [live.id]);
    const byDefault = await session.get('/accounts');
    assert.deepEqual(listedIds(byDefault.text), [live.id], 'active by default');
    const deact = await session.get('/accounts?status=deactivated');
    assert.deepEqual(listedIds(deact.text), [gone.id]);
    assert.deepEqual(listRows(deact.text), [`/a/${gone.id}/reactivate`], 'a deactivated account opens its reactivation');
    const junk = await session.get('/accounts?status=%27%20OR%201%3D1');
    assert.equal(junk.status, 200);
    assert.deepEqual(listedIds(junk.text), [live.id], 'an unknown status is Active');
    // The search keeps the selector.
    const searched = await session.get(`/accounts?status=deactivated&q=${encodeURIComponent(gone.name.slice(0, 5))}`);
    assert.deepEqual(listedIds(searched.text), [gone.id]);
  });

  test('sort by name, country, city and creation, both ways; an unknown sort falls back to name', async () => {
    const { partner, session } = await partnerSession();
    const rows = [['Bravo', 'FR', 'Lyon'], ['Alpha', 'US', 'Zurich'], ['Charlie', 'DE', 'Berlin']];
    const made = {};
    for (const [i, [name, country, city]] of rows.entries()) {
      const id = await scalar('SELECT UUID()');
      await sql(`INSERT INTO accounts (id, partner_id, kind, name, country, city, status, created_at, updated_at)
                 VALUES (${lit(id)}, ${lit(partner.id)}, 'customer', ${lit(name)}, ${lit(country)}, ${lit(city)}, 'active',
                         UTC_TIMESTAMP() - INTERVAL ${3 - i} DAY, UTC_TIMESTAMP())`);
      made[name] = id;
    }
    const order = async (query) => listedIds((await session.get(`/accounts?${query}`)).text);
    const ids = (...names) => names.map((n) => made[n]);
    assert.deepEqual(await order('sort=name&dir=asc'), ids('Alpha', 'Bravo', 'Charlie'));
    assert.deepEqual(await order('sort=name&dir=desc'), ids('Charlie', 'Bravo', 'Alpha'));
    assert.deepEqual(await order('sort=country&dir=asc'), ids('Charlie', 'Bravo', 'Alpha'));
    assert.deepEqual(await order('sort=city&dir=asc'), ids('Charlie', 'Bravo', 'Alpha'));
    assert.deepEqual(await order('sort=city&dir=desc'), ids('Alpha', 'Bravo', 'Charlie'));
    assert.deepEqual(await order('sort=created&dir=asc'), ids('Bravo', 'Alpha', 'Charlie'));
    assert.deepEqual(await order('sort=created&dir=desc'), ids('Charlie', 'Alpha', 'Bravo'));
    assert.deepEqual(await order('sort=password_hash&dir=asc'), ids('Alpha', 'Bravo', 'Charlie'));
    assert.deepEqual(await order(`sort=${encodeURIComponent('name; DROP TABLE accounts')}&dir=desc`), ids('Charlie', 'Bravo', 'Alpha'));
    // The column headers link to the reverse sort.
    const page = await session.get('/accounts?sort=name&dir=asc');
    assert.match(page.text, /aria-sort="ascending"/);
    assert.match(page.text, /href="\?status=active&(amp;)?sort=name&(amp;)?dir=desc"/);
  });

  test('pagination: 50 to a page, per_page, a page past the end shows the last', async () => {
    const { partner, session } = await partnerSession();
    const values = Array.from({ length: 55 }, (_, i) =>
      `(UUID(), ${lit(partner.id)}, 'customer', ${lit(`Paged ${String(i).padStart(3, '0')}`)}, 'US', 'Town', 'active', UTC_TIMESTAMP(), UTC_TIMESTAMP())`);
    await sql(`INSERT INTO accounts (id, partner_id, kind, name, country, city, status, created_at, updated_at) VALUES ${values.join(', ')}`);
    const names = async (query) => [...(await session.get(`/accounts?${query}`)).text.matchAll(/>(Paged \d{3})</g)].map((m) => m[1]);

    const first = await session.get('/accounts');
    assert.equal(listRows(first.text).length, 50);
    assert.match(visibleText(first.text), /1–50 of 55/);
    assert.match(visibleText(first.text), /Page 1 of 2/);
    assert.match(first.text, /rel="next"/);

    assert.deepEqual(await names('page=2'), ['Paged 050', 'Paged 051', 'Paged 052', 'Paged 053', 'Paged 054']);
    assert.deepEqual(await names('page=999'), ['Paged 050', 'Paged 051', 'Paged 052', 'Paged 053', 'Paged 054']);
    assert.deepEqual(await names('per_page=10&page=3'), Array.from({ length: 10 }, (_, i) => `Paged 0${20 + i}`));
    assert.equal((await names('page=abc')).length, 50, 'a bad page number is page 1');
    assert.equal((await names('page=-3')).length, 50);
    assert.equal((await names('per_page=100000')).length, 50, 'per_page beyond the limit falls back');
    const sorted = await names('sort=name&dir=desc&page=2');
    assert.deepEqual(sorted, ['Paged 004', 'Paged 003', 'Paged 002', 'Paged 001', 'Paged 000']);
  });
});

describe('Add Account', () => {
  test('the form offers every field', async () => {
    const { session } = await partnerSession();
    const res = await session.get('/accounts/new');
    assert.equal(res.status, 200);
    for (const name of ['name', 'province', 'address', 'city', 'postal_code', 'contacts']) {
      assert.match(res.text, new RegExp(`<input[^>]*name="${name}"`), `input ${name}`);
    }
    for (const name of ['country', 'default_language', 'business_type']) {
      assert.match(res.text, new RegExp(`<select[^>]*name="${name}"`), `select ${name}`);
    }
    assert.match(res.text, /<option value="US"[^>]*>United States/);
    assert.match(res.text, /<option value="en" selected>English/);
  });

  test('a valid form creates the account, its contacts and its events in one go', async () => {
    const { partner, session } = await partnerSession();
    const before = await lastEventId();
    const fields = accountFields({ contacts: 'Help@Example.com; ops@example.com,help@example.com  noc@example.org' });
    const res = await session.send('/accounts/new', fields);
    assert.equal(res.status, 303);
    const id = /^\/a\/([0-9a-f-]{36})\/info$/.exec(res.location)[1];

    const [row] = await sql(`SELECT partner_id, kind, name, country, province, address, city, postal_code, default_language,
                                    business_type, status FROM accounts WHERE id = ${lit(id)}`);
    assert.deepEqual(row, [partner.id, 'customer', fields.name, 'US', 'Oregon', '1 Main Street', 'Portland', '97201', 'en',
      'Enterprise', 'active']);
    const contacts = (await sql(`SELECT email FROM account_support_contacts WHERE account_id = ${lit(id)} ORDER BY position`)).map((r) => r[0]);
    assert.deepEqual(contacts, ['Help@Example.com', 'ops@example.com', 'noc@example.org'], 'repeats dropped, order kept');

    const partnerEvents = await eventsOf(partner.id, `id > ${before}`);
    assert.equal(partnerEvents.length, 1);
    assert.equal(partnerEvents[0].action, 'account.create');
    assert.equal(partnerEvents[0].assetType, 'account');
    assert.equal(partnerEvents[0].assetId, id);
    assert.equal(partnerEvents[0].actorUserId, partner.adminId);
    assert.equal(partnerEvents[0].actorEmail, partner.email);
    assert.equal(partnerEvents[0].details.name, fields.name);
    const own = await eventsOf(id);
    assert.deepEqual(own.map((e) => e.action), ['account.create']);

    const info = await session.get(res.location);
    assert.equal(info.status, 200);
    assert.ok(visibleText(info.text).includes('The account has been created.'));
    assert.equal(inputValue(info.text, 'name'), fields.name);

    const list = await session.get('/accounts');
    assert.ok(listedIds(list.text).includes(id));
  });

  test('all fields empty: each required field gets its own message and nothing is created', async () => {
    const { partner, session } = await partnerSession();
    const counts = await tableCounts();
    const res = await session.send('/accounts/new', {
      name: '', country: '', province: '', address: '', city: '', postal_code: '', default_language: '', business_type: '', contacts: '',
    });
    assert.equal(res.status, 422);
    for (const field of ['name', 'country', 'address', 'city', 'postal_code', 'default_language', 'contacts']) {
      assert.equal(fieldError(res.text, field), REQUIRED, `${field}`);
    }
    assert.equal(fieldError(res.text, 'province'), null, 'Province / State is optional');
    assert.equal(fieldError(res.text, 'business_type'), null, 'Business Type is optional');
    assert.ok(visibleText(res.text).includes('Some fields need your attention.'));
    assert.deepEqual(await tableCounts(), counts);
    assert.equal(await count('accounts', `partner_id = ${lit(partner.id)}`), 0);
  });

  test('each required field missing on its own is reported, the rest of the input is kept', async () => {
    const { partner, session } = await partnerSession();
    for (const field of ['name', 'country', 'address', 'city', 'postal_code', 'default_language', 'contacts']) {
      const fields = accountFields({ [field]: field === 'name' ? '   ' : '' });
      const res = await session.send('/accounts/new', fields);
      assert.equal(res.status, 422, field);
      assert.equal(fieldError(res.text, field), REQUIRED, field);
      const others = ['name', 'address', 'city', 'postal_code', 'contacts'].filter((f) => f !== field);
      for (const f of others) {
        assert.equal(fieldError(res.text, f), null, `${field} missing: no message on ${f}`);
        assert.equal(inputValue(res.text, f), fields[f], `${field} missing: ${f} kept`);
      }
    }
    assert.equal(await count('accounts', `partner_id = ${lit(partner.id)}`), 0);
  });

  test('optional fields may be empty', async () => {
    const { partner, session } = await partnerSession();
    const { id } = await addAccountViaUI(session, { province: '', business_type: '' });
    assert.deepEqual(await sql(`SELECT province, business_type, partner_id FROM accounts WHERE id = ${lit(id)}`), [['', '', partner.id]]);
  });

  test('invalid values: support contacts, country, language, business type, lengths', async () => {
    const { partner, session } = await partnerSession();
    const cases = [
      [{ contacts: 'not-an-email' }, 'contacts', 'Contains an invalid email'],
      [{ contacts: 'ok@example.com, broken@, also@example.com' }, 'contacts', 'Contains an invalid email'],
      [{ contacts: 'a@example.com b@@example.com' }, 'contacts', 'Contains an invalid email'],
      [{ contacts: ',, ;' }, 'contacts', REQUIRED],
      [{ contacts: Array.from({ length: 21 }, (_, i) => `c${i}@example.com`).join(', ') }, 'contacts', 'Too many email addresses (at most 20).'],
      [{ country: 'ZZ' }, 'country', 'Choose one of the options offered.'],
      [{ country: 'us' }, 'country', 'Choose one of the options offered.'],
      [{ default_language: 'xx' }, 'default_language', 'Choose one of the options offered.'],
      [{ business_type: 'Pirates' }, 'business_type', 'Choose one of the options offered.'],
      [{ name: 'n'.repeat(256) }, 'name', 'This value is too long.'],
      [{ postal_code: '9'.repeat(33) }, 'postal_code', 'This value is too long.'],
      [{ city: 'Tab\tis fine but\nnewline is not' }, 'city', 'This value contains characters that are not allowed.'],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await session.send('/accounts/new', accountFields(overrides));
      assert.equal(res.status, 422, `${JSON.stringify(overrides).slice(0, 60)}: status`);
      assert.equal(fieldError(res.text, field), message, `${JSON.stringify(overrides).slice(0, 60)}`);
    }
    assert.equal(await count('accounts', `partner_id = ${lit(partner.id)}`), 0);
    // Exactly at the limits is fine; 20 contacts are allowed.
    const { id } = await addAccountViaUI(session, {
      name: `${'n'.repeat(245)}${uid()}`, postal_code: '9'.repeat(32),
      contacts: Array.from({ length: 20 }, (_, i) => `c${i}@example.com`).join(', '),
    });
    assert.equal(await count('account_support_contacts', `account_id = ${lit(id)}`), 20);
    assert.equal(Number(await scalar(`SELECT CHAR_LENGTH(name) FROM accounts WHERE id = ${lit(id)}`)), 255);
  });

  test('names in any script are kept exactly', async () => {
    const { session } = await partnerSession();
    const name = `Zürich Ñandú 東京 ${uid()} 🚀`;
    const { id } = await addAccountViaUI(session, { name, city: 'São Paulo' });
    assert.deepEqual(await sql(`SELECT name, city FROM accounts WHERE id = ${lit(id)}`), [[name, 'São Paulo']]);
  });
});

describe('Account Information', () => {
  test('shows the account with its Account ID, cloud location and read-only fields', async () => {
    const { session } = await partnerSession();
    const { id, fields } = await addAccountViaUI(session);
    const res = await session.get(`/a/${id}/info`);
    assert.equal(res.status, 200);
    const text = visibleText(res.text);
    assert.ok(text.includes(id), 'the Account ID');
    assert.match(res.text, new RegExp(`data-copy="${id}"`), 'with a copy button');
    assert.ok(text.includes('Local (development)'), 'the cloud location from the config');
    for (const label of ['SAP Customer Number', 'Cloud location']) assert.ok(text.includes(label), label);
    assert.ok(!text.includes('PBX Type'), 'PBX Type shows once the CloudLink Gateway onboarding is complete (guide §2.3)');
    for (const f of ['name', 'address', 'city', 'postal_code', 'contacts']) assert.equal(inputValue(res.text, f), fields[f], f);
    assert.match(res.text, /<option value="US" selected>/);
    assert.match(res.text, new RegExp(`href="/a/${id}/deactivate"`));
    assert.match(res.text, new RegExp(`href="/a/${id}/delete"`));
  });

  test('editing writes the changes and one event listing exactly the properties changed', async () => {
    const { partner, session } = await partnerSession();
    const { id, fields } = await addAccountViaUI(session);
    const before = await lastEventId();
    const newName = `Renamed ${uid()}`;
    const res = await session.send(`/a/${id}/info`, { ...fields, name: newName, city: 'Salem', contacts: 'new@example.com' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/a/${id}/info`);
    assert.deepEqual(await sql(`SELECT name, city, address FROM accounts WHERE id = ${lit(id)}`), [[newName, 'Salem', fields.address]]);
    assert.deepEqual(await sql(`SELECT email FROM account_support_contacts WHERE account_id = ${lit(id)}`), [['new@example.com']]);
    const events = await eventsOf(id, `id > ${before}`);
    assert.equal(events.length, 1);
    const [e] = events;
    assert.equal(e.action, 'account.update');
    assert.equal(e.assetType, 'account');
    assert.equal(e.assetId, id);
    assert.equal(e.assetName, newName);
    assert.equal(e.actorUserId, partner.adminId);
    assert.equal(e.actorName, partner.name);
    assert.deepEqual(e.details, {
      name: { from: fields.name, to: newName },
      city: { from: fields.city, to: 'Salem' },
      support_contacts: { from: fields.contacts, to: 'new@example.com' },
    });
    const page = await session.get(`/a/${id}/info`);
    assert.ok(visibleText(page.text).includes('The account information has been saved.'));
    assert.equal(inputValue(page.text, 'name'), newName);
  });

  test('saving without changes writes no event', async () => {
    const { session } = await partnerSession();
    const { id, fields } = await addAccountViaUI(session);
    const before = await lastEventId();
    assert.equal((await session.send(`/a/${id}/info`, fields)).status, 303);
    assert.deepEqual(await eventsOf(id, `id > ${before}`), []);
  });

  test('a bad edit changes nothing and says what is wrong', async () => {
    const { session } = await partnerSession();
    const { id, fields } = await addAccountViaUI(session);
    const before = await lastEventId();
    const res = await session.send(`/a/${id}/info`, { ...fields, name: 'Good name', city: '', contacts: 'x@y' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'city'), REQUIRED);
    assert.equal(fieldError(res.text, 'contacts'), 'Contains an invalid email');
    assert.equal(inputValue(res.text, 'name'), 'Good name', 'the input is kept');
    assert.deepEqual(await sql(`SELECT name, city FROM accounts WHERE id = ${lit(id)}`), [[fields.name, fields.city]]);
    assert.deepEqual(await eventsOf(id, `id > ${before}`), []);
  });

  test('the account admin views and edits their own account, without deactivate or delete', async () => {
    const partner = await newPartner();
    const { account, admin, session } = await adminSession(partner.id);
    const res = await session.get(`/a/${account.id}/info`);
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, /\/deactivate"/);
    assert.doesNotMatch(res.text, /\/delete"/);
    const fields = accountFields({ name: `Self-named ${uid()}` });
    const saved = await session.send(`/a/${account.id}/info`, fields);
    assert.equal(saved.status, 303);
    assert.equal(await scalar(`SELECT name FROM accounts WHERE id = ${lit(account.id)}`), fields.name);
    const [e] = await eventsOf(account.id, "action = 'account.update'");
    assert.equal(e.actorUserId, admin.id);
    assert.equal(e.details.name.to, fields.name);
  });

  test('a partner opens a customer account and acts in it as its administrator', async () => {
    const { session } = await partnerSession();
    const { id, name } = await addAccountViaUI(session);
    const dash = await session.get(`/a/${id}`);
    assert.equal(dash.status, 200);
    assert.ok(visibleText(dash.text).includes(name), 'the account name is shown');
    assert.match(dash.text, new RegExp(`href="/a/${id}/users"`));
    assert.match(dash.text, /href="\/accounts"/, 'a way back to the partner view');
  });
});

describe('deactivate, reactivate, delete', () => {
  test('deactivate: the typed word is checked on the server; then the account is deactivated with its event', async () => {
    const { partner, session } = await partnerSession();
    const { id } = await addAccountViaUI(session);
    const page = await session.get(`/a/${id}/deactivate`);
    assert.equal(page.status, 200);
    assert.match(visibleText(page.text), /type 'deactivate'/);
    const before = await lastEventId();
    for (const word of ['', 'deactivat', 'DEACTIVATE', 'Deactivate', 'reactivate', 'delete', 'deactivate please', "deactivate' OR 1=1"]) {
      const res = await session.send(`/a/${id}/deactivate`, { confirm: word });
      assert.equal(res.status, 422, `typed ${JSON.stringify(word)}`);
      assert.equal(fieldError(res.text, 'confirm'), TYPED_WORD);
      assert.equal(await status(id), 'active');
    }
    assert.deepEqual(await eventsOf(id, `id > ${before}`), []);

    const res = await session.send(`/a/${id}/deactivate`, { confirm: ' deactivate ' });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/accounts?status=deactivated');
    assert.equal(await status(id), 'deactivated');
    const events = await eventsOf(id, `id > ${before}`);
    assert.deepEqual(events.map((e) => [e.action, e.actorUserId, e.details]),
      [['account.deactivate', partner.adminId, { status: { from: 'active', to: 'deactivated' } }]]);
    const list = await session.get(res.location);
    assert.ok(visibleText(list.text).includes('The account has been deactivated.'));
    assert.ok(listedIds(list.text).includes(id));
    assert.ok(!listedIds((await session.get('/accounts')).text).includes(id));

    // A deactivated account must be reactivated before anything else.
    for (const path of [`/a/${id}`, `/a/${id}/info`, `/a/${id}/users`, `/a/${id}/delete`, `/a/${id}/deactivate`]) {
      const r = await session.get(path);
      assert.equal(r.status, 303, path);
      assert.equal(r.location, `/a/${id}/reactivate`, path);
    }
    const delAttempt = await session.send(`/a/${id}/delete`, { confirm: 'delete' });
    assert.equal(delAttempt.status, 303);
    assert.equal(await status(id), 'deactivated', 'not deleted while deactivated');
  });

  test('reactivate: wrong word refused, right word reactivates with its event', async () => {
    const { partner, session } = await partnerSession();
    const { id } = await addAccountViaUI(session);
    assert.equal((await session.send(`/a/${id}/deactivate`, { confirm: 'deactivate' })).status, 303);
    const page = await session.get(`/a/${id}/reactivate`);
    assert.equal(page.status, 200);
    assert.match(visibleText(page.text), /type 'reactivate'/);
    assert.match(page.text, /href="\/accounts\?status=deactivated"/, 'Cancel goes back to the deactivated list');
    const before = await lastEventId();
    for (const word of ['', 'deactivate', 'REACTIVATE']) {
      const res = await session.send(`/a/${id}/reactivate`, { confirm: word });
      assert.equal(res.status, 422);
      assert.equal(fieldError(res.text, 'confirm'), TYPED_WORD);
    }
    assert.equal(await status(id), 'deactivated');
    const res = await session.send(`/a/${id}/reactivate`, { confirm: 'reactivate' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/a/${id}/info`);
    assert.equal(await status(id), 'active');
    const events = await eventsOf(id, `id > ${before}`);
    assert.deepEqual(events.map((e) => [e.action, e.actorUserId, e.details]),
      [['account.reactivate', partner.adminId, { status: { from: 'deactivated', to: 'active' } }]]);
    // Reactivating an active account changes nothing.
    const again = await session.get(`/a/${id}/reactivate`);
    assert.equal(again.status, 303);
    assert.equal(again.location, `/a/${id}/info`);
    assert.equal((await session.send(`/a/${id}/reactivate`, { confirm: 'reactivate' })).status, 303);
    assert.equal((await eventsOf(id, `id > ${before}`)).length, 1);
  });

  test('deactivation ends the sessions of the account\'s users; reactivation lets them sign in again', async () => {
    const { partner, session } = await partnerSession();
    const account = await newCustomer(partner.id);
    const admin = await newUser(account.id, { role: 'account_admin' });
    const adminS = await signIn(admin.email);
    assert.equal((await session.send(`/a/${account.id}/deactivate`, { confirm: 'deactivate' })).status, 303);
    assertToLogin(await adminS.get(`/a/${account.id}/users`), 'the admin after deactivation');
    assert.equal(await count('sessions', `user_id = ${admin.id}`), 0);
    assert.equal((await new Client().login(admin.email, PASSWORD)).status, 422, 'no sign-in while deactivated');
    assert.equal((await session.send(`/a/${account.id}/reactivate`, { confirm: 'reactivate' })).status, 303);
    await signIn(admin.email);
  });

  test('delete: wrong word refused; right word removes the account with its users, the event goes to the partner', async () => {
    const { partner, session } = await partnerSession();
    const { id, name } = await addAccountViaUI(session);
    const member = await newUser(id, { role: 'account_admin' });
    const memberS = await signIn(member.email);
    const page = await session.get(`/a/${id}/delete`);
    assert.equal(page.status, 200);
    assert.match(visibleText(page.text), /type 'delete'/);
    const counts = await tableCounts();
    for (const word of ['', 'DELETE', 'delet', 'deactivate', "delete'; --"]) {
      const res = await session.send(`/a/${id}/delete`, { confirm: word });
      assert.equal(res.status, 422, `typed ${JSON.stringify(word)}`);
      assert.equal(fieldError(res.text, 'confirm'), TYPED_WORD);
    }
    assert.deepEqual(await tableCounts(), counts, 'nothing changed');

    const before = await lastEventId();
    const res = await session.send(`/a/${id}/delete`, { confirm: 'delete' });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/accounts');
    assert.equal(await count('accounts', `id = ${lit(id)}`), 0);
    assert.equal(await count('users', `account_id = ${lit(id)}`), 0, 'its users went with it');
    assert.equal(await count('account_support_contacts', `account_id = ${lit(id)}`), 0);
    const events = await eventsOf(partner.id, `id > ${before}`);
    assert.deepEqual(events.map((e) => [e.action, e.assetId, e.assetName, e.actorUserId]), [['account.delete', id, name, partner.adminId]]);
    assertToLogin(await memberS.get(`/a/${id}`), 'a user of the deleted account');
    assert.equal((await session.get(`/a/${id}/info`)).status, 404);
    assert.ok(visibleText((await session.get('/accounts')).text).includes('The account has been deleted.'));
  });

  test('the partner account itself cannot be deactivated, reactivated or deleted', async () => {
    const { partner, session } = await partnerSession();
    const counts = await tableCounts();
    for (const word of ['deactivate', 'reactivate', 'delete']) {
      assert.equal((await session.get(`/a/${partner.id}/${word}`)).status, 404, `GET ${word}`);
      assert.equal((await session.send(`/a/${partner.id}/${word}`, { confirm: word })).status, 404, `POST ${word}`);
    }
    assert.equal(await status(partner.id), 'active');
    assert.deepEqual(await tableCounts(), counts);
    const info = await session.get(`/a/${partner.id}/info`);
    assert.equal(info.status, 200);
    assert.doesNotMatch(info.text, /\/(deactivate|delete)"/, 'no such buttons on the partner account');
  });
});
