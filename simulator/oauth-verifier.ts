import { createVerify } from 'node:crypto'
import oauthSign from 'oauth-sign'
import type { SimRequest } from './http-util.js'
import type { OAuthProblem } from './oauth-problem.js'
import { firstOf, type Pair } from './oauth-params.js'
import { TIMESTAMP_WINDOW_MS, type Consumer, type SimulatorState } from './state.js'

export type TokenCheck = (token: string | undefined, consumer: Consumer) => OAuthProblem | undefined

export type VerifyResult = { ok: true; consumer: Consumer; token?: string } | { ok: false; problem: OAuthProblem }

const REQUIRED = ['oauth_consumer_key', 'oauth_signature_method', 'oauth_signature', 'oauth_timestamp', 'oauth_nonce']

const fail = (problem: string, params?: [string, string][]): VerifyResult => ({
  ok: false,
  problem: { problem, params },
})

/**
 * Verify a signed request independently of the project's signer: oauth-sign builds the base
 * string, node:crypto verifies RSA-SHA1 against the consumer's public key. The order follows
 * Jira: consumer, token (checkToken), signature method, version, timestamp, nonce, signature.
 */
export function verifySignedRequest(
  state: SimulatorState,
  req: SimRequest,
  params: readonly Pair[],
  checkToken: TokenCheck,
): VerifyResult {
  // net.oauth checkSingleParameters: a repeated oauth_* parameter is rejected, listing name=value pairs.
  const counts = new Map<string, number>()
  for (const [k] of params) if (k.startsWith('oauth_')) counts.set(k, (counts.get(k) ?? 0) + 1)
  const repeated = params.filter(([k]) => (counts.get(k) ?? 0) > 1)
  if (repeated.length > 0) {
    return fail('parameter_rejected', [
      [
        'oauth_parameters_rejected',
        repeated.map(([k, v]) => `${oauthSign.rfc3986(k)}=${oauthSign.rfc3986(v)}`).join('&'),
      ],
      ['oauth_problem_advice', 'Each oauth_* parameter must be sent once (header, query or form body, not several).'],
    ])
  }
  // net.oauth requireParameters: absent names percent-encoded and joined with '&'.
  const absent = REQUIRED.filter((name) => firstOf(params, name) === undefined)
  if (absent.length > 0) return fail('parameter_absent', [['oauth_parameters_absent', absent.join('&')]])

  // Present from here on: checked just above.
  const required = (name: (typeof REQUIRED)[number]): string => firstOf(params, name) ?? ''
  const consumer = state.consumers.get(required('oauth_consumer_key'))
  if (!consumer) return fail('consumer_key_unknown')

  const token = firstOf(params, 'oauth_token') || undefined
  const tokenProblem = checkToken(token, consumer)
  if (tokenProblem) return { ok: false, problem: tokenProblem }

  const method = required('oauth_signature_method')
  if (method !== 'RSA-SHA1') return fail('signature_method_rejected')

  const version = firstOf(params, 'oauth_version')
  if (version !== undefined && !(Number(version) <= 1.0)) {
    return fail('version_rejected', [['oauth_acceptable_versions', '1.0-1.0']])
  }

  // SimpleOAuthValidator: (now - 300000 + 500) / 1000 <= ts <= (now + 300000 + 500) / 1000.
  const now = state.now()
  const min = Math.floor((now - TIMESTAMP_WINDOW_MS + 500) / 1000)
  const max = Math.floor((now + TIMESTAMP_WINDOW_MS + 500) / 1000)
  const tsText = required('oauth_timestamp')
  const ts = /^\d+$/.test(tsText) ? Number(tsText) : NaN
  if (!(ts >= min && ts <= max)) return fail('timestamp_refused', [['oauth_acceptable_timestamps', `${min}-${max}`]])

  // The nonce is consumed before the signature is checked, as in net.oauth.
  if (!state.useNonce(consumer.key, required('oauth_nonce'))) return fail('nonce_used')

  const signature = required('oauth_signature')
  const base = signatureBaseString(state, req, params)
  let valid: boolean
  try {
    valid = createVerify('RSA-SHA1').update(base).verify(consumer.publicKey, signature, 'base64')
  } catch {
    valid = false
  }
  if (!valid) {
    return fail('signature_invalid', [
      ['oauth_signature', signature],
      ['oauth_signature_base_string', base],
      ['oauth_signature_method', method],
    ])
  }
  return { ok: true, consumer, token }
}

/** The base string as Jira computes it: its own origin (publicBaseUrl) + the raw path as received. */
export function signatureBaseString(state: SimulatorState, req: SimRequest, params: readonly Pair[]): string {
  const grouped: Record<string, string[]> = Object.create(null) as Record<string, string[]>
  for (const [k, v] of params) {
    if (k === 'oauth_signature') continue
    ;(grouped[k] ??= []).push(v)
  }
  const uri = new URL(state.publicBaseUrl).origin + req.rawPath
  return oauthSign.generateBase(req.method, uri, grouped)
}
