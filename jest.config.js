/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testTimeout: 30000,
  // One synth of each config and one terraform init per run, shared between the test files (__tests__/harness/run-folders-setup.js).
  globalSetup: '<rootDir>/__tests__/harness/run-folders-setup.js',
  globalTeardown: '<rootDir>/__tests__/harness/run-folders-teardown.js',
  // terraform validate runs a few stacks per file; keep two workers on the 2-core machines
  maxWorkers: 2,
};
