// Import Users (guide §2.8, seed 004; issue 4): the panel and its template,
// every file rule (nothing written when one fails), the preview's error
// rules and corrections, the partial Upload with one event per user, a row
// that became invalid meanwhile, Cancel, welcome emails, and who may import.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { csrfFrom, repo, sql } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import {
  adminSession, count, email, eventsOf, lastEventId, lit, newCustomer, newUser, partnerSession, scalar, signIn, uid,
  visibleText,
} from './lib/fixtures.js';

const SHARED = `${repo}/../shared/fixtures/import/`;
const OURS = `${repo}/tests/fixtures/import/`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MSG = {
  noFile: 'Choose a spreadsheet to upload.',
  tooBig: 'The file is larger than 10 MB.',
  type: 'Upload an .xlsx or a .csv file.',
  notXlsx: 'This file is not an Excel workbook (.xlsx), although its name says so.',
  notCsv: 'This file is not a CSV text file in UTF-8, although its name says so.',
  damaged: 'The workbook is damaged and cannot be read.',
  inflated: 'The workbook unpacks to more data than an import may hold.',
  headers: 'The header row lacks these columns:',
  empty: 'The spreadsheet holds no users',
  tooMany: 'The spreadsheet has more than 50,000 users',
  name: 'Enter a name in at least one of FIRST NAME, LAST NAME and NAME.',
  email: 'Enter a valid email address.',
  taken: 'A user with this email address already exists in this account.',
  duplicate: 'This email address is on more than one row.',
  role: 'The role must be User or Account Admin.',
};

/** A partner, a customer account, the partner signed in. */
async function setup() {
  const { partner, session } = await partnerSession('Import');
  const account = await newCustomer(partner.id, 'Importing');
  return { partner, account, session };
}

/** POST the Import Users form with a file (multipart, as a browser sends it). */
async function upload(session, accountId, fileName, content, type = 'application/octet-stream') {
  const panel = await session.get(`/a/${accountId}/users/import`);
  assert.equal(panel.status, 200);
  const form = new FormData();
  form.append('_csrf', csrfFrom(panel.text));
  if (fileName !== null) form.append('file', new Blob([content], { type }), fileName);
  return session.post(`/a/${accountId}/users/import`, form);
}

/** Upload and follow to the preview; resolves with { batchId, path, page }. */
async function uploadToPreview(session, accountId, fileName, content) {
  const res = await upload(session, accountId, fileName, content);
  assert.equal(res.status, 303, `upload of ${fileName} is accepted (got ${res.status}: ${visibleText(res.text).slice(0, 300)})`);
  const m = new RegExp(`^/a/${accountId}/users/import/(\\d+)$`).exec(res.location);
  assert.ok(m, `the upload opens its preview: ${res.location}`);
  const page = await session.get(res.location);
  assert.equal(page.status, 200);
  return { batchId: m[1], path: res.location, page };
}

/** The preview's rows: { id, label, status, first_name, last_name, name, email, role, errors: [..] }. */
function previewRows(html) {
  const rows = [];
  for (const [, id, line, body] of html.matchAll(/<tr id="row-(\d+)" data-row="(\d+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
    const value = (field) => {
      const input = new RegExp(`<input[^>]*name="${field}"[^>]*value="([^"]*)"`).exec(body);
      return input ? visibleText(input[1]).trim() : null;
    };
    const selected = /<option value="([^"]*)" selected>/.exec(body);
    rows.push({
      id, line: Number(line),
      ok: /class="icon-ok"/.test(body),
      first_name: value('first_name'), last_name: value('last_name'), name: value('name'), email: value('email'),
      role: selected ? selected[1] : null,
      errors: [...body.matchAll(/<(?:p|span) class="error"[^>]*>([\s\S]*?)<\/(?:p|span)>/g)].map((e) => visibleText(e[1]).trim()),
    });
  }
  return rows;
}

/** The preview's CSRF token and its forms' posts. */
async function postRow(session, path, fields) {
  const page = await session.get(path);
  return session.post(`${path}/row`, { _csrf: csrfFrom(page.text), page: '1', ...fields });
}

async function postTo(session, path, action, fields = {}) {
  const page = await session.get(path);
  return session.post(`${path}/${action}`, { _csrf: csrfFrom(page.text), ...fields });
}

function csv(rows) {
  return ['FIRST NAME,LAST NAME,NAME,EMAIL,ROLE', ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** The entries of a zip (stored or deflated), by name. */
function unzip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip archive');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

async function batches(accountId) {
  return count('import_batches', `account_id = ${lit(accountId)}`);
}

describe('Import Users panel and template', () => {
  test('the panel links the template and offers Upload', async () => {
    const { account, session } = await setup();
    const res = await session.get(`/a/${account.id}/users/import`);
    assert.equal(res.status, 200);
    const text = visibleText(res.text);
    assert.ok(text.includes('Import Users'));
    assert.match(res.text, new RegExp(`href="/a/${account.id}/users/import/users-template.xlsx"`));
    assert.ok(text.includes('spreadsheet template'));
    assert.match(res.text, /<input id="f-file" name="file" type="file"/);
    assert.match(res.text, /enctype="multipart\/form-data"/);
  });

  test('the template is an xlsx with the five headers and a User / Account Admin drop-down on ROLE', async () => {
    const { account, session } = await setup();
    const res = await fetch(new URL(`/a/${account.id}/users/import/users-template.xlsx`, session.base), {
      headers: { cookie: session.cookieHeader() },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), XLSX);
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    const sheet = files['xl/worksheets/sheet1.xml'];
    const strings = files['xl/sharedStrings.xml'] ?? sheet;
    const headers = [...strings.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    assert.deepEqual(headers, ['FIRST NAME', 'LAST NAME', 'NAME', 'EMAIL', 'ROLE']);
    const validation = /<dataValidation [^>]*type="list"[^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]*)<\/formula1>/.exec(sheet);
    assert.ok(validation, 'a list validation');
    assert.match(validation[1], /^E2:E\d+$/);
    assert.equal(validation[2], '"User,Account Admin"');
  });
});

describe('file rules: a clear message, nothing written', () => {
  const cases = [
    ['no file chosen', null, '', MSG.noFile],
    ['a file of another type', 'people.txt', 'EMAIL\na@example.com\n', MSG.type],
    ['plain text named .xlsx', 'not-a-spreadsheet.xlsx', () => readFileSync(`${SHARED}not-a-spreadsheet.xlsx`), MSG.notXlsx],
    ['a workbook named .csv', 'people.csv', () => readFileSync(`${SHARED}valid-10.xlsx`), MSG.notCsv],
    ['Latin-1 text named .csv', 'people.csv', Buffer.from('EMAIL,NAME\nzoe@example.com,Zo\xeb\n', 'latin1'), MSG.notCsv],
    ['larger than 10 MB', 'big.csv', () => Buffer.alloc(10 * 1024 * 1024 + 100, 'a'), MSG.tooBig],
    ['a zip bomb', 'zip-bomb.xlsx', () => readFileSync(`${OURS}zip-bomb.xlsx`), MSG.inflated],
    ['entity expansion (billion laughs)', 'billion-laughs.xlsx', () => readFileSync(`${OURS}billion-laughs.xlsx`), MSG.damaged],
    ['an external entity', 'external-entity.xlsx', () => readFileSync(`${OURS}external-entity.xlsx`), MSG.damaged],
    ['a truncated workbook', 'truncated.xlsx', () => readFileSync(`${OURS}truncated.xlsx`), MSG.notXlsx],
    ['a damaged worksheet', 'not-well-formed.xlsx', () => readFileSync(`${OURS}not-well-formed.xlsx`), MSG.damaged],
    ['no EMAIL column', 'p.csv', 'FIRST NAME,LAST NAME,ROLE\nAda,Lovelace,User\n', `${MSG.headers} EMAIL`],
    ['no name column', 'p.csv', 'EMAIL,ROLE\nada@example.com,User\n', `${MSG.headers} FIRST NAME, LAST NAME, NAME`],
    ['an empty sheet', 'empty.csv', '', MSG.empty],
    ['headers and no users', 'p.csv', 'FIRST NAME,LAST NAME,NAME,EMAIL,ROLE\n', MSG.empty],
    ['more than 50,000 rows', 'many.csv',
      () => `NAME,EMAIL\n${Array.from({ length: 50001 }, (_, i) => `u,u${i}@example.com`).join('\n')}\n`, MSG.tooMany],
  ];
  for (const [what, name, content, message] of cases) {
    test(what, async () => {
      const { account, session } = await setup();
      const before = await batches(account.id);
      const users = await count('users', `account_id = ${lit(account.id)}`);
      const res = await upload(session, account.id, name, typeof content === 'function' ? content() : content);
      assert.equal(res.status, 422);
      const error = /<p class="error" id="e-file">([\s\S]*?)<\/p>/.exec(res.text);
      assert.ok(error, 'a message next to the file field');
      assert.ok(visibleText(error[1]).trim().startsWith(message), `${visibleText(error[1])} starts with ${message}`);
      assert.equal(await batches(account.id), before, 'no batch stored');
      assert.equal(await count('users', `account_id = ${lit(account.id)}`), users, 'no user added');
    });
  }
});

describe('accepted files', () => {
  const samples = [
    ['valid-10.xlsx', 10], ['valid-10.csv', 10], ['reordered-columns.xlsx', 2], ['semicolon-bom.csv', 2], ['quoted.csv', 2],
  ];
  for (const [file, rows] of samples) {
    test(`${file}: ${rows} rows, no errors`, async () => {
      const { account, session } = await setup();
      const { page } = await uploadToPreview(session, account.id, file, readFileSync(`${SHARED}${file}`));
      const found = previewRows(page.text);
      assert.equal(found.length, rows);
      assert.ok(found.every((r) => r.ok && r.errors.length === 0), JSON.stringify(found.filter((r) => !r.ok)));
      assert.ok(visibleText(page.text).includes('No errors found'));
    });
  }

  test('values arrive as written: accents, CJK, quotes, roles in any case', async () => {
    const { account, session } = await setup();
    const { page } = await uploadToPreview(session, account.id, 'valid-10.xlsx', readFileSync(`${SHARED}valid-10.xlsx`));
    const rows = previewRows(page.text);
    assert.equal(rows.find((r) => r.email === 'taro.yamada@example.jp').name, '山田 太郎');
    assert.equal(rows.find((r) => r.email === 'li.wei@example.cn').role, 'account_admin');
    assert.equal(rows.find((r) => r.email === 'zoe.mueller@example.de').role, 'user');
    assert.equal(rows.find((r) => r.email === 'testing.import@example.com').name, 'NAME');
    const quoted = await uploadToPreview(session, account.id, 'quoted.csv', readFileSync(`${SHARED}quoted.csv`));
    const q = previewRows(quoted.page.text);
    assert.equal(q[0].name, 'Robert "Bob" Smith, Jr.');
    assert.equal(q[1].first_name, 'Multi Line');
  });

  test('a workbook of inline strings from another writer', async () => {
    const { account, session } = await setup();
    const { page } = await uploadToPreview(session, account.id, 'inline.xlsx', readFileSync(`${OURS}inline-strings.xlsx`));
    const rows = previewRows(page.text);
    assert.deepEqual(rows.map((r) => r.email), ['inline.one@example.com', 'inline.two@example.com']);
    assert.equal(rows[0].last_name, 'Yamada');
    assert.equal(rows[0].role, 'account_admin');
  });
});

describe('preview error rules', () => {
  test('errors-mixed: each bad row says what is wrong; both duplicates are flagged', async () => {
    const { account, session } = await setup();
    for (const file of ['errors-mixed.xlsx', 'errors-mixed.csv']) {
      const { page } = await uploadToPreview(session, account.id, file, readFileSync(`${SHARED}${file}`));
      const rows = previewRows(page.text);
      const by = (mail) => rows.find((r) => r.email === mail);
      assert.equal(rows.length, 7);
      assert.deepEqual(rows.filter((r) => r.ok).map((r) => r.email), ['ann.lee@example.com', 'ok.person@example.com']);
      assert.deepEqual(by('noname@example.com').errors, [MSG.name]);
      assert.deepEqual(by('not-an-email').errors, [MSG.email]);
      assert.deepEqual(rows.filter((r) => r.email === 'dup@example.com').map((r) => r.errors), [[MSG.duplicate], [MSG.duplicate]]);
      assert.deepEqual(by('role.wrong@example.com').errors, [MSG.role]);
      assert.equal(by('role.wrong@example.com').role, 'Superuser', 'the unknown role is shown as written');
      assert.ok(visibleText(page.text).includes('5 rows have errors'));
      assert.ok(!visibleText(page.text).includes('No errors found'));
    }
  });

  test('an email already used in the account (any case), and duplicates that differ only in case', async () => {
    const { account, session } = await setup();
    const existing = await newUser(account.id, { mail: `taken-${uid()}@example.com` });
    const dup = `Dup-${uid()}@Example.com`;
    const { page } = await uploadToPreview(session, account.id, 'p.csv', csv([
      ['Ada', 'Lovelace', '', existing.email.toUpperCase(), 'User'],
      ['Bob', 'One', '', dup, ''],
      ['Bob', 'Two', '', dup.toLowerCase(), ''],
    ]));
    const rows = previewRows(page.text);
    assert.deepEqual(rows.map((r) => r.errors), [[MSG.taken], [MSG.duplicate], [MSG.duplicate]]);
  });

  test('another account\'s users do not count as taken', async () => {
    const { partner, account, session } = await setup();
    const other = await newCustomer(partner.id);
    const elsewhere = await newUser(other.id);
    const { page } = await uploadToPreview(session, account.id, 'p.csv', csv([['Ada', '', '', elsewhere.email, '']]));
    assert.deepEqual(previewRows(page.text).map((r) => r.errors), [[]]);
  });

  test('the preview survives a reload and can be resumed from the panel', async () => {
    const { account, session } = await setup();
    const { path, page } = await uploadToPreview(session, account.id, 'errors-mixed.csv', readFileSync(`${SHARED}errors-mixed.csv`));
    const again = await session.get(path);
    assert.deepEqual(previewRows(again.text), previewRows(page.text));
    const panel = await session.get(`/a/${account.id}/users/import`);
    assert.ok(visibleText(panel.text).includes('errors-mixed.csv'));
    assert.match(panel.text, new RegExp(`href="${path}"`));
  });
});

describe('corrections', () => {
  test('edit a field, change a role, delete a row, add a row: re-validated at once', async () => {
    const { account, session } = await setup();
    const { path, page } = await uploadToPreview(session, account.id, 'errors-mixed.csv', readFileSync(`${SHARED}errors-mixed.csv`));
    const rows = previewRows(page.text);
    const [dupOne, dupTwo] = rows.filter((r) => r.email === 'dup@example.com');
    const noName = rows.find((r) => r.email === 'noname@example.com');
    const badRole = rows.find((r) => r.email === 'role.wrong@example.com');

    // Fixing one duplicate's email clears the other's error too.
    let res = await postRow(session, path, { row: dupOne.id, first_name: 'Dup', last_name: 'One', name: '', email: 'dup.one@example.com', role: 'user' });
    assert.equal(res.status, 303);
    assert.match(res.location, new RegExp(`^${path}\\?page=1#row-${dupOne.id}$`));
    let now = previewRows((await session.get(path)).text);
    assert.deepEqual(now.find((r) => r.id === dupOne.id).errors, []);
    assert.deepEqual(now.find((r) => r.id === dupTwo.id).errors, []);

    res = await postRow(session, path, { row: badRole.id, first_name: 'Role', last_name: 'Wrong', name: '', email: badRole.email, role: 'account_admin' });
    assert.equal(res.status, 303);
    res = await postTo(session, path, 'delete-row', { row: noName.id });
    assert.equal(res.status, 303);
    res = await postRow(session, path, { row: '0', first_name: 'New', last_name: 'Person', name: '', email: 'not valid', role: '' });
    assert.equal(res.status, 303);
    const view = (await session.get(res.location.split('#')[0])).text;
    now = previewRows(view);
    assert.ok(!now.some((r) => r.id === noName.id), 'the deleted row is gone');
    assert.equal(now.find((r) => r.id === badRole.id).role, 'account_admin');
    const added = now.find((r) => r.first_name === 'New');
    assert.deepEqual(added.errors, [MSG.email], 'a new row is checked like the others');
    assert.ok(added.line > Math.max(...rows.map((r) => r.line)), 'added at the end');
  });

  test('an email typed into the preview that the account has is refused', async () => {
    const { account, session } = await setup();
    const existing = await newUser(account.id);
    const { path, page } = await uploadToPreview(session, account.id, 'p.csv', csv([['Ada', '', '', `ada-${uid()}@example.com`, '']]));
    const [row] = previewRows(page.text);
    await postRow(session, path, { row: row.id, first_name: 'Ada', last_name: '', name: '', email: existing.email, role: 'user' });
    assert.deepEqual(previewRows((await session.get(path)).text)[0].errors, [MSG.taken]);
  });

  test('rows of another batch or account cannot be touched', async () => {
    const { partner, account, session } = await setup();
    const mine = await uploadToPreview(session, account.id, 'p.csv', csv([['Ada', '', '', `a-${uid()}@example.com`, '']]));
    const other = await newCustomer(partner.id);
    const theirs = await uploadToPreview(session, other.id, 'p.csv', csv([['Bob', '', '', `b-${uid()}@example.com`, '']]));
    const [theirRow] = previewRows(theirs.page.text);
    // Their row through my batch: not a row of it.
    let res = await postRow(session, mine.path, { row: theirRow.id, first_name: 'X', email: 'x@example.com' });
    assert.equal(res.status, 303);
    res = await postTo(session, mine.path, 'delete-row', { row: theirRow.id });
    assert.equal(res.status, 303);
    assert.deepEqual(previewRows((await session.get(theirs.path)).text), previewRows(theirs.page.text));
    // Their batch under my account's path: not found.
    const cross = `/a/${account.id}/users/import/${theirs.batchId}`;
    assert.equal((await session.get(cross)).status, 404);
    assert.equal((await postTo(session, mine.path, 'upload')).status, 303);
    const csrf = csrfFrom((await session.get(mine.path)).text);
    assert.equal((await session.post(`${cross}/upload`, { _csrf: csrf })).status, 404);
    assert.equal((await session.post(`${cross}/cancel`, { _csrf: csrf })).status, 404);
    assert.equal(await count('import_rows', `batch_id = ${theirs.batchId} AND state = 'pending'`), 1);
  });

  test('text that is not UTF-8 is refused with 422 and nothing changes', async () => {
    const { account, session } = await setup();
    const { path, page } = await uploadToPreview(session, account.id, 'p.csv', csv([['Ada', '', '', `a-${uid()}@example.com`, '']]));
    const [row] = previewRows(page.text);
    const csrf = csrfFrom(page.text);
    const res = await session.request('POST', `${path}/row`, {
      body: `_csrf=${csrf}&row=${row.id}&first_name=%FF%FE&email=x@example.com`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(previewRows((await session.get(path)).text), previewRows(page.text));
  });
});

describe('Upload: partial commit', () => {
  test('valid rows become Unregistered users with one event each; rows with errors stay', async () => {
    const { account, session } = await setup();
    const { path, page } = await uploadToPreview(session, account.id, 'errors-mixed.xlsx', readFileSync(`${SHARED}errors-mixed.xlsx`));
    const since = await lastEventId();
    const res = await postTo(session, path, 'upload');
    assert.equal(res.status, 303);
    assert.equal(res.location, `${path}?added=1`);
    const after = await session.get(res.location);
    const text = visibleText(after.text);
    assert.ok(text.includes('2 users were added to the account.'));
    assert.ok(text.includes('Send welcome emails'));
    const left = previewRows(after.text);
    assert.equal(left.length, 5);
    assert.ok(left.every((r) => !r.ok));

    const users = await sql(`SELECT email, display_name, role, registered, source, updated_by_name FROM users
                             WHERE account_id = ${lit(account.id)} ORDER BY email`);
    assert.deepEqual(users.map((u) => u.slice(0, 5)), [
      ['ann.lee@example.com', 'Ann Lee', 'user', '0', 'Accounts app'],
      ['ok.person@example.com', 'Ok Person', 'user', '0', 'Accounts app'],
    ]);
    const events = await eventsOf(account.id, `id > ${since}`);
    assert.deepEqual(events.map((e) => [e.action, e.assetName]), [['user.create', 'Ann Lee'], ['user.create', 'Ok Person']]);
    const importer = await sql(`SELECT id, display_name FROM users WHERE id = ${events[0].actorUserId}`);
    assert.equal(importer.length, 1, 'the importer is the actor');
    assert.equal(users[0][5], importer[0][1]);
    assert.deepEqual(events[0].details.email, { from: '', to: 'ann.lee@example.com' });
    assert.deepEqual(events[1].details.role, { from: '', to: 'user' });

    // The list shows them.
    const list = visibleText((await session.get(`/a/${account.id}/users`)).text);
    assert.ok(list.includes('Ann Lee') && list.includes('Ok Person'));

    // Correct the rest and upload again: the batch finishes.
    for (const row of left) {
      if (row.email === 'noname@example.com' || row.email === 'not-an-email') {
        await postTo(session, path, 'delete-row', { row: row.id });
      } else {
        await postRow(session, path, { row: row.id, first_name: row.first_name, last_name: row.last_name, name: '',
          email: `fixed-${row.id}@example.com`, role: 'account_admin' });
      }
    }
    assert.equal((await postTo(session, path, 'upload')).status, 303);
    const done = await session.get(`${path}?added=1`);
    assert.ok(visibleText(done.text).includes('3 users were added'));
    assert.ok(visibleText(done.text).includes('Every row has been added.'));
    // A finished import offers nothing more to add or discard.
    assert.doesNotMatch(done.text, />Add Row</, 'no Add Row');
    assert.doesNotMatch(done.text, />Cancel</, 'no Cancel');
    assert.doesNotMatch(done.text, /action="[^"]*\/(row|cancel|upload)"/, 'no forms that add, discard or upload');
    assert.equal(await count('users', `account_id = ${lit(account.id)} AND role = 'account_admin'`), 3);
  });

  test('a row whose email was taken meanwhile keeps its error: no duplicate, no 500', async () => {
    const { account, session } = await setup();
    const racer = `racer-${uid()}@example.com`;
    const { path } = await uploadToPreview(session, account.id, 'p.csv', csv([
      ['Ada', '', '', `ada-${uid()}@example.com`, ''],
      ['Race', '', '', racer, ''],
    ]));
    await newUser(account.id, { mail: racer });   // someone else adds that user first
    const res = await postTo(session, path, 'upload');
    assert.equal(res.status, 303);
    assert.equal(await count('users', `account_id = ${lit(account.id)} AND email = ${lit(racer)}`), 1);
    const left = previewRows((await session.get(path)).text);
    assert.deepEqual(left.map((r) => [r.email, r.errors]), [[racer, [MSG.taken]]]);
  });

  test('a large Upload runs as a job with the progress page, whose Close returns to the finished import', async () => {
    const { account, session } = await setup();
    const tag = uid();
    const rows = Array.from({ length: 2600 }, (_, i) => ['Bulk', `Row${i}`, '', `bulk-${tag}-${i}@example.com`, '']);
    rows.push(['', '', '', 'not an email', '']);
    const { path, batchId } = await uploadToPreview(session, account.id, 'large.csv', csv(rows));
    const res = await postTo(session, path, 'upload');
    assert.equal(res.status, 303);
    const m = new RegExp(`^/a/${account.id}/jobs/(\\d+)$`).exec(res.location);
    assert.ok(m, `Upload of a large import opens its job's progress page: ${res.location}`);
    const page = await session.get(res.location);
    assert.equal(page.status, 200);
    assert.match(visibleText(page.text), /Add imported users/);
    assert.match(page.text, /<progress/);
    await eventually('the import job ends', async () =>
      (await scalar(`SELECT state FROM jobs WHERE id = ${m[1]}`)) === 'done');
    assert.equal(await count('users', `account_id = ${lit(account.id)} AND email LIKE ${lit(`bulk-${tag}-%`)}`), 2600);
    assert.equal(await count('events', `account_id = ${lit(account.id)} AND action = 'user.create'`), 2600);
    const finished = await session.get(res.location);
    const close = /<a class="button" href="([^"]+)"/.exec(finished.text)[1];
    assert.equal(close.replace(/&amp;/g, '&'), `/a/${account.id}/users/import/${batchId}?added=1`);
    const preview = visibleText((await session.get(close)).text);
    assert.match(preview, /2,600/, 'the preview says how many were added');
    assert.deepEqual(previewRows((await session.get(path)).text).map((r) => r.email), ['not an email'], 'the bad row stays');
  });

  test('welcome emails for the users the import added', async () => {
    const { account, session } = await setup();
    const { path } = await uploadToPreview(session, account.id, 'valid-10.csv', readFileSync(`${SHARED}valid-10.csv`));
    await postTo(session, path, 'upload');
    const res = await postTo(session, path, 'welcome');
    assert.equal(res.status, 303);
    assert.equal(res.location, `/a/${account.id}/users`);
    const job = await scalar(`SELECT id FROM jobs WHERE account_id = ${lit(account.id)} AND kind = 'welcome' ORDER BY id DESC LIMIT 1`);
    assert.ok(job, 'a welcome job');
    assert.equal(await count('job_items', `job_id = ${job}`), 10);
  });

  test('Cancel discards the batch; users already added stay', async () => {
    const { account, session } = await setup();
    const { path, batchId } = await uploadToPreview(session, account.id, 'errors-mixed.csv', readFileSync(`${SHARED}errors-mixed.csv`));
    await postTo(session, path, 'upload');
    const res = await postTo(session, path, 'cancel');
    assert.equal(res.status, 303);
    assert.equal(res.location, `/a/${account.id}/users`);
    assert.equal(await count('import_batches', `id = ${batchId}`), 0);
    assert.equal(await count('import_rows', `batch_id = ${batchId}`), 0);
    assert.equal(await count('users', `account_id = ${lit(account.id)}`), 2);
    assert.equal((await session.get(path)).status, 404);
  });
});

describe('who may import', () => {
  test('an account admin imports into their own account, not another', async () => {
    const { partner } = await partnerSession('Import admins');
    const { account, session } = await adminSession(partner.id);
    const { path } = await uploadToPreview(session, account.id, 'p.csv', csv([['Ada', '', '', email('ada'), '']]));
    assert.equal((await postTo(session, path, 'upload')).status, 303);
    const other = await newCustomer(partner.id);
    assert.equal((await session.get(`/a/${other.id}/users/import`)).status, 404);
    const form = new FormData();
    form.append('_csrf', session.csrf);
    form.append('file', new Blob([csv([['Bob', '', '', email('bob'), '']])]), 'p.csv');
    assert.equal((await session.post(`/a/${other.id}/users/import`, form)).status, 404);
    assert.equal(await batches(other.id), 0);
  });

  test('a partner administrator imports into their customer accounts, not into the partner account', async () => {
    const { partner, account, session } = await setup();
    assert.equal((await session.get(`/a/${account.id}/users/import`)).status, 200);
    assert.equal((await session.get(`/a/${partner.id}/users/import`)).status, 404);
    assert.equal((await session.get(`/a/${partner.id}/users/import/users-template.xlsx`)).status, 404);
    const stranger = await partnerSession('Other partner');
    assert.equal((await stranger.session.get(`/a/${account.id}/users/import`)).status, 404);
  });

  test('an ordinary user may not import', async () => {
    const { partner } = await partnerSession('Import users');
    const account = await newCustomer(partner.id);
    const user = await newUser(account.id, { role: 'user' });
    const session = await signIn(user.email);
    assert.equal((await session.get(`/a/${account.id}/users/import`)).status, 404);
    assert.equal((await session.get(`/users/import`)).status, 404);
  });
});
