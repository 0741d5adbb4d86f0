/**
 * jest globalSetup: folders the test files of one run share, named in the environment for the workers;
 * run-folders-teardown.js removes them.
 * - LZ_TEST_SYNTH_CACHE: the synth cache (harness/synth.ts, cachedSynthFiles). Many test files synthesize the same
 *   config (the two examples above all); the first writes the output there, the others read it.
 * - LZ_TEST_TERRAFORM_INIT: the providers `terraform init` installed (harness/terraform.ts, sharedInit), once per
 *   worker, instead of a copy of the AWS provider (700 MB) in every folder a test validates; and the records of the
 *   provider servers each worker's validates share (harness/provider-servers.ts), which the teardown stops.
 */
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = () => {
  process.env.LZ_TEST_SYNTH_CACHE = mkdtempSync(join(tmpdir(), 'lz-synth-cache-'));
  process.env.LZ_TEST_TERRAFORM_INIT = mkdtempSync(join(tmpdir(), 'lz-terraform-init-'));
};
