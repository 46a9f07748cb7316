import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestCertificateAuthority } from '../../simulator/index.js'
import { ROOT, runAction } from '../../scripts/lib/action-runner.js'
import { startJira, type JiraFixture } from '../../scripts/lib/jira-fixture.js'

// What `node dist/index.js` evaluates decides every run's start-up (the cold-start benchmark).
// The bundle leaves these built-ins to the runs that use them: node:tls and node:https to an https
// Jira (scripts/bundle/lazy-https.mjs), Node's web streams to nobody (no-streams-polyfill.mjs),
// child_process to nobody (lazy-actions-core.mjs). A dependency or bundler change that loads one
// again at start fails here, with the run still correct.
const OFF_THE_START_PATH = ['tls', 'https', 'internal/webstreams/readablestream', 'child_process']

const dir = mkdtempSync(join(tmpdir(), 'start-up-path-'))
const preload = join(dir, 'record-built-ins.cjs')
writeFileSync(
  preload,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.BUILT_INS_LOG, JSON.stringify(process.moduleLoadList)))\n`,
)

/** Runs whoami with the preload; returns the built-in modules the process loaded (NativeModule entries). */
async function builtInsOfWhoami(jira: JiraFixture, env: Record<string, string> = {}): Promise<string[]> {
  const log = join(mkdtempSync(join(dir, 'run-')), 'built-ins.json')
  const run = await runAction(
    { ...jira.inputs, command: 'whoami' },
    { nodeArgs: ['--require', preload, join(ROOT, 'dist', 'index.js')], env: { ...env, BUILT_INS_LOG: log } },
  )
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('200')
  const loaded = JSON.parse(readFileSync(log, 'utf8')) as string[]
  return loaded.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice('NativeModule '.length))
}

describe('the start-up path of the bundled action', () => {
  let http: JiraFixture
  let https: JiraFixture
  let caCertPath: string
  beforeAll(async () => {
    const ca = createTestCertificateAuthority(mkdtempSync(join(dir, 'ca-')))
    caCertPath = ca.caCertPath
    http = await startJira()
    https = await startJira({ tls: { key: ca.key, cert: ca.cert } })
  })
  afterAll(async () => {
    await http.sim.close()
    await https.sim.close()
  })

  test('a whoami against an http Jira loads none of the built-ins left to other runs', async () => {
    const loaded = await builtInsOfWhoami(http)
    expect(loaded).toContain('http')
    expect(OFF_THE_START_PATH.filter((name) => loaded.includes(name))).toEqual([])
  })

  test('an https Jira loads node:https and node:tls when it is called, and the call works', async () => {
    // Also what proves the check above can fail: the recorder sees these modules when they load.
    const loaded = await builtInsOfWhoami(https, { NODE_EXTRA_CA_CERTS: caCertPath })
    expect(loaded).toEqual(expect.arrayContaining(['https', 'tls']))
  })
})
