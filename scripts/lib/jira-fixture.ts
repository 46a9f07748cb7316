import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parsePrivateKey } from '../../src/core/keys/private-key.js'
import { JiraClient } from '../../src/jira/client.js'
import { startJiraSimulator, type JiraSimulator, type SimulatorOptions } from '../../simulator/index.js'
import { ROOT } from './action-runner.js'

export const KEYS = join(ROOT, '__tests__', 'fixtures', 'keys')
export const PRIVATE_KEY = readFileSync(join(KEYS, 'wiki-testcases.pem'), 'utf8')
export const PUBLIC_KEY = readFileSync(join(KEYS, 'wiki-testcases.pub.pem'), 'utf8')
/** A different key pair: signatures made with it do not verify against PUBLIC_KEY. */
export const OTHER_PRIVATE_KEY = readFileSync(join(KEYS, 'oauthlib-test.pem'), 'utf8')
export const CONSUMER_KEY = 'jira-oauth-action-tests'

export interface JiraFixture {
  readonly sim: JiraSimulator
  readonly accessToken: string
  /** Inputs that connect the action to the simulator. */
  readonly inputs: Record<'base-url' | 'consumer-key' | 'private-key' | 'access-token', string>
}

export async function startJira(options: SimulatorOptions = {}): Promise<JiraFixture> {
  const sim = await startJiraSimulator(options)
  sim.addConsumer({ key: CONSUMER_KEY, publicKeyPem: PUBLIC_KEY, name: 'Tests' })
  const { token } = sim.issueAccessToken(CONSUMER_KEY)
  return {
    sim,
    accessToken: token,
    inputs: {
      'base-url': sim.baseUrl,
      'consumer-key': CONSUMER_KEY,
      'private-key': PRIVATE_KEY,
      'access-token': token,
    },
  }
}

/** A signed client for the fixture's consumer and token: one quick attempt, no retries. */
export function fixtureClient(jira: JiraFixture): JiraClient {
  return new JiraClient({
    baseUrl: jira.sim.baseUrl,
    consumerKey: CONSUMER_KEY,
    privateKey: parsePrivateKey(PRIVATE_KEY, undefined, 'fixture key', 'fixture passphrase').key,
    accessToken: jira.accessToken,
    timeoutMs: 5000,
    retries: 0,
  })
}
