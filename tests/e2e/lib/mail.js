// Reading the stack's mail back from its SMTP sink (tests/fixtures/smtp-sink.js),
// which stores every message as an .eml file in <stack>/mail/.

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { repo, stackDir } from './stack.js';

const mailDir = `${stackDir}/mail`;
const run = promisify(execFile);

/** Every stored message file, oldest first. */
export function mailFiles() {
  return readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort();
}

/** A stored message, parsed: headers, the envelope, decoded text and html parts. */
export function parseMail(file) {
  const raw = readFileSync(`${mailDir}/${file}`, 'latin1');
  const [head] = raw.split(/\r\n\r\n/, 1);
  const headers = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'] ?? '')?.[1];
  const parts = {};
  if (boundary) {
    for (const part of raw.split(`--${boundary}`).slice(1)) {
      const type = /Content-Type:\s*([^;\r\n]+)/i.exec(part)?.[1];
      const body = part.split(/\r\n\r\n/).slice(1).join('\r\n\r\n');
      if (type) parts[type] = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    }
  }
  const decodeWord = (v) => v.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (all, b) => Buffer.from(b, 'base64').toString('utf8'));
  return {
    file,
    connection: /-c(\d+)-m\d+\.eml$/.exec(file)?.[1],
    to: headers['x-sink-envelope-to'],
    subject: decodeWord(headers.subject ?? ''),
    headers,
    text: parts['text/plain'] ?? '',
    html: parts['text/html'] ?? '',
  };
}

// Messages are parsed once: files in the sink never change after their rename.
const parsed = new Map();

/** Every message so far, parsed, oldest first. */
export function allMails() {
  return mailFiles().map((file) => {
    if (!parsed.has(file)) parsed.set(file, parseMail(file));
    return parsed.get(file);
  });
}

/** Messages to one address so far. */
export function mailsTo(address) {
  return allMails().filter((m) => m.to === address);
}

/** Poll until a condition holds (the sink and syncd run on their own). */
export async function eventually(what, check, { timeout = 30000, interval = 100 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => { setTimeout(resolve, interval); });
  }
}

/** Wait for the count-th message (1-based) to an address; resolves with it. */
export function waitForMail(address, count = 1, options) {
  return eventually(`mail #${count} to ${address}`, () => mailsTo(address)[count - 1], options);
}

/** The sign-up or reset link in a message's text part. */
export function linkIn(mail) {
  const m = /(https?:\/\/\S+\/(?:register|reset)\?t=[0-9a-f]{64})/.exec(mail.text);
  if (!m) throw new Error(`no link in mail ${mail.file}`);
  return new URL(m[1]);
}

/** Stop or start the stack's SMTP sink. */
export async function mailSink(action) {
  await run(`${repo}/scripts/stack`, [action === 'stop' ? 'mail-down' : 'mail-up', stackDir]);
}
