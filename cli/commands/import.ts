import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AWS_REGIONS, regionError } from '../../config/regions';
import { organizationsClient } from '../../discovery/aws/organizations';
import { configFileOf, loadConfigOrFail } from '../lib/config';
import { SKIPPABLE, type Skippable } from '../../discovery/account';
import { DEFAULT_CONCURRENCY } from '../../discovery/pool';
import { importOneAccount } from '../import/one-account';
import { DEFAULT_ACCESS_ROLE, importedConfigProblems } from '../import/organization-yaml';
import { importWholeOrganization } from '../import/whole-organization';
import { UserError } from '../../lib/user-error';
import { runAction } from '../lib/run-action';

// The pieces of lz import, re-exported for the tests and other callers of the former single file.
export { readOrganization, type ExistingAccount, type ExistingOrganization, type ExistingPolicy } from '../../discovery/aws/read-organization';
export { configName, ouConfigName } from '../../discovery/names';
export { importedConfigProblems, organizationToYaml, SUSPENDED_WITH_ACTIVE, type ImportOptions } from '../import/organization-yaml';

interface ImportFlags {
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
async function importAccountAction(opts: ImportFlags, outputGiven: boolean): Promise<void> {
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
async function importOrganizationAction(flags: ImportFlags): Promise<void> {
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

/** `lz import [--output file] [--log-archive NAME] [--security NAME] ...`, or `lz import --account NAME`. */
export function register(program: Command): void {
  program
    .command('import')
    .description(
      'Adopt an existing organization: read OUs, accounts and policies, and what every account already runs (Config, GuardDuty, Security Hub, trails, ...) and Control Tower, then write a landing-zone.yaml with their ids and adopt sections.',
    )
    .option('-o, --output <file>', 'file to write (- for standard output)', 'landing-zone.yaml')
    .option('--log-archive <name>', 'the existing account to use as the log-archive account (default: the one whose name contains "log")')
    .option('--security <name>', 'the existing account to use as the security account (default: the one whose name contains "security" or "audit")')
    .option('--name <name>', 'organization.name for physical names (default: from the management account name)')
    .option('--home-region <region>', 'organization.homeRegion (default: Control Tower\'s home region when it is found, else $AWS_REGION or us-east-1)')
    .option('--regions <list>', 'organization.governedRegions, comma separated (default: the regions Control Tower governs, else the home region)')
    .option('--state-bucket <bucket>', 'use S3 state in this bucket (default: local state)')
    .option('--access-role <name>', 'organization.accessRoleName: the role assumed in member accounts', DEFAULT_ACCESS_ROLE)
    .option('--no-policies', 'do not read existing organization policies (guardrails.existing is not written)')
    .option('--no-discovery', 'read only the organization: no account services, no Control Tower (no adopt sections)')
    .option('--concurrency <n>', 'accounts read at once', String(DEFAULT_CONCURRENCY))
    .option('--skip <list>', `reads to leave out, comma separated (their entries are not written): ${SKIPPABLE.join(', ')}`)
    .option('--account <name|id>', 'discover one account of an existing config (its name or id under accounts, or "management"): rewrite its adopt section and refresh the organization\'s records (rootId, policy types, existing policies, delegated administrators)')
    .option('-c, --config <file>', 'with --account: the config to update (default: $LZ_CONFIG or landing-zone.yaml)')
    .option('--force', 'overwrite the output file')
    .addHelpText(
      'after',
      [
        '',
        'Run with the management account\'s credentials: organizations Describe*/List*, sts:AssumeRole into the access role',
        '(or AWSControlTowerExecution) of every account, controltower List*/Get*, sso:ListInstances, and the delegated',
        'administrator lists of guardduty, securityhub, macie2, inspector2 and detective. Accounts that cannot be',
        'reached and regions not enabled are listed in the file\'s header and on stderr (exit code 1); the file is still written.',
        'Then: lz validate, npm run synth, and a plan that shows imports and in-place changes only (docs/operations.md,',
        '"Taking over an existing organization"). For an account added later: lz import --account <name> [--config file].',
      ].join('\n'),
    )
    .action(
      runAction(async (opts: ImportFlags, command: Command) => {
        if (opts.account) return importAccountAction(opts, command.getOptionValueSource('output') === 'cli');
        return importOrganizationAction(opts);
      }),
    );
}
