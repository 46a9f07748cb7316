import { describe, expect, test } from '@jest/globals'
import { ConfigError } from '../../../src/core/errors.js'
import { normalizeBaseUrl, resolveRequestUrl } from '../../../src/jira/request-url.js'

describe('normalizeBaseUrl', () => {
  test.each([
    ['https://jira.example.com/', 'https://jira.example.com'],
    ['https://JIRA.example.com:443/jira//', 'https://jira.example.com/jira'],
    ['  http://127.0.0.1:8080/jira  ', 'http://127.0.0.1:8080/jira'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeBaseUrl(raw, 'base-url')).toBe(expected)
  })

  test.each([
    ['jira.example.com', /is not a URL/],
    ['ftp://jira.example.com', /must be an http\(s\) URL/],
    ['https://user:pw@jira.example.com', /must not contain a user name or password/],
    ['https://jira.example.com/jira?x=1', /must not have a query/],
    ['https://jira.example.com/jira/rest/api/2/myself', /Use https:\/\/jira\.example\.com\/jira as base-url/],
    ['https://jira.example.com/browse/ABC-1', /Use https:\/\/jira\.example\.com as base-url/],
  ])('%s is refused', (raw, message) => {
    const error = (() => {
      try {
        normalizeBaseUrl(raw, 'base-url')
      } catch (e) {
        return e as ConfigError
      }
    })()
    expect(error).toBeInstanceOf(ConfigError)
    expect(error!.describe()).toMatch(message)
  })
})

test('a password with a blank in it is refused as credentials, never quoted', () => {
  const error = (() => {
    try {
      normalizeBaseUrl('https://ci:s3cret pass@jira.example.com', 'base-url')
    } catch (e) {
      return e as ConfigError
    }
  })()
  expect(error!.describe()).toMatch(/must not contain a user name or password/)
  expect(error!.describe()).not.toContain('s3cret')
})

describe('resolveRequestUrl', () => {
  const base = 'https://jira.example.com/jira'
  test('joins, keeps an encoded query, appends raw query parameters encoded once', () => {
    expect(resolveRequestUrl(base, 'rest/api/2/myself')).toBe('https://jira.example.com/jira/rest/api/2/myself')
    expect(resolveRequestUrl(base, '/rest/api/2/search?jql=a%20b', [['fields', "summary,status (x)!*'"]])).toBe(
      'https://jira.example.com/jira/rest/api/2/search?jql=a%20b&fields=summary%2Cstatus%20%28x%29%21%2A%27',
    )
    expect(resolveRequestUrl(base, `${base}/rest/api/2/myself`)).toBe(`${base}/rest/api/2/myself`)
  })

  test.each([
    ['https://other.example.com/rest'],
    ['//other.example.com/x'],
    ['/../rest/api/2/myself'],
    ['/%2e%2e/secure'],
  ])('%s is outside base-url', (path) => {
    expect(() => resolveRequestUrl(base, path)).toThrow(ConfigError)
  })
})
