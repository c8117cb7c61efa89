// Support → Gateway (guide §2.11, §2.13; ch2 §6): the gateway's software
// version and update schedule, logs, call trace and reboot, sent through
// the gateway's command queue and carried out by gateway-sim; a clear
// message while there is no gateway or it does not report.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import { adminSession, eventsOf, fieldError, lastEventId, lit, newUser, partnerSession, scalar, signIn, visibleText } from './lib/fixtures.js';
import { gw } from './lib/pbx.js';
import { gatewayAccount, wizard } from './lib/gateway.js';

const UNREACHABLE = 'The gateway for this account is not reachable. Check the CloudLink Gateway integration in Integrations & Apps.';
const main = (html) => visibleText(html.slice(html.indexOf('<main'), html.indexOf('</main>')));
const page = (a) => `/a/${a.id}/support/gateway`;

describe('the Gateway support page', () => {
  test('says the gateway is not reachable before one is connected, and leads to the integration', async () => {
    const { partner, session } = await partnerSession('Support none');
    for (const step of ['new', 'added']) {
      const a = await gatewayAccount(session, partner.id, step);
      const res = await session.get(page(a));
      assert.equal(res.status, 200);
      assert.ok(main(res.text).includes(UNREACHABLE), step);
      assert.match(res.text, new RegExp(`<a href="${wizard(a.id)}">Open the CloudLink Gateway integration</a>`));
      assert.ok(!main(res.text).includes('Software Update'), 'nothing known to show');
      const refused = await session.send(page(a), { action: 'update_now' });
      assert.equal(refused.status, 422);
      assert.equal(await scalar(`SELECT COUNT(*) FROM gateway_commands WHERE account_id = ${lit(a.id)}`), '0');
    }
  });

  test('shows the software version, logs and call trace; every command reaches the gateway', async () => {
    const { partner, session } = await partnerSession('Support tools');
    const a = await gatewayAccount(session, partner.id, 'complete', { pbx: { type: 'mxone', users: 3 } });
    let res = await session.get(page(a));
    let text = main(res.text);
    for (const part of ['Software Update', 'Current version 2.4.1', 'Available version 2.5.0', 'Update schedule', 'Logs',
      'Call Trace', 'System Options', 'Reboot', 'Revert To Factory Default']) assert.ok(text.includes(part), part);
    assert.ok(!text.includes(UNREACHABLE));
    assert.match(text, /claimed by account/, 'the log lines the gateway reported');

    // The update schedule: a day and a time, checked.
    for (const [body, field, message] of [
      [{ day: 'someday', time: '02:00' }, 'day', 'Choose one of the options offered.'],
      [{ day: 'sun', time: '2am' }, 'time', 'Enter a time as HH:MM, from 00:00 to 23:59.'],
      [{ day: 'sun', time: '24:00' }, 'time', 'Enter a time as HH:MM, from 00:00 to 23:59.'],
      [{ day: '', time: '02:00' }, 'day', 'This field is required.'],
    ]) {
      const bad = await session.send(page(a), { action: 'schedule', from: 'support', ...body });
      assert.equal(bad.status, 422, JSON.stringify(body));
      assert.equal(fieldError(bad.text, field), message);
    }
    const before = await lastEventId();
    res = await session.send(page(a), { action: 'schedule', day: 'sun', time: '02:30', from: 'support' });
    assert.equal(res.status, 303);
    assert.equal(res.location, page(a));
    assert.match((await session.get(res.location)).text, /Sent to the gateway: it carries this out at its next check-in\./);
    await eventually('the gateway has the schedule', async () => (await gw('GET', `/sim/gateways/${a.gateway.id}`)).updateSchedule === 'sun 02:30');
    res = await session.get(page(a));
    assert.match(res.text, /<option value="sun" selected>Sunday<\/option>/);

    // Update now.
    await session.send(page(a), { action: 'update_now', from: 'support' });
    await eventually('updated to 2.5.0', async () => main((await session.get(page(a))).text).includes('Current version 2.5.0'));
    assert.ok(main((await session.get(page(a))).text).includes('Available version Up to date'));

    // Call trace: a duration, then Start and Stop; the trace is shown and downloads.
    for (const minutes of ['0', '61', 'ten']) {
      const bad = await session.send(page(a), { action: 'trace_start', minutes, from: 'advanced' });
      assert.equal(fieldError(bad.text, 'minutes'), 'Enter a duration from 1 to 60 minutes.');
    }
    res = await session.send(page(a), { action: 'trace_start', minutes: '5', from: 'advanced' });
    assert.equal(res.location, wizard(a.id, 'advanced'), 'back to where it was started');
    await eventually('the trace runs', async () => main((await session.get(page(a))).text).includes('Call trace Running'));
    assert.match(main((await session.get(page(a))).text), /SIP INVITE/);
    const trace = await session.get(`${page(a)}/download?file=trace`);
    assert.equal(trace.status, 200);
    assert.match(trace.headers.get('content-type'), /^text\/plain/);
    assert.match(trace.headers.get('content-disposition'), /gateway-call-trace\.txt/);
    assert.match(trace.text, /trace started/);
    await session.send(page(a), { action: 'trace_stop', from: 'support' });
    await eventually('the trace stops', async () => main((await session.get(page(a))).text).includes('Call trace Off'));
    const logs = await session.get(`${page(a)}/download?file=logs`);
    assert.match(logs.text, /call trace stopped/);
    assert.equal((await session.get(`${page(a)}/download?file=etc-passwd`)).status, 404);

    const events = await eventsOf(a.id, `id > ${before}`);
    assert.deepEqual(events.map((e) => e.action).sort(),
      ['gateway.call_trace_start', 'gateway.call_trace_stop', 'gateway.update_now', 'gateway.update_schedule']);
    assert.ok(events.every((e) => e.assetType === 'gateway' && e.actorUserId === partner.adminId), 'asset gateway, by who sent it');
    res = await session.get(page(a));
    assert.match(main(res.text), /Commands sent .*Call trace stopped .* Done/);
  });

  test('Reboot is confirmed by typing reboot; the gateway restarts', async () => {
    const { partner, session } = await partnerSession('Support reboot');
    const a = await gatewayAccount(session, partner.id, 'complete', { pbx: { type: 'mxone', users: 2 } });
    const confirm = await session.get(`${page(a)}/reboot`);
    assert.match(main(confirm.text), new RegExp(`Reboot the gateway\\? .* Customer name: ${a.name} IP address: 192\\.0\\.2\\.\\d+`));
    const wrong = await session.send(`${page(a)}/reboot`, { confirm: 'restart' });
    assert.equal(wrong.status, 422);
    assert.equal(fieldError(wrong.text, 'confirm'), 'Type the word exactly as shown to continue.');
    assert.equal(await scalar(`SELECT COUNT(*) FROM gateway_commands WHERE account_id = ${lit(a.id)} AND kind = 'reboot'`), '0');
    const res = await session.send(`${page(a)}/reboot`, { confirm: 'reboot' });
    assert.equal(res.status, 303);
    await eventually('the gateway rebooted', async () =>
      (await scalar(`SELECT state FROM gateway_commands WHERE account_id = ${lit(a.id)} AND kind = 'reboot'`)) === 'done');
    assert.match((await gw('GET', `/sim/gateways/${a.gateway.id}`)).logs.join('\n'), /rebooting/);
  });

  test('a gateway that stops reporting: not reachable, its last report shown, commands refused', async () => {
    const { partner, session } = await partnerSession('Support offline');
    const a = await gatewayAccount(session, partner.id, 'site');
    await gw('POST', `/sim/gateways/${a.gateway.id}/offline`, { seconds: 600 });
    await sql(`UPDATE gateways SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 10 MINUTE WHERE account_id = ${lit(a.id)}`);
    try {
      const res = await session.get(page(a));
      const text = main(res.text);
      assert.ok(text.includes(UNREACHABLE));
      assert.match(text, /What the gateway last reported, at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\./);
      assert.ok(text.includes('Current version 2.4.1'), 'its last known state');
      assert.match(res.text, /<button type="submit"[^>]*disabled>Update now<\/button>/);
      const refused = await session.send(page(a), { action: 'update_now', from: 'support' });
      assert.equal(refused.status, 422);
      assert.ok(main(refused.text).includes(UNREACHABLE));
      assert.equal((await session.send(`${page(a)}/reboot`, { confirm: 'reboot' })).status, 422);
      assert.equal(await scalar(`SELECT COUNT(*) FROM gateway_commands WHERE account_id = ${lit(a.id)}`), '0');
    } finally {
      await gw('POST', `/sim/gateways/${a.gateway.id}/online`);
    }
  });

  test('Support View opens it (Support > Gateway in the menu); without it, 404', async () => {
    const { partner } = await partnerSession('Support who');
    const { account, session } = await adminSession(partner.id, 'Support admin');
    const res = await session.get(`/a/${account.id}/support/gateway`);
    assert.equal(res.status, 200);
    assert.match(res.text, new RegExp(`<a href="/a/${account.id}/support/gateway" aria-current="page">Gateway</a>`));
    const user = await newUser(account.id);
    assert.equal((await (await signIn(user.email)).get(`/a/${account.id}/support/gateway`)).status, 404);
  });
});
