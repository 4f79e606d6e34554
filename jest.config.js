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
  // Most e2e time is waiting (the mocks, GitHub's write pacing, the CLI's model calls), so four
  // workers keep a 2-core runner busy: the whole suite took 65 s here, against 108 s with two.
  maxWorkers: 4
}
