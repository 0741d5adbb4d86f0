/** jest globalTeardown: removes the folders of run-folders-setup.js. */
const { rmSync } = require('node:fs');

module.exports = () => {
  for (const name of ['LZ_TEST_SYNTH_CACHE', 'LZ_TEST_TERRAFORM_INIT']) {
    const dir = process.env[name];
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
};
