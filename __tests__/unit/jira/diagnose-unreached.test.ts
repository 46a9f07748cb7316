// Failures where Jira never got the request: a TLS handshake to a plain-HTTP port, a dead proxy.
import { describe, expect, it } from '@jest/globals'
import { diagnoseTransportError } from '../../../src/jira/diagnose-transport.js'
import { isTlsHandshakeFailure, proxyInUse, TransportError } from '../../../src/jira/transport.js'

describe('proxyInUse', () => {
  const url = new URL('https://jira.example.com/jira')
  it('names the variable proxy-from-env reads, without the credentials in the URL', () => {
    const env = { HTTPS_PROXY: 'http://me:pw@proxy.corp:3128' }
    const saved = { ...process.env }
    try {
      Object.assign(process.env, env)
      delete process.env.NO_PROXY
      delete process.env.no_proxy
      delete process.env.https_proxy
      expect(proxyInUse(url, env)).toEqual({ variable: 'HTTPS_PROXY', url: 'http://proxy.corp:3128' })
      expect(proxyInUse(new URL('http://jira.example.com'), env)).toBeUndefined()
    } finally {
      process.env = saved
    }
  })
})

describe('isTlsHandshakeFailure', () => {
  it.each([
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'CERT_HAS_EXPIRED',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
  ])('%s happens before the request is sent', (code) => {
    expect(isTlsHandshakeFailure(code)).toBe(true)
  })
  it.each(['ECONNRESET', 'EPROTO', 'ETIMEDOUT'])('%s may come after it', (code) => {
    expect(isTlsHandshakeFailure(code)).toBe(false)
  })
})

describe('diagnoseTransportError', () => {
  const url = 'https://127.0.0.1:8080/jira/rest/api/2/myself'
  it('https:// to a plain-HTTP port: the port does not speak TLS, Jira never got it', () => {
    const error = diagnoseTransportError(
      new TransportError('write EPROTO ... wrong version number', 'ERR_SSL_WRONG_VERSION_NUMBER', 'connect'),
      'POST',
      url,
      30000,
      false,
      (name) => `--${name}`,
    )
    expect(error.message).toBe(
      `POST ${url} failed: 127.0.0.1:8080 does not speak TLS on this port (it answered the TLS handshake in plain HTTP). The handshake failed, so Jira never got the request.`,
    )
    expect(error.hint).toContain('Use http:// for this port in --base-url (http://127.0.0.1:8080...)')
    expect(error.mayHaveActed).toBe(false)
  })

  it.each([
    ['ECONNREFUSED', 'refused the connection'],
    ['ENOTFOUND', 'could not be resolved'],
  ])('a proxy that fails to connect (%s) is the proxy, by its variable', (code, what) => {
    const proxy = { variable: 'HTTPS_PROXY', url: 'http://proxy.corp:3128' }
    const error = diagnoseTransportError(
      new TransportError('x', code, 'connect', proxy),
      'GET',
      url,
      30000,
      true,
      (name) => `--${name}`,
    )
    expect(error.message).toBe(
      `GET ${url} failed: the proxy http://proxy.corp:3128 (from HTTPS_PROXY) ${what} (${code}); Jira was not reached.`,
    )
    expect(error.hint).toContain('unset HTTPS_PROXY or add 127.0.0.1 to NO_PROXY')
  })

  it('without a proxy a refused connection is still Jira refusing', () => {
    const error = diagnoseTransportError(
      new TransportError('x', 'ECONNREFUSED', 'connect'),
      'GET',
      url,
      30000,
      true,
      (name) => `--${name}`,
    )
    expect(error.message).toBe(`GET ${url} failed: connection refused by 127.0.0.1:8080.`)
  })
})
