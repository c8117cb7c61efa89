// Claiming a CloudLink Gateway (guide §3.1.1; ch3 §2.1): the administrator
// types the code the gateway shows; the gateway redeems it once, within 15
// minutes, for its own credential, which reaches only its own account. Two
// syncd processes on one database sync each due link once.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Client, config, repo, sql, stackDir } from './lib/stack.js';
import { eventually } from './lib/mail.js';
import { lit, newCustomer, newPartner, paced, scalar, uid } from './lib/fixtures.js';
import { claimGateway, gateway, gw, newGateway, newPbx, onboard, settled, sim, status } from './lib/pbx.js';

const claim = (code, extra = {}) => paced(() => new Client().request('POST', '/api/v1/gateways/claim', {
  body: JSON.stringify({ code, serial: 'TEST', kind: 'virtual', ...extra }), headers: { 'content-type': 'application/json' },
}));
const bearer = (token, path, method = 'GET', body) => new Client().request(method, path, {
  body: body ? JSON.stringify(body) : undefined,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
});
const randomCode = () => uid().toUpperCase().slice(0, 4) + '-' + uid().toUpperCase().slice(0, 4);

describe('gateway claim', () => {
  test('the typed code binds the gateway once; its hash alone is kept', async () => {
    const p = await newPartner('Claim');
    const a = await newCustomer(p.id);
    const code = randomCode();
    assert.equal((await claim(code)).status, 404, 'nobody entered it yet');
    await gateway('claim', a.id, ['--code', code.toLowerCase()]);
    const canonical = code.replace('-', '');
    assert.equal(await scalar(`SELECT code_hash FROM gateway_claims WHERE account_id = ${lit(a.id)}`),
      createHash('sha256').update(canonical).digest('hex'));
    const res = await claim(code);
    assert.equal(res.status, 200, res.text);
    const doc = JSON.parse(res.text);
    assert.equal(doc.accountId, a.id);
    assert.match(doc.token, /^[0-9a-f]{64}$/);
    assert.equal((await claim(code)).status, 410, 'single use');
    assert.equal(await scalar(`SELECT COUNT(*) FROM machine_credentials WHERE kind = 'gateway' AND account_id = ${lit(a.id)}
      AND token_hash = ${lit(createHash('sha256').update(doc.token).digest('hex'))}`), '1');
    assert.equal(await scalar(`SELECT relay_key_sealed LIKE 'v1:%' FROM gateways WHERE account_id = ${lit(a.id)}`), '1');
    await assert.rejects(gateway('claim', a.id, ['--code', randomCode()]), /claimed/, 'one gateway per account');
  });

  test('a code expires after 15 minutes; a wrong or malformed code finds nothing', async () => {
    const p = await newPartner('Claim expiry');
    const a = await newCustomer(p.id);
    const code = randomCode();
    await gateway('claim', a.id, ['--code', code]);
    await sql(`UPDATE gateway_claims SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE account_id = ${lit(a.id)}`);
    assert.equal((await claim(code)).status, 410);
    assert.equal((await claim(randomCode())).status, 404);
    assert.equal((await claim('no')).status, 404);
    assert.equal((await new Client().request('POST', '/api/v1/gateways/claim', { body: '{"code": 5}',
      headers: { 'content-type': 'application/json' } })).status, 422);
    assert.equal(await scalar(`SELECT COUNT(*) FROM gateways WHERE account_id = ${lit(a.id)}`), '0');
    await assert.rejects(gateway('claim', a.id, ['--code', 'x!']), /invalid/);
  });

  test('a code pending for one account cannot be entered for another', async () => {
    const p1 = await newPartner('Claim one');
    const p2 = await newPartner('Claim two');
    const a = await newCustomer(p1.id);
    const b = await newCustomer(p2.id);
    const code = randomCode();
    await gateway('claim', a.id, ['--code', code]);
    await assert.rejects(gateway('claim', b.id, ['--code', code]), /taken/);
    const doc = JSON.parse((await claim(code)).text);
    assert.equal(doc.accountId, a.id, 'the first claim stands');
  });

  test('the simulated gateway shows its code, is claimed through it, and its credential reaches only its own account', async () => {
    const p = await newPartner('Claim sim');
    const a = await newCustomer(p.id);
    const b = await newCustomer(p.id);
    const ga = await claimGateway(a.id);
    const gb = await claimGateway(b.id, { platform: 'smbc', kind: 'virtual' });
    assert.equal(ga.accountId, a.id);
    const page = await fetch(new URL(`/gw/${(await newGateway()).id}/`, (await gw('GET', '/sim/gateways')).length
      ? readFileSync(config, 'utf8').match(/^Gateway\.SimURL = (\S+)/m)[1] : '')).then((r) => r.text());
    assert.match(page, /Enter this claim code in <strong>Add Gateway<\/strong>/);
    const { token } = JSON.parse(readFileSync(`${stackDir}/peers/gateway-sim.json`, 'utf8')).find((g) => g.id === ga.id).claim;
    const me = JSON.parse((await bearer(token, '/api/v1/credential')).text);
    assert.equal(me.kind, 'gateway');
    assert.equal(me.accountId, a.id);
    const cfg = JSON.parse((await bearer(token, '/api/v1/gateways/self/config')).text);
    assert.equal(cfg.accountId, a.id);
    assert.notEqual(cfg.gatewayId, gb.gatewayId);
    // An SMBC blade goes on to Sync PBX, a standalone gateway to Add PBX.
    await gateway('site', b.id, ['--site-name', 'Blade', '--city', 'Ottawa', '--country', 'CA', '--province', 'ON', '--postal-code', 'K1A']);
    assert.equal((await status(b.id)).step, 'sync_pbx');
    const other = (await sql(`SELECT id FROM machine_credentials WHERE kind = 'gateway' AND account_id = ${lit(b.id)}`))[0][0];
    assert.ok(other, 'b has its own credential');
    assert.equal((await bearer(token, '/api/v1/gateways/claim', 'POST', { code: 'ABCD-EFGH' })).status, 404);
  });

  test('commands queued by the console reach the gateway and come back answered', async () => {
    const p = await newPartner('Commands');
    const a = await newCustomer(p.id);
    const g = await claimGateway(a.id);
    const id = await gateway('command', a.id, ['--kind', 'update_now']);
    await eventually('the command is done', async () => (await scalar(`SELECT state FROM gateway_commands WHERE id = ${id}`)) === 'done');
    await eventually('the new version is reported', async () => (await status(a.id)).gateway.version === '2.5.0');
    assert.equal((await gw('GET', `/sim/gateways/${g.id}`)).version, '2.5.0');
    await gateway('command', a.id, ['--kind', 'factory_reset']);
    await eventually('the reset gateway is forgotten', async () => (await status(a.id)).step === 'no_gateway');
    await eventually('it shows a new code', async () => !!(await gw('GET', `/sim/gateways/${g.id}`)).code);
    assert.equal(await scalar(`SELECT COUNT(*) FROM machine_credentials WHERE account_id = ${lit(a.id)} AND kind = 'gateway'
      AND revoked_at IS NULL`), '0', 'its credential is revoked');
  });
});

describe('two syncd processes on one database', () => {
  test('each due link is synced once, and a link held by a dead syncd is taken over', async () => {
    // A second syncd with the stack's config, its own pid and log files.
    const cfg = `${stackDir}/syncd2.hdf`;
    writeFileSync(cfg, readFileSync(config, 'utf8')
      .replace(/^Syncd\.PidFile = .*$/m, `Syncd.PidFile = ${stackDir}/run/syncd2.pid`)
      .replace(/^Syncd\.LogFile = .*$/m, `Syncd.LogFile = ${stackDir}/log/syncd2.log`));
    const bin = process.env.SB_BIN ?? `${repo}/bin`;
    const second = spawn(`${bin}/syncd`, ['-c', cfg], { stdio: 'ignore' });
    try {
      const p = await newPartner('Two syncds');
      const links = [];
      for (let i = 0; i < 4; i++) {
        const a = await newCustomer(p.id);
        const pbx = await newPbx('mxone', 300);
        await onboard(a.id, pbx);
        links.push({ account: a.id, pbx });
      }
      // All four due at once, several times over.
      for (let round = 0; round < 3; round++) {
        const before = await Promise.all(links.map(async (l) => (await status(l.account)).link.lastAttempt));
        await new Promise((r) => setTimeout(r, 1000));
        await Promise.all(links.map((l) => gateway('sync-now', l.account)));
        await Promise.all(links.map((l, i) => settled(l.account, before[i])));
      }
      for (const l of links) {
        const logins = (await sim('GET', `/sim/pbxs/${l.pbx.name}/requests`)).filter((r) => r.path === '/v1/auth/login');
        assert.equal(logins.length, 4, `${l.pbx.name}: Connect and three Sync Now, each read once`);
        assert.equal((await status(l.account)).link.syncs, 4);
      }
      // A holder that died: its lease ran out, so the link is taken over.
      const l = links[0];
      const before = (await status(l.account)).link.lastAttempt;
      await new Promise((r) => setTimeout(r, 1000));
      await sql(`UPDATE pbx_links SET lease_owner = 'dead-host:1:00000000', lease_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND,
        due_at = UTC_TIMESTAMP() WHERE account_id = ${lit(l.account)}`);
      const link = await settled(l.account, before);
      assert.equal(link.syncs, 5);
      assert.equal(await scalar(`SELECT lease_owner IS NULL FROM pbx_links WHERE account_id = ${lit(l.account)}`), '1');
    } finally {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    }
  });
});
