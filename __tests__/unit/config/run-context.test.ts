import { describe, expect, test } from '@jest/globals'
import { runContextFromEnv } from '../../../src/config/run-context.js'
import { buildTemplateValues, runUrlOf } from '../../../src/core/run/run-context.js'
import { runRemoteLink } from '../../../src/commands/issues/link-step.js'
import { ciApplication } from '../../../src/core/run/ci-application.js'

describe('runContextFromEnv', () => {
  test('GitHub Actions: the run URL without the attempt, the pull request from the payload', () => {
    const ctx = runContextFromEnv(
      {
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '9',
        GITHUB_RUN_ATTEMPT: '3',
      },
      { pull_request: { number: 12 } },
    )
    expect(runUrlOf(ctx)).toBe('https://github.com/o/r/actions/runs/9')
    expect(buildTemplateValues(ctx, 'A-1')['pull-request-url']).toBe('https://github.com/o/r/pull/12')
  })

  test('GitLab CI: the pipeline is the run', () => {
    const ctx = runContextFromEnv({
      GITLAB_CI: 'true',
      CI_PIPELINE_ID: '551',
      CI_PIPELINE_URL: 'https://gitlab.example.com/g/p/-/pipelines/551',
      CI_JOB_NAME: 'deploy',
      CI_COMMIT_SHA: 'abcdef0123',
      CI_PROJECT_PATH: 'g/p',
    })
    expect(ctx.runId).toBe('gitlab:551')
    expect(runUrlOf(ctx)).toBe('https://gitlab.example.com/g/p/-/pipelines/551')
    expect(buildTemplateValues(ctx, 'A-1')).toMatchObject({
      'run-url': 'https://gitlab.example.com/g/p/-/pipelines/551',
      'short-sha': 'abcdef0',
      job: 'deploy',
    })
  })

  test('Jenkins: the build is the run', () => {
    const ctx = runContextFromEnv({
      JENKINS_URL: 'https://ci.example.com/',
      BUILD_TAG: 'jenkins-app-42',
      BUILD_URL: 'https://ci.example.com/job/app/42/',
      BUILD_NUMBER: '42',
      JOB_NAME: 'app',
    })
    expect(ctx.runId).toBe('jenkins:jenkins-app-42')
    expect(runUrlOf(ctx)).toBe('https://ci.example.com/job/app/42/')
  })

  test('nowhere known: no run id and no run URL', () => {
    const ctx = runContextFromEnv({})
    expect(ctx.runId).toBeUndefined()
    expect(runUrlOf(ctx)).toBeUndefined()
  })
})

describe('the CI system of the run', () => {
  test.each([
    [{ GITHUB_RUN_ID: '9', GITHUB_ACTIONS: 'true' }, 'github-actions'],
    [{ GITLAB_CI: 'true', CI_PIPELINE_ID: '551' }, 'gitlab-ci'],
    [{ JENKINS_URL: 'https://ci.example.com/', BUILD_TAG: 'jenkins-app-42' }, 'jenkins'],
    [{}, 'other'],
  ] as const)('%j is %s', (env, ci) => {
    expect(runContextFromEnv(env).ci).toBe(ci)
  })

  test("the remote link carries the run's own CI system: name, icon and relationship", () => {
    const gitlab = runRemoteLink('https://gitlab.example.com/g/p/-/pipelines/551', 'Deploy', 'gitlab-ci')
    expect(gitlab.application).toEqual({ type: 'com.gitlab.ci', name: 'GitLab CI' })
    expect(gitlab.relationship).toBe('pipeline')
    expect(gitlab.object.icon?.title).toBe('GitLab CI')
    expect(runRemoteLink('https://ci.example.com/job/app/42/', 'Build', 'jenkins').application.name).toBe('Jenkins')
    expect(runRemoteLink('https://github.com/o/r/actions/runs/9', 'Run', 'github-actions').application.name).toBe(
      'GitHub Actions',
    )
    const unknown = runRemoteLink('https://ci.example.com/run/1', 'Run')
    expect(unknown.application.name).toBe('CI')
    expect(unknown.object.icon).toBeUndefined()
    for (const ci of ['github-actions', 'gitlab-ci', 'jenkins', 'other'] as const)
      expect(ciApplication(ci).iconUrl ?? 'https://none').toMatch(/^https:\/\//)
  })
})
