// Event History (guide §2.16; ch2 §8): every console change shows at once
// with the guide's fields, in EVENT DATE order a page at a time from a
// position, filtered by Asset, Action, Event Type, Actor ID and an Event
// Date range with smart options, in the columns each person chose, and
// exported to CSV (selected rows, or all that match: at once when few, as
// a job when many), with Event Details and its tabs.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { baseURL, config, consoleBin, sql, stackDir } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import {
  accountFields, adminSession, fieldError, lit, newCustomer, newUser, partnerSession, scalar, signIn, userFields, visibleText,
} from './lib/fixtures.js';
import { seedEvents, tableRows } from './lib/inventory.js';

const rowsOf = (html) => tableRows(html, 'event-rows');
const nextLink = (html) => {
  const m = /<a[^>]*rel="next"[^>]*href="\?([^"]+)"/.exec(html) ?? /href="\?([^"]+)"[^>]*rel="next"/.exec(html);
  return m ? m[1].replace(/&amp;/g, '&') : null;
};
/** A form body; arrays repeat their field. */
function formOf(fields) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, String(v));
  return body;
}
const idOf = (row) => Number(/\/events\/(\d+)$/.exec(row.href)[1]);

/** A CSV file's records (RFC 4180, as lib/sheet/csv_write.c writes them). */
function parseCsv(text) {
  const records = [];
  let record = [], field = '', quoted = false;
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field); records.push(record); record = []; field = ''; i++;
    } else field += c;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

describe('Event History', () => {
  test('a console change shows at once, with the guide\'s fields and default columns', async () => {
    const { partner } = await partnerSession('Events now');
    const { account, admin, session } = await adminSession(partner.id, 'Events now');
    const user = await newUser(account.id, { first: 'Grace', last: 'Hopper' });
    const edit = await session.send(`/a/${account.id}/users/${user.id}`, userFields({ email: user.email, first_name: 'Amazing', last_name: 'Grace', role: 'user' }));
    assert.equal(edit.status, 303);

    const page = await session.get(`/a/${account.id}/events`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<h1>Event History<\/h1>/);
    assert.doesNotMatch(page.text, /24 hours/, 'no warning that events are late: they are not');
    const [first] = rowsOf(page.text);
    assert.deepEqual(Object.keys(first).slice(1), ['ACTOR NAME', 'ACTION', 'ASSET', 'EVENT DATE', 'PROPERTIES CHANGED', 'CORE DETAILS']);
    assert.equal(first['ACTOR NAME'], admin.name);
    assert.equal(first.ACTION, 'Edit');
    assert.equal(first.ASSET, 'User');
    assert.match(first['EVENT DATE'], /^\d{4}-\d\d-\d\d, \d\d:\d\d:\d\d$/);
    assert.match(first['PROPERTIES CHANGED'], /"first_name"/);
    assert.match(first['CORE DETAILS'], /Amazing/);

    const [e] = await sql(`SELECT event_type, act, kind, actor_ref, properties_changed, log_tags, extra_details FROM events
                           WHERE account_id = ${lit(account.id)} AND action = 'user.update' ORDER BY id DESC LIMIT 1`);
    assert.deepEqual(e.slice(0, 4), ['admin', 'edit', 'admin/user/edit', String(admin.id)]);
    assert.ok(JSON.parse(e[4]).includes('first_name'));
    assert.deepEqual(JSON.parse(e[5]), ['user.update', `user:${user.id}`]);
    assert.equal(JSON.parse(e[6]).assetName, 'Amazing Grace');
  });

  test('ACTOR NAME says Unknown once the user who acted is gone', async () => {
    const { partner, session: sP } = await partnerSession('Events gone');
    const account = await newCustomer(partner.id, 'Events gone');
    const leaver = await newUser(account.id, { role: 'account_admin', first: 'Lee', last: 'Leaver' });
    await newUser(account.id, { role: 'account_admin' }); // an account keeps one Account Admin at least
    const s = await signIn(leaver.email);
    const target = await newUser(account.id);
    assert.equal((await s.send(`/a/${account.id}/users/${target.id}`, userFields({ email: target.email, first_name: 'Renamed', role: 'user' }))).status, 303);
    assert.equal(rowsOf((await sP.get(`/a/${account.id}/events`)).text)[0]['ACTOR NAME'], 'Lee Leaver');
    assert.equal((await sP.send(`/a/${account.id}/users/${leaver.id}/delete`, { confirm: 'delete' })).status, 303);
    const rows = rowsOf((await sP.get(`/a/${account.id}/events`)).text);
    const edit = rows.find((r) => r.ACTION === 'Edit' && r.ASSET === 'User');
    assert.equal(edit['ACTOR NAME'], 'Unknown');
    assert.equal(await scalar(`SELECT actor_name FROM events WHERE account_id = ${lit(account.id)} AND action = 'user.update'`),
      'Lee Leaver', 'the name stays as written');
  });

  test('the partner account has its own history, under Support at partner level', async () => {
    const { partner, session } = await partnerSession('Events partner');
    const home = await session.get('/');
    assert.match(home.text, new RegExp(`href="/a/${partner.id}/events"[^>]*>Event History<`));
    const res = await session.send('/accounts/new', accountFields({ name: 'Made for history' }));
    assert.equal(res.status, 303);
    const rows = rowsOf((await session.get(`/a/${partner.id}/events`)).text);
    assert.ok(rows.some((r) => r.ACTION === 'Create' && r.ASSET === 'Account'), JSON.stringify(rows));
  });

  test('Event History needs Support View (ch2 §7): without it, no page and no menu item', async () => {
    const { partner, session: sP } = await partnerSession('Events perm');
    const account = await newCustomer(partner.id, 'Events perm');
    const role = await sP.send('/roles/new', { name: 'No support', base: 'admin', admin_account_view: '1', admin_users_view: '1' });
    assert.equal(role.status, 303);
    const roleId = /^\/roles\/(\d+)/.exec(role.location)[1];
    assert.equal((await sP.send(`/roles/${roleId}/accounts`, { action: 'assign', accounts: account.id })).status, 303);
    const admin = await newUser(account.id, { role: 'account_admin' });
    await sql(`UPDATE users SET custom_role_id = ${roleId} WHERE id = ${admin.id}`);
    const s = await signIn(admin.email);
    assert.equal((await s.get(`/a/${account.id}/events`)).status, 404);
    const users = await s.get(`/a/${account.id}/users`);
    assert.equal(users.status, 200);
    assert.doesNotMatch(users.text, />Event History</);
    const full = await adminSession(partner.id, 'Events perm full');
    assert.match((await full.session.get(`/a/${full.account.id}/users`)).text, />Event History</);
  });

  test('pages follow one another from a position, newest first or oldest first, to the end', async () => {
    const { partner, session } = await partnerSession('Events pages');
    const account = await newCustomer(partner.id, 'Events pages');
    await seedEvents(account.id, 120, { minutesAgo: 5 });
    const seen = [];
    let query = '';
    for (let page = 0; page < 5 && query !== null; page++) {
      const res = await session.get(`/a/${account.id}/events${query ? `?${query}` : ''}`);
      assert.equal(res.status, 200);
      seen.push(...rowsOf(res.text).map(idOf));
      query = nextLink(res.text);
      if (query === null) assert.match(res.text, /All events are shown\./);
      else assert.match(query, /cursor=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d\.\d{6}(%7E|~)\d+/);
    }
    const expected = (await sql(`SELECT id FROM events WHERE account_id = ${lit(account.id)} ORDER BY created_at DESC, id DESC`)).map(([id]) => Number(id));
    assert.equal(expected.length, 120);
    assert.deepEqual(seen, expected, 'every event once, newest first');

    const asc = await session.get(`/a/${account.id}/events?dir=asc`);
    assert.deepEqual(rowsOf(asc.text).map(idOf), [...expected].reverse().slice(0, 50), 'EVENT DATE ↑: oldest first');
    assert.match(asc.text, /aria-sort="ascending"/);
  });

  test('each filter, and all of them together, keep only what matches; Active Filter Details says what is on', async () => {
    const { partner, session } = await partnerSession('Events filters');
    const account = await newCustomer(partner.id, 'Events filters');
    await seedEvents(account.id, 60, {
      kinds: [['mivb', 'phone', 'edit'], ['mivb', 'phone', 'create'], ['admin', 'account', 'edit'],
        ['service_delivery', 'user_license', 'license_assignment']],
      actors: ['solution:7', 'system', '4242'],
      minutesAgo: 10,
    });
    const base = `/a/${account.id}/events`;
    const kindsOf = async (query) => {
      const res = await session.get(`${base}?${query}`);
      assert.equal(res.status, 200, query);
      return { res, rows: rowsOf(res.text) };
    };
    let { res, rows } = await kindsOf('asset=phone');
    assert.ok(rows.length > 0 && rows.every((r) => r.ASSET === 'Phone'));
    assert.match(visibleText(res.text), /Active Filter Details Asset Phone/);
    ({ rows } = await kindsOf('action=license_assignment'));
    assert.ok(rows.length > 0 && rows.every((r) => r.ACTION === 'License Assignment'));
    ({ rows } = await kindsOf('type=mivb'));
    assert.equal(rows.length, 30);
    ({ rows } = await kindsOf('actor=solution%3A7'));
    assert.equal(rows.length, 20);
    ({ rows } = await kindsOf('type=mivb&asset=phone&action=edit&actor=system'));
    const expected = await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(account.id)} AND kind = 'mivb/phone/edit' AND actor_ref = 'system'`);
    assert.equal(rows.length, Number(expected));
    assert.ok(rows.length > 0);

    // The Event Date range, with times, UTC and inclusive.
    const [[from, to]] = await sql(`SELECT DATE_FORMAT(MIN(created_at), '%Y-%m-%d %H:%i'), DATE_FORMAT(MAX(created_at), '%Y-%m-%d %H:%i')
      FROM (SELECT created_at FROM events WHERE account_id = ${lit(account.id)} ORDER BY created_at DESC LIMIT 10 OFFSET 5) t`);
    const [fd, ft] = from.split(' ');
    const [td, tt] = to.split(' ');
    ({ rows } = await kindsOf(`from_date=${fd}&from_time=${ft}&to_date=${td}&to_time=${tt}`));
    assert.equal(rows.length, 10, 'the ten events between the two minutes, both included');
    ({ rows } = await kindsOf(`to_date=2000-01-01`));
    assert.equal(rows.length, 0);
    ({ res } = await kindsOf('to_date=2000-01-01'));
    assert.match(res.text, /No events match these filters\./);

    ({ res } = await kindsOf('from_date=2024-02-30'));
    assert.equal(fieldError(res.text, 'from_date'), null, 'the list shows no form');
    const dialog = await session.get(`${base}/filters?from_date=2024-02-30&from_time=25:00`);
    assert.equal(fieldError(dialog.text, 'from_date'), 'Enter a date as YYYY-MM-DD.');
  });

  test('smart filters: each list offers what the other filters leave', async () => {
    const { partner, session } = await partnerSession('Events smart');
    const account = await newCustomer(partner.id, 'Events smart');
    await seedEvents(account.id, 12, { kinds: [['mivb', 'phone', 'edit'], ['admin', 'account', 'edit'], ['service_delivery', 'tenant', 'edit']], actors: ['system', '77', '88'] });
    await seedEvents(account.id, 3, { kinds: [['mivb', 'did', 'create']], actors: ['99'], minutesAgo: 60 * 24 * 400 });
    const options = async (query, select) => {
      const html = (await session.get(`/a/${account.id}/events/filters?${query}`)).text;
      const m = new RegExp(`<select id="f-${select}"[\\s\\S]*?</select>`).exec(html);
      return [...m[0].matchAll(/<option value="([^"]+)"/g)].map((o) => o[1]);
    };
    assert.deepEqual(await options('', 'type'), ['admin', 'mivb', 'service_delivery']);
    assert.deepEqual(await options('asset=phone', 'type'), ['mivb'], 'Asset Phone leaves Event Type MiVB alone (guide §2.16)');
    assert.deepEqual((await options('type=mivb', 'asset')).sort(), ['did', 'phone']);
    assert.deepEqual(await options('type=mivb&actor=99', 'asset'), ['did'], 'the Actor ID narrows the options');
    const monthAgo = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
    assert.deepEqual(await options(`type=mivb&from_date=${monthAgo}`, 'asset'), ['phone'], 'so does the date range');
    assert.deepEqual(await options('asset=tenant', 'action'), ['edit']);
  });

  test('Show/hide columns: chosen and ordered per person, without script', async () => {
    const { partner, session } = await partnerSession('Events columns');
    const account = await newCustomer(partner.id, 'Events columns');
    const other = await signIn((await newUser(partner.id, { role: 'partner_admin' })).email);
    await seedEvents(account.id, 2);
    const base = `/a/${account.id}/events`;
    const save = await session.post(`${base}/columns`, formOf({
      _csrf: session.csrf, order: ['event_type', 'event_id', 'actor_id', 'action', 'asset', 'event_date', 'log_tags', 'actor_name'],
      shown: ['event_type', 'event_id', 'actor_id', 'log_tags'], back: 'asset=account', save: '1',
    }));
    assert.equal(save.status, 303);
    assert.equal(save.location, `${base}?asset=account`, 'back to the list as it was');
    const headers = (html) => Object.keys(rowsOf(html)[0]).slice(1);
    assert.deepEqual(headers((await session.get(base)).text), ['EVENT TYPE', 'EVENT ID', 'ACTOR ID', 'LOG TAGS']);
    assert.deepEqual(headers((await other.get(base)).text),
      ['ACTOR NAME', 'ACTION', 'ASSET', 'EVENT DATE', 'PROPERTIES CHANGED', 'CORE DETAILS'], 'another person keeps the defaults');

    // Move up, as a person without script does it: the form as it is, and the button.
    const moveUp = async (key) => {
      const form = await session.get(`${base}/columns?back=`);
      const order = [...form.text.matchAll(/name="order" value="([a-z_]+)"/g)].map((m) => m[1]);
      const shown = [...form.text.matchAll(/name="shown" value="([a-z_]+)" checked/g)].map((m) => m[1]);
      const moved = await session.post(`${base}/columns`, formOf({ _csrf: session.csrf, order, shown, move: `${key}:up`, back: '' }));
      assert.equal(moved.status, 303, 'Move up saves and draws the form again');
      assert.match(moved.location, /\/columns\?back=$/);
      return order;
    };
    const before = await moveUp('log_tags');
    assert.deepEqual(before.slice(5, 7), ['event_date', 'log_tags'], 'the form lists hidden columns too, in order');
    for (let i = 0; i < 3; i++) await moveUp('log_tags');
    assert.deepEqual(headers((await session.get(base)).text), ['EVENT TYPE', 'EVENT ID', 'LOG TAGS', 'ACTOR ID']);
    assert.equal((await session.send(`${base}/columns`, { reset: '1' })).status, 303);
    assert.deepEqual(headers((await session.get(base)).text),
      ['ACTOR NAME', 'ACTION', 'ASSET', 'EVENT DATE', 'PROPERTIES CHANGED', 'CORE DETAILS']);
  });

  test('Export: the ticked events as CSV with every field, formulas neutralised, another account\'s ids ignored', async () => {
    const { partner, session } = await partnerSession('Events export');
    const account = await newCustomer(partner.id, 'Events export');
    const elsewhere = await newCustomer(partner.id, 'Events elsewhere');
    const u = await newUser(account.id);
    assert.equal((await session.send(`/a/${account.id}/users/${u.id}`, userFields({ email: u.email, first_name: '=HYPERLINK("http://x")', role: 'user' }))).status, 303);
    await seedEvents(account.id, 3, { name: '=2+3' });
    await seedEvents(elsewhere.id, 1);
    const ids = (await sql(`SELECT id FROM events WHERE account_id = ${lit(account.id)} AND (action = 'user.update' OR asset_id = 'seed-2')`)).map(([id]) => id);
    const foreign = await scalar(`SELECT id FROM events WHERE account_id = ${lit(elsewhere.id)} LIMIT 1`);
    const res = await session.post(`/a/${account.id}/events/export`, formOf({ _csrf: session.csrf, ids: [...ids, foreign] }));
    assert.equal(res.status, 200);
    const raw = await fetch(new URL(`/a/${account.id}/events/export`, baseURL), {
      method: 'POST', headers: { cookie: session.cookieHeader() }, body: new URLSearchParams({ _csrf: session.csrf, ids: ids[0] }),
    });
    assert.deepEqual([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)], [0xEF, 0xBB, 0xBF], 'UTF-8 with a byte order mark, for spreadsheets');
    assert.match(res.headers.get('content-type'), /^text\/csv/);
    assert.match(res.headers.get('content-disposition'), /attachment; filename="events\.csv"/);
    const csv = parseCsv(res.text);
    assert.deepEqual(csv[0], ['EVENT ID', 'ACTOR NAME', 'ACTOR ID', 'ACTION', 'EVENT TYPE', 'ASSET', 'EVENT DATE',
      'PROPERTIES CHANGED', 'CORE DETAILS', 'EXTRA DETAILS', 'LOG TAGS']);
    assert.deepEqual(csv.slice(1).map((r) => r[0]).sort(), [...ids].sort(), 'the ticked ones of this account');
    const edit = csv.find((r) => r[3] === 'Edit' && r[5] === 'User');
    assert.match(edit[8], /=HYPERLINK/);
    const seeded = csv.find((r) => r[0] === ids.find((id) => id !== edit[0]));
    assert.equal(seeded[1], "'=2+3", 'a value a spreadsheet would run is written as text');
    assert.ok(!csv.slice(1).some((r) => r.some((cell) => /^[=+\-@]/.test(cell))), 'no cell starts a formula');

    const none = await session.send(`/a/${account.id}/events/export`, {});
    assert.equal(none.status, 303, 'nothing ticked: back with a message');
  });

  test('Export all that match: the filtered events at once when few', async () => {
    const { partner, session } = await partnerSession('Events export all');
    const account = await newCustomer(partner.id, 'Events export all');
    await seedEvents(account.id, 40, { kinds: [['mivb', 'phone', 'edit'], ['admin', 'user', 'edit']] });
    const res = await session.send(`/a/${account.id}/events/export-all`, { asset: 'phone', dir: 'asc' });
    assert.equal(res.status, 200);
    const csv = parseCsv(res.text);
    assert.equal(csv.length, 21);
    assert.ok(csv.slice(1).every((r) => r[5] === 'Phone'));
    const dates = csv.slice(1).map((r) => r[6]);
    assert.deepEqual(dates, [...dates].sort(), 'in the list\'s order');
  });

  test('Export all that match: many events become a job with the shared progress page, then the file', async () => {
    const { partner, session } = await partnerSession('Events export job');
    const account = await newCustomer(partner.id, 'Events export job');
    await seedEvents(account.id, 6200);
    const res = await session.send(`/a/${account.id}/events/export-all`, { action: 'edit' });
    assert.equal(res.status, 303);
    const m = new RegExp(`^/a/${account.id}/jobs/(\\d+)$`).exec(res.location);
    assert.ok(m, res.location);
    await eventually('the export job is done', async () =>
      (await scalar(`SELECT state FROM jobs WHERE id = ${m[1]}`)) === 'done');
    const page = await session.get(res.location);
    assert.match(visibleText(page.text), /Export events/);
    assert.match(visibleText(page.text), /Export of events/, 'the bell says the export is done');
    assert.match(page.text, new RegExp(`href="/a/${account.id}/jobs/${m[1]}"`), 'and leads to it');
    assert.match(page.text, new RegExp(`href="/a/${account.id}/events/exports/${m[1]}"`));
    assert.equal(await scalar(`SELECT total FROM jobs WHERE id = ${m[1]}`), '6200');
    const file = await session.get(`/a/${account.id}/events/exports/${m[1]}`);
    assert.equal(file.status, 200);
    const csv = parseCsv(file.text);
    assert.equal(csv.length, 6201);
    assert.equal(new Set(csv.slice(1).map((r) => r[0])).size, 6200, 'each event once');
    const other = await partnerSession('Events export thief');
    assert.equal((await other.session.get(`/a/${account.id}/events/exports/${m[1]}`)).status, 404);
  });

  test('Event Details: tabs, Copy of the tab shown, Export of every tab', async () => {
    const { partner, session } = await partnerSession('Events details');
    const account = await newCustomer(partner.id, 'Events details');
    const u = await newUser(account.id);
    assert.equal((await session.send(`/a/${account.id}/users/${u.id}`, userFields({ email: u.email, first_name: 'Detailed', role: 'user' }))).status, 303);
    const id = await scalar(`SELECT id FROM events WHERE account_id = ${lit(account.id)} AND action = 'user.update'`);
    const base = `/a/${account.id}/events/${id}`;
    const summary = await session.get(base);
    assert.equal(summary.status, 200);
    const text = visibleText(summary.text);
    for (const tab of ['Summary', 'Core Details', 'Extra Details', 'Log Tags']) assert.match(text, new RegExp(tab));
    assert.match(text, /ACTION Edit/);
    assert.match(summary.text, /data-copy="EVENT ID: \d+/);
    const core = await session.get(`${base}?tab=core`);
    assert.match(visibleText(core.text), /"first_name": \{/);
    assert.match(core.text, /data-copy="\{&#10;|data-copy="\{\n/);
    const tags = await session.get(`${base}?tab=tags`);
    assert.match(tags.text, /user\.update/);
    const csv = parseCsv((await session.get(`${base}/export`)).text);
    assert.deepEqual(csv[0], ['TAB', 'FIELD', 'VALUE']);
    const tabs = new Set(csv.slice(1).map((r) => r[0]));
    assert.deepEqual([...tabs], ['Summary', 'Core Details', 'Extra Details', 'Log Tags']);
    assert.ok(csv.some((r) => r[0] === 'Core Details' && r[1] === 'first_name'));
    assert.equal((await session.get(`/a/${account.id}/events/999999999`)).status, 404);
  });

  test('retention: syncd removes events older than Events.RetentionDays, a batch at a time', async () => {
    const { partner } = await partnerSession('Events retention');
    const account = await newCustomer(partner.id, 'Events retention');
    await seedEvents(account.id, 3, { minutesAgo: 60 * 24 * 400 });
    await seedEvents(account.id, 2);
    const cfg = readFileSync(config, 'utf8');
    const syncd = Number(readFileSync(`${stackDir}/run/syncd.pid`, 'utf8'));
    try {
      writeFileSync(config, `${cfg}Events.RetentionDays = 365\n`);
      process.kill(syncd, 'SIGHUP');
      await eventually('old events removed', async () =>
        Number(await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(account.id)}`)) === 2);
    } finally {
      writeFileSync(config, cfg);
      process.kill(syncd, 'SIGHUP');
    }
    assert.equal(await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(account.id)} AND created_at < UTC_TIMESTAMP() - INTERVAL 30 DAY`), '0');
  });
});

describe('the schema the Event History needs', () => {
  test('console migrate fails when any statement of a script fails, not only the first', () => {
    const dir = mkdtempSync(`${tmpdir()}/sbschema-`);
    try {
      mkdirSync(`${dir}/migrations`);
      writeFileSync(`${dir}/schema.sql`, 'SELECT 1;\nSELECT nothing FROM no_such_table_at_all;\n');
      writeFileSync(`${dir}/switchboard.hdf`, `${readFileSync(config, 'utf8')}Schema.Dir = ${dir}\n`);
      const run = spawnSync(consoleBin, ['-c', `${dir}/switchboard.hdf`, 'migrate'], { encoding: 'utf8' });
      assert.notEqual(run.status, 0, 'a table left uncreated half-way through schema.sql is a failed migration');
      assert.match(run.stderr, /no_such_table_at_all/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
