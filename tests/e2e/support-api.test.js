// The apps' side of support logs (spec ch2 §5.6): an app signs in as its
// user (POST /api/v1/app-token) and posts the user's reports
// (POST /api/v1/support-logs, multipart). The account and the reporter come
// from the token; every limit refuses with a clear error and stores nothing.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { baseURL, config, consoleBin, sql } from './lib/stack.js';
import { forgetAddressFailures, lit, newCustomer, newPartner, newUser, scalar } from './lib/fixtures.js';
import {
  appToken, appTokenRequest, jpeg, mailAbout, NEW_LOG, pngBytes, postReport, report, supportCounts, supportWorld, textBytes, usualFiles,
} from './lib/support.js';

const MB = 1024 * 1024;

/** A report refused with status, naming part; nothing was stored. */
async function refused(token, doc, files, status, part) {
  const before = await supportCounts();
  const res = await postReport(token, doc, files);
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.match(res.headers.get('content-type'), /^application\/json/);
  assert.equal(res.body.status, status);
  assert.ok(res.body.error, 'a message says what is wrong');
  if (part) assert.ok(res.body.fields?.[part], `the part at fault is named: ${JSON.stringify(res.body)}`);
  assert.deepEqual(await supportCounts(), before, 'nothing was stored');
  return res.body;
}

describe('app sign-in (POST /api/v1/app-token)', () => {
  test('a registered user gets a short-lived app-report token bound to their account', async () => {
    const w = await supportWorld('App token');
    const res = await appTokenRequest(w.admin.email);
    assert.equal(res.status, 200);
    assert.match(res.body.token, /^[0-9a-f]{64}$/);
    assert.equal(res.body.tokenType, 'Bearer');
    assert.equal(res.body.expiresIn, 3600);
    assert.equal(res.body.accountId, w.account.id);
    const [row] = await sql(`SELECT kind, account_id, user_id, partner_id, TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), expires_at)
      FROM machine_credentials WHERE user_id = ${w.admin.id}`);
    assert.deepEqual(row.slice(0, 4), ['app-report', w.account.id, w.admin.id, w.partner.id]);
    assert.ok(Number(row[4]) >= 58 && Number(row[4]) <= 60, 'expires in an hour');
    const me = await fetch(new URL('/api/v1/credential', baseURL), { headers: { authorization: `Bearer ${res.body.token}` } });
    assert.equal((await me.json()).kind, 'app-report');
  });

  test('a wrong email or password gets one answer, and failures are throttled like sign-in', async () => {
    const w = await supportWorld('App token throttle');
    const wrong = await appTokenRequest(w.admin.email, 'not the password');
    const unknown = await appTokenRequest('nobody-here@test.example.com', 'whatever');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.error, unknown.body.error, 'the same message for both');
    for (let i = 0; i < 4; i++) await appTokenRequest(w.admin.email, 'still wrong');
    const throttled = await appTokenRequest(w.admin.email);
    assert.equal(throttled.status, 429, 'even the right password waits');
    assert.ok(throttled.body.retryAfterSeconds >= 1);
    await sql('DELETE FROM login_failures');
    await forgetAddressFailures();
  });

  test('unregistered users, partner users and bad bodies get no token', async () => {
    const w = await supportWorld('App token refused');
    const unregistered = await newUser(w.account.id, { signIn: false });
    assert.equal((await appTokenRequest(unregistered.email, '')).status, 422);
    assert.equal((await appTokenRequest(unregistered.email, 'anything at all')).status, 401);
    const partnerUser = await appTokenRequest(w.partner.email);
    assert.equal(partnerUser.status, 403, 'support logs come from customer accounts');
    assert.equal((await appTokenRequest('not an email')).status, 422);
    const form = new FormData();
    form.append('email', w.admin.email);
    const multipart = await fetch(new URL('/api/v1/app-token', baseURL), { method: 'POST', body: form });
    assert.equal(multipart.status, 415, 'the sign-in takes JSON');
    await forgetAddressFailures();
  });
});

describe('posting a report (POST /api/v1/support-logs)', () => {
  test('a report is stored in the token\'s account, as the token\'s user, whatever the body says', async () => {
    const w = await supportWorld('Report ok');
    const other = await newCustomer((await newPartner('Report other')).id);
    const token = await appToken(w.admin.email);
    const doc = report({ accountId: other.id, userId: 1, reporterEmail: 'ceo@evil.example.com' });
    const res = await postReport(token, doc, usualFiles());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.accountId, w.account.id);
    assert.match(res.body.url, new RegExp(`/a/${w.account.id}/support-logs/${res.body.id}$`));
    const [row] = await sql(`SELECT account_id, user_id, reporter_email, product, platform, title, state, next_reminder_at IS NOT NULL
      FROM support_logs WHERE id = ${res.body.id}`);
    assert.deepEqual(row, [w.account.id, w.admin.id, w.admin.email, 'Mitel One Web', 'web', doc.title, 'open', '1']);
    assert.equal(await scalar(`SELECT COUNT(*) FROM support_logs WHERE account_id = ${lit(other.id)}`), '0');
    const files = await sql(`SELECT seq, role, name, mime, size, sha256 FROM support_log_files WHERE log_id = ${res.body.id} ORDER BY seq`);
    assert.deepEqual(files.map((f) => f.slice(0, 5)), [
      ['1', 'log', 'app.log', 'text/plain; charset=utf-8', '300'],
      ['2', 'attachment', 'screen.png', 'image/png', String(pngBytes().length)],
    ]);
    const [event] = await sql(`SELECT action, asset_type, actor_user_id, asset_name FROM events
      WHERE asset_type = 'support_log' AND asset_id = '${res.body.id}'`);
    assert.deepEqual(event, ['support_log.create', 'support_log', w.admin.id, doc.title]);
    // The account's support contacts hear of it (guide §2.9).
    const mail = await mailAbout(w.contact, NEW_LOG);
    assert.match(mail.text, new RegExp(doc.title));
    assert.match(mail.text, new RegExp(`/a/${w.account.id}/support-logs/${res.body.id}`));
  });

  test('the same report posted twice is stored once', async () => {
    const w = await supportWorld('Report twice');
    const token = await appToken(w.admin.email);
    const doc = report({ reportId: '9b2f9a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b' });
    const first = await postReport(token, doc, usualFiles());
    assert.equal(first.status, 201);
    const before = await supportCounts();
    const again = await postReport(token, doc, usualFiles());
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    assert.deepEqual(await supportCounts(), before);
  });

  test('the report may come as a JSON file part, and the log as the only file', async () => {
    const w = await supportWorld('Report as file');
    const res = await postReport(await appToken(w.admin.email), report(), [{ part: 'log', name: 'x.log', data: textBytes(10) }],
      { reportAsFile: true });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  test('a Mitel One Mobile report keeps its tabs, SIP logs and a JPEG screenshot', async () => {
    const w = await supportWorld('Report mobile');
    const doc = report({
      product: 'Mitel One Mobile', platform: 'android', logLevel: 'debug',
      deviceAndApps: { 'Device model': 'Pixel 8', 'Battery saver': true },
      signalStrength: [{ time: '12:00:00', strength: -97, network: 'LTE' }],
    });
    const files = [...usualFiles(),
      { part: 'sip1', name: 'sip-1.log', data: textBytes(200, 'INVITE sip:2001@pbx SIP/2.0\n') },
      { part: 'screenshot2', name: 'camera.jpg', data: jpeg(16, 16, () => [10, 120, 200]) }];
    const res = await postReport(await appToken(w.admin.email), doc, files);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual((await sql(`SELECT tab FROM support_log_tabs WHERE log_id = ${res.body.id} ORDER BY tab`)).flat(),
      ['user', 'device', 'signal', 'error']);
    assert.deepEqual((await sql(`SELECT role, mime FROM support_log_files WHERE log_id = ${res.body.id} ORDER BY seq`)),
      [['log', 'text/plain; charset=utf-8'], ['attachment', 'image/png'], ['sip', 'text/plain; charset=utf-8'],
        ['attachment', 'image/jpeg']]);
  });

  test('each limit refuses with a clear error and stores nothing', async () => {
    const w = await supportWorld('Report limits');
    const token = await appToken(w.admin.email);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ part: `attachment${i}`, name: `s${i}.png`, data: pngBytes() }));
    assert.match((await refused(token, report(), eleven, 422, 'attachment10')).error, /10 files/);
    const big = [{ part: 'log', name: 'big.log', data: textBytes(10 * MB + 1) }];
    assert.match((await refused(token, report(), big, 413, 'log')).error, /10 MB/);
    const together = [1, 2, 3].map((i) => ({ part: `attachment${i}`, name: `part${i}.txt`, data: textBytes(8.5 * MB) }));
    assert.match((await refused(token, report(), together, 413, 'attachment3')).error, /25 MB/);
    assert.match((await refused(token, report({ title: '' }), [], 422, 'title')).error, /not valid/);
    await refused(token, '{"title": ', [], 422, 'report');
    await refused(token, undefined, [], 422, 'report');
    await refused(token, report({ platform: 'web', signalStrength: [{ time: 'now', strength: -90 }] }), [], 422, 'signalStrength');
    await refused(token, report(), [{ part: 'log', name: 'empty.txt', data: Buffer.alloc(0) }], 422, 'log');
    await refused(token, report(), [{ part: 'payload', name: 'x.txt', data: textBytes(10) }], 422, 'payload');
    const twice = await refused(token, report(), [
      { part: 'attachment1', name: 'a.png', data: pngBytes() }, { part: 'attachment1', name: 'b.png', data: pngBytes() }], 422);
    assert.match(twice.error, /part name of its own/);
  });

  test('a body past what nginx takes is refused there, in JSON too', async () => {
    const w = await supportWorld('Report huge');
    const token = await appToken(w.admin.email);
    const before = await supportCounts();
    const files = [1, 2, 3].map((i) => ({ part: `attachment${i}`, name: `p${i}.txt`, data: textBytes(9.5 * MB) }));
    const res = await postReport(token, report(), files);
    assert.equal(res.status, 413);
    assert.equal(res.body.status, 413);
    assert.deepEqual(await supportCounts(), before);
  });

  test('types are told by the bytes: a file lying about its type is refused', async () => {
    const w = await supportWorld('Report types');
    const token = await appToken(w.admin.email);
    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
    assert.match((await refused(token, report(), [{ part: 'attachment1', name: 'cute-cat.png', data: html, type: 'image/png' }], 422, 'attachment1')).fields.attachment1, /not what its name says/);
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    await refused(token, report(), [{ part: 'attachment1', name: 'screen.png', data: elf, type: 'image/png' }], 422, 'attachment1');
    await refused(token, report(), [{ part: 'attachment1', name: 'tool.exe', data: textBytes(20) }], 422, 'attachment1');
    await refused(token, report(), [{ part: 'log', name: 'app.log', data: pngBytes() }], 422, 'log');
    await refused(token, report(), [{ part: 'log', name: 'app.log', data: Buffer.from('text\0with a NUL') }], 422, 'log');
    await refused(token, report(), [{ part: 'attachment1', name: 'bad.txt', data: Buffer.from([0x41, 0xc3, 0x28]) }], 422, 'attachment1');
    // The content type a client claims is not what decides: these are what their bytes are.
    const ok = await postReport(token, report(), [
      { part: 'attachment1', name: 'screen', data: pngBytes(), type: 'text/html' },
      { part: 'attachment2', name: 'page.txt', data: html, type: 'image/png' }]);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.deepEqual((await sql(`SELECT mime FROM support_log_files WHERE log_id = ${ok.body.id} ORDER BY seq`)).flat(),
      ['image/png', 'text/plain; charset=utf-8']);
  });

  test('a multipart body the console cannot read is a 400 in JSON', async () => {
    const w = await supportWorld('Report malformed');
    const before = await supportCounts();
    const body = '--b\r\nContent-Disposition: form-data; name="report"\r\nContent-Encoding: base64\r\n\r\nxx\r\n--b--\r\n';
    const res = await fetch(new URL('/api/v1/support-logs', baseURL), {
      method: 'POST',
      headers: { authorization: `Bearer ${await appToken(w.admin.email)}`, 'content-type': 'multipart/form-data; boundary=b' },
      body,
    });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).status, 400);
    assert.deepEqual(await supportCounts(), before);
  });

  test('only an app-report token of a live user of an active account may post', async () => {
    const w = await supportWorld('Report tokens');
    const before = await supportCounts();
    assert.equal((await postReport(undefined, report(), usualFiles())).status, 401);
    const partnerToken = execFileSync(consoleBin, ['-c', config, 'issue-credential', '--partner', w.partner.id,
      '--kind', 'app', '--account', w.account.id], { encoding: 'utf8' }).trim();
    assert.equal((await postReport(partnerToken, report(), usualFiles())).status, 403, 'another kind of credential');
    const token = await appToken(w.admin.email);
    await sql(`UPDATE accounts SET status = 'deactivated' WHERE id = ${lit(w.account.id)}`);
    assert.equal((await postReport(token, report(), usualFiles())).status, 403, 'a deactivated account');
    await sql(`UPDATE accounts SET status = 'active' WHERE id = ${lit(w.account.id)}`);
    await sql(`UPDATE machine_credentials SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE user_id = ${w.admin.id}`);
    assert.equal((await postReport(token, report(), usualFiles())).status, 401, 'an expired token');
    const fresh = await appToken(w.admin.email);
    await sql(`DELETE FROM users WHERE id = ${w.admin.id}`);
    assert.equal((await postReport(fresh, report(), usualFiles())).status, 401, 'the user was deleted: the token went with them');
    assert.deepEqual(await supportCounts(), before);
    const json = await fetch(new URL('/api/v1/support-logs', baseURL), {
      method: 'POST', headers: { authorization: `Bearer ${await appToken((await newUser(w.account.id, { role: 'user' })).email)}`, 'content-type': 'application/json' },
      body: JSON.stringify(report()),
    });
    assert.equal(json.status, 415, 'a report comes as multipart');
  });
});
