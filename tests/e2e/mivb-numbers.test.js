// MiVoice Business administration (guide §3.1.2): the menu once the
// integration is on with its Customer Admin Portal; Numbers (extension
// ranges kept by the console, DIDs written to the simulated PBX and read
// back) and Locations; PBX refusals next to the field, a value changed on
// the PBX meanwhile asks for a reload, a PBX that is down changes nothing.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsOf, fieldError, lastEventId, lit, partnerSession, scalar, visibleText } from './lib/fixtures.js';
import { gatewayAccount } from './lib/gateway.js';
import { pbxFault } from './lib/pbx.js';
import { changeOnPbx, mivbAccount, pbxState } from './lib/mivb.js';

/** POSTs a form whose arrays repeat their field. */
async function sendForm(session, path, fields) {
  if (!session.csrf) await session.refreshCsrf();
  const body = new URLSearchParams({ _csrf: session.csrf });
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, String(v));
  return session.post(path, body);
}

/** The text of the page's alert paragraph (a PBX message not tied to one field), or null. */
const alertText = (html) => {
  const m = /<p class="error" role="alert"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  return m ? visibleText(m[1]).trim() : null;
};

describe('MiVoice Business: menu and settings', () => {
  test('the menu appears only once the integration has its Customer Admin Portal on; without it the screens are 404', async () => {
    const { partner, session } = await partnerSession('MiVB menu');
    const a = await gatewayAccount(session, partner.id, 'linked', { pbx: { type: 'mivb', users: 20 } });
    assert.equal((await session.get(`/a/${a.id}/mivb/numbers`)).status, 404);
    assert.doesNotMatch((await session.get(`/a/${a.id}/integrations`)).text, /\/mivb\/numbers/);
    assert.equal((await session.send(`/a/${a.id}/integrations/add`, { kind: 'mivb' })).status, 303);
    assert.equal((await session.get(`/a/${a.id}/mivb/numbers`)).status, 404, 'Customer Admin Portal still off');
    const settings = await session.get(`/a/${a.id}/integrations/mivb`);
    assert.match(visibleText(settings.text), /Customer Admin Portal/);
    assert.equal((await session.send(`/a/${a.id}/integrations/mivb`, { admin_portal: '1' })).status, 303);
    const page = await session.get(`/a/${a.id}/integrations`);
    assert.match(page.text, new RegExp(`href="/a/${a.id}/mivb/numbers"`));
    assert.match(page.text, new RegExp(`href="/a/${a.id}/mivb/locations"`));
    assert.match(visibleText(page.text), /MiVoice Business Numbers Locations/);
    assert.equal(await scalar(`SELECT JSON_VALUE(config, '$.admin_portal') FROM account_integrations
      WHERE account_id = ${lit(a.id)} AND kind = 'mivb'`), '1');
    // removed, the menu goes with it
    assert.equal((await session.send(`/a/${a.id}/integrations/remove`, { kind: 'mivb' })).status, 303);
    assert.doesNotMatch((await session.get(`/a/${a.id}/integrations`)).text, /\/mivb\/numbers/);
    assert.equal((await session.get(`/a/${a.id}/mivb/numbers`)).status, 404);
  });

  test('the Customer Admin Portal needs a MiVoice Business behind the gateway', async () => {
    const { partner, session } = await partnerSession('MiVB prerequisite');
    const a = await gatewayAccount(session, partner.id, 'linked', { pbx: { type: 'mivo400', users: 3 } });
    const res = await session.send(`/a/${a.id}/integrations/mivb`, { admin_portal: '1' });
    assert.equal(res.status, 422);
    assert.match(fieldError(res.text, 'admin_portal'), /needs the CloudLink Gateway integration with a MiVoice Business/);
  });
});

describe('MiVoice Business: Numbers', () => {
  let s, a;
  before(async () => {
    const { partner, session } = await partnerSession('MiVB numbers');
    s = session;
    a = await mivbAccount(s, partner.id, { users: 40 });
  });

  test('extension ranges: add, refuse an overlap naming the clash, edit, next available DN from the PBX, delete selected', async () => {
    const from = await lastEventId();
    let res = await s.send(`/a/${a.id}/mivb/ranges/new`, { start: '1000', end: '1099' });
    assert.equal(res.status, 303);
    res = await s.send(`/a/${a.id}/mivb/ranges/new`, { start: '1050', end: '1150' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'start'), 'This range overlaps the range 1000-1099');
    res = await s.send(`/a/${a.id}/mivb/ranges/new`, { start: '200', end: '2000' });
    assert.equal(fieldError(res.text, 'end'), 'The end must have as many digits as the start.');
    res = await s.send(`/a/${a.id}/mivb/ranges/new`, { start: '3099', end: '3000' });
    assert.equal(fieldError(res.text, 'end'), 'The end must not come before the start.');
    res = await s.send(`/a/${a.id}/mivb/ranges/new`, { start: '30a', end: '' });
    assert.equal(fieldError(res.text, 'start'), 'A directory number has 1 to 10 digits.');
    assert.equal((await s.send(`/a/${a.id}/mivb/ranges/new`, { start: '3000', end: '3009' })).status, 303);
    const page = await s.get(`/a/${a.id}/mivb/numbers`);
    // the PBX's 40 users hold 1000-1039 (pbx-sim): the first free DN is 1040
    assert.match(page.text, /data-next-dn>1040</);
    const id = await scalar(`SELECT id FROM mivb_ranges WHERE account_id = ${lit(a.id)} AND start_dn = '3000'`);
    res = await s.send(`/a/${a.id}/mivb/ranges/${id}`, { start: '1090', end: '1200' });
    assert.equal(fieldError(res.text, 'start'), 'This range overlaps the range 1000-1099');
    assert.equal((await s.send(`/a/${a.id}/mivb/ranges/${id}`, { start: '3000', end: '3049' })).status, 303);
    assert.equal(await scalar(`SELECT end_dn FROM mivb_ranges WHERE id = ${id}`), '3049');
    const confirm = await s.get(`/a/${a.id}/mivb/ranges/delete?ids=${id}`);
    assert.match(visibleText(confirm.text), /Delete selected numbers.*3000-3049/);
    assert.equal((await sendForm(s, `/a/${a.id}/mivb/ranges/delete`, { ids: [id] })).status, 303);
    assert.equal(await scalar(`SELECT COUNT(*) FROM mivb_ranges WHERE account_id = ${lit(a.id)}`), '1');
    const events = (await eventsOf(a.id, `id > ${from}`)).map((e) => e.action);
    assert.deepEqual(events, ['dn_range.create', 'dn_range.create', 'dn_range.update', 'dn_range.delete']);
    assert.equal(await scalar(`SELECT GROUP_CONCAT(DISTINCT CONCAT(event_type, '/', asset_type)) FROM events
      WHERE account_id = ${lit(a.id)} AND id > ${from}`), 'mivb/dn_range', 'Event Type MiVB, asset DN Range');
  });

  test('DIDs: the PBX\'s list with its total and search; add a number and a range; refused duplicates next to the field', async () => {
    const before = await pbxState(a.pbx);
    let page = await s.get(`/a/${a.id}/mivb/numbers`);
    assert.match(visibleText(page.text), new RegExp(`${before.dids.length} number\\(s\\) in total`));
    assert.match(visibleText(page.text), /DID NUMBER DESTINATION NUMBER TYPE/);
    let res = await s.send(`/a/${a.id}/mivb/dids/new`, { number: '+16135557000', target: '1005' });
    assert.equal(res.status, 303);
    res = await s.send(`/a/${a.id}/mivb/dids/new`, { range_start: '+16135557001', range_end: '+16135557003' });
    assert.equal(res.status, 303);
    const after = await pbxState(a.pbx);
    const added = after.dids.filter((d) => d.number.startsWith('+1613555700'));
    assert.deepEqual(added.map((d) => [d.number, d.target]),
      [['+16135557000', '1005'], ['+16135557001', null], ['+16135557002', null], ['+16135557003', null]]);
    page = await s.get(`/a/${a.id}/mivb/numbers?q=613555700`);
    assert.match(visibleText(page.text), /4 number\(s\) in total/);
    // the PBX refuses the whole range when one number exists: nothing is added
    res = await s.send(`/a/${a.id}/mivb/dids/new`, { range_start: '+16135557003', range_end: '+16135557005' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'number'), 'The DID number +16135557003 already exists.');
    assert.equal((await pbxState(a.pbx)).dids.length, after.dids.length, 'nothing half-applied');
    res = await s.send(`/a/${a.id}/mivb/dids/new`, { number: '12', target: 'abc' });
    assert.equal(fieldError(res.text, 'target'), 'A directory number has 1 to 10 digits.');
    res = await s.send(`/a/${a.id}/mivb/dids/new`, { range_start: '+16135550000', range_end: '+16135559999' });
    assert.equal(fieldError(res.text, 'range_end'), 'A range adds at most 1,000 numbers at once.');
  });

  test('DIDs: edit the destination; a value changed on the PBX meanwhile asks for a reload and is not overwritten', async () => {
    await s.send(`/a/${a.id}/mivb/dids/new`, { number: '+16135558000', target: '1001' });
    let form = await s.get(`/a/${a.id}/mivb/did?number=%2B16135558000`);
    assert.equal(form.status, 200);
    const token = /name="token" value="([^"]*)"/.exec(form.text)[1];
    const from = await lastEventId();
    let res = await s.send(`/a/${a.id}/mivb/did`, { number: '+16135558000', target: '1002', token });
    assert.equal(res.status, 303);
    let did = (await pbxState(a.pbx)).dids.find((d) => d.number === '+16135558000');
    assert.equal(did.target, '1002');
    const [ev] = await eventsOf(a.id, `id > ${from}`);
    assert.equal(ev.action, 'did.update');
    // the form read at token r2; the PBX's administrator changes it to 1003
    form = await s.get(`/a/${a.id}/mivb/did?number=%2B16135558000`);
    const stale = /name="token" value="([^"]*)"/.exec(form.text)[1];
    await changeOnPbx(a.pbx, '+16135558000', '1003');
    res = await s.send(`/a/${a.id}/mivb/did`, { number: '+16135558000', target: '1004', token: stale });
    assert.equal(res.status, 422);
    assert.match(alertText(res.text), /changed on the MiVoice Business after you opened it\. Reload/);
    did = (await pbxState(a.pbx)).dids.find((d) => d.number === '+16135558000');
    assert.equal(did.target, '1003', 'not overwritten');
  });

  test('DIDs: delete selected, all or none', async () => {
    await s.send(`/a/${a.id}/mivb/dids/new`, { range_start: '+16135559000', range_end: '+16135559002' });
    const confirm = await s.get(`/a/${a.id}/mivb/dids/delete?numbers=%2B16135559000&numbers=%2B16135559001`);
    assert.match(visibleText(confirm.text), /Delete selected number\(s\).*\+16135559000.*\+16135559001/);
    let res = await sendForm(s, `/a/${a.id}/mivb/dids/delete`, { numbers: ['+16135559002', '+16135559999'] });
    assert.equal(res.status, 422, 'one of them is not on the PBX');
    assert.ok((await pbxState(a.pbx)).dids.some((d) => d.number === '+16135559002'), 'none deleted');
    res = await sendForm(s, `/a/${a.id}/mivb/dids/delete`, { numbers: ['+16135559000', '+16135559001'] });
    assert.equal(res.status, 303);
    const left = (await pbxState(a.pbx)).dids.filter((d) => d.number.startsWith('+1613555900')).map((d) => d.number);
    assert.deepEqual(left, ['+16135559002']);
  });

  test('a PBX that is down: the page says so, and a save changes nothing', async () => {
    await pbxFault(a.pbx, 'down');
    try {
      const page = await s.get(`/a/${a.id}/mivb/numbers`);
      assert.equal(page.status, 200);
      assert.match(visibleText(page.text), /could not be reached/);
      const n = (await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(a.id)}`));
      const res = await s.send(`/a/${a.id}/mivb/dids/new`, { number: '+16135556000' });
      assert.equal(res.status, 422);
      assert.match(alertText(res.text), /The MiVoice Business could not be reached; nothing was changed/);
      assert.equal(await scalar(`SELECT COUNT(*) FROM events WHERE account_id = ${lit(a.id)}`), n, 'no event');
    } finally {
      await pbxFault(a.pbx, 'none');
    }
    assert.ok(!(await pbxState(a.pbx)).dids.some((d) => d.number === '+16135556000'));
  });
});

describe('MiVoice Business: Locations', () => {
  test('add several at once, delete selected; a referenced location stays with the PBX\'s message', async () => {
    const { partner, session: s } = await partnerSession('MiVB locations');
    const a = await mivbAccount(s, partner.id, { users: 30 });
    let page = await s.get(`/a/${a.id}/mivb/locations`);
    assert.match(visibleText(page.text), /Head Office/);
    let res = await s.send(`/a/${a.id}/mivb/locations/new`, { names: 'Lab\nAnnex\n' });
    assert.equal(res.status, 303);
    let state = await pbxState(a.pbx);
    assert.deepEqual(state.locations.slice(-2).map((l) => l.name), ['Lab', 'Annex']);
    res = await s.send(`/a/${a.id}/mivb/locations/new`, { names: 'Depot\nlab' });
    assert.equal(res.status, 422);
    assert.equal(fieldError(res.text, 'names'), 'The location lab already exists.');
    assert.ok(!(await pbxState(a.pbx)).locations.some((l) => l.name === 'Depot'), 'nothing half-applied');
    res = await s.send(`/a/${a.id}/mivb/locations/new`, { names: 'x'.repeat(33) });
    assert.equal(fieldError(res.text, 'names'), 'A location name has at most 32 characters.');
    const head = state.locations.find((l) => l.name === 'Head Office');
    const lab = state.locations.find((l) => l.name === 'Lab');
    const confirm = await s.get(`/a/${a.id}/mivb/locations/delete?ids=${lab.id}&ids=${head.id}`);
    assert.match(visibleText(confirm.text), /Delete Locations.*Lab.*Head Office|Delete Locations.*Head Office.*Lab/);
    res = await sendForm(s, `/a/${a.id}/mivb/locations/delete`, { ids: [lab.id, head.id] });
    assert.equal(res.status, 422);
    assert.match(visibleText(res.text),
      /The location name specified is being referenced\. Delete all references before attempting to delete this location\./);
    state = await pbxState(a.pbx);
    assert.ok(state.locations.some((l) => l.name === 'Lab'), 'all or none');
    res = await sendForm(s, `/a/${a.id}/mivb/locations/delete`, { ids: [lab.id] });
    assert.equal(res.status, 303);
    assert.ok(!(await pbxState(a.pbx)).locations.some((l) => l.name === 'Lab'));
  });
});
