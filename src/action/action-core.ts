import type * as core from '@actions/core'

/** The part of @actions/core the action uses; main() receives it so tests can pass their own. */
export type ActionCore = Pick<
  typeof core,
  'getInput' | 'setOutput' | 'setSecret' | 'setFailed' | 'info' | 'warning' | 'error' | 'notice' | 'debug' | 'summary'
>
