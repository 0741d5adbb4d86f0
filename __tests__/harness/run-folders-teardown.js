/** jest globalTeardown: stops the provider servers the workers started (harness/provider-servers.ts) and removes the folders of run-folders-setup.js. */
const { existsSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

/** Stops every provider server recorded in the init folder, by the pid it was started with. */
function stopProviderServers(dir) {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((name) => /^server-.*\.json$/.test(name))) {
    const { pid } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

module.exports = () => {
  if (process.env.LZ_TEST_TERRAFORM_INIT) stopProviderServers(process.env.LZ_TEST_TERRAFORM_INIT);
  for (const name of ['LZ_TEST_SYNTH_CACHE', 'LZ_TEST_TERRAFORM_INIT']) {
    const dir = process.env[name];
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
};
