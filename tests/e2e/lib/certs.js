// Certificates for the Single Sign-On dialog's tests, made by openssl: any
// key, and any validity window (`openssl ca` takes start and end dates, so an
// expired one or one about to expire can be made today).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CA_CONFIG = `[ ca ]
default_ca = tmp
[ tmp ]
dir = .
database = index.txt
serial = serial
new_certs_dir = .
default_md = sha256
policy = any
unique_subject = no
[ any ]
commonName = supplied
`;

const stamp = (ms) => new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/**
 * A self-signed certificate: { cert, key } as PEM text. key: 'rsa:2048' (the
 * default), 'rsa:1024' or 'ec'; from/to: days from now (to negative: expired).
 */
export function makeCertificate({ key = 'rsa:2048', from = -1, to = 365, cn = 'Dialog test IdP' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sso-cert-'));
  try {
    writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '01\n');
    const newkey = key === 'ec' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'] : ['-newkey', key];
    const run = (args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    run(['req', '-new', ...newkey, '-nodes', '-keyout', 'key.pem', '-out', 'req.csr', '-subj', `/CN=${cn}`]);
    const day = 86400000;
    run(['ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', 'key.pem', '-in', 'req.csr', '-notext',
      '-startdate', stamp(Date.now() + from * day), '-enddate', stamp(Date.now() + to * day), '-out', 'cert.pem']);
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
