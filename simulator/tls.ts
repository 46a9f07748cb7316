import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface TestCertificateAuthority {
  /** PEM file of the throwaway CA (for NODE_EXTRA_CA_CERTS or a `ca` option). */
  caCertPath: string
  /** Server private key and certificate (PEM strings) for 127.0.0.1 and localhost. */
  key: string
  cert: string
  /** The CA certificate as a PEM string. */
  caCert: string
}

function openssl(args: string[]): void {
  // argv arrays only: no shell, no quoting problems with the subject.
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] })
}

/**
 * A throwaway CA and a server certificate signed by it, valid for IP 127.0.0.1 and DNS localhost.
 * P-256 keys keep generation fast; the files stay in `dir`.
 */
export function createTestCertificateAuthority(dir: string): TestCertificateAuthority {
  const p = (name: string): string => join(dir, name)
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.pem'),
    '-days',
    '2',
    '-sha256',
    '-subj',
    '/CN=Jira Simulator Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ])
  openssl(['req', ...ec, '-keyout', p('server.key'), '-out', p('server.csr'), '-subj', '/CN=localhost'])
  writeFileSync(
    p('server.ext'),
    [
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '',
    ].join('\n'),
  )
  openssl([
    'x509',
    '-req',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-set_serial',
    `0x${Date.now().toString(16)}`,
    '-out',
    p('server.pem'),
    '-days',
    '2',
    '-sha256',
    '-extfile',
    p('server.ext'),
  ])
  return {
    caCertPath: p('ca.pem'),
    caCert: readFileSync(p('ca.pem'), 'utf8'),
    key: readFileSync(p('server.key'), 'utf8'),
    cert: readFileSync(p('server.pem'), 'utf8'),
  }
}
