/** Jest in native ESM mode (run through `node --experimental-vm-modules`). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  // e2e tests spawn the real CLI (a 400 MB binary): two workers at most on a 2-core runner.
  maxWorkers: 2
}
