// The package version `jira-oauth --version` prints. It must equal package.json's "version":
// __tests__/unit/cli/version.test.ts checks it, and the release workflow checks the tag against both.
export const VERSION = '0.1.0'
