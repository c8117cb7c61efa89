// Helpers for the e2e tests. scripts/check starts a throwaway stack
// (scripts/stack up) and passes it to the tests in SB_* environment variables.

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import mariadb from 'mariadb';
import { chromium } from 'playwright-core';

function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the e2e tests with \`make check\` (scripts/check), which starts a stack for them`);
  }
  return value;
}

export const baseURL = env('SB_BASE_URL');
export const config = env('SB_CONFIG');
export const stackDir = env('SB_STACK_DIR');
export const dbSocket = env('SB_DB_SOCKET');
export const repo = env('SB_REPO');
export const consoleBin = `${repo}/bin/console`;

// Run a program; resolve with its stdout, reject with its stderr.
function run(file, args, { input, env: extraEnv } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: { ...process.env, ...extraEnv },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${file} ${args.join(' ')}: ${signal ?? `exit status ${code}`}\n${stderr}`));
    });
    // A program that exits without reading its input (mariadb -e) closes the
    // pipe: EPIPE here is no failure, the exit status says what happened.
    child.stdin.on('error', (err) => { if (err.code !== 'EPIPE') reject(err); });
    child.stdin.end(input ?? '');
  });
}

/**
 * Run SQL in the stack's database as the application's user: one statement,
 * or several separated by semicolons, on a session of its own (as the
 * mariadb client would, without a process a query: the suites run thousands).
 * Resolves with the rows of every result set in turn: an array of arrays of
 * strings (null for NULL), each value as the server sent it.
 */
export async function sql(query) {
  const conn = await mariadb.createConnection({
    socketPath: dbSocket, user: 'switchboard', password: dbPassword(), database: 'switchboard', charset: 'utf8mb4',
    multipleStatements: true, rowsAsArray: true, typeCast: (column) => column.string(),
  });
  try {
    const result = await conn.query(query);
    // one result set (rows with their meta), one write (no rows), or a list of both kinds
    if (!Array.isArray(result)) return [];
    if (result.meta) return [...result];
    return result.filter((r) => Array.isArray(r) && r.meta).flatMap((rows) => [...rows]);
  } finally {
    await conn.end();
  }
}

let passwordOfDb;
function dbPassword() {
  passwordOfDb ??= readFileSync(`${stackDir}/db-password`, 'utf8').trim();
  return passwordOfDb;
}

/** Create a partner account with its first administrator; resolves with the account id. */
export async function createPartner(name, email, password) {
  const out = await run(
    consoleBin,
    ['-c', config, 'create-partner', '--name', name, '--email', email, '--password-stdin'],
    { input: `${password}\n` },
  );
  return out.trim();
}

/**
 * The console's route table, as `console routes` prints it: one object per
 * row with method, pattern, screen, feature, verb, flags, load, confirm and
 * inputs ([{ name, type, required, list, max }]).
 */
let routeRows;
export function routes() {
  routeRows ??= JSON.parse(execFileSync(consoleBin, ['-c', config, 'routes'], { encoding: 'utf8' }));
  return routeRows;
}

/** Headless Debian chromium. Close it when done (test.after). */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    // playwright gives the browser a fresh temporary profile of its own.
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...options,
  });
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
function decodeEntities(text) {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (all, name) => entities[name]);
}

/** The value of the hidden _csrf input in a page, or throws. */
export function csrfFrom(html) {
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (!/\bname\s*=\s*["']_csrf["']/i.test(input)) continue;
    const value = /\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(input);
    if (value) return decodeEntities(value[1] ?? value[2]);
  }
  throw new Error('no _csrf input in the page');
}

/**
 * An HTTP client with a cookie jar, for tests that do not need a browser.
 * Redirects are not followed: a response carries its status and Location.
 */
export class Client {
  constructor(base = baseURL) {
    this.base = base;
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  // One host, so Domain and Path are ignored; a cookie set to expire is dropped.
  storeCookies(headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key, val = ''] = a.split('=').map((s) => s.trim());
        if (/^max-age$/i.test(key)) return Number(val) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * body: a plain object (sent as application/x-www-form-urlencoded), a
   * URLSearchParams, a FormData (multipart, for uploads) or a string.
   * Resolves with { status, headers, text, location }.
   */
  async request(method, path, { body, headers = {} } = {}) {
    if (body && Object.getPrototypeOf(body) === Object.prototype) {
      body = new URLSearchParams(body);
    }
    const cookie = this.cookieHeader();
    const res = await fetch(new URL(path, this.base), {
      method,
      body,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
    this.storeCookies(res.headers);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
  }

  get(path, options) {
    return this.request('GET', path, options);
  }

  post(path, form, options = {}) {
    return this.request('POST', path, { ...options, body: form });
  }

  /** Sign in through the login form; resolves with the POST's response. */
  async login(email, password) {
    const page = await this.get('/login');
    return this.post('/login', { email, password, _csrf: csrfFrom(page.text) });
  }
}
