// Helpers for the support log tests: an app's sign-in and report over the
// API front (as tests/fixtures/app-sim.js does), the app-sim peer itself,
// binary downloads, and reading the zip files Export Logs makes.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { baseURL, sql, stackDir } from './stack.js';
import { eventually, mailsTo } from './mail.js';
import { email, lit, newCustomer, newPartner, newUser, paced, PASSWORD, signIn, uid } from './fixtures.js';
import { png, jpeg } from '../../fixtures/app-sim.js';

export { png, jpeg };

/** POST /api/v1/app-token; resolves with { status, body }. */
export async function appTokenRequest(userEmail, password = PASSWORD, headers = {}) {
  const res = await paced(() => fetch(new URL('/api/v1/app-token', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: userEmail, password }),
  }));
  return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) };
}

/** An app-report token of a registered user. */
export async function appToken(userEmail, password = PASSWORD) {
  const res = await appTokenRequest(userEmail, password);
  assert.equal(res.status, 200, `app-token for ${userEmail}: ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** A valid Mitel One Web report, with overrides. */
export function report(overrides = {}) {
  return {
    product: 'Mitel One Web',
    platform: 'web',
    title: `Support log ${uid()} - feedback`,
    topic: 'Messages',
    description: 'feed back for two.',
    logLevel: 'info',
    userDetails: { Name: 'Ada Admin', Browser: 'Chrome 126' },
    errorInformation: { 'Error code': 'NET-0007' },
    ...overrides,
  };
}

/** A small text file of the given size in bytes. */
export function textBytes(size, line = 'INFO something happened\n') {
  return Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size));
}

/** A real small PNG. */
export function pngBytes(colour = [200, 40, 40]) {
  return png(16, 16, () => colour);
}

/**
 * POST /api/v1/support-logs as multipart. files: [{ part, name, data, type? }];
 * report: an object (sent as JSON text) or a string as is, or undefined.
 */
export async function postReport(token, reportDoc, files = [], { headers = {}, reportAsFile = false } = {}) {
  const form = new FormData();
  if (reportDoc !== undefined) {
    const text = typeof reportDoc === 'string' ? reportDoc : JSON.stringify(reportDoc);
    if (reportAsFile) form.append('report', new Blob([text], { type: 'application/json' }), 'report.json');
    else form.append('report', text);
  }
  for (const f of files) form.append(f.part, new Blob([f.data], { type: f.type ?? 'application/octet-stream' }), f.name);
  const res = await fetch(new URL('/api/v1/support-logs', baseURL), {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: form,
  });
  return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) };
}

/** The usual files of a report: its log text and one screenshot. */
export function usualFiles() {
  return [
    { part: 'log', name: 'app.log', data: textBytes(300), type: 'text/plain' },
    { part: 'attachment1', name: 'screen.png', data: pngBytes(), type: 'image/png' },
  ];
}

/**
 * A partner with a customer account that has a support contact, a
 * registered Account Admin (who reports from the apps too), and both signed in.
 */
export async function supportWorld(label = 'Support') {
  const partner = await newPartner(label);
  const account = await newCustomer(partner.id, `${label} customer`);
  const contact = email('contact');
  await sql(`INSERT INTO account_support_contacts (account_id, position, email) VALUES (${lit(account.id)}, 0, ${lit(contact)})`);
  const admin = await newUser(account.id, { role: 'account_admin' });
  const sP = await signIn(partner.email);
  const sA = await signIn(admin.email);
  return { partner, account, contact, admin, sP, sA };
}

/** A report posted by user (a registered user of a customer account); resolves with the log id. */
export async function reportedLog(user, overrides = {}, files = usualFiles()) {
  const res = await postReport(await appToken(user.email), report(overrides), files);
  assert.equal(res.status, 201, `report: ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

/** What a refused report must leave as it was. */
export async function supportCounts() {
  const [row] = await sql(`SELECT (SELECT COUNT(*) FROM support_logs), (SELECT COUNT(*) FROM support_log_files),
    (SELECT COUNT(*) FROM support_log_file_parts), (SELECT COUNT(*) FROM support_log_tabs),
    (SELECT COUNT(*) FROM mail_outbox), (SELECT COUNT(*) FROM events)`);
  return row.map(Number);
}

/** A GET of a binary response with a session's cookies. */
export async function download(session, path) {
  const res = await fetch(new URL(path, baseURL), { headers: { cookie: session.cookieHeader() }, redirect: 'manual' });
  return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
}

/** The entries of a zip file: [{ name, data }] (stored or deflated). */
export function zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a zip file (end of central directory found)');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + compressed);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? raw : null;
    if (data) assert.equal(data.length, size, `${name}: its size`);
    entries.push({ name, data });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Ask the stack's app-sim peer for reports (tests/fixtures/app-sim.js serve). */
export async function appSim(body) {
  const port = readFileSync(`${stackDir}/run/app-sim.port`, 'utf8').trim();
  const res = await fetch(`http://127.0.0.1:${port}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const out = await res.json();
  assert.equal(res.status, 200, `app-sim: ${JSON.stringify(out)}`);
  return out.results;
}

/**
 * The count-th mail to address whose subject matches (the sink's file names
 * do not sort in the order mail came once there were ten connections, so
 * mail is told apart by what it says, not by its place).
 */
export function mailAbout(address, subject, count = 1) {
  return eventually(`mail #${count} to ${address} matching ${subject}`,
    () => mailsTo(address).filter((m) => subject.test(m.subject))[count - 1]);
}

export const NEW_LOG = /new support log/;
export const REMINDER = /^Reminder/;
export const STATUS = /changed status/;
