// Support Logs (guide §2.10, spec ch2 §5): the list with its columns,
// search, filters, sort and pages; a log's details with its tabs and
// attachments; the partner's Status and Notes (read-only for the Account
// Admin), each change an event and a mail to the support contacts; Export
// Logs; the reminders while a log stays Open, under a clock the test moves.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import {
  eventsOf, fieldError, listRows, lit, newUser, scalar, signIn, uid, visibleText,
} from './lib/fixtures.js';
import { mailsTo } from './lib/mail.js';
import {
  appToken, download, jpeg, mailAbout, NEW_LOG, pngBytes, postReport, REMINDER, report, reportedLog, STATUS, supportWorld,
  textBytes, usualFiles, zipEntries,
} from './lib/support.js';

const DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2} [AP]M$/;

/** The list's rows as a person reads them: [product, date, reporter, title, state]. */
function tableRows(html) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) => visibleText(cell).trim()));
}

const list = (w) => `/a/${w.account.id}/support-logs`;

/** Logs inserted directly, n of them, oldest first and five hours apart (so pages start on other days). */
async function manyLogs(w, n, title = 'Bulk log') {
  await sql(`INSERT INTO support_logs (account_id, uid, user_id, reporter_email, product, platform, title, description,
      notes, created_at, updated_at, next_reminder_at)
    SELECT ${lit(w.account.id)}, UUID(), ${w.admin.id}, ${lit(w.admin.email)}, 'Mitel One Web', 'web',
      CONCAT(${lit(title)}, ' ', LPAD(seq, 3, '0')), '', '', UTC_TIMESTAMP() - INTERVAL (${n} - seq) * 5 HOUR,
      UTC_TIMESTAMP(), NULL FROM seq_1_to_${n}`);
}

describe('the Support Logs list', () => {
  test('shows the guide\'s columns, newest first, for the partner and the Account Admin', async () => {
    const w = await supportWorld('List');
    const first = await reportedLog(w.admin, { title: 'Support log 1 - feedback' });
    const second = await reportedLog(w.admin, { title: 'Support log 22 - feedback', product: 'Mitel One Mobile', platform: 'ios' });
    for (const who of [w.sP, w.sA]) {
      const page = await who.get(list(w));
      assert.equal(page.status, 200);
      assert.match(visibleText(page.text), /PRODUCT NAME DATE & TIME ▼ REPORTER LOG TITLE STATE/);
      const rows = tableRows(page.text);
      assert.deepEqual(rows.map((r) => r[3]), ['Support log 22 - feedback', 'Support log 1 - feedback']);
      assert.deepEqual(rows[0].filter((_, i) => i !== 1), ['Mitel One Mobile', w.admin.email, 'Support log 22 - feedback', 'Open']);
      assert.match(rows[0][1], DATE);
      assert.deepEqual(listRows(page.text), [`${list(w)}/${second}`, `${list(w)}/${first}`]);
      // The navigation's Support → Support Logs.
      assert.match(page.text, new RegExp(`<a href="${list(w)}" aria-current="page">Support Logs</a>`));
    }
    const oldest = await w.sP.get(`${list(w)}?sort=date&dir=asc`);
    assert.deepEqual(tableRows(oldest.text).map((r) => r[3]), ['Support log 1 - feedback', 'Support log 22 - feedback']);
  });

  test('an account without logs says so', async () => {
    const w = await supportWorld('List empty');
    assert.match(visibleText((await w.sP.get(list(w))).text), /No issues have been reported/);
  });

  test('search finds LOG TITLE only, by the start of any of its words, and takes its text literally', async () => {
    const w = await supportWorld('Search');
    await reportedLog(w.admin, { title: 'Calls drop after a minute' });
    await reportedLog(w.admin, { title: 'Chat is slow', topic: 'drop' });
    await reportedLog(w.admin, { title: '100% CPU in meetings' });
    const titles = async (q) => tableRows((await w.sP.get(`${list(w)}?q=${encodeURIComponent(q)}`)).text).map((r) => r[3]);
    assert.deepEqual(await titles('drop'), ['Calls drop after a minute']);
    assert.deepEqual(await titles('SLOW'), ['Chat is slow']);
    assert.deepEqual(await titles('100%'), ['100% CPU in meetings']);
    assert.deepEqual(await titles('cpu'), ['100% CPU in meetings']);
    assert.deepEqual(await titles('drop after a'), ['Calls drop after a minute']);
    assert.deepEqual(await titles('rop'), [], 'not inside a word');
    assert.deepEqual(await titles('0%'), []);
    assert.deepEqual(await titles('_'), []);
    // Not by product, reporter or date (guide §2.10).
    assert.deepEqual(await titles('Mitel One'), []);
    assert.deepEqual(await titles(w.admin.email), []);
    assert.match(visibleText((await w.sP.get(`${list(w)}?q=nothing-like-it`)).text), /No log matches/);
  });

  test('Add Filter: Product offers the products of the past 60 days; State narrows to one state', async () => {
    const w = await supportWorld('Filters');
    const web = await reportedLog(w.admin, { title: 'Web one' });
    await reportedLog(w.admin, { title: 'Mobile one', product: 'Mitel One Mobile', platform: 'android' });
    await reportedLog(w.admin, { title: 'Old one', product: 'MiVoice Office', platform: 'desktop' });
    // The MiVoice Office log is 61 days old: the clock is moved for it.
    await sql(`UPDATE support_logs SET created_at = UTC_TIMESTAMP() - INTERVAL 61 DAY
      WHERE account_id = ${lit(w.account.id)} AND product = 'MiVoice Office'`);
    const page = (await w.sP.get(list(w))).text;
    const options = [...(/<select id="f-product"[\s\S]*?<\/select>/.exec(page)[0]).matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(options, ['', 'Mitel One Mobile', 'Mitel One Web']);
    assert.match(page, /<option value="open">Open<\/option><option value="reported">Reported<\/option><option value="resolved">Resolved<\/option>/);

    const titles = async (qs) => tableRows((await w.sP.get(`${list(w)}?${qs}`)).text).map((r) => r[3]);
    assert.deepEqual(await titles('product=Mitel+One+Web'), ['Web one']);
    await w.sP.send(`${list(w)}/${web}`, { status: 'resolved', notes: '' });
    assert.deepEqual(await titles('state=resolved'), ['Web one']);
    assert.deepEqual(await titles('state=open&product=Mitel+One+Web'), []);
    assert.deepEqual((await titles('state=open')).sort(), ['Mobile one', 'Old one']);
    // A chip per filter, each removing itself only.
    const filtered = (await w.sP.get(`${list(w)}?state=open&product=Mitel+One+Mobile&q=one`)).text;
    assert.match(visibleText(filtered), /Product: Mitel One Mobile &times; State: Open &times;/);
    assert.match(filtered, /href="\?q=one&amp;state=open&amp;sort=date&amp;dir=desc"/);
    // The old product stays offered while it is chosen.
    assert.match((await w.sP.get(`${list(w)}?product=MiVoice+Office`)).text, /<option value="MiVoice Office" selected>/);
  });

  test('pages of 50, and a page past the end shows the last', async () => {
    const w = await supportWorld('Pages');
    await manyLogs(w, 55);
    const first = await w.sP.get(list(w));
    assert.match(visibleText(first.text), /1–50 of 55 .*Page 1 of 2/);
    const rows = tableRows(first.text);
    assert.equal(rows.length, 50);
    assert.equal(rows[0][3], 'Bulk log 055');
    const second = tableRows((await w.sP.get(`${list(w)}?sort=date&dir=desc&page=2`)).text);
    assert.deepEqual(second.map((r) => r[3]), ['Bulk log 005', 'Bulk log 004', 'Bulk log 003', 'Bulk log 002', 'Bulk log 001']);
    const past = await w.sP.get(`${list(w)}?page=9`);
    assert.match(visibleText(past.text), /51–55 of 55/);
    const oldest = tableRows((await w.sP.get(`${list(w)}?sort=date&dir=asc&page=2`)).text);
    assert.deepEqual(oldest.map((r) => r[3]), ['Bulk log 051', 'Bulk log 052', 'Bulk log 053', 'Bulk log 054', 'Bulk log 055']);
    // Smaller pages start on every day: each one follows the last.
    const seen = [];
    for (let page = 1; page <= 6; page++) {
      seen.push(...tableRows((await w.sP.get(`${list(w)}?per_page=10&page=${page}`)).text).map((r) => r[3]));
    }
    assert.deepEqual(seen, Array.from({ length: 55 }, (_, i) => `Bulk log ${String(55 - i).padStart(3, '0')}`));
    const state = await w.sP.get(`${list(w)}?state=open&per_page=10&page=3&sort=date&dir=asc`);
    assert.deepEqual(tableRows(state.text).map((r) => r[3]).slice(0, 2), ['Bulk log 021', 'Bulk log 022']);
    // A search's pages too.
    const searched = await w.sP.get(`${list(w)}?q=log+05&page=1`);
    assert.equal(tableRows(searched.text).length, 6);
  });
});

describe('the Support Logs list\'s sorts', () => {
  // 25 logs whose columns repeat (product every 3, reporter every 4, state
  // every 7) and whose times come in pairs, so every sort meets ties: broken
  // by DATE & TIME, then by the log's id, in the sort's direction.
  async function sortWorld() {
    const w = await supportWorld('Sorts');
    await sql(`INSERT INTO support_logs (account_id, uid, user_id, reporter_email, product, platform, title, description,
        state, notes, created_at, updated_at)
      SELECT ${lit(w.account.id)}, UUID(), ${w.admin.id}, CONCAT('r', seq % 4, '@sorts.example.com'),
        ELT(1 + seq % 3, 'Mitel One Web', 'Mitel One Mobile', 'MiVoice Office'), 'web',
        CONCAT(ELT(1 + seq % 5, 'Echo', 'delta', 'Charlie', 'bravo', 'Alpha'), ' ', LPAD(seq, 2, '0')), '',
        ELT(1 + seq % 7 % 3, 'open', 'reported', 'resolved'), '',
        UTC_TIMESTAMP() - INTERVAL (seq DIV 2) HOUR, UTC_TIMESTAMP() FROM seq_1_to_25`);
    const logs = (await sql(`SELECT id, product, reporter_email, title, state, created_at FROM support_logs
      WHERE account_id = ${lit(w.account.id)}`)).map(([id, product, reporter, title, state, created]) =>
      ({ id: Number(id), product, reporter, title, state, created }));
    return { w, logs };
  }
  const STATES = ['open', 'reported', 'resolved'];
  const keyOf = {
    date: () => 0,
    product: (l) => l.product.toLowerCase(),
    reporter: (l) => l.reporter.toLowerCase(),
    title: (l) => l.title.toLowerCase(),
    state: (l) => STATES.indexOf(l.state),
  };
  /** The titles in the order a sort must show them. */
  function expected(logs, sort, dir) {
    const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    const sign = dir === 'desc' ? -1 : 1;
    return [...logs].sort((a, b) => sign * (cmp(keyOf[sort](a), keyOf[sort](b)) || cmp(a.created, b.created) || a.id - b.id))
      .map((l) => l.title);
  }
  const titlesOf = (html) => tableRows(html).map((r) => r[3]);

  test('every column sorts both ways, its ties by date then id, page after page', async () => {
    const { w, logs } = await sortWorld();
    for (const sort of ['product', 'date', 'reporter', 'title', 'state']) {
      for (const dir of ['asc', 'desc']) {
        const want = expected(logs, sort, dir);
        const whole = await w.sP.get(`${list(w)}?sort=${sort}&dir=${dir}`);
        assert.deepEqual(titlesOf(whole.text), want, `${sort} ${dir}`);
        // Pages of 10 (the third read from the list's end) follow each other.
        const paged = [];
        for (let page = 1; page <= 3; page++) {
          paged.push(...titlesOf((await w.sP.get(`${list(w)}?sort=${sort}&dir=${dir}&per_page=10&page=${page}`)).text));
        }
        assert.deepEqual(paged, want, `${sort} ${dir}, pages of 10`);
      }
    }
    // Every heading sorts; the one sorted says which way, and its link turns it.
    const byTitle = await w.sP.get(`${list(w)}?sort=title&dir=asc`);
    assert.match(visibleText(byTitle.text), /PRODUCT NAME DATE & TIME REPORTER LOG TITLE ▲ STATE/);
    assert.match(byTitle.text, /<th scope="col" aria-sort="ascending">\s*<a href="\?sort=title&dir=desc">/);
    for (const key of ['product', 'date', 'reporter', 'state']) {
      assert.match(byTitle.text, new RegExp(`<a href="\\?sort=${key}&dir=asc">`));
    }
    // The columns other than DATE & TIME start from A; DATE & TIME from the newest.
    assert.deepEqual(titlesOf((await w.sP.get(`${list(w)}?sort=state`)).text), expected(logs, 'state', 'asc'));
    assert.deepEqual(titlesOf((await w.sP.get(list(w))).text), expected(logs, 'date', 'desc'));
  });

  test('the sort stays through pages, the search and the filters', async () => {
    const { w, logs } = await sortWorld();
    const page = (await w.sP.get(`${list(w)}?sort=reporter&dir=desc&per_page=10&page=2`)).text;
    assert.match(page, /href="\?per_page=10&amp;sort=reporter&amp;dir=desc&page=3"/);
    assert.match(page, /<input type="hidden" name="sort" value="reporter">/);
    const open = logs.filter((l) => l.state === 'open');
    assert.deepEqual(titlesOf((await w.sP.get(`${list(w)}?sort=reporter&dir=desc&state=open`)).text),
      expected(open, 'reporter', 'desc'));
    const web = logs.filter((l) => l.product === 'Mitel One Web');
    assert.deepEqual(titlesOf((await w.sP.get(`${list(w)}?sort=state&dir=desc&product=Mitel+One+Web`)).text),
      expected(web, 'state', 'desc'));
    const both = web.filter((l) => l.state === 'reported');
    for (const sort of ['product', 'state', 'title']) {
      assert.deepEqual(titlesOf((await w.sP.get(`${list(w)}?sort=${sort}&dir=asc&product=Mitel+One+Web&state=reported`)).text),
        expected(both, sort, 'asc'), sort);
    }
    // A search keeps the sort, and so does removing a filter's chip.
    const bravo = logs.filter((l) => l.title.startsWith('bravo'));
    const searched = (await w.sP.get(`${list(w)}?q=bravo&sort=product&dir=desc&state=open`)).text;
    assert.deepEqual(titlesOf(searched), expected(bravo.filter((l) => l.state === 'open'), 'product', 'desc'));
    assert.match(searched, /href="\?q=bravo&amp;sort=product&amp;dir=desc"/);
    assert.deepEqual(titlesOf((await w.sP.get(`${list(w)}?q=bravo&sort=product&dir=desc`)).text),
      expected(bravo, 'product', 'desc'));
  });
});

describe('a log\'s details', () => {
  test('show every field, the tabs of its product, and its attachments', async () => {
    const w = await supportWorld('Details');
    const id = await reportedLog(w.admin, {
      title: 'Support log 22 - feedback', product: 'Mitel One Mobile', platform: 'android', topic: 'Messages',
      description: 'feed back\nfor two.', logLevel: 'debug',
      userDetails: { Name: 'Ada Admin', Extension: 101 },
      deviceAndApps: { 'Device model': 'Pixel 8', 'Battery saver': true },
      signalStrength: [{ time: '12:00:00', strength: -97, network: 'LTE' }],
      errorInformation: { 'Error code': 'SIP-408' },
    }, [{ part: 'log', name: '2a03091d-6da3-40c7-9f0e-af311f490963.txt', data: textBytes(100) },
      { part: 'attachment1', name: 'screen.png', data: pngBytes() }]);
    const page = await w.sA.get(`${list(w)}/${id}`);
    assert.equal(page.status, 200);
    const text = visibleText(page.text);
    assert.match(text, /< Return to List Export Logs Support log 22 - feedback [A-Z][a-z]+ \d{1,2}, \d{4} \d{1,2}:\d{2} [AP]M/);
    assert.match(text, new RegExp(`Submission Details Product: Mitel One Mobile Reporter Email: ${w.admin.email} `
      + `Partner ID: ${w.partner.id} Account ID: ${w.account.id} User ID: ${w.admin.id}`));
    assert.match(text, /Attachments: 2a03091d-6da3-40c7-9\.\.\.txt Download 2a03091d-6da3-40c7-9f0e-af311f490963\.txt/);
    assert.match(text, /Click To Enlarge screen\.png Download screen\.png/);
    assert.match(text, /Report Details Report Details User Details Device and Apps Filtered Signal Strength Logs Error Information/);
    assert.match(text, /Topic: Messages Log Level: debug feed back for two\./);
    assert.match(text, /Name Ada Admin Extension 101/);
    assert.match(text, /Device model Pixel 8 Battery saver Yes/);
    assert.match(text, /Time Strength \(dBm\) Network 12:00:00 -97 LTE/);
    assert.match(text, /Error code SIP-408/);
    // The Account Admin reads the Partner Support box only.
    assert.match(text, /Partner Support Status Open Notes No notes\./);
    assert.doesNotMatch(page.text, /name="status"/);
    // An iOS log has no signal strength tab; a Web log only User Details and Error Information.
    const ios = await reportedLog(w.admin, { product: 'Mitel One Mobile', platform: 'ios', deviceAndApps: { Model: 'iPhone 15' } });
    assert.match(visibleText((await w.sP.get(`${list(w)}/${ios}`)).text),
      /Report Details Report Details User Details Device and Apps Error Information Report Details/);
    const web = await reportedLog(w.admin);
    assert.match(visibleText((await w.sP.get(`${list(w)}/${web}`)).text), /Report Details Report Details User Details Error Information Report Details/);
  });

  test('attachments download with their type, as attachments, never sniffed; images also show', async () => {
    const w = await supportWorld('Attachments');
    const png = pngBytes([1, 2, 3]);
    const jpg = jpeg(16, 16, () => [200, 100, 50]);
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const id = await reportedLog(w.admin, {}, [
      { part: 'log', name: 'app log (1).txt', data: textBytes(50) },
      { part: 'attachment1', name: 'screen.png', data: png },
      { part: 'attachment2', name: 'camera.jpg', data: jpg },
      { part: 'attachment3', name: 'report.html', data: html }]);
    const file = (n, view = '') => `${list(w)}/${id}/attachment?n=${n}${view}`;
    const expect = [[1, 'text/plain; charset=utf-8', 'app log (1).txt', textBytes(50)], [2, 'image/png', 'screen.png', png],
      [3, 'image/jpeg', 'camera.jpg', jpg], [4, 'text/html; charset=utf-8', 'report.html', html]];
    for (const [n, type, name, bytes] of expect) {
      const res = await download(w.sA, file(n));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), type);
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="${name}"`);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(res.data, bytes, `file ${n} comes back byte for byte`);
    }
    // Shown in the page: images only.
    const shown = await download(w.sP, file(2, '&view=1'));
    assert.equal(shown.headers.get('content-type'), 'image/png');
    assert.equal(shown.headers.get('content-disposition'), null);
    assert.equal((await download(w.sP, file(4, '&view=1'))).headers.get('content-disposition'), 'attachment; filename="report.html"');
    assert.equal((await download(w.sP, file(9))).status, 404);
    assert.equal((await download(w.sP, `${list(w)}/${id}/attachment`)).status, 404);
  });

  test('content from the apps is shown as text, never as markup', async () => {
    const w = await supportWorld('Escaping');
    const id = await reportedLog(w.admin, { title: '<img src=x onerror=alert(1)>', userDetails: { '<b>': '<script>x</script>' } });
    const page = (await w.sP.get(`${list(w)}/${id}`)).text;
    assert.doesNotMatch(page, /<img src=x|<script>x|<b>/);
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch((await w.sP.get(list(w))).text, /<img src=x/);
  });
});

describe('Partner Support: Status and Notes', () => {
  test('the partner changes them; each change is an event and the contacts are mailed', async () => {
    const w = await supportWorld('Handling');
    const id = await reportedLog(w.admin, { title: 'Calls drop' });
    await mailAbout(w.contact, NEW_LOG);
    const form = (await w.sP.get(`${list(w)}/${id}`)).text;
    assert.match(visibleText(form), /Partner Support Status Open Reported Resolved Notes Save Notes and Status/);
    const res = await w.sP.send(`${list(w)}/${id}`, { status: 'reported', notes: 'Ticket: #1920' });
    assert.equal(res.status, 303);
    assert.equal(res.location, `${list(w)}/${id}`);
    const after = await w.sP.get(res.location);
    assert.match(visibleText(after.text), /The notes and status have been saved\./);
    assert.match(after.text, /<option value="reported" selected>/);
    assert.match(after.text, />Ticket: #1920<\/textarea>/);
    const [event] = await eventsOf(w.account.id, `asset_type = 'support_log' AND action = 'support_log.update'`);
    assert.deepEqual(event.details, { status: { from: 'open', to: 'reported' }, notes: { from: '', to: 'Ticket: #1920' } });
    assert.equal(event.actorUserId, w.partner.adminId);
    assert.equal(event.assetName, 'Calls drop');
    const mail = await mailAbout(w.contact, STATUS);
    assert.match(mail.text, /Status: Reported/);
    assert.match(mail.text, /Notes: Ticket: #1920/);
    // Notes alone: an event, no mail.
    await w.sP.send(`${list(w)}/${id}`, { status: 'reported', notes: 'Ticket: #1920, escalated' });
    assert.equal((await eventsOf(w.account.id, `action = 'support_log.update'`)).length, 2);
    // Nothing changed: nothing written.
    await w.sP.send(`${list(w)}/${id}`, { status: 'reported', notes: 'Ticket: #1920, escalated' });
    assert.equal((await eventsOf(w.account.id, `action = 'support_log.update'`)).length, 2);
    await w.sP.send(`${list(w)}/${id}`, { status: 'resolved', notes: 'Fixed in 4.2' });
    assert.match((await mailAbout(w.contact, STATUS, 2)).text, /Status: Resolved/);
    assert.equal(mailsTo(w.contact).length, 3);
    // The Account Admin reads what the partner wrote, and may not change it.
    assert.match(visibleText((await w.sA.get(`${list(w)}/${id}`)).text), /Status Resolved Notes Fixed in 4\.2/);
    assert.equal((await w.sA.send(`${list(w)}/${id}`, { status: 'open', notes: '' })).status, 404);
    assert.equal(await scalar(`SELECT state FROM support_logs WHERE id = ${id}`), 'resolved');
  });

  test('a wrong status or notes too long come back with their message', async () => {
    const w = await supportWorld('Handling bad');
    const id = await reportedLog(w.admin);
    const bad = await w.sP.send(`${list(w)}/${id}`, { status: 'closed', notes: 'x' });
    assert.equal(bad.status, 422);
    assert.equal(fieldError(bad.text, 'status'), 'Choose one of the options offered.');
    const long = await w.sP.send(`${list(w)}/${id}`, { status: 'resolved', notes: 'y'.repeat(2001) });
    assert.equal(long.status, 422);
    assert.equal(fieldError(long.text, 'notes'), 'This value is too long.');
    assert.match(long.text, /<option value="resolved" selected>/, 'the choice made is kept');
    assert.equal(await scalar(`SELECT CONCAT(state, '/', notes) FROM support_logs WHERE id = ${id}`), 'open/');
  });

  test('ordinary users and accounts without Support View do not reach the logs', async () => {
    const w = await supportWorld('Support permission');
    const id = await reportedLog(w.admin);
    const user = await newUser(w.account.id, { role: 'user' });
    const sU = await signIn(user.email);
    assert.equal((await sU.get(list(w))).status, 404);
    assert.equal((await sU.get(`${list(w)}/${id}`)).status, 404);
    // An Admin-based custom role without Support View (guide §2.14.8): no page, no menu entry.
    const made = await w.sP.send('/roles/new', { name: `No support ${uid()}`, base: 'admin', admin_users_view: '1', admin_account_edit: '1' });
    const role = made.location.split('/')[2];
    await w.sP.send(`/roles/${role}/accounts`, { action: 'assign', accounts: w.account.id });
    await sql(`UPDATE users SET custom_role_id = ${role} WHERE id = ${w.admin.id}`);
    assert.equal((await w.sA.get(list(w))).status, 404);
    assert.equal((await w.sA.get(`${list(w)}/${id}/logs.zip`)).status, 404);
    assert.doesNotMatch((await w.sA.get(`/a/${w.account.id}/users`)).text, /support-logs/);
  });
});

describe('Export Logs', () => {
  test('a Mitel One Web log: one zip with the log text and its attachments', async () => {
    const w = await supportWorld('Export web');
    const log = textBytes(2000);
    const id = await reportedLog(w.admin, {}, [{ part: 'log', name: 'web.log', data: log },
      { part: 'attachment1', name: 'screen.png', data: pngBytes() }]);
    const page = (await w.sP.get(`${list(w)}/${id}`)).text;
    assert.match(page, new RegExp(`href="${list(w)}/${id}/logs.zip">Export Logs`));
    const uidOf = await scalar(`SELECT LEFT(uid, 8) FROM support_logs WHERE id = ${id}`);
    const zip = await download(w.sA, `${list(w)}/${id}/logs.zip`);
    assert.equal(zip.status, 200);
    assert.equal(zip.headers.get('content-type'), 'application/zip');
    assert.equal(zip.headers.get('content-disposition'), `attachment; filename="logs-${uidOf}.zip"`);
    const entries = zipEntries(zip.data);
    assert.deepEqual(entries.map((e) => e.name), ['web.log', 'screen.png']);
    assert.deepEqual(entries[0].data, log);
    assert.deepEqual(entries[1].data, pngBytes());
    assert.equal((await download(w.sA, `${list(w)}/${id}/report.zip`)).status, 404, 'Web logs have no HTML report');
  });

  test('a Mitel One Mobile log: logs-….zip with one text file, and report.zip with the report; debug adds SIP logs', async () => {
    const w = await supportWorld('Export mobile');
    const doc = {
      product: 'Mitel One Mobile', platform: 'android', logLevel: 'debug', title: 'Calls <drop>',
      signalStrength: [{ time: '12:00', strength: -97, network: '=cmd|calc' }],
    };
    const files = [{ part: 'log', name: 'mobile.txt', data: textBytes(500) },
      { part: 'sip1', name: 'sip-1.log', data: textBytes(300, 'INVITE sip:2001@pbx SIP/2.0\n') },
      { part: 'attachment1', name: 'camera.jpg', data: jpeg(16, 16, () => [9, 9, 9]) }];
    const id = await reportedLog(w.admin, doc, files);
    const page = await w.sP.get(`${list(w)}/${id}/export`);
    assert.equal(page.status, 200);
    const uidOf = await scalar(`SELECT LEFT(uid, 8) FROM support_logs WHERE id = ${id}`);
    assert.match(visibleText(page.text), new RegExp(`Export Logs Calls <drop> .* logs-${uidOf}\\.zip — the log text file report\\.zip — the report in HTML format`));
    const logs = zipEntries((await download(w.sP, `${list(w)}/${id}/logs.zip`)).data);
    assert.deepEqual(logs.map((e) => e.name), ['mobile.txt']);
    const rep = await download(w.sP, `${list(w)}/${id}/report.zip`);
    assert.equal(rep.headers.get('content-disposition'), 'attachment; filename="report.zip"');
    const entries = zipEntries(rep.data);
    assert.deepEqual(entries.map((e) => e.name).sort(),
      ['SIP logs/', 'SIP logs/sip-1.log', 'camera.jpg', 'mobile.txt', 'report.html', 'signal-strength.csv']);
    const html = entries.find((e) => e.name === 'report.html').data.toString('utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<title>Calls &lt;drop&gt;<\/title>/);
    assert.match(html, /<img src="camera.jpg"/);
    const csv = entries.find((e) => e.name === 'signal-strength.csv').data.toString('utf8');
    assert.match(csv, /12:00,'-97,'=cmd\|calc\r\n$/, 'cells a spreadsheet would run are neutralised');
    // Not debug: no SIP logs folder, no log text in report.zip.
    const quiet = await reportedLog(w.admin, { ...doc, logLevel: 'info' }, [files[0], files[2]]);
    const quietEntries = zipEntries((await download(w.sP, `${list(w)}/${quiet}/report.zip`)).data).map((e) => e.name).sort();
    assert.deepEqual(quietEntries, ['camera.jpg', 'report.html', 'signal-strength.csv']);
  });
});

describe('reminders while a log stays Open (spec ch2 §5.4)', () => {
  /** Moves the log's clock back by hours: as if that much time had passed. */
  const later = (id, hours) => sql(`UPDATE support_logs SET created_at = created_at - INTERVAL ${hours} HOUR,
    next_reminder_at = next_reminder_at - INTERVAL ${hours} HOUR WHERE id = ${id}`);
  const schedule = async (id) => {
    const [[due, since]] = await sql(`SELECT next_reminder_at IS NOT NULL,
      TIMESTAMPDIFF(SECOND, created_at, next_reminder_at) FROM support_logs WHERE id = ${id}`);
    return due === '1' ? Number(since) / 3600 : null;
  };

  test('come every 24 hours on the hour reported, one after an absence, and stop at Reported or Resolved', async () => {
    const w = await supportWorld('Reminders');
    const id = await reportedLog(w.admin, { title: 'Still broken' });
    await mailAbout(w.contact, NEW_LOG);
    assert.equal(await schedule(id), 24, 'the first reminder is due a day after the report');

    await later(id, 25);
    const reminder = await mailAbout(w.contact, REMINDER);
    assert.match(reminder.text, /Still broken/);
    assert.match(reminder.text, /still Open/);
    assert.equal(await schedule(id), 48, 'the next one keeps the hour of the report');
    const [event] = await eventsOf(w.account.id, `action = 'support_log.reminder'`);
    assert.equal(event.actorName, 'System');

    await later(id, 24 * 3 + 1); // syncd was away three days
    await mailAbout(w.contact, REMINDER, 2);
    assert.equal(await schedule(id), 24 * 5, 'one reminder, and the schedule goes on');
    await new Promise((resolve) => { setTimeout(resolve, 3000); });
    assert.equal(mailsTo(w.contact).length, 3, 'no reminder for each day missed');

    await w.sP.send(`${list(w)}/${id}`, { status: 'resolved', notes: '' });
    await mailAbout(w.contact, STATUS);
    assert.equal(await schedule(id), null, 'Resolved: no more reminders');
    await later(id, 24 * 7);
    await new Promise((resolve) => { setTimeout(resolve, 3000); });
    assert.equal(mailsTo(w.contact).length, 4);

    await w.sP.send(`${list(w)}/${id}`, { status: 'open', notes: 'Came back' });
    await mailAbout(w.contact, STATUS, 2);
    const [[left]] = await sql(`SELECT TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), next_reminder_at) FROM support_logs WHERE id = ${id}`);
    assert.ok(Number(left) >= 23 * 60 && Number(left) <= 24 * 60, 'Open again: reminded a day from now');
  });

  test('an account without support contacts has its logs and no mail', async () => {
    const w = await supportWorld('No contacts');
    await sql(`DELETE FROM account_support_contacts WHERE account_id = ${lit(w.account.id)}`);
    const res = await postReport(await appToken(w.admin.email), report(), usualFiles());
    assert.equal(res.status, 201);
    assert.equal(await scalar(`SELECT COUNT(*) FROM mail_outbox WHERE support_log_id = ${res.body.id}`), '0');
  });
});
