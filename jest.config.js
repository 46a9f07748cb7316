// ESM + ts-jest: run with NODE_OPTIONS=--experimental-vm-modules (see package.json "test").
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', useESM: true }] },
  // The integration tests run dist/: rebuild it when src/ is newer (npm test builds anyway).
  globalSetup: './__tests__/setup/fresh-bundle.mjs',
  testTimeout: 60000,
  // Integration tests start servers and child processes; two workers fit a 2-core machine.
  maxWorkers: 2,
  // Coverage of src/ by the tests that import it (the bundles' runs are not counted here).
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.d.ts'],
  coverageProvider: 'v8',
  coverageReporters: ['text-summary', 'lcov'],
  // Where the suite stands; raise it with the suite, never lower it.
  coverageThreshold: { global: { statements: 92, branches: 87 } },
}
