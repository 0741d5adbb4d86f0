/**
 * jest globalSetup: the synth cache's folder for this run (harness/synth.ts, cachedSynthFiles), named in
 * LZ_TEST_SYNTH_CACHE for the workers. Many test files synthesize the same config (the two examples above all);
 * the first writes the output there, the others read it. synth-cache-teardown.js removes it.
 */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = () => {
  process.env.LZ_TEST_SYNTH_CACHE = mkdtempSync(join(tmpdir(), 'lz-synth-cache-'));
};
