import { describe, expect, test } from '@jest/globals'
import { runContextFromEnv } from '../../../src/config/run-context.js'
import { buildTemplateValues, runUrlOf } from '../../../src/core/issues/template.js'

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
