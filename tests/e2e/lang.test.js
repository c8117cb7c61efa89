// The console's languages over HTTP: which language a page is in (the
// user's choice, this browser's, the account's Default Language, the
// browser's Accept-Language, English), the footer's picker and where it
// leads back to, Default Language offering exactly the languages that
// exist, an administrator's override of one language's file, mail in the
// recipient's language and exports in the language's spreadsheet
// conventions. French and German exist for these tests (lib/lang.js).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { Client, csrfFrom, sql } from './lib/stack.js';
import { allMails, waitForMail } from './lib/mail.js';
import {
  email, eventsOf, lit, newCustomer, newPartner, newUser, scalar, signIn,
} from './lib/fixtures.js';
import { ensureLanguages, languageText, languagesOnStack, overrideDir, removeStandIns, shippedDir } from './lib/lang.js';
import { newPbx, onboard, pbxFault, syncNow } from './lib/pbx.js';
import { download, reportedLog, supportWorld, textBytes, zipEntries } from './lib/support.js';
import { configValue } from './lib/scim.js';

let standIns = [];
before(() => { standIns = ensureLanguages(); });
after(() => removeStandIns(standIns));

const htmlLang = (html) => /<html lang="([^"]*)"/.exec(html)?.[1];

/** The page's language, asked as a browser with these Accept-Language and cookies. */
async function languageOf(client, path, acceptLanguage) {
  const res = await client.get(path, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
  assert.equal(res.status, 200, `GET ${path}`);
  return htmlLang(res.text);
}

/** The footer picker's choices: [code, name]. */
function pickerOptions(html) {
  const select = /<select id="language" name="lang">([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]+)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
}

/** Chooses a language with the footer's picker, from page path. */
async function pick(client, path, code) {
  const page = await client.get(path);
  const back = /name="back" value="([^"]*)"/.exec(page.text)?.[1].replace(/&amp;/g, '&');
  return client.post('/language', { _csrf: csrfFrom(page.text), lang: code, back });
}

async function customerWithAdmin(language) {
  const partner = await newPartner('Lang');
  const account = await newCustomer(partner.id, 'Lang');
  await sql(`UPDATE accounts SET default_language = ${lit(language)} WHERE id = ${lit(account.id)}`);
  const admin = await newUser(account.id, { role: 'account_admin' });
  return { partner, account, admin };
}

describe('the language of a page', () => {
  test('signed out: the browser\'s Accept-Language that exists, else English', async () => {
    const c = new Client();
    assert.equal(await languageOf(c, '/login'), 'en');
    assert.equal(await languageOf(c, '/login', 'de-DE,de;q=0.9,en;q=0.5'), 'de');
    assert.equal(await languageOf(c, '/login', 'fr-CA, en;q=0.8'), 'fr');
    assert.equal(await languageOf(c, '/login', 'en;q=0.4, fr;q=0.6'), 'fr');
    assert.equal(await languageOf(c, '/login', 'xx-YY, zz'), 'en');
    // The page's words are the language's: the sign-in button.
    const fr = languageText('fr');
    const page = await c.get('/login', { headers: { 'accept-language': 'fr' } });
    assert.match(page.text, new RegExp(`>${fr.get('auth.login.submit')}<`));
  });

  test('signed out: the picker\'s choice is kept in a cookie and beats Accept-Language', async () => {
    const c = new Client();
    const res = await pick(c, '/forgot?from=footer', 'de');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/forgot?from=footer');
    assert.equal(c.cookies.get('sb_lang'), 'de');
    assert.equal(await languageOf(c, '/login', 'fr'), 'de');
    // A cookie naming no language that exists is no choice.
    c.cookies.set('sb_lang', 'xx');
    assert.equal(await languageOf(c, '/login', 'fr'), 'fr');
    c.cookies.set('sb_lang', '../en');
    assert.equal(await languageOf(c, '/login'), 'en');
  });

  test('signed in without a choice: the account\'s Default Language beats Accept-Language', async () => {
    const { admin } = await customerWithAdmin('de');
    const s = await signIn(admin.email);
    assert.equal(await languageOf(s, '/password', 'fr'), 'de');
    // An account whose language no longer exists: the browser's, else English.
    await sql(`UPDATE accounts SET default_language = 'it' WHERE id = ${lit(admin.accountId)}`);
    assert.equal(await languageOf(s, '/password', 'fr'), 'fr');
    assert.equal(await languageOf(s, '/password'), 'en');
  });

  test('signed in: the picker stores the user\'s language, with its event, and it follows them to any browser', async () => {
    const { admin } = await customerWithAdmin('en');
    const s = await signIn(admin.email);
    const path = `/a/${admin.accountId}/users?q=ab&sort=email&dir=desc`;
    const res = await pick(s, path, 'fr');
    assert.equal(res.status, 303);
    assert.equal(res.location, path, 'back to the page with its search, sort and filters');
    assert.equal(await scalar(`SELECT language FROM users WHERE id = ${admin.id}`), 'fr');
    const events = await eventsOf(admin.accountId, `action = 'user.update' AND asset_id = ${lit(String(admin.id))}`);
    assert.equal(events.length, 1);
    assert.match(JSON.stringify(events[0]), /"language"/);
    assert.equal(await languageOf(s, path), 'fr');
    // Another browser: the user's choice beats its cookie and its Accept-Language.
    const other = await signIn(admin.email);
    other.cookies.set('sb_lang', 'de');
    assert.equal(await languageOf(other, '/password', 'de'), 'fr');
    // Choosing the same again writes no second event.
    await pick(s, '/password', 'fr');
    assert.equal((await eventsOf(admin.accountId, `action = 'user.update' AND asset_id = ${lit(String(admin.id))}`)).length, 1);
  });

  test('the picker takes only languages that exist and leads only back into the console', async () => {
    const c = new Client();
    const page = await c.get('/login');
    const csrf = csrfFrom(page.text);
    assert.equal((await c.post('/language', { _csrf: csrf, lang: 'it', back: '/login' })).status, 422);
    assert.equal((await c.post('/language', { _csrf: csrf, lang: '../../etc/passwd', back: '/login' })).status, 422);
    assert.equal((await c.post('/language', { lang: 'fr', back: '/login' })).status, 403, 'no CSRF token');
    const away = await c.post('/language', { _csrf: csrf, lang: 'fr', back: '//evil.example.com/x' });
    assert.equal(away.status, 303);
    assert.equal(away.location, '/');
  });
});

describe('languages offered', () => {
  test('the picker and Default Language offer exactly the languages that exist, each picker entry in its own words', async () => {
    const codes = languagesOnStack();
    assert.ok(codes.includes('fr') && codes.includes('de'));
    const c = new Client();
    const page = await c.get('/login');
    const options = pickerOptions(page.text);
    assert.deepEqual(options.map(([code]) => code), codes);
    for (const [code, name] of options) {
      const own = languageText(code).get(`accounts.account_form.languages.${code}`);
      if (own) assert.equal(name, own.replace(/&/g, '&amp;'), `${code} named in its own words`);
    }
    const partner = await newPartner('Offered');
    const s = await signIn(partner.email);
    const form = await s.get('/accounts/new');
    const select = /<select[^>]*name="default_language"[^>]*>([\s\S]*?)<\/select>/.exec(form.text)?.[1] ?? '';
    const offered = [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(offered, codes);
  });

  test('an override of a language\'s file wins for that language only, and is seen without a restart', async () => {
    const file = `${overrideDir}/fr.hdf`;
    const had = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const base = had ?? readFileSync(`${shippedDir}/fr.hdf`, 'utf8');
    writeFileSync(file, `${base}\nlayout.language = Langue choisie par l'administrateur\n`);
    try {
      for (let i = 0; i < 4; i++) {
        const fr = await new Client().get('/login', { headers: { 'accept-language': 'fr' } });
        assert.match(fr.text, /Langue choisie par l&#39;administrateur|Langue choisie par l'administrateur/);
        const en = await new Client().get('/login');
        assert.doesNotMatch(en.text, /Langue choisie/);
      }
    } finally {
      if (had === null) rmSync(file);
      else writeFileSync(file, had);
    }
    for (let i = 0; i < 4; i++) {
      const fr = await new Client().get('/login', { headers: { 'accept-language': 'fr' } });
      assert.doesNotMatch(fr.text, /Langue choisie/);
    }
  });
});

describe('mail and exports in the language', () => {
  test('a welcome mail goes out in the recipient\'s language, else their account\'s', async () => {
    const { account, admin } = await customerWithAdmin('de');
    const s = await signIn(admin.email);
    const chose = await newUser(account.id, { signIn: false, mail: email('fr-reader') });
    await sql(`UPDATE users SET language = 'fr' WHERE id = ${chose.id}`);
    const plain = await newUser(account.id, { signIn: false, mail: email('de-reader') });
    for (const u of [chose, plain]) {
      const res = await s.send(`/a/${account.id}/users/${u.id}/welcome`);
      assert.equal(res.status, 303, `welcome ${u.email}`);
    }
    const fr = await waitForMail(chose.email);
    assert.equal(fr.subject, languageText('fr').get('mail.welcome.subject'));
    assert.match(fr.html, /<html lang="fr">/);
    const de = await waitForMail(plain.email);
    assert.equal(de.subject, languageText('de').get('mail.welcome.subject'));
    assert.match(de.html, /<html lang="de">/);
    assert.equal(fr.headers['content-language'], 'fr', 'Content-Language names the language the mail is in');
    assert.equal(de.headers['content-language'], 'de');
    // Every mail the outbox has sent so far says its language, the one its HTML is in.
    for (const m of allMails()) {
      assert.equal(m.headers['content-language'], /<html lang="([^"]+)"/.exec(m.html)?.[1], `${m.file} (${m.subject})`);
    }
  });

  test('the users export in German: semicolons between fields and dates day first', async () => {
    const { account, admin } = await customerWithAdmin('de');
    await newUser(account.id, { first: 'Komma', last: 'Test, Jr' });
    await sql(`UPDATE users SET updated_at = '2026-03-05 14:07:00' WHERE account_id = ${lit(account.id)}`);
    const s = await signIn(admin.email);
    const de = await s.get(`/a/${account.id}/users/export.csv`);
    assert.equal(de.status, 200);
    const lines = de.text.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines[0].split(';').length, 7, `header split on semicolons: ${lines[0]}`);
    assert.match(de.text, /05\.03\.2026 14:07/);
    assert.match(de.text, /^Komma Test, Jr;/m, 'a comma needs no quotes');
    // The same export in English: commas, the ISO date.
    await pick(s, '/password', 'en');
    const en = await s.get(`/a/${account.id}/users/export.csv`);
    assert.equal(en.text.replace(/^\uFEFF/, '').split('\r\n')[0].split(',').length, 7);
    assert.match(en.text, /2026-03-05 14:07/);
  });
});

describe('the machine front in the caller\'s language', () => {
  /** An API call's status and JSON body, asked in acceptLanguage (none when null). */
  async function call(method, path, { body, type = 'application/json', acceptLanguage } = {}) {
    const headers = { 'content-type': type };
    if (acceptLanguage) headers['accept-language'] = acceptLanguage;
    const res = await new Client().request(method, path, { body, headers });
    return { status: res.status, body: JSON.parse(res.text) };
  }

  test('an /api/v1 error\'s message follows Accept-Language; its status, code and fields do not', async () => {
    const cases = [
      ['GET', '/api/v1/credential', undefined, 401, 'unauthorized'],
      ['POST', '/api/v1/app-token', '{}', 422, 'credentials_body'],
      ['POST', '/api/v1/app-token', '{"email": ', 400, 'bad_json'],
      ['GET', '/api/v1/no-such-thing', undefined, 404, 'not_found'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const asked = {};
      for (const [header, language] of [[null, 'en'], ['fr-CA, en;q=0.5', 'fr'], ['de', 'de']]) {
        const res = await call(method, path, { body, acceptLanguage: header });
        assert.equal(res.status, status, `${path} in ${language}`);
        assert.equal(res.body.status, status);
        assert.equal(res.body.code, code, `${path}: the code is the same in every language`);
        const words = languageText(language).get(`api.errors.${code}`);
        assert.ok(res.body.error.startsWith(words), `${path} in ${language}: "${res.body.error}" starts with "${words}"`);
        asked[language] = res.body;
      }
      assert.notEqual(asked.fr.error, asked.en.error, `${path}: French words differ from English`);
      assert.notEqual(asked.de.error, asked.en.error, `${path}: German words differ from English`);
      assert.deepEqual(Object.keys(asked.fr.fields ?? {}), Object.keys(asked.en.fields ?? {}), 'the same fields');
      assert.deepEqual(Object.keys(asked.de.fields ?? {}), Object.keys(asked.en.fields ?? {}));
    }
  });

  test('a SCIM error stays RFC 7644\'s Error, its detail in the caller\'s language', async () => {
    const res = await call('GET', '/scim/v2/00000000-0000-4000-8000-000000000000/Users', { acceptLanguage: 'de' });
    assert.equal(res.status, 401);
    assert.deepEqual(res.body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    assert.equal(res.body.status, '401');
    assert.equal(res.body.detail, languageText('de').get('api.errors.unauthorized'));
    assert.equal(res.body.code, undefined, 'nothing RFC 7644 does not define');
  });
});

describe('a PBX sync\'s error in the reader\'s language', () => {
  /** The page's text with ClearSilver's entities read back. */
  const decoded = (html) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

  test('the Connect tab, the status line and the bell say why in each reader\'s language; the API keeps English', async () => {
    const { partner, account, admin } = await customerWithAdmin('de');
    await sql(`UPDATE users SET language = 'fr' WHERE id = ${admin.id}`);
    await sql(`UPDATE users SET language = 'de' WHERE id = ${partner.adminId}`);
    const pbx = await newPbx('mxone', 5);
    await onboard(account.id, pbx);
    await pbxFault(pbx, 'auth');
    const link = await syncNow(account.id);
    await pbxFault(pbx, 'none');
    assert.equal(link.failing, true);
    const english = languageText('en').get('pbx.errors.login_refused');
    assert.equal(link.lastError, english, 'the API and the CLI read English words');
    assert.equal(link.lastErrorCode, 'login_refused', 'and its code, the same in every language');

    for (const [who, code] of [[admin.email, 'fr'], [partner.email, 'de']]) {
      const words = languageText(code).get('pbx.errors.login_refused');
      const s = await signIn(who);
      const page = decoded((await s.get(`/a/${account.id}/integrations/gateway/connect`)).text);
      assert.equal(htmlLang(page), code);
      assert.ok(page.includes(`${languageText(code).get('gateway.status.pbx_failing')}: ${words}`), `${code}: the status line says why`);
      const bell = [...page.matchAll(/<span class="detail">([^<]*)<\/span>/g)].map((m) => m[1]);
      assert.deepEqual(bell, [words], `${code}: the bell's notification says why`);
      assert.ok(!page.includes(english), `${code}: no English words of the error`);
    }
  });
});

describe('a SCIM source\'s error in the reader\'s language', () => {
  const decoded = (html) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

  test('the SCIM Sources list and the source\'s page say why in each reader\'s language; last_error keeps English', async () => {
    const { partner, account, admin } = await customerWithAdmin('de');
    await sql(`UPDATE users SET language = 'fr' WHERE id = ${admin.id}`);
    await sql(`UPDATE users SET language = 'de' WHERE id = ${partner.adminId}`);
    const res = await fetch(`${configValue('ScimPeer.URL')}/sim/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 200);
    const tenant = await res.json();
    const owner = await signIn(partner.email);
    const added = await owner.send(`/a/${account.id}/integrations/scim-sources/new`, {
      name: 'Refused source', base_url: tenant.baseUrl, token: 'not-the-token', interval_minutes: '60', filter: '',
    });
    assert.equal(added.status, 303, `Add SCIM Source (${added.status})`);
    const sourceId = /scim-sources\/(\d+)$/.exec(added.location)[1];
    let row;
    for (let i = 0; i < 300 && !(row = (await sql(`SELECT last_error, last_error_key, last_error_args FROM scim_sources
      WHERE id = ${sourceId} AND last_error <> ''`))[0]); i++) await new Promise((r) => setTimeout(r, 200));
    assert.ok(row, 'the pull failed');
    const english = languageText('en').get('scim.errors.http_status').replace('{1}', '401');
    assert.deepEqual(row, [english, 'http_status', '["401"]'], 'English words for the log and the API, and the key');

    for (const [who, code] of [[admin.email, 'fr'], [partner.email, 'de']]) {
      const words = languageText(code).get('scim.errors.http_status').replace('{1}', '401');
      assert.notEqual(words, english);
      const s = await signIn(who);
      for (const path of [`/a/${account.id}/integrations/scim-sources`, `/a/${account.id}/integrations/scim-sources/${sourceId}`]) {
        const page = await s.get(path);
        assert.equal(page.status, 200, `${code} ${path}`);
        const text = decoded(page.text);
        assert.equal(htmlLang(text), code);
        assert.ok(text.includes(words), `${code} ${path}: says why in its language`);
        assert.ok(!text.includes(english), `${code} ${path}: no English words of the error`);
      }
    }
  });
});

describe('Export Logs in the reader\'s language', () => {
  test('report.zip in German: report.html in German with day-first dates, signal-strength.csv split on semicolons', async () => {
    const w = await supportWorld('Bericht');
    await sql(`UPDATE users SET language = 'de' WHERE id = ${w.partner.adminId}`);
    const id = await reportedLog(w.admin, {
      product: 'Mitel One Mobile', platform: 'android', logLevel: 'info', title: 'Anrufe brechen ab',
      signalStrength: [{ time: '12:00', strength: -1097, network: 'LTE' }],
    }, [{ part: 'log', name: 'mobile.txt', data: textBytes(200) }]);
    await sql(`UPDATE support_logs SET created_at = '2026-03-05 14:07:00' WHERE id = ${id}`);
    const s = await signIn(w.partner.email);
    const rep = await download(s, `/a/${w.account.id}/support-logs/${id}/report.zip`);
    assert.equal(rep.status, 200);
    const entries = zipEntries(rep.data);
    const html = entries.find((e) => e.name === 'report.html').data.toString('utf8');
    const de = languageText('de');
    assert.equal(htmlLang(html), 'de');
    assert.match(html, /<p>05\.03\.2026 14:07<\/p>/, 'the date day first');
    assert.ok(html.includes(de.get('support.support_log.submission')), 'headings in German');
    const csv = entries.find((e) => e.name === 'signal-strength.csv').data.toString('utf8').replace(/^\uFEFF/, '');
    assert.equal(csv.split('\r\n')[0], ['signal_time', 'signal_strength', 'signal_network']
      .map((k) => de.get(`support.support_log.${k}`)).join(';'));
    assert.match(csv, /\r\n12:00;'-1\.097;LTE\r\n$/, 'semicolons, and the number as German writes it');
  });
});
