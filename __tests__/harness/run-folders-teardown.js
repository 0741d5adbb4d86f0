/** jest globalTeardown: removes the synth cache's folder (synth-cache-setup.js). */
const { rmSync } = require('node:fs');

module.exports = () => {
  const dir = process.env.LZ_TEST_SYNTH_CACHE;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
