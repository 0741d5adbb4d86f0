/**
 * The plan benchmark (`npm run bench:plan`, __tests__/bench/plan.bench.ts): applies generated organizations to the moto
 * emulator and measures plans. Not part of npm test; it takes tens of minutes.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/__tests__/bench'],
  testMatch: ['**/*.bench.ts'],
  maxWorkers: 1,
};
