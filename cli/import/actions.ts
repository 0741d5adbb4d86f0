/**
 * What `lz import` does once its flags are parsed. Loaded only when the command runs (cli/commands/import.ts), so
 * every other command starts without the discovery code and the AWS SDK clients.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { AWS_REGIONS, regionError } from '../../config/regions';
import { organizationsClient } from '../../discovery/aws/organizations';
import { configFileOf, loadConfigOrFail } from '../lib/config';
import { SKIPPABLE, type Skippable } from '../../discovery/skippable';
import { importOneAccount } from './one-account';
import { importedConfigProblems } from './organization-yaml';
import { importWholeOrganization } from './whole-organization';
import { UserError } from '../../lib/user-error';

export interface ImportFlags {
  output: string;
  logArchive?: string;
  security?: string;
  name?: string;
  homeRegion?: string;
  regions?: string;
  stateBucket?: string;
  policies: boolean;
  discovery: boolean;
  accessRole: string;
  concurrency: string;
  skip?: string;
  account?: string;
  config?: string;
  force?: boolean;
}

/** Writes `text` to `file`, or says why it cannot (nothing written). */
function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UserError(
      `cannot write ${file} (${code}${code === 'ENOENT' ? ': its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? ': no permission' : code === 'EISDIR' ? ': it is a folder' : ''}). Nothing was written; run again with --output <a writable file>, or --output - to print the config and redirect it yourself.`,
    );
  }
}

/** Says what was not discovered, on stderr, and sets exit code 1 so CI notices. */
function reportGaps(gaps: readonly string[], file: string): void {
  if (gaps.length === 0) return;
  console.error(`Not everything could be discovered (listed in the header of ${file} too):\n${gaps.map((g) => `  ${g}`).join('\n')}`);
  process.exitCode = 1;
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UserError(`${flag} ${JSON.stringify(value)} is not a whole number from 1 to 64.`);
  return n;
}

/** The reads --skip names, checked. */
function skipped(value: string | undefined): Set<Skippable> {
  const names = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(SKIPPABLE as readonly string[]).includes(n));
  if (unknown.length > 0) throw new UserError(`--skip: ${unknown.map((n) => JSON.stringify(n)).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a read lz import makes; choose from ${SKIPPABLE.join(', ')}.`);
  return new Set(names as Skippable[]);
}

/** `lz import --account <name|id>`: one account of an existing config, its adopt section rewritten in place. */
export async function importAccountAction(opts: ImportFlags, outputGiven: boolean): Promise<void> {
  const skip = skipped(opts.skip);
  const file = configFileOf(opts.config);
  const { config } = loadConfigOrFail(file);
  const result = await importOneAccount(config, file, opts.account as string, organizationsClient(), skip);
  const target = outputGiven ? opts.output : file;
  if (target === '-') process.stdout.write(result.text);
  else writeOutput(target, result.text);
  const who = result.account.management ? 'organization.adopt (management account)' : `accounts: ${result.account.name}, adopt`;
  if (target !== '-') {
    console.log(`Wrote ${who} in ${target}: ${Object.keys(result.findings.regions).length} regions read through ${result.findings.role ?? 'the management account\'s credentials'}.`);
    console.log('Refreshed from Organizations: organization.rootId, additionalPolicyTypes, delegatedAdministrators, guardrails.existing and the account in controlTower.enrolledAccounts.');
  }
  for (const note of result.notes) console.error(note);
  const problems = importedConfigProblems(result.text, target === '-' ? file : target);
  if (problems) {
    console.error(problems);
    process.exitCode = 1;
  }
  reportGaps(result.gaps, target === '-' ? 'the output' : target);
}

/** `lz import`: the whole organization into a new config. */
export async function importOrganizationAction(flags: ImportFlags): Promise<void> {
  const opts = { ...flags, homeRegion: flags.homeRegion ?? process.env.AWS_REGION ?? 'us-east-1' };
  if (opts.output !== '-' && existsSync(opts.output) && !opts.force) {
    throw new UserError(`${opts.output} exists; pass --force to overwrite it or --output another file (or --account <name> to discover one account of it).`);
  }
  const regionsGiven = [opts.homeRegion, ...(opts.regions ?? '').split(',').map((r) => r.trim()).filter(Boolean)];
  for (const region of regionsGiven) {
    if (!(AWS_REGIONS as readonly string[]).includes(region)) throw new UserError(`--home-region / --regions: ${JSON.stringify(region)} ${regionError(region)}.`);
  }
  const concurrency = positiveInteger(opts.concurrency, '--concurrency');
  const skip = skipped(opts.skip);
  const regions = opts.regions ? opts.regions.split(',').map((r) => r.trim()).filter(Boolean) : [opts.homeRegion];
  const result = await importWholeOrganization(organizationsClient(), {
    logArchive: opts.logArchive,
    security: opts.security,
    name: opts.name,
    homeRegion: opts.homeRegion,
    governedRegions: regions,
    stateBucket: opts.stateBucket,
    accessRoleName: opts.accessRole,
    policies: opts.policies,
    discover: opts.discovery,
    homeRegionGiven: flags.homeRegion !== undefined,
    regionsGiven: Boolean(opts.regions),
    concurrency,
    skip,
  });
  if (opts.output === '-') process.stdout.write(result.text);
  else writeOutput(opts.output, result.text);
  const { org, discovery } = result;
  const n = org.accounts.filter((a) => a.id !== org.managementAccountId && a.status === 'ACTIVE').length;
  if (opts.output !== '-') {
    console.log(
      `Wrote ${opts.output}: organization ${org.id}, ${org.organizationalUnits.length} OUs, ${n} member accounts with ids${discovery ? `, services of ${discovery.findings.length} accounts discovered${discovery.controlTower ? ', Control Tower found' : ''}` : ''}.`,
    );
  }
  const problems = importedConfigProblems(result.text, opts.output === '-' ? 'landing-zone.yaml' : opts.output);
  if (problems) {
    console.error(`${problems}\nThe organization does not fit the config everywhere yet: edit ${opts.output} where listed above, then run lz validate ${opts.output}.`);
    process.exitCode = 1;
  } else if (opts.output !== '-') console.log(`Next: lz validate ${opts.output}, then npm run synth and a plan that shows imports and in-place changes only (docs/operations.md).`);
  reportGaps(result.gaps, opts.output === '-' ? 'the output' : opts.output);
}
