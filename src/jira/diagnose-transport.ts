import type { InputLabel } from '../core/input-label.js'
import { JiraConnectionError } from './errors.js'
import { networkMayHaveActed } from './may-have-acted.js'
import type { TransportError } from './transport.js'

const TLS_UNTRUSTED =
  /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_UNTRUSTED)$/

/** Why no response came back, and what to do about it. */
export function diagnoseTransportError(
  error: TransportError,
  method: string,
  url: string,
  timeoutMs: number,
  idempotent: boolean,
  label: InputLabel,
): JiraConnectionError {
  const baseUrl = label('base-url')
  const host = new URL(url).host
  const where = `${method} ${url}`
  const code = error.code
  const unreached = diagnoseTlsPortOrDeadProxy(error, where, new URL(url), baseUrl)
  if (unreached) return unreached
  if (TLS_UNTRUSTED.test(code)) {
    return new JiraConnectionError(
      `${where} failed: Jira's TLS certificate is not trusted (${code}).`,
      'If Jira uses a private or corporate CA, save the CA certificate (PEM) on this machine (the CI runner or agent) and set the environment variable NODE_EXTRA_CA_CERTS to its path for this run. TLS verification is never turned off.',
      code,
    )
  }
  if (
    code === 'CERT_HAS_EXPIRED' ||
    code === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL')
  ) {
    return new JiraConnectionError(
      `${where} failed: TLS error ${code} (${error.message}).`,
      `Check the certificate served by ${host}: it must be valid, unexpired and issued for that host name. ${baseUrl} must use the host name on the certificate.`,
      code,
    )
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new JiraConnectionError(
      `${where} failed: the host ${host} could not be resolved (${code}).`,
      `Check ${baseUrl}. A Jira inside a private network needs a machine inside it (a self-hosted runner or agent) or a proxy that reaches it, through HTTPS_PROXY.`,
      code,
    )
  }
  if (code === 'ECONNREFUSED') {
    return new JiraConnectionError(
      `${where} failed: connection refused by ${host}.`,
      `Check the port in ${baseUrl} and that Jira (or the proxy in HTTPS_PROXY) is running and reachable from this machine.`,
      code,
    )
  }
  if (code === 'ETIMEDOUT') {
    return new JiraConnectionError(
      `${where} got no answer within ${Math.round(timeoutMs / 1000)} s.`,
      idempotent
        ? `Jira is slow or unreachable. Raise ${label('timeout')}, check the network path, or retry later.`
        : `Jira may or may not have acted on it, so it was not retried. Check the issue in Jira before re-running; raise ${label('timeout')} if Jira is slow.`,
      code,
      networkMayHaveActed(error.phase),
    )
  }
  return new JiraConnectionError(
    `${where} failed: ${error.message} (${code}).`,
    error.phase === 'connect'
      ? `The connection could not be made; check ${baseUrl}, proxies and the network.`
      : 'The connection broke before Jira answered, so Jira may or may not have acted. Retrying is safe for reads; check the issue before repeating changes.',
    code,
    networkMayHaveActed(error.phase),
  )
}

const PROXY_UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'refused the connection',
  ENOTFOUND: 'could not be resolved',
  EAI_AGAIN: 'could not be resolved (for now)',
  EHOSTUNREACH: 'is unreachable (no route to its host)',
  ENETUNREACH: 'is unreachable (no route to its network)',
}

/**
 * Two failures where Jira never got the request and the raw error misleads: `https://` to a port
 * that answers in plain HTTP (OpenSSL's "wrong version number"), and a proxy (HTTPS_PROXY,
 * HTTP_PROXY...) that cannot be reached, which Node reports as the target refusing.
 */
function diagnoseTlsPortOrDeadProxy(
  error: TransportError,
  where: string,
  url: URL,
  baseUrl: string,
): JiraConnectionError | undefined {
  if (error.code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    const plain = new URL(url.href)
    plain.protocol = 'http:'
    return new JiraConnectionError(
      `${where} failed: ${url.host} does not speak TLS on this port (it answered the TLS handshake in plain HTTP). The handshake failed, so Jira never got the request.`,
      `Use http:// for this port in ${baseUrl} (${plain.origin}...), or Jira's HTTPS port (often 443 or 8443) with https://.`,
      error.code,
    )
  }
  const proxyProblem = PROXY_UNREACHABLE[error.code]
  if (!error.proxy || error.phase !== 'connect' || proxyProblem === undefined) return undefined
  const { variable, url: proxyUrl } = error.proxy
  return new JiraConnectionError(
    `${where} failed: the proxy ${proxyUrl} (from ${variable}) ${proxyProblem} (${error.code}); Jira was not reached.`,
    `Check ${variable}: the proxy must run at that address and be reachable from here. If Jira is reachable directly, unset ${variable} or add ${url.hostname} to NO_PROXY.`,
    error.code,
  )
}

/** A redirect usually means base-url is not Jira's canonical URL (http vs https, a moved host). */
export function diagnoseRedirect(
  method: string,
  url: string,
  status: number,
  location: string,
  baseUrl: string,
  label: InputLabel,
): JiraConnectionError {
  const target = new URL(location, url)
  const requested = new URL(url)
  const suffix = requested.pathname.slice(new URL(baseUrl).pathname.replace(/\/+$/, '').length)
  const suggested = target.pathname.endsWith(suffix)
    ? `${target.origin}${target.pathname.slice(0, target.pathname.length - suffix.length)}`
    : undefined
  const loginPage = /login|sso|saml|auth/i.test(target.pathname) && !suggested
  return new JiraConnectionError(
    `${method} ${url} was redirected (${status}) to ${target.origin}${target.pathname}; redirects are not followed because the signature covers the URL.`,
    loginPage
      ? `Jira (or an SSO proxy in front of it) sent the request to a login page: the OAuth header did not reach Jira. Use a ${label('base-url')} that reaches Jira directly.`
      : suggested
        ? `Set ${label('base-url')} to ${suggested}.`
        : `Set ${label('base-url')} to the URL Jira redirects to (its canonical base URL).`,
    `HTTP_${status}`,
  )
}
