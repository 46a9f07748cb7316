// Baseline for the cold-start benchmark: a bare Node process making the same signed call as
// `node dist/index.js` with command=whoami, with nothing but oauth-sign and node:http (node:https
// for an https URL). Built-ins are loaded with require, as the bundle loads them: an ESM `import`
// of node:http costs Node 24 about 30 ms that the bundle never pays, and would flatter the ratio.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { randomBytes } = require('node:crypto')
const { readFileSync } = require('node:fs')
const { rsasign, rfc3986 } = require('oauth-sign')
const { BASE_URL, CONSUMER_KEY, KEY_FILE, ACCESS_TOKEN } = process.env
const url = `${BASE_URL}/rest/api/2/myself`
// node:https (and node:tls) only for an https Jira, as the bundle does.
const { request } = require(url.startsWith('https:') ? 'node:https' : 'node:http')
const params = {
  oauth_consumer_key: CONSUMER_KEY,
  oauth_nonce: randomBytes(16).toString('hex'),
  oauth_signature_method: 'RSA-SHA1',
  oauth_timestamp: String(Math.floor(Date.now() / 1000)),
  oauth_token: ACCESS_TOKEN,
  oauth_version: '1.0',
}
params.oauth_signature = rsasign('GET', url, params, readFileSync(KEY_FILE, 'utf8'))
const authorization = `OAuth ${Object.entries(params)
  .map(([k, v]) => `${k}="${rfc3986(v)}"`)
  .join(', ')}`
request(url, { headers: { authorization, accept: 'application/json' } }, (res) => {
  let body = ''
  res.on('data', (chunk) => (body += chunk))
  res.on('end', () => {
    if (res.statusCode !== 200) {
      console.error(res.statusCode, body)
      process.exit(1)
    }
  })
}).end()
