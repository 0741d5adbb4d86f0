/**
 * `npm run docs`: writes docs/config-reference.md from the zod schema.
 * `node dist/cli/docs/generate-config-reference.js --check` only compares, and exits 1 when stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReferenceMarkdown } from './config-reference';

/** The repository root, from dist/cli/docs (built) or cli/docs (sources). */
function repositoryRoot(): string {
  for (const up of [join(__dirname, '..', '..', '..'), join(__dirname, '..', '..')]) {
    if (existsSync(join(up, 'package.json'))) return up;
  }
  throw new Error('cannot find the repository root (package.json) from ' + __dirname);
}

export const CONFIG_REFERENCE_FILE = join('docs', 'config-reference.md');

const target = join(repositoryRoot(), CONFIG_REFERENCE_FILE);
const text = configReferenceMarkdown();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(`${CONFIG_REFERENCE_FILE} is stale; run npm run docs and commit it.`);
    process.exitCode = 1;
  } else console.log(`${CONFIG_REFERENCE_FILE} is up to date.`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
