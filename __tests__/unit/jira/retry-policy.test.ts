import { describe, expect, test } from '@jest/globals'
import { backoffDelayMs, isRetryable, parseRetryAfter } from '../../../src/jira/retry-policy.js'

describe('retry policy', () => {
  test.each([
    [429, false, true],
    [503, false, true],
    [502, false, false],
    [504, false, false],
    [502, true, true],
    [504, true, true],
    [500, true, false],
    [404, true, false],
    [400, true, false],
  ])('status %i (idempotent %s) -> retry %s', (status, idempotent, expected) => {
    expect(isRetryable({ kind: 'status', status }, idempotent)).toBe(expected)
  })

  test('network errors: connect-phase always, response-phase only when idempotent, never TLS or DNS', () => {
    expect(isRetryable({ kind: 'network', phase: 'connect', code: 'ECONNREFUSED' }, false)).toBe(true)
    expect(isRetryable({ kind: 'network', phase: 'response', code: 'ECONNRESET' }, false)).toBe(false)
    expect(isRetryable({ kind: 'network', phase: 'response', code: 'ECONNRESET' }, true)).toBe(true)
    expect(isRetryable({ kind: 'network', phase: 'response', code: 'ETIMEDOUT' }, false)).toBe(false)
    expect(isRetryable({ kind: 'network', phase: 'response', code: 'ETIMEDOUT' }, true)).toBe(true)
    expect(isRetryable({ kind: 'network', phase: 'connect', code: 'ENOTFOUND' }, true)).toBe(false)
    expect(isRetryable({ kind: 'network', phase: 'response', code: 'SELF_SIGNED_CERT_IN_CHAIN' }, true)).toBe(false)
  })

  test('Retry-After as seconds or HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000)
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    expect(parseRetryAfter(undefined, 0)).toBeUndefined()
  })

  test('backoff grows, is capped and jittered; Retry-After is a floor', () => {
    const low = () => 0
    const high = () => 1
    expect(backoffDelayMs(0, undefined, low)).toBe(250)
    expect(backoffDelayMs(0, undefined, high)).toBe(500)
    expect(backoffDelayMs(3, undefined, high)).toBe(4000)
    expect(backoffDelayMs(20, undefined, high)).toBe(30000)
    expect(backoffDelayMs(0, 5000, low)).toBe(5000)
    expect(backoffDelayMs(0, 5000, high)).toBeLessThanOrEqual(5250)
  })
})
